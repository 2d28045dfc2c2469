"""Who may see a proposal and take its workflow steps; who votes and records outcomes."""

from __future__ import annotations

from avk.access import Role, has_role, is_superuser

from ..models import (
    FINAL_OUTCOMES,
    Attachment,
    DecisionKind,
    Membership,
    Outcome,
    Proposal,
    ProposedDecision,
    Vote,
    VoteVisibility,
)
from ._base import RECORDERS, S, back_office, is_drafter, is_member

# --- programme-level -------------------------------------------------------------------------


def can_view_governance(user, programme) -> bool:
    """Bodies, meetings list and the decision list: anyone with a role in the programme."""
    return is_superuser(user) or has_role(user, programme)


def can_create_proposal(user, programme) -> bool:
    return back_office(user, programme)


def can_manage_governance(user, programme) -> bool:
    """Bodies and memberships, plan meetings, manage agendas and action items, run the
    workflow."""
    return back_office(user, programme)


def can_view_meetings(user, programme) -> bool:
    """The meetings list: team, secretariat, board members and members of one of its bodies."""
    return (
        back_office(user, programme)
        or has_role(user, programme, Role.BOARD)
        or (
            getattr(user, "is_authenticated", False)
            and Membership.objects.current().filter(user=user, body__programme=programme).exists()
        )
    )


def can_view_to_decide(user, programme) -> bool:
    """The "To decide" page in the menu: board members, voting members of one of its bodies,
    and the programme team and secretariat, who follow the open rounds there (the page itself is
    open to everyone with a role; it lists their open rounds)."""
    return (
        back_office(user, programme)
        or has_role(user, programme, Role.BOARD)
        or (
            getattr(user, "is_authenticated", False)
            and Membership.objects.current()
            .voting()
            .filter(user=user, body__programme=programme)
            .exists()
        )
    )


# --- proposals: who, and in which statuses -------------------------------------------------------


def can_view_proposal(user, proposal: Proposal) -> bool:
    programme = proposal.programme
    if back_office(user, programme) or is_drafter(user, proposal):
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
    return back_office(user, proposal.programme) or (
        is_drafter(user, proposal) and has_role(user, proposal.programme)
    )


def _runs_workflow(user, proposal: Proposal) -> bool:
    return back_office(user, proposal.programme)


def _records(user, proposal: Proposal) -> bool:
    """Records a meeting's outcomes and corrections: the body's chair or secretary, or the
    programme team and secretariat."""
    return back_office(user, proposal.programme) or is_member(user, proposal.body, roles=RECORDERS)


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


def has_voted_everything(user, proposal: Proposal) -> bool:
    """Has the person cast a vote on every undecided agree-decision of the proposal?"""
    open_decisions = proposal.decisions.filter(kind=DecisionKind.AGREE).exclude(
        outcome__in=FINAL_OUTCOMES
    )
    needed = open_decisions.count()
    cast = Vote.objects.filter(decision__in=open_decisions, user=user).count()
    return needed > 0 and cast >= needed


def can_remind(user, proposal: Proposal) -> bool:
    """Remind the members who have not voted yet: those who run the workflow or record for the
    body (team, secretariat, the body's chair and secretary), while the round is open."""
    return (
        proposal.status == S.WRITTEN_ROUND
        and not proposal.deadline_passed
        and _records(user, proposal)
    )


def can_follow_round(user, proposal: Proposal) -> bool:
    """Who has voted and who has not (names, not choices): the people who may remind."""
    return proposal.status == S.WRITTEN_ROUND and _records(user, proposal)


def can_view_votes(user, proposal: Proposal) -> bool:
    """How each member voted. Once the round is closed (or for a meeting's outcome) the votes
    are the record: everyone who sees the proposal. While a written round is open it depends on
    the body's `vote_visibility`: always; after one's own votes (voting members who voted on
    every decision; the team and secretariat, who do not vote, see them); or only once the
    round has closed."""
    if not can_view_proposal(user, proposal):
        return False
    if proposal.status != S.WRITTEN_ROUND:
        return True
    visibility = proposal.body.vote_visibility
    if visibility == VoteVisibility.ALWAYS:
        return True
    if visibility == VoteVisibility.AFTER_CLOSE:
        return False
    if is_member(user, proposal.body, voting=True):
        return has_voted_everything(user, proposal)
    return back_office(user, proposal.programme)


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
