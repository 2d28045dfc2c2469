"""The quick scan's results as an Excel workbook (pure functions, no requests): sheet
"Per partner" with every partner's answers and score, sheet "Per vraag" with the counts."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from avk.exports import add_sheet

from .models import Answer


def scan_workbook(scan, results: dict) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    items = results["items"]
    headers = [_("Partner"), _("Filled in on"), _("Filled in by"), _("Score (%)")]
    headers += [item.text for item in items]
    headers.append(_("Remark"))
    rows = []
    for row in results["rows"]:
        response = row["response"]
        submitted = (
            timezone.localtime(response.submitted_at).date() if response.submitted_at else None
        )
        rows.append(
            [
                row["partner"].name,
                submitted,
                str(response.submitted_by or ""),
                row["score"],
                *[
                    (answer.get_answer_display() + (f" ({answer.note})" if answer.note else ""))
                    if answer
                    else ""
                    for answer in row["answers"]
                ],
                response.remark,
            ]
        )
    for partner in results["missing"]:
        rows.append([partner.name, None, _("not filled in"), None, *[""] * len(items), ""])
    add_sheet(book, _("Per partner"), headers, rows, widths=[34, 14, 22, 10, *[18] * len(items)])
    add_sheet(
        book,
        _("Per question"),
        [_("Question"), *[str(label) for _code, label in Answer.choices], _("Answered")],
        [
            [
                result.item.text,
                *[result.counts.get(code, 0) for code in Answer.values],
                result.answered,
            ]
            for result in results["results"]
        ],
        widths=[60, 10, 10, 10, 12],
    )
    return book
