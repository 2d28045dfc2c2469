"""Every change in governance goes through these functions (views, admin, commands, demo).
Each asks the gate first (`avk.policy.require`; governance.refusals says why a step is refused),
so pages, the admin and the demo cannot differ."""

from .attachments import attachment_add, check_upload
from .bodies import body_create, body_update, membership_add, membership_end
from .decisions import decision_correct, decision_record, meeting_record
from .drafting import proposal_create, proposal_update
from .meetings import (
    action_item_close,
    action_item_create,
    action_item_reopen,
    agenda_item_add,
    meeting_attendance_set,
    meeting_create,
    meeting_mark_held,
    meeting_update,
)
from .rounds import (
    close_written_rounds,
    round_all_voted,
    round_close,
    round_remind,
    round_send_reminder,
    vote_cast,
)
from .workflow import proposal_schedule, proposal_submit, proposal_withdraw, round_open

__all__ = [
    "action_item_close",
    "action_item_create",
    "action_item_reopen",
    "agenda_item_add",
    "attachment_add",
    "body_create",
    "body_update",
    "check_upload",
    "close_written_rounds",
    "decision_correct",
    "decision_record",
    "meeting_attendance_set",
    "meeting_create",
    "meeting_mark_held",
    "meeting_record",
    "meeting_update",
    "membership_add",
    "membership_end",
    "proposal_create",
    "proposal_schedule",
    "proposal_submit",
    "proposal_update",
    "proposal_withdraw",
    "round_all_voted",
    "round_close",
    "round_open",
    "round_remind",
    "round_send_reminder",
    "vote_cast",
]
