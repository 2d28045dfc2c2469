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

from avk.access import BACK_OFFICE_ROLES, Role, has_role, is_superuser

from .models import (
    ActionItem,
    Attachment,
    Body,
    Meeting,
    MemberRole,
    Membership,
    Outcome,
    Proposal,
    ProposalStatus,
    ProposedDecision,
)

S = ProposalStatus
BACK_OFFICE = BACK_OFFICE_ROLES
RECORDERS = (MemberRole.CHAIR, MemberRole.SECRETARY)


def _back_office(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE)


def is_member(user, body: Body, *, voting: bool = False, roles=None) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    queryset = Membership.objects.current().filter(body=body, user=user)
    if voting:
        queryset = queryset.voting()
    if roles:
        queryset = queryset.filter(role__in=roles)
    return queryset.exists()


def _is_drafter(user, proposal: Proposal) -> bool:
    return getattr(user, "pk", None) is not None and proposal.drafter_id == user.pk


# --- programme-level -------------------------------------------------------------------------


def can_view_governance(user, programme) -> bool:
    """Bodies, meetings list and the decision list: anyone with a role in the programme."""
    return is_superuser(user) or has_role(user, programme)


def can_create_proposal(user, programme) -> bool:
    return _back_office(user, programme)


def can_manage_governance(user, programme) -> bool:
    """Bodies and memberships, plan meetings, manage agendas and action items, run the
    workflow."""
    return _back_office(user, programme)


def can_view_meetings(user, programme) -> bool:
    """The meetings list: team, secretariat, board members and members of one of its bodies."""
    return (
        _back_office(user, programme)
        or has_role(user, programme, Role.BOARD)
        or (
            getattr(user, "is_authenticated", False)
            and Membership.objects.current().filter(user=user, body__programme=programme).exists()
        )
    )


def can_view_to_decide(user, programme) -> bool:
    """The "To decide" page in the menu: board members and voting members of one of its
    bodies (the page itself is open to everyone with a role; it lists their open rounds)."""
    return has_role(user, programme, Role.BOARD) or (
        getattr(user, "is_authenticated", False)
        and Membership.objects.current()
        .voting()
        .filter(user=user, body__programme=programme)
        .exists()
    )


# --- proposals: who, and in which statuses -------------------------------------------------------


def can_view_proposal(user, proposal: Proposal) -> bool:
    programme = proposal.programme
    if _back_office(user, programme) or _is_drafter(user, proposal):
        return True
    if proposal.status == S.CONCEPT:
        return False
    if has_role(user, programme, Role.BOARD) or is_member(user, proposal.body):
        return True
    return proposal.status == S.DECIDED and has_role(
        user, programme, Role.PARTNER_CONTACT, Role.READER
    )


def _drafts(user, proposal: Proposal) -> bool:
    """The team, the secretariat, and the drafter (while they have a role there)."""
    return _back_office(user, proposal.programme) or (
        _is_drafter(user, proposal) and has_role(user, proposal.programme)
    )


def _runs_workflow(user, proposal: Proposal) -> bool:
    return _back_office(user, proposal.programme)


def _records(user, proposal: Proposal) -> bool:
    """Records a meeting's outcomes and corrections: the body's chair or secretary, or the
    programme team and secretariat."""
    return _back_office(user, proposal.programme) or is_member(user, proposal.body, roles=RECORDERS)


OPEN = (S.CONCEPT, S.SUBMITTED, S.SCHEDULED, S.WRITTEN_ROUND)

#: verb -> (who may take the step, the statuses in which the proposal allows it)
STEPS = {
    "edit": (_drafts, (S.CONCEPT,)),
    "submit": (_drafts, (S.CONCEPT,)),
    "schedule": (_runs_workflow, (S.SUBMITTED,)),
    "open_round": (_runs_workflow, (S.SUBMITTED,)),
    "close_round": (_runs_workflow, (S.WRITTEN_ROUND,)),
    "withdraw": (_drafts, OPEN),
    "record": (_records, (S.SCHEDULED,)),
    "attach": (_drafts, (S.CONCEPT, S.SUBMITTED)),
}


def _step(verb):
    who, statuses = STEPS[verb]

    def rule(user, proposal: Proposal) -> bool:
        return proposal.status in statuses and who(user, proposal)

    rule.__name__ = f"can_{verb}"
    return rule


can_edit_proposal = _step("edit")
can_submit = _step("submit")
can_schedule = _step("schedule")
can_open_round = _step("open_round")
can_close_round = _step("close_round")
can_withdraw = _step("withdraw")
can_record = _step("record")
can_add_attachment = _step("attach")


def can_vote(user, proposal: Proposal) -> bool:
    """Only current voting members of the body, and only while the round is open."""
    return (
        proposal.status == S.WRITTEN_ROUND
        and not proposal.deadline_passed
        and is_member(user, proposal.body, voting=True)
    )


def can_decide(user, decision: ProposedDecision) -> bool:
    """Give an undecided decision its outcome (the decide step): those who record a meeting's
    outcomes, or close a written round."""
    return decision.is_pending and _records(user, decision.proposal)


def can_correct(user, decision: ProposedDecision) -> bool:
    """Record a correction of a taken decision (one that was adopted or rejected)."""
    return (
        decision.is_final
        and decision.outcome != Outcome.NOTED
        and _records(user, decision.proposal)
    )


def can_download(user, attachment: Attachment) -> bool:
    return can_view_proposal(user, attachment.proposal)


# --- meetings, bodies, action items ------------------------------------------------------------


def can_view_meeting(user, meeting: Meeting) -> bool:
    """Team, secretariat, board members and the body's own members read meetings."""
    programme = meeting.body.programme
    return (
        _back_office(user, programme)
        or has_role(user, programme, Role.BOARD)
        or is_member(user, meeting.body)
    )


def can_manage_meeting(user, meeting: Meeting) -> bool:
    """Minutes, agenda and action items: team, secretariat, and the body's chair/secretary."""
    return _back_office(user, meeting.body.programme) or is_member(
        user, meeting.body, roles=RECORDERS
    )


def can_view_body(user, body: Body) -> bool:
    return can_view_governance(user, body.programme)


def can_manage_action_item(user, item: ActionItem) -> bool:
    return _back_office(user, item.body.programme) or is_member(user, item.body, roles=RECORDERS)


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
        _back_office(user, programme)
        or _is_drafter(user, obj)
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
    "view_action_items": can_view_action_items,
    "download_meeting_pdf": can_download_meeting_pdf,
    "download_proposal_pdf": can_download_proposal_pdf,
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
