"""The decision list (besluitenlijst) as an Excel workbook: pure functions, no requests.

Sheet "Besluitenlijst": one row per decision, Dutch headers, dates as real dates. Sheet
"Actiepunten": the body's action items, open first. The sheets are laid out by
`avk.exports.add_sheet`: text a spreadsheet would read as a formula (starting with =, +, -, @,
a tab or a carriage return) gets a leading apostrophe, so a decision text like "=HYPERLINK(...)"
stays text (CSV/formula injection).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook

from avk.exports import add_sheet, workbook_bytes

from .models import ActionItem, ActionStatus, DecidedVia, Outcome, ProposedDecision


def _meeting_label(meeting) -> str:
    return _("meeting of %(date)s") % {"date": date_format(meeting.date)}


def decided_where(decision: ProposedDecision) -> str:
    """ "Vergadering 19 juni 2023" / "Schriftelijke ronde" / "" as plain text."""
    if decision.decided_in_id:
        return _meeting_label(decision.decided_in)
    if decision.decided_via == DecidedVia.WRITTEN_ROUND:
        return str(DecidedVia.WRITTEN_ROUND.label)
    return ""


def corrections_text(decision: ProposedDecision) -> str:
    parts = []
    if decision.corrects_id:
        parts.append(
            _("corrects %(number)s") % {"number": decision.corrects.number or decision.corrects}
        )
    for later in decision.corrected_by.all():
        parts.append(_("corrected by %(number)s") % {"number": later.number or later})
    return "; ".join(parts)


def decision_headers() -> list[str]:
    return [
        _("Number"),
        _("Date"),
        _("Decided in"),
        _("Proposal"),
        _("Decision"),
        _("Kind"),
        _("Text"),
        _("Original text"),
        _("Outcome"),
        _("For"),
        _("Against"),
        _("Abstaining"),
        _("Corrections"),
    ]


def decision_row(decision: ProposedDecision) -> list:
    amended = decision.outcome == Outcome.ADOPTED_AMENDED
    return [
        decision.number or "",
        decision.decided_on,
        decided_where(decision),
        decision.proposal.title,
        decision.position,
        decision.get_kind_display(),
        decision.final_text,
        decision.text if amended else "",
        decision.get_outcome_display(),
        decision.votes_for,
        decision.votes_against,
        decision.votes_abstain,
        corrections_text(decision),
    ]


def action_headers() -> list[str]:
    return [_("What"), _("Who"), _("By when"), _("Status"), _("Done on"), _("Meeting")]


def action_row(item: ActionItem, today: date) -> list:
    status = item.get_status_display()
    if item.status == ActionStatus.OPEN and item.due_date and item.due_date < today:
        status = _("overdue")
    return [
        item.description,
        item.who,
        item.due_date,
        status,
        item.done_on,
        _meeting_label(item.meeting) if item.meeting_id else "",
    ]


def decision_list_workbook(
    *,
    decisions: Iterable[ProposedDecision],
    action_items: Iterable[ActionItem] | None,
    today: date,
    title: str = "",
) -> bytes:
    """The workbook as bytes (for `avk.exports.xlsx_response`). `decisions` from
    `selectors.decision_rows`, `action_items` in the order to show (None leaves the sheet out:
    the person may not see them)."""
    book = Workbook()
    book.remove(book.active)
    add_sheet(
        book,
        _("Decision list"),
        decision_headers(),
        (decision_row(d) for d in decisions),
        [14, 12, 24, 36, 9, 16, 60, 40, 22, 7, 7, 9, 28],
    )
    if action_items is not None:
        add_sheet(
            book,
            _("Action items"),
            action_headers(),
            (action_row(a, today) for a in action_items),
            [60, 22, 12, 14, 12, 24],
        )
    if title:
        book.properties.title = title
    book.properties.creator = _("Alliance portal")
    return workbook_bytes(book)
