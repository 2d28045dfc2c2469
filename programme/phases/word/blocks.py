"""The building blocks the phase plan's Word document is written with: headings (gathered for
the table of contents), paragraphs, bulleted and numbered lists, a plan's Markdown text, and
tables with a repeating header row, group rows and a total."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from .frame import GREY, GROUP_FILL, HEADER_FILL, TOC_LEVELS, Frame
from .markdown import add_inline, markdown_blocks


def shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_as_header(row) -> None:
    """The row repeats at the top of every page the table runs over."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


class Blocks(Frame):
    """The document's building blocks, on the frame."""

    def heading(self, text: str, level: int):
        paragraph = self.word.add_heading(text, level=level)
        if level == 1:
            paragraph.paragraph_format.page_break_before = True
        if level <= TOC_LEVELS:
            self.headings.append((level, text))
        return paragraph

    def paragraph(self, text: str = "", *, bold: bool = False):
        """A paragraph of plain text (the data's titles are never read as Markdown)."""
        paragraph = self.word.add_paragraph()
        if text:
            paragraph.add_run(text).bold = bold or None
        return paragraph

    def muted(self, text: str):
        paragraph = self.word.add_paragraph()
        run = paragraph.add_run(text)
        run.italic, run.font.color.rgb = True, GREY
        return paragraph

    def bullets(self, items, *, markdown: bool = False) -> None:
        for item in items:
            self._item("List Bullet", item, markdown)

    def numbered(self, items, *, markdown: bool = False) -> None:
        """A numbered list that starts at 1, whatever lists came before it."""
        number = self._new_numbering()
        for item in items:
            paragraph = self._item("List Number", item, markdown)
            properties = paragraph._p.get_or_add_pPr()
            numbering = properties.get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = number

    def _item(self, style: str, item, markdown: bool):
        """A list item: a text (Markdown when `markdown`), or (text, bold) parts."""
        paragraph = self.word.add_paragraph(style=style)
        if markdown:
            add_inline(paragraph, item)
            return paragraph
        parts = [(item, False)] if isinstance(item, str) else item
        for text, bold in parts:
            if text:
                paragraph.add_run(text).bold = bold or None
        return paragraph

    def _new_numbering(self) -> int:
        numbering = self.word.part.numbering_part.element
        style = self.word.styles["List Number"].element
        abstract = numbering.num_having_numId(style.pPr.numPr.numId.val).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def markdown(self, text: str, *, empty: str = "") -> None:
        """A plan's text: paragraphs (single line breaks kept), lists and headings."""
        blocks = markdown_blocks(text)
        if not blocks and empty:
            self.muted(empty)
        for kind, content in blocks:
            if kind == "h":
                level, title = content
                self.word.add_heading(title, level=3 if level <= 2 else 4)
            elif kind == "ul":
                self.bullets(content, markdown=True)
            elif kind == "ol":
                self.numbered(content, markdown=True)
            else:
                paragraph = self.word.add_paragraph()
                for index, line in enumerate(content):
                    if index:
                        paragraph.add_run().add_break()
                    add_inline(paragraph, line)

    def table(self, headers: list[str], rows: list[list], *, numeric=(), widths=(), total=None):
        """A table with a repeating header row; `rows` of texts, or ("group", text) for a row
        across the whole table; `total` a last row in bold."""
        table = self.word.add_table(rows=1, cols=len(headers))
        table.style = self.word.styles["Table Grid"]
        header = table.rows[0]
        repeat_as_header(header)
        for index, text in enumerate(headers):
            cell = header.cells[index]
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            shade(cell, HEADER_FILL)
        groups = []
        for row in [*rows, *([total] if total else [])]:
            cells = table.add_row().cells
            if isinstance(row, tuple) and row[0] == "group":
                groups.append((cells, row[1]))
                continue
            for index, value in enumerate(row):
                paragraph = cells[index].paragraphs[0]
                paragraph.add_run(str(value or "")).bold = (row is total) or None
                if index in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for index, width in enumerate(widths):  # before merging: every cell its column's width
            table.columns[index].width = Mm(width)
            for cell in table.columns[index].cells:
                cell.width = Mm(width)
        for cells, text in groups:
            merged = cells[0].merge(cells[-1])
            merged.paragraphs[0].add_run(text).bold = True
            shade(merged, GROUP_FILL)
        self.word.add_paragraph()  # room below the table
        return table
