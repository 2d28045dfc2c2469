"""Written rounds: voting, closing (the majority of the body's CURRENT voting members decides),
and what the `close_written_rounds` command does (remind once, close what can close)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk import policy
from avk.profile import REMINDERS, wants_mail
from avk.services import save_with_history, update_versioned

from ..models import (
    FINAL_OUTCOMES,
    Body,
    DecidedVia,
    DecisionKind,
    Membership,
    Outcome,
    Proposal,
    ProposalStatus,
    RoundReminder,
    Vote,
    VoteChoice,
)
from . import notify
from .decisions import decision_record
from .steps import lock_proposal, move, require_step

S = ProposalStatus


@transaction.atomic
def vote_cast(*, proposal_id: int, by, votes: dict[int, tuple[str, str]]) -> list[Vote]:
    """Cast or change votes: {decision id: (choice, comment)}. The gate ("governance.vote")
    lets only current voting members vote, before the deadline; only on undecided decisions of
    the agree kind."""
    proposal = lock_proposal(proposal_id)
    policy.require(by, "governance.vote", proposal)
    decisions = {d.pk: d for d in proposal.decisions.all()}
    saved = []
    for decision_id, (choice, comment) in votes.items():
        decision = decisions.get(int(decision_id))
        if decision is None:
            raise ValidationError(_("This decision is not part of the proposal."))
        if decision.is_final:
            raise ValidationError(
                _("Decision %(n)s has been taken already; a taken decision is final.")
                % {"n": decision.position}
            )
        if decision.kind == DecisionKind.TAKE_NOTE:
            raise ValidationError(
                _("Decision %(n)s asks to take note; there is no vote on it.")
                % {"n": decision.position}
            )
        if choice not in VoteChoice.values:
            raise ValidationError(_("Choose for, against or abstain."))
        vote = Vote.objects.filter(decision=decision, user=by).first()
        event = "vote.cast" if vote is None else "vote.changed"
        vote = vote or Vote(decision=decision, user=by)
        vote.choice, vote.comment, vote.cast_at = choice, (comment or "").strip(), timezone.now()
        save_with_history(vote, by=by, event=event, details={"n": decision.position})
        saved.append(vote)
    return saved


def _voting_member_ids(body: Body, on=None) -> set[int]:
    return set(
        Membership.objects.current(on).voting().filter(body=body).values_list("user_id", flat=True)
    )


def round_all_voted(proposal: Proposal) -> bool:
    """Has every current voting member voted on every undecided agree-decision?"""
    members = _voting_member_ids(proposal.body)
    if not members:
        return False
    for decision in proposal.decisions.filter(kind=DecisionKind.AGREE).exclude(
        outcome__in=FINAL_OUTCOMES
    ):
        voted = set(decision.votes.filter(user_id__in=members).values_list("user_id", flat=True))
        if voted != members:
            return False
    return True


@transaction.atomic
def round_close(*, proposal_id: int, by) -> Proposal:
    """Fix the outcome of a written round, once all have voted or the deadline has passed.

    An agree-decision is adopted when more than half of the body's CURRENT voting members (today)
    voted for it; votes of people who have left do not count. Take-note decisions become
    kennisgenomen. Each decision goes through the one decide step (`decision_record`).

    `by=None` is the system path of the `close_written_rounds` command: nobody to ask the gate
    about; the round's state is checked all the same.
    """
    proposal = lock_proposal(proposal_id)
    require_step(by, "close_round", proposal)
    if not proposal.deadline_passed and not round_all_voted(proposal):
        raise ValidationError(
            _(
                "The written round can be closed once every member has voted or the deadline has "
                "passed."
            )
        )
    Body.objects.select_for_update().get(pk=proposal.body_id)  # numbers are given in order
    members = _voting_member_ids(proposal.body)
    for decision in proposal.decisions.exclude(outcome__in=FINAL_OUTCOMES).order_by("position"):
        if decision.kind == DecisionKind.TAKE_NOTE:
            outcome, votes = Outcome.NOTED, None
        else:
            counted = list(
                decision.votes.filter(user_id__in=members).values_list("choice", flat=True)
            )
            votes = tuple(counted.count(c) for c in VoteChoice.values)
            outcome = Outcome.ADOPTED if votes[0] * 2 > len(members) else Outcome.REJECTED
        decision_record(
            decision=decision,
            outcome=outcome,
            by=by,
            via=DecidedVia.WRITTEN_ROUND,
            votes=votes,
        )
    move(
        proposal,
        S.DECIDED,
        by=by,
        event="proposal.round_closed",
        note=_("written round closed"),
    )
    transaction.on_commit(lambda: notify.proposal_decided(proposal_id=proposal.pk))
    return proposal


# --- the command: reminders and closing -----------------------------------------------------


def waiting_member_ids(proposal: Proposal) -> list[int]:
    """The current voting members who have not yet voted on every undecided agree-decision."""
    members = _voting_member_ids(proposal.body)
    agree = proposal.decisions.filter(kind=DecisionKind.AGREE).exclude(outcome__in=FINAL_OUTCOMES)
    needed = agree.count()
    cast: dict[int, int] = {}
    for user_id in Vote.objects.filter(decision__in=agree, user_id__in=members).values_list(
        "user_id", flat=True
    ):
        cast[user_id] = cast.get(user_id, 0) + 1
    return sorted(user_id for user_id in members if cast.get(user_id, 0) < needed)


def _reachable(user_ids: list[int]) -> list:
    """The people among `user_ids` an e-mail reminder reaches: an address, and reminders on."""
    people = get_user_model().objects.filter(pk__in=user_ids).order_by("last_name", "first_name")
    return [p for p in people if p.email and wants_mail(p, REMINDERS)]


def _remind(proposal: Proposal, *, by, user_ids: list[int]) -> RoundReminder:
    reminder = RoundReminder.objects.create(proposal=proposal, sent_by=by, sent_at=timezone.now())
    reminder.recipients.set(user_ids)
    transaction.on_commit(
        lambda: notify.round_reminder(proposal_id=proposal.pk, user_ids=list(user_ids))
    )
    return reminder


#: How long after a reminder a person cannot send the next one.
REMINDER_INTERVAL = timedelta(hours=1)


@transaction.atomic
def round_remind(*, proposal_id: int, by) -> RoundReminder:
    """The secretary's "send a reminder": e-mail the current voting members who have not voted on
    every decision yet (and want reminders), now. Asks the gate ("governance.remind": the team,
    the secretariat, the body's chair or secretary; the round open, its deadline not passed).
    At most one reminder an hour; the proposal's history records who was reminded."""
    proposal = lock_proposal(proposal_id)
    policy.require(by, "governance.remind", proposal)
    last = proposal.reminders.order_by("-sent_at").first()
    if last is not None and timezone.now() - last.sent_at < REMINDER_INTERVAL:
        raise ValidationError(
            _("A reminder was sent at %(time)s; wait an hour before sending the next one.")
            % {"time": timezone.localtime(last.sent_at).strftime("%H:%M")},
            code="reminder_too_soon",
        )
    waiting = waiting_member_ids(proposal)
    if not waiting:
        raise ValidationError(
            _("Every member has voted; nobody needs a reminder."), code="everyone_voted"
        )
    reached = _reachable(waiting)
    if not reached:
        raise ValidationError(
            _(
                "The members who have not voted have no e-mail address or do not want "
                "reminders; contact them in another way."
            ),
            code="nobody_reachable",
        )
    reminder = _remind(proposal, by=by, user_ids=[p.pk for p in reached])
    update_versioned(
        proposal,
        version=None,
        by=by,
        event="proposal.reminded",
        details={"names": ", ".join(str(p) for p in reached)},
    )
    return reminder


@transaction.atomic
def round_send_reminder(*, proposal_id: int, now: datetime | None = None) -> int:
    """Remind the members who have not voted on everything, once, a day before the deadline.
    Returns how many are reminded (0 when already sent or not due). Only the
    `close_written_rounds` command calls it (the system: nobody acts, nobody is asked)."""
    now = now or timezone.now()
    proposal = lock_proposal(proposal_id)
    if (
        proposal.status != S.WRITTEN_ROUND
        or proposal.round_reminder_sent_at is not None
        or not (proposal.round_deadline - timedelta(days=1) <= now < proposal.round_deadline)
    ):
        return 0
    waiting = waiting_member_ids(proposal)
    update_versioned(
        proposal,
        version=None,
        by=None,
        event="proposal.reminder_sent",
        round_reminder_sent_at=now,
    )
    if waiting:
        _remind(proposal, by=None, user_ids=waiting)
    return len(waiting)


def close_written_rounds(*, now: datetime | None = None) -> dict[str, list[Proposal]]:
    """What the `close_written_rounds` command does: remind (once) and close what can close.
    The system path: the steps run with `by=None` (no person, no gate to ask).

    Each round is claimed in a transaction of its own with `select_for_update(skip_locked=True)`:
    when two machines start the command at the same moment, the run that locks a round first
    handles it and the other passes it by instead of waiting (and finds it closed or reminded
    next time), so every round is closed and reminded once."""
    now = now or timezone.now()
    reminded, closed = [], []
    open_ids = list(
        Proposal.objects.filter(status=S.WRITTEN_ROUND).order_by("pk").values_list("pk", flat=True)
    )
    for proposal_id in open_ids:
        with transaction.atomic():
            # Only the proposal's own row (of "self", no ordering that joins other tables).
            proposal = (
                Proposal.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(pk=proposal_id, status=S.WRITTEN_ROUND)
                .order_by()
                .first()
            )
            if proposal is None:  # another run holds it, or it was closed meanwhile
                continue
            if proposal.round_deadline <= now or round_all_voted(proposal):
                closed.append(round_close(proposal_id=proposal.pk, by=None))
            elif round_send_reminder(proposal_id=proposal.pk, now=now):
                reminded.append(proposal)
    return {"reminded": reminded, "closed": closed}
