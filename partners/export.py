"""Export of the (filtered) partner list to xlsx and csv.

Text a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage
return) gets a leading apostrophe, so a name like "=HYPERLINK(...)" stays text.
"""

from __future__ import annotations

from decimal import Decimal

import tablib
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PartnerKind

CENTS = Decimal("0.01")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def partner_dataset(rows) -> tablib.Dataset:
    kinds = dict(PartnerKind.choices)
    dataset = tablib.Dataset(
        headers=[
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
    )
    for p in rows:
        dataset.append(
            [
                neutralise(value)
                for value in (
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
                )
            ]
        )
    return dataset


def response(dataset: tablib.Dataset, *, fmt: str, programme) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    filename = f"partners-{programme.slug}-{stamp}.{fmt}"
    if fmt == "xlsx":
        content = dataset.export("xlsx")
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = "\ufeff" + dataset.export("csv", delimiter=";")  # Excel reads the BOM as UTF-8
        content_type = "text/csv; charset=utf-8"
    result = HttpResponse(content, content_type=content_type)
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
