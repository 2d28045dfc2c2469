"""The Word document's frame: its colours, the A4 page and margins, the styles (Normal in
Dutch, the headings, the table of contents levels), the document properties, the running header
(with CONCEPT and its date on a concept) and the page number in the footer, and Word's complex
fields (PAGE, TOC)."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document as new_word_document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..selectors import Document

BLUE = RGBColor(0x0B, 0x4F, 0x6C)
RED = RGBColor(0xAA, 0x33, 0x33)
GREY = RGBColor(0x55, 0x5F, 0x66)
HEADER_FILL = "DCE9EF"  # the header row of a table
GROUP_FILL = "F1F5F7"  # a goal's row in the planning
LANGUAGE = "nl-NL"
#: The heading levels Word's table of contents shows.
TOC_LEVELS = 2


def field_runs(instruction: str) -> list:
    """The runs that open a complex field (PAGE, TOC): begin, instruction, separate. What
    follows is the result Word shows until it updates the field, up to `field_end`, which may
    be paragraphs further on (a table of contents)."""

    def run_with(element):
        run = OxmlElement("w:r")
        run.append(element)
        return run

    def char(kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return run_with(element)

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    return [char("begin"), run_with(instr), char("separate")]


def field_end(paragraph) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(element)


class Frame:
    """A fresh Word document for one plan, its page, styles, header and footer set up."""

    def __init__(self, doc: Document, *, concept: bool, printed_on: date, adopted_on):
        self.doc = doc
        self.concept = concept
        self.printed_on = printed_on
        self.adopted_on = adopted_on
        self.word = new_word_document()
        self.headings: list[tuple[int, str]] = []
        self._set_up()

    # -- the document's frame ------------------------------------------------------------

    def _set_up(self) -> None:
        word, doc = self.word, self.doc
        section = word.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin = section.right_margin = Mm(22)
        section.header_distance = section.footer_distance = Mm(10)
        styles = word.styles
        normal = styles["Normal"]
        normal.font.size = Pt(10.5)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), LANGUAGE)
        normal.element.get_or_add_rPr().append(language)
        for name, size in (("Heading 1", 17), ("Heading 2", 13), ("Heading 3", 11)):
            styles[name].font.color.rgb = BLUE
            styles[name].font.size = Pt(size)
        styles["Title"].font.color.rgb = BLUE
        for level in range(1, TOC_LEVELS + 1):
            name = f"toc {level}"
            if name not in styles:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
                style.base_style = normal
                style.paragraph_format.left_indent = Mm(6 * (level - 1))
                style.paragraph_format.space_after = Pt(3)
        properties = word.core_properties
        properties.title = f"{doc.plan['title']} · {doc.programme['name']}"
        properties.author = doc.programme["name"]
        properties.subject = doc.plan["subtitle"] or doc.plan["title"]
        properties.language = LANGUAGE
        self._header_and_footer(section)

    def _header_and_footer(self, section) -> None:
        doc = self.doc
        section.different_first_page_header_footer = True  # the cover has no running head
        running = f"{doc.programme['name']} · {doc.plan['title']} · {doc.plan['period']}"
        header = section.header.paragraphs[0]
        header.add_run(running).font.size = Pt(8)
        for paragraph in (header, section.first_page_header.paragraphs[0]):
            if self.concept:
                if paragraph.runs:
                    paragraph.add_run("    ")
                marker = paragraph.add_run(self.concept_marker)
                marker.bold, marker.font.size, marker.font.color.rgb = True, Pt(8), RED
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in field_runs("PAGE"):
            footer._p.append(run)
        footer.add_run("1")
        field_end(footer)

    @property
    def concept_marker(self) -> str:
        concept = _("CONCEPT")
        return f"{concept} · {date_format(self.printed_on)}"
