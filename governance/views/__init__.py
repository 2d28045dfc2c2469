"""Governance pages. Thin: `programme_for`/`object_for` (404 unknown, 403 refused), a service or
selector, render. The services ask the gate themselves; a refusal is a 403 saying why, a step
the workflow refuses (ValidationError) is shown as messages or form errors."""

from .decisions import (
    decision_list,
    decision_list_pdf,
    decision_list_xlsx,
    meeting_pdf,
    proposal_pdf,
)
from .meetings import (
    action_item_add,
    action_item_done,
    body_detail,
    meeting_agenda_add,
    meeting_create,
    meeting_detail,
    meeting_edit,
    meeting_held,
    meeting_history,
    meeting_list,
)
from .proposals import (
    attachment_add,
    attachment_download,
    proposal_create,
    proposal_detail,
    proposal_edit,
    proposal_history,
    proposal_list,
    to_decide,
)
from .steps import (
    decision_correct,
    proposal_close_round,
    proposal_open_round,
    proposal_record,
    proposal_schedule,
    proposal_submit,
    proposal_vote,
    proposal_withdraw,
)

__all__ = [
    "action_item_add",
    "action_item_done",
    "attachment_add",
    "attachment_download",
    "body_detail",
    "decision_correct",
    "decision_list",
    "decision_list_pdf",
    "decision_list_xlsx",
    "meeting_agenda_add",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "meeting_held",
    "meeting_history",
    "meeting_list",
    "meeting_pdf",
    "proposal_close_round",
    "proposal_create",
    "proposal_detail",
    "proposal_edit",
    "proposal_history",
    "proposal_list",
    "proposal_open_round",
    "proposal_pdf",
    "proposal_record",
    "proposal_schedule",
    "proposal_submit",
    "proposal_vote",
    "proposal_withdraw",
    "to_decide",
]
