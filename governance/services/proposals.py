"""The proposal workflow: one function per verb.

concept -> ingediend -> geagendeerd (meeting) | schriftelijke_ronde (written round) -> besloten,
or ingetrokken before it is decided. Every step leaves a Transition and a history record; an
illegal step raises ValidationError with a Dutch message (the admin and the pages show it).
Recorded decisions are final: nothing here changes them; a correction is a new decision.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh

from ..models import (
    FINAL_OUTCOMES,
    NUMBERED_OUTCOMES,
    AgendaItem,
    Body,
    DecidedVia,
    DecisionKind,
    Meeting,
    MeetingStatus,
    Membership,
    Outcome,
    Proposal,
    ProposalStatus,
    ProposedDecision,
    Vote,
    VoteChoice,
)
from . import notify
from ._common import move, save
from .meetings import next_position

S = ProposalStatus
PROPOSAL_FIELDS = {
    "title",
    "body",
    "drafter",
    "drafter_function",
    "date",
    "introduction",
    "content",
}


def _status_label(status: str) -> str:
    return str(S(status).label)


def _refuse_unless(proposal: Proposal, *allowed: str, doing: str) -> None:
    if proposal.status not in allowed:
        raise ValidationError(
            _("A proposal with status '%(status)s' cannot %(doing)s.")
            % {"status": _status_label(proposal.status), "doing": doing}
        )


def _lock(proposal: Proposal | int) -> Proposal:
    pk = proposal if isinstance(proposal, int) else proposal.pk
    return Proposal.objects.select_for_update().select_related("body", "programme").get(pk=pk)


# --- drafting -------------------------------------------------------------------------------


def _clean_decisions(decisions: list[dict]) -> list[dict]:
    cleaned = []
    for item in decisions:
        text = (item.get("text") or "").strip()
        if not text:
            continue
        kind = item.get("kind") or DecisionKind.AGREE
        if kind not in DecisionKind.values:
            raise ValidationError(_("Unknown kind of decision: %(kind)s.") % {"kind": kind})
        cleaned.append({"kind": kind, "text": text})
    return cleaned


def _write_decisions(proposal: Proposal, decisions: list[dict], *, by) -> None:
    existing = {d.position: d for d in proposal.decisions.select_for_update()}
    if any(d.outcome for d in existing.values()):
        raise ValidationError(_("Decisions that have an outcome cannot be changed."))
    for position, item in enumerate(decisions, start=1):
        decision = existing.pop(position, None) or ProposedDecision(
            proposal=proposal, position=position
        )
        decision.kind, decision.text = item["kind"], item["text"]
        save(decision, by=by, reason="proposed decision written")
    for surplus in existing.values():
        surplus._history_user = by
        surplus.delete()


@transaction.atomic
def proposal_create(
    *,
    programme,
    body: Body,
    title: str,
    drafter,
    by,
    drafter_function: str = "",
    date: date | None = None,
    introduction: str = "",
    content: str = "",
    decisions: list[dict] | None = None,
) -> Proposal:
    """A new proposal in concept, with its proposed decisions [{kind, text}, ...] in order."""
    if body.programme_id != programme.pk:
        raise ValidationError({"body": _("The body belongs to another programme.")})
    proposal = Proposal(
        programme=programme,
        body=body,
        title=title,
        drafter=drafter,
        drafter_function=drafter_function,
        date=date or timezone.localdate(),
        introduction=introduction,
        content=content,
    )
    save(proposal, by=by, reason="proposal drafted")
    move_note = _("drafted")
    from ..models import Transition

    Transition.objects.create(
        proposal=proposal, from_status="", to_status=S.CONCEPT, by=by, note=move_note
    )
    _write_decisions(proposal, _clean_decisions(decisions or []), by=by)
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal_id: int, version: int, by, decisions: list[dict] | None = None, **fields
) -> Proposal:
    """Edit a concept: its fields and (when given) its whole ordered list of decisions."""
    unknown = set(fields) - PROPOSAL_FIELDS
    if unknown:
        raise TypeError(f"Not a proposal field: {', '.join(sorted(unknown))}")
    proposal = _lock(proposal_id)
    ensure_fresh(proposal, version)
    if proposal.status != S.CONCEPT:
        raise ValidationError(
            _(
                "This proposal has been submitted; only a draft can be edited, its decisions "
                "included."
            )
        )
    if "body" in fields and fields["body"].programme_id != proposal.programme_id:
        raise ValidationError({"body": _("The body belongs to another programme.")})
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.version += 1
    save(proposal, by=by, reason="proposal edited")
    if decisions is not None:
        _write_decisions(proposal, _clean_decisions(decisions), by=by)
    return proposal


# --- workflow steps -------------------------------------------------------------------------


@transaction.atomic
def proposal_submit(*, proposal_id: int, by) -> Proposal:
    proposal = _lock(proposal_id)
    _refuse_unless(proposal, S.CONCEPT, doing=_("be submitted"))
    if not proposal.decisions.exists():
        raise ValidationError(_("A proposal needs at least one proposed decision."))
    move(proposal, S.SUBMITTED, by=by, reason="proposal submitted")
    return proposal


@transaction.atomic
def proposal_schedule(*, proposal_id: int, meeting: Meeting, by) -> AgendaItem:
    """Put the proposal on a planned meeting's agenda (of the body it is put to)."""
    proposal = _lock(proposal_id)
    if proposal.status == S.CONCEPT:
        raise ValidationError(_("A draft cannot be put on the agenda; submit it first."))
    _refuse_unless(proposal, S.SUBMITTED, doing=_("be put on an agenda"))
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.body_id != proposal.body_id:
        raise ValidationError(
            {"meeting": _("This meeting is of another body than the one the proposal is for.")}
        )
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError({"meeting": _("This meeting has been held already.")})
    item = AgendaItem(meeting=meeting, position=next_position(meeting), proposal=proposal)
    save(item, by=by, reason="proposal put on the agenda")
    move(proposal, S.SCHEDULED, by=by, note=str(meeting), reason="proposal put on the agenda")
    transaction.on_commit(
        lambda: notify.proposal_put_before_members(proposal_id=proposal.pk, how="agenda")
    )
    return item


@transaction.atomic
def round_open(*, proposal_id: int, deadline: datetime, by) -> Proposal:
    """Open a written round: every current voting member votes per decision before `deadline`."""
    proposal = _lock(proposal_id)
    if proposal.status == S.CONCEPT:
        raise ValidationError(_("A draft cannot go to a written round; submit it first."))
    _refuse_unless(proposal, S.SUBMITTED, doing=_("be put to a written round"))
    if deadline is None or deadline <= timezone.now():
        raise ValidationError({"round_deadline": _("The deadline must lie in the future.")})
    if not Membership.objects.current().voting().filter(body=proposal.body).exists():
        raise ValidationError(_("The body has no voting members today."))
    proposal.round_deadline = deadline
    proposal.round_opened_at = timezone.now()
    proposal.round_reminder_sent_at = None
    move(proposal, S.WRITTEN_ROUND, by=by, reason="written round opened")
    transaction.on_commit(
        lambda: notify.proposal_put_before_members(proposal_id=proposal.pk, how="round")
    )
    return proposal


def _check_voter(proposal: Proposal, by) -> None:
    if proposal.status != S.WRITTEN_ROUND:
        raise ValidationError(_("This proposal is not in a written round; voting is closed."))
    if proposal.deadline_passed:
        raise ValidationError(_("The deadline of this written round has passed; voting is closed."))
    if not Membership.objects.current().voting().filter(body=proposal.body, user=by).exists():
        raise ValidationError(
            _("Only current voting members of %(body)s vote on this proposal.")
            % {"body": proposal.body}
        )


@transaction.atomic
def vote_cast(*, proposal_id: int, by, votes: dict[int, tuple[str, str]]) -> list[Vote]:
    """Cast or change votes: {decision id: (choice, comment)}. Before the deadline, by a current
    voting member, only on undecided decisions of the agree kind."""
    proposal = _lock(proposal_id)
    _check_voter(proposal, by)
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
        if vote is None:
            vote = Vote(decision=decision, user=by)
            reason = "vote cast"
        else:
            reason = "vote changed"
        vote.choice, vote.comment, vote.cast_at = choice, (comment or "").strip(), timezone.now()
        save(vote, by=by, reason=reason)
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
    kennisgenomen.
    """
    proposal = _lock(proposal_id)
    if proposal.status == S.DECIDED:
        raise ValidationError(_("This proposal has been decided already; a decision is final."))
    _refuse_unless(proposal, S.WRITTEN_ROUND, doing=_("be closed as a written round"))
    if not proposal.deadline_passed and not round_all_voted(proposal):
        raise ValidationError(
            _(
                "The written round can be closed once every member has voted or the deadline has "
                "passed."
            )
        )
    Body.objects.select_for_update().get(pk=proposal.body_id)  # numbers are assigned in order
    members = _voting_member_ids(proposal.body)
    today = timezone.localdate()
    for decision in proposal.decisions.exclude(outcome__in=FINAL_OUTCOMES).order_by("position"):
        decision.decided_on = today
        decision.decided_via = DecidedVia.WRITTEN_ROUND
        decision.decided_in = None
        if decision.kind == DecisionKind.TAKE_NOTE:
            decision.outcome = Outcome.NOTED
        else:
            counted = list(
                decision.votes.filter(user_id__in=members).values_list("choice", flat=True)
            )
            decision.votes_for = counted.count(VoteChoice.FOR)
            decision.votes_against = counted.count(VoteChoice.AGAINST)
            decision.votes_abstain = counted.count(VoteChoice.ABSTAIN)
            adopted = decision.votes_for * 2 > len(members)
            decision.outcome = Outcome.ADOPTED if adopted else Outcome.REJECTED
        _number(decision)
        save(decision, by=by, reason="decided in written round")
    move(proposal, S.DECIDED, by=by, note=_("written round closed"), reason="written round closed")
    transaction.on_commit(lambda: notify.proposal_decided(proposal_id=proposal.pk))
    return proposal


def _number(decision: ProposedDecision) -> None:
    """Give an adopted decision its stable number CODE-YEAR-NNN (call with the body locked)."""
    if decision.number or decision.outcome not in NUMBERED_OUTCOMES:
        return
    body = decision.proposal.body
    prefix = f"{body.code}-{decision.decided_on.year}-"
    taken = ProposedDecision.objects.filter(
        numbered_body=body, number__startswith=prefix
    ).values_list("number", flat=True)
    highest = max(
        (int(n.rsplit("-", 1)[1]) for n in taken if n.rsplit("-", 1)[1].isdigit()), default=0
    )
    decision.number = f"{prefix}{highest + 1:03d}"
    decision.numbered_body = body


@transaction.atomic
def meeting_record(*, proposal_id: int, by, outcomes: dict[int, dict]) -> Proposal:
    """Record what the meeting decided, per decision id:
    {outcome, amended_text, votes_for, votes_against, votes_abstain}.

    Every undecided decision needs an outcome; aangehouden (deferred) ones go back to
    'ingediend' with the proposal, to be put on a later agenda. When every decision has a final
    outcome, the proposal is besloten.
    """
    proposal = _lock(proposal_id)
    if proposal.status == S.DECIDED:
        raise ValidationError(_("This proposal has been decided already; a decision is final."))
    if proposal.status == S.CONCEPT:
        raise ValidationError(_("A draft cannot be decided; submit it and put it on an agenda."))
    _refuse_unless(proposal, S.SCHEDULED, doing=_("be decided in a meeting"))
    item = (
        proposal.agenda_items.select_related("meeting")
        .filter(meeting__body=proposal.body)
        .order_by("-meeting__starts_at")
        .first()
    )
    meeting = item.meeting
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            _("The meeting of %(date)s has not taken place yet.") % {"date": meeting.date}
        )
    Body.objects.select_for_update().get(pk=proposal.body_id)
    pending = list(proposal.decisions.exclude(outcome__in=FINAL_OUTCOMES).order_by("position"))
    given = {int(k): v for k, v in outcomes.items()}
    known = {d.pk for d in proposal.decisions.all()}
    for decision_id in given:
        if decision_id not in known:
            raise ValidationError(_("This decision is not part of the proposal."))
        if decision_id not in {d.pk for d in pending}:
            raise ValidationError(_("A taken decision is final; record a correction instead."))
    for decision in pending:
        data = given.get(decision.pk)
        if not data or not data.get("outcome"):
            raise ValidationError(
                _("Give an outcome for decision %(n)s.") % {"n": decision.position}
            )
        outcome = data["outcome"]
        allowed = (
            (Outcome.NOTED, Outcome.DEFERRED)
            if decision.kind == DecisionKind.TAKE_NOTE
            else (Outcome.ADOPTED, Outcome.ADOPTED_AMENDED, Outcome.REJECTED, Outcome.DEFERRED)
        )
        if outcome not in allowed:
            raise ValidationError(
                _("Decision %(n)s cannot have the outcome '%(outcome)s'.")
                % {
                    "n": decision.position,
                    "outcome": Outcome(outcome).label if outcome in Outcome.values else outcome,
                }
            )
        amended = (data.get("amended_text") or "").strip()
        if outcome == Outcome.ADOPTED_AMENDED and not amended:
            raise ValidationError(
                _("Decision %(n)s was adopted with an amendment: give the amended text.")
                % {"n": decision.position}
            )
        decision.outcome = outcome
        decision.amended_text = amended if outcome == Outcome.ADOPTED_AMENDED else ""
        for name in ("votes_for", "votes_against", "votes_abstain"):
            value = data.get(name)
            if value not in (None, "") and int(value) < 0:
                raise ValidationError(_("A number of votes cannot be negative."))
            setattr(decision, name, None if value in (None, "") else int(value))
        decision.decided_on = meeting.date
        decision.decided_via = DecidedVia.MEETING
        decision.decided_in = meeting
        _number(decision)
        save(decision, by=by, reason="decided in meeting")
    if meeting.status == MeetingStatus.PLANNED:
        meeting.status = MeetingStatus.HELD
        meeting.version += 1
        save(meeting, by=by, reason="meeting held")
    if all(d.is_final for d in pending):
        move(proposal, S.DECIDED, by=by, note=str(meeting), reason="decided in meeting")
        transaction.on_commit(lambda: notify.proposal_decided(proposal_id=proposal.pk))
    else:
        move(
            proposal,
            S.SUBMITTED,
            by=by,
            note=_("deferred decisions carried to a later meeting"),
            reason="decisions deferred",
        )
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal_id: int, by, note: str = "") -> Proposal:
    proposal = _lock(proposal_id)
    if proposal.status == S.DECIDED:
        raise ValidationError(_("A decided proposal cannot be withdrawn; a decision is final."))
    _refuse_unless(
        proposal, S.CONCEPT, S.SUBMITTED, S.SCHEDULED, S.WRITTEN_ROUND, doing=_("be withdrawn")
    )
    if proposal.decisions.filter(outcome__in=FINAL_OUTCOMES).exists():
        raise ValidationError(
            _("Some decisions of this proposal have been taken; it can no longer be withdrawn.")
        )
    move(proposal, S.WITHDRAWN, by=by, note=note, reason="proposal withdrawn")
    return proposal


@transaction.atomic
def decision_correct(
    *,
    decision_id: int,
    text: str,
    by,
    outcome: str = Outcome.ADOPTED,
    meeting: Meeting | None = None,
    decided_on: date | None = None,
) -> ProposedDecision:
    """Record a correction: a NEW decision (next number in the proposal) referring to the taken
    one it corrects. The earlier decision stays as it was; both show the link."""
    original = ProposedDecision.objects.select_related("proposal__body").get(pk=decision_id)
    if not original.is_final:
        raise ValidationError(_("Only a taken decision can be corrected."))
    if not text.strip():
        raise ValidationError({"text": _("Give the text of the correcting decision.")})
    if outcome not in (Outcome.ADOPTED, Outcome.REJECTED):
        raise ValidationError(_("A correction is adopted or rejected."))
    proposal = _lock(original.proposal_id)
    if meeting is not None and meeting.body_id != proposal.body_id:
        raise ValidationError({"meeting": _("This meeting is of another body.")})
    Body.objects.select_for_update().get(pk=proposal.body_id)
    last = proposal.decisions.order_by("-position").first()
    correction = ProposedDecision(
        proposal=proposal,
        position=last.position + 1,
        kind=DecisionKind.AGREE,
        text=text.strip(),
        outcome=outcome,
        decided_on=decided_on or (meeting.date if meeting else timezone.localdate()),
        decided_via=DecidedVia.MEETING if meeting else "",
        decided_in=meeting,
        corrects=original,
    )
    _number(correction)
    save(correction, by=by, reason=f"correction of {original}")
    return correction


# --- the command: reminders and closing -----------------------------------------------------


@transaction.atomic
def round_send_reminder(*, proposal_id: int, by=None, now: datetime | None = None) -> int:
    """Remind the members who have not voted on everything, once, a day before the deadline.
    Returns how many are reminded (0 when already sent or not due)."""
    now = now or timezone.now()
    proposal = _lock(proposal_id)
    if (
        proposal.status != S.WRITTEN_ROUND
        or proposal.round_reminder_sent_at is not None
        or not (proposal.round_deadline - timedelta(days=1) <= now < proposal.round_deadline)
    ):
        return 0
    members = _voting_member_ids(proposal.body)
    agree = proposal.decisions.filter(kind=DecisionKind.AGREE).exclude(outcome__in=FINAL_OUTCOMES)
    needed = agree.count()
    done = {
        user_id
        for user_id in members
        if Vote.objects.filter(decision__in=agree, user_id=user_id).count() >= needed
    }
    waiting = sorted(members - done)
    proposal.round_reminder_sent_at = now
    save(proposal, by=by, reason="written round reminder sent")
    if waiting:
        transaction.on_commit(
            lambda: notify.round_reminder(proposal_id=proposal.pk, user_ids=waiting)
        )
    return len(waiting)


def close_written_rounds(*, by=None, now: datetime | None = None) -> dict[str, list[Proposal]]:
    """What the `close_written_rounds` command does: remind (once) and close what can close."""
    now = now or timezone.now()
    reminded, closed = [], []
    open_rounds = Proposal.objects.filter(status=S.WRITTEN_ROUND).select_related("body")
    for proposal in open_rounds:
        if proposal.round_deadline <= now or round_all_voted(proposal):
            closed.append(round_close(proposal_id=proposal.pk, by=by))
        elif round_send_reminder(proposal_id=proposal.pk, by=by, now=now):
            reminded.append(proposal)
    return {"reminded": reminded, "closed": closed}
