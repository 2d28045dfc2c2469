"""Who may see the decision list (besluitenlijst), its exports and the meeting and proposal PDFs.

Built only from the rules in `governance.permissions`, so the exports never show more than the
pages do. Every answer names the programme; a role elsewhere gives nothing.

| who (in the programme)      | decision list, xlsx, PDF  | actions | meeting PDF | proposal PDF |
|-----------------------------|---------------------------|---------|-------------|--------------|
| programme team, secretariat | every decided decision    | yes     | yes         | all          |
| board member                | of submitted and later    | yes     | yes         | no concepts  |
| body member without a role  | no (needs a role)         | -       | own body    | no concepts  |
| partner contact, reader     | of decided proposals only | no      | no          | decided only |
| other programme / no role   | no (403)                  | no      | no          | no           |

Decisions of a proposal that is not decided yet (an item deferred in a meeting) are listed only
for those who may see that proposal. Action items are the body's working list: they go with the
meetings, so they are shown to whoever may read the body's meetings.
"""

from __future__ import annotations

from avk.access import Role, has_role

from . import permissions as policy
from .models import Body, Meeting, Proposal


def can_view_decision_list(user, programme) -> bool:
    """The page and both exports: anyone with a role in the programme (rows are narrowed to the
    proposals they may see)."""
    return policy.can_view_governance(user, programme)


def can_view_action_items(user, body: Body) -> bool:
    """The body's action items: as for its meetings (team, secretariat, board, the body's own
    members)."""
    programme = body.programme
    return (
        policy.can_manage_governance(user, programme)
        or has_role(user, programme, Role.BOARD)
        or policy.is_member(user, body)
    )


def can_download_meeting_pdf(user, meeting: Meeting) -> bool:
    return policy.can_view_meeting(user, meeting)


def can_download_proposal_pdf(user, proposal: Proposal) -> bool:
    return policy.can_view_proposal(user, proposal)
