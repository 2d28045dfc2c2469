"""What the proposal services share: the lock, the gate of a workflow step, and the step itself
(a versioned save with its history event, and the `Transition` that shows it on the page)."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils import timezone

from avk import adoption, policy
from avk.services import update_versioned
from governance import refusals

from .. import (
    events,  # noqa: F401 - registers the history events before any service records one
    permissions,
)
from ..models import Proposal, Transition


def lock_proposal(proposal: Proposal | int) -> Proposal:
    """The proposal locked for the rest of the transaction, with its body and programme."""
    pk = proposal if isinstance(proposal, int) else proposal.pk
    return Proposal.objects.select_for_update().select_related("body", "programme").get(pk=pk)


def require_step(by, verb: str, proposal: Proposal) -> None:
    """Ask the gate for a workflow step (who, and the proposal's status; the refusal says why).

    `by=None` is the system path of the `close_written_rounds` command only: no person to ask
    about, so only the proposal's status is checked (with the same Dutch message)."""
    if by is not None:
        policy.require(by, f"governance.{verb}", proposal)
        return
    _who, statuses = permissions.STEPS[verb]
    if proposal.status not in statuses:
        raise ValidationError(refusals.state_refusal(verb, proposal))


def move(
    proposal: Proposal,
    to: str,
    *,
    by,
    event: str,
    details: Mapping | None = None,
    note: str = "",
    **fields,
) -> Transition:
    """Move the proposal to status `to` (and set `fields`), counting its version up and recording
    `event` in its history, with a Transition record (who, when, from, to, note)."""
    from_status = proposal.status
    update_versioned(
        proposal, version=None, by=by, event=event, details=details, status=to, **fields
    )
    return Transition.objects.create(
        proposal=proposal,
        from_status=from_status,
        to_status=to,
        by=by if getattr(by, "pk", None) else None,
        at=timezone.now(),
        note=note[:300],
    )


def check_subjects(proposal: Proposal) -> None:
    """Before a proposal is put before the board: every subject its decisions would adopt must
    be adoptable now (`avk.adoption.check`, the subject's own app says why not, in Dutch)."""
    for decision in proposal.decisions.exclude(subject_type=None):
        subject = decision.subject
        if subject is not None:
            adoption.check(subject)
