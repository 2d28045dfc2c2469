"""The import of budget lines: one sheet, one row per cost or coverage line, into a concept.

The headings are Dutch (Kant, Categorie, Omschrijving, Bedrag, Bron, Toelichting, Inspanning,
Werkgroep; the export's own headings and English ones are accepted too), read and cleaned by
`avk.spreadsheets`: a title above the headings, empty rows, "€ 97.962,-" and total rows
("Totale kosten") are taken in their stride. Without a Kant column a row with a Bron is
coverage and one without is a cost. A row whose side and description name a line of the budget
changes that line; other rows are new lines.

`check()` reads the file and plans every row against the budget in a few queries; it writes
nothing. `services.imports.lines_import` checks the staged file again and writes the plan in
one transaction, all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from avk import staging
from avk.formats import money
from avk.policy import require
from avk.spreadsheets import Column, check_duplicates, read_table
from avk.spreadsheets.cleaning import key
from programme.din.models import Effort, WorkingGroup

from .models import Budget, BudgetLine, Side, SourceKind

#: The kind a staged file of budget lines is bound to.
STAGING_KIND = "budget.lines"
SHEET_NAMES = ("Begroting", "Budget", "Begrotingsregels")
#: A row whose description starts like this is a total of the file, not a line.
TOTAL_STARTS = ("totaal", "totale", "total", "subtotaal", "saldo")


def _max_length(name: str) -> int:
    return BudgetLine._meta.get_field(name).max_length


def columns() -> list[Column]:
    sides = {
        "kosten": Side.COSTS,
        "dekking": Side.COVERAGE,
        "costs": Side.COSTS,
        "coverage": Side.COVERAGE,
        "uitgaven": Side.COSTS,
        "inkomsten": Side.COVERAGE,
    }
    return [
        Column("side", "Kant", aliases=("Side", "Kosten of dekking"), kind="choice",
               choices=sides),
        Column("category", "Categorie", aliases=("Category", "Rubriek"),
               max_length=_max_length("category")),
        Column("description", "Omschrijving", aliases=("Description", "Post", "Begrotingspost",
               "Regel"), required=True, max_length=_max_length("description")),
        Column("amount", "Bedrag", aliases=("Amount", "Begroot", "Bedrag (EUR)", "Bedrag in euro",
               "Planned"), required=True, kind="money"),
        Column("source_kind", "Bron", aliases=("Source", "Dekkingsbron"), kind="choice",
               choices=SourceKind),
        Column("explanation", "Toelichting", aliases=("Explanation",)),
        Column("effort", "Inspanning", aliases=("Effort",)),
        Column("working_group", "Werkgroep", aliases=("Working group",)),
    ]  # fmt: skip


@dataclass
class PlannedLine:
    number: int
    values: dict
    line: BudgetLine | None = None  # the line it changes; None for a new line

    @property
    def action(self) -> str:
        if self.line is None:
            return "new"
        changed = any(getattr(self.line, k) != v for k, v in self.values.items())
        return "changed" if changed else "unchanged"


@dataclass
class Plan:
    rows: list[PlannedLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def count_new(self) -> int:
        return self.count("new")

    @property
    def count_changed(self) -> int:
        return self.count("changed")

    @property
    def count_unchanged(self) -> int:
        return self.count("unchanged")

    def preview_rows(self) -> list[dict]:
        labels = {"new": _("new"), "changed": _("changed"), "unchanged": _("unchanged")}
        sides = dict(Side.choices)
        sources = dict(SourceKind.choices)
        return [
            {
                "number": row.number,
                "action": labels[row.action],
                "side": sides[row.values["side"]],
                "category": row.values.get("category", ""),
                "description": row.values["description"],
                "amount": money(row.values["amount"]) if "amount" in row.values else "",
                "source": sources.get(row.values.get("source_kind"), ""),
                "effort": row.values.get("effort") or "",
                "working_group": row.values.get("working_group") or "",
            }
            for row in self.rows
        ]


def check(*, content: bytes, filename: str, budget: Budget, by) -> Plan:
    """The plan of the file for a concept `budget`, or its problems (row and column named)."""
    require(by, "budget.import", budget)
    try:
        staging.check_size(len(content))
    except ValidationError as too_large:
        return Plan(problems=too_large.messages)
    table = read_table(content, filename, columns=columns(), sheet_names=SHEET_NAMES)
    plan = Plan(notes=list(table.notes))
    if table.header_row is None or not table.rows and table.errors:
        plan.problems = table.messages
        return plan
    totals = [row for row in table.rows if _is_total(row.values.get("description"))]
    if totals:
        table.rows = [row for row in table.rows if row not in totals]
        plan.notes.append(
            _("Rows with a total were skipped: %(rows)s.")
            % {"rows": ", ".join(str(row.number) for row in totals)}
        )
    for row in table.rows:
        if not row.values.get("side"):
            row.values["side"] = Side.COVERAGE if row.values.get("source_kind") else Side.COSTS
    check_duplicates(table, "description", label=_("The line"))
    _plan(table, plan, budget)
    plan.problems = table.messages
    if plan.problems:
        plan.rows = []
    return plan


def _is_total(description) -> bool:
    return bool(description) and key(description).startswith(TOTAL_STARTS)


def _plan(table, plan: Plan, budget: Budget) -> None:
    existing = {(line.side, key(line.description)): line for line in budget.lines.all()}
    efforts = {key(e.title): e for e in Effort.objects.filter(programme_id=budget.programme_id)}
    groups = {key(g.name): g for g in WorkingGroup.objects.filter(programme_id=budget.programme_id)}
    for row in table.rows:
        if row.errors:
            continue
        values = {k: v for k, v in row.values.items() if k in BudgetLine.EDITABLE_FIELDS}
        for name, found in (("effort", efforts), ("working_group", groups)):
            text = values.get(name)
            if not text:
                values.pop(name, None)
                continue
            if key(text) not in found:
                table.add_error(row, name, _no_such(name, text))
                continue
            values[name] = found[key(text)]
        side = values["side"]
        if side == Side.COSTS and values.get("source_kind"):
            table.add_error(row, "source_kind", _("Only a coverage line has a source."))
            continue
        if side == Side.COVERAGE and not values.get("source_kind"):
            table.add_error(row, "source_kind", _("Choose where this coverage comes from."))
            continue
        line = existing.get((side, key(values["description"])))
        if line is not None and line.derived:
            values.pop("amount", None)
            plan.notes.append(
                _(
                    "Row %(number)s: the member contributions follow the commitments; the "
                    "amount in the file is not used."
                )
                % {"number": row.number}
            )
        plan.rows.append(PlannedLine(row.number, values, line))


def _no_such(name: str, text: str) -> str:
    if name == "effort":
        return _("This programme has no effort '%(name)s'.") % {"name": text}
    return _("This programme has no working group '%(name)s'.") % {"name": text}


def template_workbook():
    """An empty file of budget lines with the headings and an explanation sheet."""
    from openpyxl import Workbook

    from avk.exports import add_sheet

    book = Workbook()
    book.remove(book.active)
    add_sheet(book, "Begroting", [c.heading for c in columns()], [],
              widths=[10, 22, 44, 14, 18, 50, 30, 24])  # fmt: skip
    explained = {
        "side": _("kosten or dekking; empty: dekking when a source is given, else kosten."),
        "description": _("Required; a line of the budget with this description is changed."),
        "amount": _("Required; in euros, like 97.962 or 2.500,00."),
        "source_kind": _("For coverage: ledenbijdragen, fondsen, gemeentelijk or overig."),
        "effort": _("Optional: the title of the effort the line pays for."),
        "working_group": _("Optional: the name of the working group the line pays for."),
    }
    help_sheet = add_sheet(
        book, _("Explanation"), [_("Column"), _("What to fill in")], [], widths=[22, 90]
    )
    for column in columns():
        help_sheet.append([column.heading, str(explained.get(column.key, ""))])
    return book
