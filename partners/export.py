"""Export of the (filtered) partner list to xlsx and csv, through `avk.exports`.

Text a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage
return) gets a leading apostrophe (`avk.exports.neutralise`), so a name like "=HYPERLINK(...)"
stays text.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

from avk.exports import add_sheet, csv_response, download_name, neutralise, xlsx_response

from .models import PartnerKind

__all__ = ["headers", "neutralise", "partner_rows", "response"]

CENTS = Decimal("0.01")


def headers() -> list[str]:
    return [
        _("Name"),
        _("Short name"),
        _("Kind"),
        _("Municipality"),
        _("Package"),
        _("Package since"),
        _("Yearly contribution"),
        _("Point of contact"),
        _("E-mail point of contact"),
        _("Phone point of contact"),
        _("Delegation (of 5)"),
        _("Website"),
        _("General e-mail"),
        _("Phone"),
        _("Active"),
    ]


def partner_rows(rows) -> list[list]:
    """One list of cells per partner row of `selectors.partner_rows` (not yet neutralised)."""
    kinds = dict(PartnerKind.choices)
    return [
        [
            p.name,
            p.short_name,
            str(kinds.get(p.kind, p.kind)),
            p.municipality,
            p.package_code or "",
            p.commitment_from.isoformat() if p.commitment_from else "",
            Decimal(p.contribution).quantize(CENTS) if p.contribution is not None else "",
            p.contact_name or "",
            p.contact_email or "",
            p.contact_phone or "",
            min(p.executives, 1) + min(p.managers, 2) + min(p.front_line, 2),
            p.website,
            p.email,
            p.phone,
            _("yes") if p.active and not getattr(p, "left_on", None) else _("no"),
        ]
        for p in rows
    ]


def response(rows, *, fmt: str, programme) -> HttpResponse:
    """The partner rows as an xlsx or csv download named partners-<programme>-<date>."""
    filename = download_name(f"partners-{programme.slug}", fmt)
    cells = partner_rows(rows)
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        add_sheet(book, _("Partners"), headers(), cells, wrap=False)
        return xlsx_response(book, filename=filename)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(headers())
    writer.writerows([[neutralise(value) for value in row] for row in cells])
    return csv_response(out.getvalue(), filename=filename)
