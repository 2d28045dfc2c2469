"""The partner list import: one sheet, one row per organisation with its commitment.

The headings are those of the export (Naam, Korte naam, Soort, Gemeente, Website, Telefoon,
E-mail, Pakket, Ingangsdatum, Jaarlijkse bijdrage); the English export headings and the
export's own "Pakket sinds" / "Algemeen e-mailadres" are accepted too, so what the portal
exports reads back unchanged. The file is read and cleaned by `avk.spreadsheets`.

`check()` reads the file and plans every row against what the programme holds, read in a few
queries (the partners of the programme by name, their commitments, the packages; the names
not found are looked up once in other programmes). It writes nothing. The plan is written by
`services.imports.import_partner_rows` in one transaction, all or nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from avk import staging
from avk.policy import allowed, require
from avk.spreadsheets import Column, check_duplicates, read_table
from avk.spreadsheets.cleaning import key

from .models import Commitment, CommitmentPackage, Participation, Partner, PartnerKind
from .resources import other_programme_message
from .services.imports import PARTNER_FIELDS

#: The kind a staged partner list is bound to (a delegation file cannot be confirmed as it).
STAGING_KIND = "partners.partners"
#: Sheets the list is taken from when a workbook has several (else the first with headings).
SHEET_NAMES = ("Partners", "Partnerlijst", "Partnerlist")


def _max_length(name: str) -> int:
    return Partner._meta.get_field(name).max_length


def columns(packages=()) -> list[Column]:
    """The columns of the partner list; `packages` are the programme's (matched by code or
    name)."""
    choices = {}
    for package in packages:
        choices[package.code] = package.code
        choices.setdefault(package.name, package.code)
    return [
        Column("name", "Naam", aliases=("Name", "Organisatie"), required=True,
               max_length=_max_length("name")),
        Column("short_name", "Korte naam", aliases=("Short name", "Afkorting"),
               max_length=_max_length("short_name")),
        Column("kind", "Soort", aliases=("Kind", "Type"), required=True, kind="choice",
               choices=PartnerKind),
        Column("municipality", "Gemeente", aliases=("Municipality",),
               max_length=_max_length("municipality")),
        Column("website", "Website", aliases=("Site",), kind="url",
               max_length=_max_length("website")),
        Column("phone", "Telefoon", aliases=("Phone", "Telefoonnummer"), kind="phone",
               max_length=_max_length("phone")),
        Column("email", "E-mail", aliases=("Algemeen e-mailadres", "General e-mail",
               "E-mailadres", "Email"), kind="email", max_length=_max_length("email")),
        Column("package", "Pakket", aliases=("Package",), kind="choice", choices=choices or
               {"-": "-"}),
        Column("valid_from", "Ingangsdatum", aliases=("Pakket sinds", "Package since",
               "Valid from", "Startdatum"), kind="date"),
        Column("yearly_contribution", "Jaarlijkse bijdrage", aliases=("Yearly contribution",
               "Bijdrage"), kind="money"),
    ]  # fmt: skip


@dataclass
class PlannedRow:
    number: int
    values: dict
    partner: Partner | None = None  # the existing partner, None for a new one
    changes: dict = field(default_factory=dict)  # partner fields that change
    #: ("new", package, valid_from, amount or None, the commitment it ends or None),
    #: ("correct", commitment, amount) or None
    commitment: tuple | None = None
    participation: Participation | None = None
    #: The partner's commitments as the plan saw them: {(id, version)}; the import refuses
    #: to write when they changed meanwhile.
    seen: frozenset = frozenset()

    @property
    def action(self) -> str:
        if self.partner is None:
            return "new"
        return "changed" if self.changes or self.commitment else "unchanged"


@dataclass
class Plan:
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def new(self) -> int:
        return self.count("new")

    @property
    def updated(self) -> int:
        return self.count("changed")

    @property
    def skipped(self) -> int:
        return self.count("unchanged")

    def preview_rows(self) -> list[dict]:
        labels = {"new": _("new"), "changed": _("changed"), "unchanged": _("unchanged")}
        return [
            {
                "number": row.number,
                "action": labels[row.action],
                "values": [_shown(row.values.get(name)) for name in self.keys],
            }
            for row in self.rows
        ]


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, Decimal):
        return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return str(value)


def refused(problems: list[str]) -> Plan:
    return Plan(problems=problems)


def check(*, content: bytes, filename: str, programme, by) -> Plan:
    """The plan of the file for `programme`, or its problems (with row and column). Only who
    may `partners.import` in the programme checks a file (`Refused` otherwise)."""
    require(by, "partners.import", programme)
    try:
        staging.check_size(len(content))  # refused before parsing
    except ValidationError as too_large:
        return refused(too_large.messages)
    if not content.startswith(b"PK") and not filename.lower().endswith((".csv", ".xlsx")):
        return refused(
            [_("This is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file.")]
        )
    packages = list(CommitmentPackage.objects.filter(programme=programme))
    table = read_table(content, filename, columns=columns(packages), sheet_names=SHEET_NAMES)
    plan = Plan(notes=list(table.notes))
    if table.header_row is None or not table.rows and table.errors:
        plan.problems = table.messages
        return plan
    plan.keys = [c.key for c in columns() if c.key in table.columns_found]
    plan.headers = [table.columns_found[k] for k in plan.keys]
    check_duplicates(table, "name", label=_("Organisation"))
    _plan_rows(table, plan, programme, by, {p.code: p for p in packages})
    plan.problems = table.messages
    if plan.problems:
        plan.rows = []
    return plan


def _plan_rows(table, plan: Plan, programme, by, packages: dict) -> None:
    """Each row against the programme's partners and commitments, read in a few queries."""
    here = {}
    participations = {}
    for participation in Participation.objects.filter(programme=programme).select_related(
        "partner", "programme"
    ):
        partner = participation.partner
        partner.left_on = participation.left_on
        here[partner.name] = partner
        participations[partner.pk] = participation
    by_key = {key(name): partner for name, partner in here.items()}
    commitments = defaultdict(list)
    for commitment in (
        Commitment.objects.filter(programme=programme)
        .select_related("package")
        .order_by("valid_from")
    ):
        commitments[commitment.partner_id].append(commitment)
    # Names of other programmes' partners, compared in Python: SQLite's LOWER() folds only
    # ASCII, so "Één" would miss "één" there. Names only, one query, whatever the rows.
    names = {row.values.get("name") for row in table.rows} - {None, ""}
    elsewhere = set()
    if names - set(here):
        elsewhere = {
            name.casefold()
            for name in Partner.objects.exclude(participations__programme=programme)
            .values_list("name", flat=True)
            .distinct()
        }
    today = timezone.localdate()
    may_backdate = allowed(by, "partners.backdate_commitment", programme)
    for row in table.rows:
        if row.errors:
            continue
        name = row.values["name"]
        partner = here.get(name)
        if partner is None:
            similar = by_key.get(key(name))
            if similar is not None:
                table.add_error(
                    row,
                    "name",
                    _("'%(name)s' already exists as '%(existing)s'; use the same spelling.")
                    % {"name": name, "existing": similar.name},
                )
                continue
            if name.casefold() in elsewhere:
                table.add_error(row, "name", other_programme_message(name))
                continue
        planned = PlannedRow(row.number, row.values, partner)
        if partner is not None:
            planned.participation = participations[partner.pk]
            planned.seen = frozenset((c.pk, c.version) for c in commitments.get(partner.pk, []))
            planned.changes = {
                f: row.values[f]
                for f in PARTNER_FIELDS
                if f in row.values and getattr(partner, f) != row.values[f]
            }
        problem = _plan_commitment(
            planned, commitments.get(partner.pk, []) if partner else [], packages, today,
            may_backdate,
        )  # fmt: skip
        if problem:
            table.add_error(row, problem[0], problem[1])
            continue
        plan.rows.append(planned)


def _plan_commitment(planned: PlannedRow, existing, packages, today, may_backdate):
    """Sets `planned.commitment`; returns (column, problem) when the row cannot be imported."""
    values = planned.values
    code = values.get("package")
    start = values.get("valid_from")
    amount = values.get("yearly_contribution")
    if not code:
        if start or amount is not None:
            return (
                "valid_from" if start else "yearly_contribution",
                _("Fill in the package, or leave the start date and amount empty."),
            )
        return None
    package = packages[code]
    partner = planned.partner
    if partner is not None and (not partner.active or partner.left_on is not None):
        return "package", _("This partner has left this programme; reactivate it first.")
    if start is None:
        current = next((c for c in reversed(existing) if c.in_force_on(today)), None)
        if current is not None and current.package_id == package.pk:
            if amount is not None and amount != current.yearly_contribution:
                planned.commitment = ("correct", current, amount)
            return None
        return "valid_from", _("Fill in the start date of the package.")
    same_day = next((c for c in existing if c.valid_from == start), None)
    if same_day is not None:
        if same_day.package_id != package.pk:
            return "package", _(
                "A commitment from this date exists with another package; record a change of "
                "package with a new start date."
            )
        if amount is not None and amount != same_day.yearly_contribution:
            planned.commitment = ("correct", same_day, amount)
        return None
    later = next((c for c in existing if c.valid_from > start), None)
    if later is not None:
        return "valid_from", _(
            "A commitment from %(date)s (package %(code)s) already exists; choose a date after it."
        ) % {"date": date_format(later.valid_from), "code": later.package.code}
    previous = next((c for c in reversed(existing) if c.in_force_on(start)), None)
    if (
        previous is not None
        and previous.package_id == package.pk
        and (amount is None or amount == previous.yearly_contribution)
    ):
        return "package", _("The partner already holds this package on that date.")
    if start < today and not may_backdate:
        return "valid_from", _("The new package cannot start before today (%(today)s).") % {
            "today": date_format(today)
        }
    planned.commitment = ("new", package, start, amount, previous)
    return None


def template_workbook(programme):
    """An empty partner list to start from: the headings on "Partners", an explanation sheet
    with the kinds and the programme's packages, and drop-down lists for Soort and Pakket."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    from avk.exports import add_sheet

    headings = [column.heading for column in columns()]
    book = Workbook()
    book.remove(book.active)
    sheet = add_sheet(
        book, "Partners", headings, [], widths=[30, 14, 22, 18, 28, 16, 28, 10, 14, 18]
    )
    help_sheet = add_sheet(
        book, _("Explanation"), [_("Column"), _("What to fill in")], [], widths=[22, 90]
    )
    explained = {
        "name": _("The organisation's name (required); a row with a name already in this "
                  "programme updates that partner."),
        "kind": _("Required; choose from the list."),
        "package": _("The package code; choose from the list. Leave empty for no commitment."),
        "valid_from": _("The date the package starts, as dd-mm-yyyy."),
        "yearly_contribution": _("In euros, like 2.500,00; empty: the package's amount."),
    }  # fmt: skip
    for column in columns():
        help_sheet.append([column.heading, str(explained.get(column.key, ""))])
    kinds = [str(label) for label in PartnerKind.labels]
    codes = [package.code for package in CommitmentPackage.objects.filter(programme=programme)]
    first = help_sheet.max_row + 2
    help_sheet.cell(row=first, column=1, value=_("Kinds"))
    help_sheet.cell(row=first, column=2, value=_("Packages"))
    for offset, kind in enumerate(kinds, start=1):
        help_sheet.cell(row=first + offset, column=1, value=kind)
    for offset, code in enumerate(codes, start=1):
        help_sheet.cell(row=first + offset, column=2, value=code)
    title = help_sheet.title.replace("'", "''")
    for key_, letter, values in (("kind", "A", kinds), ("package", "B", codes)):
        if not values:
            continue
        position = headings.index(next(c.heading for c in columns() if c.key == key_)) + 1
        column_letter = "ABCDEFGHIJ"[position - 1]
        validation = DataValidation(
            type="list",
            formula1=f"'{title}'!${letter}${first + 1}:${letter}${first + len(values)}",
            allow_blank=True,
            showErrorMessage=True,
        )
        sheet.add_data_validation(validation)
        validation.add(f"{column_letter}2:{column_letter}1000")
    return book
