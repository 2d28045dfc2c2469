"""Every change in governance goes through these functions (views, admin, commands, demo)."""

from .attachments import attachment_add, check_upload  # noqa: F401
from .bodies import body_create, body_update, membership_add, membership_end  # noqa: F401
from .meetings import (  # noqa: F401
    action_item_close,
    action_item_create,
    action_item_reopen,
    agenda_item_add,
    meeting_create,
    meeting_mark_held,
    meeting_update,
)
from .proposals import (  # noqa: F401
    close_written_rounds,
    decision_correct,
    meeting_record,
    proposal_create,
    proposal_schedule,
    proposal_submit,
    proposal_update,
    proposal_withdraw,
    round_all_voted,
    round_close,
    round_open,
    round_send_reminder,
    vote_cast,
)
