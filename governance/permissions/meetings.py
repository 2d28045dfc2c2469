"""Who reads and manages meetings, bodies, action items and the decision list."""

from __future__ import annotations

from avk.access import Role, has_role

from ..models import ActionItem, Body, Meeting, Membership, Proposal, ProposedDecision
from ._base import RECORDERS, back_office, is_drafter, is_member
from .proposals import (
    can_manage_governance,
    can_view_governance,
    can_view_meetings,
    can_view_proposal,
)


def can_view_meeting(user, meeting: Meeting) -> bool:
    """Team, secretariat, board members and the body's own members read meetings."""
    programme = meeting.body.programme
    return (
        back_office(user, programme)
        or has_role(user, programme, Role.BOARD)
        or is_member(user, meeting.body)
    )


def readable_meeting_bodies(user, programme) -> set[int] | None:
    """The bodies whose meetings the person may read, asked once for a whole page: None means
    every body of the programme (team, secretariat, board), otherwise the ids of the bodies they
    sit in (empty for a partner contact). The same rule as can_view_meeting, for many rows."""
    if back_office(user, programme) or has_role(user, programme, Role.BOARD):
        return None
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Membership.objects.current()
        .filter(user=user, body__programme=programme)
        .values_list("body_id", flat=True)
    )


def can_manage_meeting(user, meeting: Meeting) -> bool:
    """Minutes, agenda and action items: team, secretariat, and the body's chair/secretary."""
    return back_office(user, meeting.body.programme) or is_member(
        user, meeting.body, roles=RECORDERS
    )


def can_view_body(user, body: Body) -> bool:
    return can_view_governance(user, body.programme)


def can_manage_action_item(user, item: ActionItem) -> bool:
    return back_office(user, item.body.programme) or is_member(user, item.body, roles=RECORDERS)


def can_view_decision(user, decision: ProposedDecision) -> bool:
    return can_view_proposal(user, decision.proposal)


def can_view_history(user, obj) -> bool:
    """The history page of a proposal (its drafts included: for those who see it before it is
    decided, not for partner contacts and readers) or of a meeting (for its readers)."""
    if isinstance(obj, Meeting):
        return can_view_meeting(user, obj)
    if not can_view_proposal(user, obj):
        return False
    programme = obj.programme
    return (
        back_office(user, programme)
        or is_drafter(user, obj)
        or has_role(user, programme, Role.BOARD)
        or is_member(user, obj.body)
    )


# The decision list (besluitenlijst), its exports and the meeting and proposal PDFs: built only
# from the rules above, so the exports never show more than the pages do. Every answer names the
# programme; a role elsewhere gives nothing.
#
# | who (in the programme)      | decision list, xlsx, PDF  | actions | meeting PDF | proposal PDF |
# |-----------------------------|---------------------------|---------|-------------|--------------|
# | programme team, secretariat | every decided decision    | yes     | yes         | all          |
# | board member                | of submitted and later    | yes     | yes         | no concepts  |
# | body member without a role  | no (needs a role)         | -       | own body    | no concepts  |
# | partner contact, reader     | of decided proposals only | no      | no          | decided only |
# | other programme / no role   | no (403)                  | no      | no          | no           |
#
# Decisions of a proposal that is not decided yet (an item deferred in a meeting) are listed only
# for those who may see that proposal. Action items are the body's working list: they go with the
# meetings, so they are shown to whoever may read the body's meetings.


def can_view_decision_list(user, programme) -> bool:
    """The page and both exports: anyone with a role in the programme (rows are narrowed to the
    proposals they may see)."""
    return can_view_governance(user, programme)


def can_follow_decision_list_pdf(user, document) -> bool:
    """The progress page of a decision-list PDF being made (a `DecisionListDocument`): who asked
    for it, while they may read the list; or another reader of the list who sees exactly the
    same rows now (the same fingerprint: `services.documents.shows_same_list`). Nobody else
    learns that a list of rows they may not see is being made."""
    if not can_view_decision_list(user, document.programme):
        return False
    if document.requested_by_id is not None and document.requested_by_id == user.pk:
        return True
    from ..services.documents import shows_same_list  # the reader's own fingerprint (queries)

    return shows_same_list(user=user, document=document)


def can_view_action_items(user, body: Body) -> bool:
    """The body's action items: as for its meetings (team, secretariat, board, the body's own
    members)."""
    programme = body.programme
    return (
        can_manage_governance(user, programme)
        or has_role(user, programme, Role.BOARD)
        or is_member(user, body)
    )


def can_download_meeting_pdf(user, meeting: Meeting) -> bool:
    return can_view_meeting(user, meeting)


def can_download_proposal_pdf(user, proposal: Proposal) -> bool:
    return can_view_proposal(user, proposal)


def can_view_action_overview(user, programme) -> bool:
    """The open action items of all bodies on one page: for those who read meetings (the rows
    are narrowed to the bodies whose action items they may see)."""
    return can_view_meetings(user, programme)


def can_record_attendance(user, meeting: Meeting) -> bool:
    """Attendance, chair and minute taker: as the minutes (team, secretariat, the body's chair
    and secretary)."""
    return can_manage_meeting(user, meeting)


def can_create_body(user, programme) -> bool:
    """Bodies are made and edited by the programme team and the secretariat of the programme."""
    return back_office(user, programme)


def can_edit_body(user, body: Body) -> bool:
    return back_office(user, body.programme)
