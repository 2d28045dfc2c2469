"""The proposal's workflow steps: submit, put on an agenda, open a written round, withdraw.

concept -> ingediend -> geagendeerd (meeting) | schriftelijke_ronde (written round) -> besloten,
or ingetrokken before it is decided. Every step asks the gate first (`permissions.require`: who
may, and whether the proposal's status allows it: refused with a Dutch reason), then leaves a
Transition and a history event. Deciding is in `decisions.py`, voting and closing a written round
in `rounds.py`.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.services import save_with_history

from ..models import (
    FINAL_OUTCOMES,
    AgendaItem,
    Meeting,
    MeetingStatus,
    Membership,
    Proposal,
    ProposalStatus,
)
from . import notify
from .meetings import next_position
from .steps import check_subjects, lock_proposal, move, require_step

S = ProposalStatus


@transaction.atomic
def proposal_submit(*, proposal_id: int, by) -> Proposal:
    proposal = lock_proposal(proposal_id)
    require_step(by, "submit", proposal)
    if not proposal.decisions.exists():
        raise ValidationError(_("A proposal needs at least one proposed decision."))
    move(proposal, S.SUBMITTED, by=by, event="proposal.submitted")
    return proposal


@transaction.atomic
def proposal_schedule(*, proposal_id: int, meeting: Meeting | None, by) -> AgendaItem:
    """Put the proposal on a planned meeting's agenda (of the body it is put to)."""
    proposal = lock_proposal(proposal_id)
    require_step(by, "schedule", proposal)
    if meeting is None:
        raise ValidationError({"meeting": _("Choose a planned meeting of the body.")})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.body_id != proposal.body_id:
        raise ValidationError(
            {"meeting": _("This meeting is of another body than the one the proposal is for.")}
        )
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError({"meeting": _("This meeting has been held already.")})
    check_subjects(proposal)
    item = AgendaItem(meeting=meeting, position=next_position(meeting), proposal=proposal)
    save_with_history(item, by=by, event="agenda_item.added")
    move(
        proposal,
        S.SCHEDULED,
        by=by,
        event="proposal.scheduled",
        details={"meeting": meeting},
        note=str(meeting),
    )
    transaction.on_commit(
        lambda: notify.proposal_put_before_members(proposal_id=proposal.pk, how="agenda")
    )
    return item


@transaction.atomic
def round_open(*, proposal_id: int, deadline: datetime | None, by) -> Proposal:
    """Put the proposal to the body's current voting members in writing, until `deadline`."""
    proposal = lock_proposal(proposal_id)
    require_step(by, "open_round", proposal)
    if deadline is None:
        raise ValidationError({"round_deadline": _("Give a valid deadline.")})
    if deadline <= timezone.now():
        raise ValidationError({"round_deadline": _("The deadline must lie in the future.")})
    if not Membership.objects.current().voting().filter(body=proposal.body).exists():
        raise ValidationError(_("The body has no voting members today."))
    check_subjects(proposal)
    move(
        proposal,
        S.WRITTEN_ROUND,
        by=by,
        event="proposal.round_opened",
        details={"deadline": timezone.localtime(deadline).date()},
        round_deadline=deadline,
        round_opened_at=timezone.now(),
        round_reminder_sent_at=None,
    )
    transaction.on_commit(
        lambda: notify.proposal_put_before_members(proposal_id=proposal.pk, how="round")
    )
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal_id: int, by, note: str = "") -> Proposal:
    """Withdraw a proposal before it is decided; `note` (why) goes with the step."""
    proposal = lock_proposal(proposal_id)
    require_step(by, "withdraw", proposal)
    if proposal.decisions.filter(outcome__in=FINAL_OUTCOMES).exists():
        raise ValidationError(
            _("Some decisions of this proposal have been taken; it can no longer be withdrawn.")
        )
    note = (note or "").strip()
    move(
        proposal,
        S.WITHDRAWN,
        by=by,
        event="proposal.withdrawn",
        details={"note": note} if note else None,
        note=note,
    )
    return proposal
