"""Who may do what in governance, to which object, now. The only place that decides it.

Every answer names the programme: a role in one programme gives nothing in another.
Superusers may do everything (voting aside: only current voting members vote).

| who (in the proposal's programme)    | sees proposals                      | drafts/edits |
|--------------------------------------|-------------------------------------|--------------|
| programme team, secretariat          | all, concepts included              | yes          |
| drafter (own proposal)               | own, concepts included              | own concept  |
| board member / member of the body    | submitted and later (no concepts)   | no           |
| partner contact, reader              | decided only                        | no           |
| no role there                        | nothing                             | no           |

Written rounds: who has not voted yet, and the reminder to them, for the team, the secretariat
and the body's chair and secretary; how members voted per the body's `vote_visibility`
(`proposals.can_view_votes`). Meetings: attendance, chair and minute taker as the minutes; bodies
are created and edited by the team and the secretariat.

Workflow steps (submit: team, secretariat, drafter; put on agenda, written round, close round,
withdraw: team and secretariat; the drafter withdraws their own); recording a meeting's outcomes
and corrections: the body's chair or secretary today, or the team and secretariat. Voting:
current voting members of the body, while the round is open.

A step's rule answers for the proposal's status too (`STEPS`: who, and in which statuses):
editing a submitted proposal is refused here, for pages, the admin and the services alike.
`require()` is the gate the services ask; when the person could take the step but the proposal
is not in a state for it, the refusal says why (`why_not`), in Dutch.
"""

from __future__ import annotations

from ..models import Body, Meeting, ProposedDecision
from ._base import RECORDERS, back_office, is_drafter, is_member
from .meetings import (
    can_create_body,
    can_download_meeting_pdf,
    can_download_proposal_pdf,
    can_edit_body,
    can_follow_decision_list_pdf,
    can_manage_action_item,
    can_manage_meeting,
    can_record_attendance,
    can_view_action_items,
    can_view_action_overview,
    can_view_body,
    can_view_decision,
    can_view_decision_list,
    can_view_history,
    can_view_meeting,
    readable_meeting_bodies,
)
from .proposals import (
    STEPS,
    can_add_attachment,
    can_close_round,
    can_correct,
    can_create_proposal,
    can_decide,
    can_download,
    can_edit_proposal,
    can_follow_round,
    can_manage_governance,
    can_open_round,
    can_record,
    can_remind,
    can_schedule,
    can_submit,
    can_view_governance,
    can_view_meetings,
    can_view_proposal,
    can_view_to_decide,
    can_view_votes,
    can_vote,
    can_withdraw,
    has_voted_everything,
)

__all__ = [
    "RECORDERS",
    "RULES",
    "STEPS",
    "allowed",
    "back_office",
    "has_voted_everything",
    "is_drafter",
    "is_member",
    "readable_meeting_bodies",
]

RULES = {
    "view": can_view_proposal,
    "edit": can_edit_proposal,
    "submit": can_submit,
    "schedule": can_schedule,
    "open_round": can_open_round,
    "close_round": can_close_round,
    "withdraw": can_withdraw,
    "record": can_record,
    "vote": can_vote,
    "decide": can_decide,
    "correct": can_correct,
    "attach": can_add_attachment,
    "download": can_download,
    "view_history": can_view_history,
    "view_meeting": can_view_meeting,
    "manage_meeting": can_manage_meeting,
    "view_body": can_view_body,
    "manage_action_item": can_manage_action_item,
    "view_decision": can_view_decision,
    "view_governance": can_view_governance,
    "view_to_decide": can_view_to_decide,
    "create_proposal": can_create_proposal,
    "view_meetings": can_view_meetings,
    "manage_governance": can_manage_governance,
    "view_decision_list": can_view_decision_list,
    "follow_decision_list_pdf": can_follow_decision_list_pdf,
    "view_action_items": can_view_action_items,
    "download_meeting_pdf": can_download_meeting_pdf,
    "download_proposal_pdf": can_download_proposal_pdf,
    "remind": can_remind,
    "follow_round": can_follow_round,
    "view_votes": can_view_votes,
    "view_action_overview": can_view_action_overview,
    "record_attendance": can_record_attendance,
    "create_body": can_create_body,
    "edit_body": can_edit_body,
}


def allowed(user, action: str, obj) -> bool:
    """May `user` do `action` on `obj` now? Proposal actions take a proposal, meeting actions a
    meeting, the programme-level ones a programme. "view" on a meeting, body or decision maps to
    its own rule, so `{% may "governance.view" obj %}` works for each."""
    if isinstance(obj, Meeting) and action in ("view", "manage"):
        action = f"{action}_meeting"
    if isinstance(obj, Body) and action == "view":
        action = "view_body"
    if isinstance(obj, ProposedDecision) and action == "view":
        action = "view_decision"
    try:
        rule = RULES[action]
    except KeyError:
        raise ValueError(f"Unknown action for governance: {action!r}") from None
    return rule(user, obj)
