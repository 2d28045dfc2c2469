"""The one decide step, and the two ways a meeting decides: recording its outcomes, and
correcting a taken decision. (A written round decides in `rounds.round_close`.)

`decision_record` is the only place a decision gets its outcome: it asks the gate, checks the
outcome against the one table (`models.ALLOWED_OUTCOMES`), numbers an adopted decision in its
body's series (DB-2023-004), records it with history and, when the decision names a `subject`
(a budget, a phase plan: a model registered in `avk.adoption`) and adopts it, has the subject's
app adopt it in the same transaction. Rejecting or deferring leaves the subject a concept. A
subject that cannot be adopted rolls the whole decision back, with a Dutch message.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk import adoption, policy
from avk.services import save_with_history, update_versioned

from ..models import (
    ADOPTING_OUTCOMES,
    ALLOWED_OUTCOMES,
    CORRECTION_OUTCOMES,
    FINAL_OUTCOMES,
    NUMBERED_OUTCOMES,
    Body,
    DecidedVia,
    DecisionKind,
    Meeting,
    MeetingStatus,
    Outcome,
    Proposal,
    ProposalStatus,
    ProposedDecision,
)
from . import notify
from .steps import lock_proposal, move, require_step

S = ProposalStatus

#: The history event of each outcome.
OUTCOME_EVENTS = {
    Outcome.ADOPTED: "decision.adopted",
    Outcome.ADOPTED_AMENDED: "decision.adopted_amended",
    Outcome.REJECTED: "decision.rejected",
    Outcome.DEFERRED: "decision.deferred",
    Outcome.NOTED: "decision.noted",
}
CORRECTION_EVENTS = {
    Outcome.ADOPTED: "decision.correction_adopted",
    Outcome.REJECTED: "decision.correction_rejected",
}


def _outcome_label(outcome: str) -> str:
    return str(Outcome(outcome).label) if outcome in Outcome.values else outcome


def _number(decision: ProposedDecision) -> None:
    """Give an adopted decision its stable number CODE-YEAR-NNN, under the body's lock."""
    if decision.number or decision.outcome not in NUMBERED_OUTCOMES:
        return
    body = Body.objects.select_for_update().get(pk=decision.proposal.body_id)
    prefix = f"{body.code}-{decision.decided_on.year}-"
    taken = ProposedDecision.objects.filter(
        numbered_body=body, number__startswith=prefix
    ).values_list("number", flat=True)
    highest = max(
        (int(n.rsplit("-", 1)[1]) for n in taken if n.rsplit("-", 1)[1].isdigit()), default=0
    )
    decision.number = f"{prefix}{highest + 1:03d}"
    decision.numbered_body = body


def _votes(decision: ProposedDecision, votes) -> tuple:
    counted = tuple(votes or (None, None, None))
    if any(v is not None and v < 0 for v in counted):
        raise ValidationError(_("A number of votes cannot be negative."))
    return counted


def _adopt(decision: ProposedDecision, *, by) -> None:
    subject = decision.subject if decision.subject_type_id else None
    if subject is None or decision.outcome not in ADOPTING_OUTCOMES:
        return
    try:
        adoption.adopt(subject, decision=decision, by=by)
    except ValidationError as refused:
        raise ValidationError(
            _("Decision %(n)s cannot adopt %(subject)s, so nothing has been recorded: %(reason)s")
            % {"n": decision.position, "subject": subject, "reason": " ".join(refused.messages)},
            code="adoption_refused",
        ) from refused


@transaction.atomic
def decision_record(
    *,
    decision: ProposedDecision,
    outcome: str,
    by,
    meeting: Meeting | None = None,
    via: str = "",
    decided_on: date | None = None,
    votes: tuple | None = None,
    amended_text: str = "",
    note: str = "",
) -> ProposedDecision:
    """The decide step: give `decision` its `outcome`, in `meeting` or `via` a written round, on
    `decided_on` (the meeting's day, else today), with `votes` (for, against, abstaining).

    Asks the gate ("governance.decide": the body's chair or secretary, the programme team or
    secretariat; the decision still open) unless `by=None`, which only the
    `close_written_rounds` command passes (the system path). Call it with the body locked
    when deciding several decisions, so their numbers follow each other."""
    if by is not None:
        policy.require(by, "governance.decide", decision)
    n = {"n": decision.position}
    if outcome not in ALLOWED_OUTCOMES[decision.kind]:
        raise ValidationError(
            _("Decision %(n)s cannot have the outcome '%(outcome)s'.")
            % {**n, "outcome": _outcome_label(outcome)}
        )
    if decision.corrects_id and outcome not in CORRECTION_OUTCOMES:
        raise ValidationError(_("A correction is adopted or rejected."))
    amended = (amended_text or "").strip()
    if outcome == Outcome.ADOPTED_AMENDED and not amended:
        raise ValidationError(
            _("Decision %(n)s was adopted with an amendment: give the amended text.") % n
        )
    decision.votes_for, decision.votes_against, decision.votes_abstain = _votes(decision, votes)
    decision.outcome = outcome
    decision.amended_text = amended if outcome == Outcome.ADOPTED_AMENDED else ""
    decision.decided_in = meeting
    decision.decided_via = DecidedVia.MEETING if meeting is not None else via
    decision.decided_on = decided_on or (meeting.date if meeting else timezone.localdate())
    _number(decision)
    details = {"number": decision.number or "", "meeting": meeting or ""}
    if decision.corrects_id:
        event = CORRECTION_EVENTS[outcome]
        details["corrects"] = decision.corrects.number or str(decision.corrects)
    else:
        event = OUTCOME_EVENTS[outcome]
    if note:
        details["note"] = note
    save_with_history(decision, by=by, event=event, details=details)
    _adopt(decision, by=by)
    return decision


@transaction.atomic
def meeting_record(*, proposal_id: int, by, outcomes: dict[int, dict]) -> Proposal:
    """Record what the meeting decided, per decision id:
    {outcome, amended_text, votes_for, votes_against, votes_abstain}.

    Every undecided decision needs an outcome; aangehouden (deferred) ones go back to
    'ingediend' with the proposal, to be put on a later agenda. When every decision has a final
    outcome, the proposal is besloten.
    """
    proposal = lock_proposal(proposal_id)
    require_step(by, "record", proposal)
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
    Body.objects.select_for_update().get(pk=proposal.body_id)  # numbers are given in order
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
        decision_record(
            decision=decision,
            outcome=data["outcome"],
            by=by,
            meeting=meeting,
            amended_text=data.get("amended_text") or "",
            votes=tuple(
                None if data.get(name) in (None, "") else int(data[name])
                for name in ("votes_for", "votes_against", "votes_abstain")
            ),
        )
    if meeting.status == MeetingStatus.PLANNED:
        update_versioned(
            meeting, version=None, by=by, event="meeting.held", status=MeetingStatus.HELD
        )
    if all(d.is_final for d in pending):
        move(
            proposal,
            S.DECIDED,
            by=by,
            event="proposal.decided",
            details={"meeting": meeting},
            note=str(meeting),
        )
        transaction.on_commit(lambda: notify.proposal_decided(proposal_id=proposal.pk))
    else:
        move(
            proposal,
            S.SUBMITTED,
            by=by,
            event="proposal.deferred",
            note=_("deferred decisions carried to a later meeting"),
        )
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
    one it corrects, decided through the one decide step. The earlier decision stays as it was;
    both show the link."""
    original = ProposedDecision.objects.select_related("proposal__body", "proposal__programme").get(
        pk=decision_id
    )
    policy.require(by, "governance.correct", original)
    if not text.strip():
        raise ValidationError({"text": _("Give the text of the correcting decision.")})
    if outcome not in CORRECTION_OUTCOMES:
        raise ValidationError(_("A correction is adopted or rejected."))
    proposal = lock_proposal(original.proposal_id)
    if meeting is not None and meeting.body_id != proposal.body_id:
        raise ValidationError({"meeting": _("This meeting is of another body.")})
    Body.objects.select_for_update().get(pk=proposal.body_id)
    last = proposal.decisions.order_by("-position").first()
    correction = ProposedDecision(
        proposal=proposal,
        position=last.position + 1,
        kind=DecisionKind.AGREE,
        text=text.strip(),
        corrects=original,
    )
    return decision_record(
        decision=correction, outcome=outcome, by=by, meeting=meeting, decided_on=decided_on
    )
