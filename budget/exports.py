"""A budget as an Excel workbook, through `avk.exports`: the lines with planned, realised and the
difference and both totals; the realisation entries; and the member contributions per partner
and per package. Amounts are numbers with two decimals (exact, from Decimal), so the workbook
adds up as the page does."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from avk.exports import add_sheet, download_name, xlsx_response

from .selectors import Sheet

AMOUNT_FORMAT = "#,##0.00"


def _amounts(sheet, columns: tuple[int, ...]) -> None:
    for row in sheet.iter_rows(min_row=2):
        for index in columns:
            cell = row[index - 1]
            if isinstance(cell.value, Decimal | int | float):
                cell.number_format = AMOUNT_FORMAT


def headers() -> list[str]:
    return [
        _("Side"),
        _("Category"),
        _("Description"),
        _("Planned"),
        _("Realised"),
        _("Difference"),
        _("Source"),
        _("Effort"),
        _("Working group"),
        _("Explanation"),
    ]


def line_rows(sheet: Sheet) -> list[list]:
    rows = []
    for table, total_label in (
        (sheet.costs, _("Total costs")),
        (sheet.coverage, _("Total coverage")),
    ):
        for row in table.rows:
            line = row.line
            rows.append(
                [
                    line.get_side_display(),
                    line.category,
                    line.description,
                    row.planned,
                    row.realised,
                    row.difference,
                    line.get_source_kind_display() if line.source_kind else "",
                    str(line.effort) if line.effort else "",
                    str(line.working_group) if line.working_group else "",
                    line.explanation,
                ]
            )
        rows.append(
            ["", "", total_label, table.planned, table.realised, table.difference, "", "", "", ""]
        )
    rows.append(
        ["", "", _("Balance (coverage minus costs)"), sheet.balance, "", "", "", "", "", ""]
    )
    return rows


def workbook(sheet: Sheet, entries, *, breakdown: bool):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    lines = add_sheet(
        book,
        _("Budget"),
        headers(),
        line_rows(sheet),
        widths=[10, 20, 44, 14, 14, 14, 20, 30, 24, 60],
    )
    _amounts(lines, (4, 5, 6))
    realised = add_sheet(
        book,
        _("Realisation"),
        [_("Date"), _("Line"), _("Amount"), _("Note"), _("Source"), _("Ledger account")],
        [
            [
                e.booked_on,
                e.line.description if e.line else _("(not mapped)"),
                e.amount,
                e.note,
                e.get_source_display(),
                e.account,
            ]
            for e in entries
        ],
        widths=[12, 44, 14, 50, 20, 18],
    )
    _amounts(realised, (3,))
    if breakdown and sheet.derived is not None:
        partners = add_sheet(
            book,
            _("Member contributions"),
            [_("Partner"), _("Package"), _("Amount")],
            [[p["partner"].name, p["packages"], p["amount"]] for p in sheet.derived.partners]
            + [["", _("Total"), sheet.derived.total]],
            widths=[44, 12, 14],
        )
        _amounts(partners, (3,))
        packages = add_sheet(
            book,
            _("Per package"),
            [_("Package"), _("Name"), _("Partners"), _("Amount")],
            [[p["code"], p["name"], p["partners"], p["amount"]] for p in sheet.derived.packages],
            widths=[10, 30, 10, 14],
        )
        _amounts(packages, (4,))
    return book


def response(sheet: Sheet, entries, *, breakdown: bool):
    budget = sheet.budget
    stem = f"begroting-{budget.programme.slug}-{budget.period_label}"
    if budget.revision:
        stem += f"-wijziging-{budget.revision}"
    return xlsx_response(
        workbook(sheet, entries, breakdown=breakdown), filename=download_name(stem, "xlsx")
    )
