"""The phase plan as an editable Word document (.docx, python-docx): the same document as the
PDF, written from the same `Document` (`selectors.thaw`, live or frozen contents), so a secretary
or partner edits and comments in Word without retyping anything.

Cover (programme, title, period, CONCEPT and its date on a concept), contents (a Word table of
contents field, filled in with the headings), the chapters of the programme plan (seed 002) with
real Word headings (Heading 1 per chapter, 2 and 3 below it: Word's navigation pane and table of
contents work), the plan's texts as paragraphs and lists (their Markdown read, never shown raw),
the planning and the budget's costs and coverage as real tables with their totals, and the
colophon with the thanks. Chapter 4 gives the efforts per goal in a table instead of the PDF's
timeline. A concept carries "CONCEPT" and its date in the header of every page. No queries.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx.oxml.ns import qn
from docx.shared import Pt

from avk.formats import money, month_long

from ..selectors import Document
from .blocks import Blocks
from .frame import BLUE, RED, TOC_LEVELS, field_end, field_runs


class _Writer(Blocks):
    """Writes one plan into a fresh Word document: cover, contents, chapters, colophon."""

    def write(self) -> bytes:
        self.cover()
        self.contents_heading()
        first_chapter = self.foreword()
        self.chapter_1()
        self.chapter_2()
        self.chapter_3()
        self.chapter_4()
        self.chapter_5()
        self.colophon()
        self.table_of_contents(first_chapter)
        out = BytesIO()
        self.word.save(out)
        return out.getvalue()

    def cover(self) -> None:
        doc = self.doc
        plan = doc.plan
        for _n in range(6):
            self.word.add_paragraph()
        programme = self.paragraph()
        run = programme.add_run(doc.programme["name"].upper())
        run.bold, run.font.size, run.font.color.rgb = True, Pt(13), BLUE
        self.word.add_paragraph(plan["title"], style="Title")
        if plan["subtitle"]:
            self.word.add_paragraph(plan["subtitle"], style="Subtitle")
        period = self.paragraph()
        period.add_run(
            _("%(start)s to %(end)s")
            % {"start": month_long(plan["valid_from"]), "end": month_long(plan["valid_until"])}
        ).font.size = Pt(13)
        if doc.programme.get("ambition"):
            self.word.add_paragraph()
            ambition = self.paragraph()
            ambition.add_run(doc.programme["ambition"]).italic = True
        self.word.add_paragraph()
        status = self.paragraph()
        if self.concept:
            marker = status.add_run(_("CONCEPT"))
            marker.bold, marker.font.size, marker.font.color.rgb = True, Pt(20), RED
            status.add_run().add_break()
            status.add_run(_("Concept of %(day)s") % {"day": date_format(self.printed_on)})
        elif self.adopted_on:
            status.add_run(
                _("Adopted by the board on %(day)s (decision %(number)s)")
                % {"day": date_format(self.adopted_on), "number": doc.data.get("decision", "")}
            )

    def contents_heading(self):
        paragraph = self.word.add_paragraph(_("Contents"), style="TOC Heading")
        paragraph.paragraph_format.page_break_before = True
        return paragraph

    def table_of_contents(self, first_chapter) -> None:
        """Word's table of contents field after the "Contents" heading, its result filled in
        with the headings of levels 1 and 2 (Word adds the page numbers when it updates the
        field: right-click, "Update field")."""
        entries = [
            first_chapter.insert_paragraph_before(text, style=f"toc {level}")
            for level, text in self.headings
        ]
        first = entries[0]._p
        position = first.index(first.find(qn("w:r")))
        for offset, run in enumerate(field_runs(f'TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u')):
            first.insert(position + offset, run)
        field_end(entries[-1])

    def foreword(self):
        heading = self.heading(_("Foreword"), 1)
        self.markdown(self.doc.texts.get("foreword", ""), empty=_("No foreword written yet."))
        return heading

    def chapter_1(self) -> None:
        doc = self.doc
        self.heading("1. " + _("Context and phasing"), 1)
        self.markdown(doc.texts.get("context", ""), empty=_("No text written yet."))
        if doc.texts.get("reading_guide"):
            self.heading(_("Reading guide"), 2)
            self.markdown(doc.texts["reading_guide"])
        if doc.attention_points:
            self.heading(_("What we take up from the reflection"), 2)
            self.paragraph(
                _("The attention points of the island of reflection that this phase plan takes up:")
            )
            items = []
            for point in doc.attention_points:
                where = ", ".join(
                    part for part in (point["session"], point["round"], point["reference"]) if part
                )
                parts = [(point["title"], True), (f" ({where})", False)]
                if point.get("note"):
                    parts.append((f": {point['note']}", False))
                items.append(parts)
            self.bullets(items)

    def chapter_2(self) -> None:
        doc = self.doc
        self.heading("2. " + _("Programme goals"), 1)
        n = len(doc.lines)
        self.paragraph(
            ngettext(
                "This phase plan works on %(n)s programme line. For it we name the challenge, "
                "our approach and the strategic goal we pursue.",
                "This phase plan works on %(n)s programme lines that together serve our "
                "ambition. Per line we name the challenge, our approach and the strategic "
                "goals we pursue.",
                n,
            )
            % {"n": n}
        )
        if not doc.lines:
            self.muted(_("No goals have been selected yet."))
        for line in doc.lines:
            self.heading(line["name"], 2)
            if line.get("challenge"):
                self.heading(_("The challenge"), 3)
                self.markdown(line["challenge"])
            if line.get("approach"):
                self.heading(_("The approach"), 3)
                self.markdown(line["approach"])
            goals = line["strategic_goals"]
            self.heading(_("Strategic goal") if len(goals) == 1 else _("Strategic goals"), 3)
            self.bullets(
                [
                    [(goal["title"], True), (f": {goal['description']}", False)]
                    if goal.get("description")
                    else [(goal["title"], True)]
                    for goal in goals
                ]
            )

    def chapter_3(self) -> None:
        doc = self.doc
        self.heading("3. " + _("Efforts and activities"), 1)
        self.paragraph(
            _(
                "Per strategic goal, the operational goals and the efforts (projects and "
                "activities) we take up in this phase."
            )
        )
        if doc.programme.get("ambition"):
            paragraph = self.paragraph(_("Our ambition:"), bold=True)
            paragraph.add_run(" " + doc.programme["ambition"])
        for goal in doc.strategic_goals:
            self.heading(goal["title"], 2)
            for og in goal["operational_goals"]:
                self.heading(og["title"], 3)
                if og["efforts"]:
                    self.bullets(_effort_line(effort) for effort in og["efforts"])
                else:
                    self.muted(_("No efforts taken up for this goal in this phase."))
        if doc.general:
            self.heading(_("General"), 2)
            self.bullets(
                _effort_line(e) + (f" · {e['place']}" if e.get("place") else "")
                for e in doc.general
            )
        if doc.structural:
            self.heading(_("Structural activities"), 2)
            self.paragraph(_("Some efforts matter for the whole period of the programme:"))
            self.bullets(
                f"{e['title']}: {e['description']}" if e.get("description") else e["title"]
                for e in doc.structural
            )

    def chapter_4(self) -> None:
        doc = self.doc
        self.heading("4. " + _("Planning of efforts"), 1)
        self.paragraph(
            _(
                "The efforts of this phase (%(period)s) per goal, with their planning, "
                "their lead and the partners involved."
            )
            % {"period": doc.plan["period"]}
        )
        rows: list = []
        for group in doc.planning:
            rows.append(("group", "; ".join(group.goals) if group.goals else _("General")))
            for effort in group.efforts:
                rows.append(
                    [
                        effort["title"],
                        effort["period"] or _("not planned yet"),
                        effort.get("lead", ""),
                        ", ".join(_partner_names(effort)),
                    ]
                )
        if rows:
            self.table(
                [_("Effort"), _("Period"), _("Lead"), _("Partners involved")],
                rows,
                widths=(62, 34, 32, 38),
            )
        else:
            self.muted(_("No efforts taken up in this phase yet."))

    def chapter_5(self) -> None:
        doc = self.doc
        self.heading("5. " + _("Resources"), 1)
        self.paragraph(
            _(
                "Carrying out the programme takes resources: budget and people. This chapter "
                "covers the people, their time and the programme budget."
            )
        )
        self.heading(_("People and time"), 2)
        self.markdown(doc.texts.get("people", ""))
        for label, bodies in doc.bodies:
            self.heading(capfirst(label), 3)
            self.bullets(
                [(body["name"], True), (f": {body['description']}", False)]
                if body.get("description")
                else [(body["name"], True)]
                for body in bodies
            )
        if doc.working_groups:
            self.heading(_("Working groups by theme"), 3)
            n = len(doc.working_groups)
            self.paragraph(
                ngettext(
                    "There is %(n)s working group; its kartrekker guards its progress and "
                    "links it to the programme team.",
                    "There are %(n)s working groups; each kartrekker guards the group's "
                    "progress and links it to the programme team.",
                    n,
                )
                % {"n": n}
            )
            items = []
            for group in doc.working_groups:
                parts = [(group["name"], True)]
                leads = group["kartrekkers"]
                if leads:
                    names = ", ".join(leads)
                    label = ngettext(
                        "kartrekker %(names)s", "kartrekkers %(names)s", len(leads)
                    ) % {"names": names}
                    parts.append((f" ({label})", False))
                if group.get("theme"):
                    parts.append((f": {group['theme']}", False))
                items.append(parts)
            self.numbered(items)
        self.budget()

    def budget(self) -> None:
        doc = self.doc
        budget = doc.budget
        self.heading(_("Money: the programme budget"), 2)
        if budget is None:
            self.muted(_("No budget has been linked to this phase plan."))
        else:
            self.paragraph(
                _("The costs and coverage of %(title)s (%(period)s).")
                % {"title": budget["title"], "period": budget["period"]}
            )
            for side, caption, total_label in (
                ("costs", _("Costs"), _("Total costs")),
                ("coverage", _("Coverage"), _("Total coverage")),
            ):
                self.heading(caption, 3)
                self.table(
                    [_("Description"), _("Amount")],
                    [[row["description"], money(row["amount"])] for row in budget[side]],
                    numeric=(1,),
                    widths=(126, 40),
                    total=[total_label, money(budget[f"{side}_total"])],
                )
            if budget["balance"]:
                self.paragraph(
                    _("Coverage minus costs: %(gap)s.") % {"gap": money(budget["balance"])},
                    bold=True,
                )
        if doc.texts.get("budget_explanation"):
            self.heading(_("An explanation of the budget"), 3)
            self.markdown(doc.texts["budget_explanation"])

    def colophon(self) -> None:
        doc = self.doc
        self.heading(_("Colophon"), 1)
        self.paragraph(doc.programme["name"], bold=True)
        self.markdown(doc.texts.get("colophon", ""))
        if doc.texts.get("thanks"):
            self.heading(_("With thanks to"), 2)
            self.markdown(doc.texts["thanks"])


def _effort_line(effort: dict) -> str:
    return f"{effort['title']} ({effort['period']})" if effort.get("period") else effort["title"]


def _partner_names(effort: dict) -> list[str]:
    names = [partner["name"] for partner in effort.get("partners", [])]
    others = (effort.get("other_parties") or "").replace("\n", ",").split(",")
    return names + [name.strip() for name in others if name.strip() and name.strip() not in names]


def build(doc: Document, *, concept: bool, printed_on: date, adopted_on=None) -> bytes:
    """The plan's Word document (bytes), in the active language."""
    return _Writer(doc, concept=concept, printed_on=printed_on, adopted_on=adopted_on).write()
