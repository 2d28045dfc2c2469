"""Helpers the governance services share: saving with history, and workflow steps."""

from __future__ import annotations

from django.utils import timezone

from ..models import Proposal, Transition


def save(obj, *, by, reason: str) -> None:
    """Validate, then save with the simple-history user and reason."""
    obj.full_clean()
    obj._history_user = by
    obj._change_reason = reason
    obj.save()


def move(proposal: Proposal, to: str, *, by, note: str = "", reason: str = "") -> Transition:
    """Move the proposal to status `to`, with a Transition record (who, when, from, to)."""
    from_status = proposal.status
    proposal.status = to
    proposal.version += 1
    save(proposal, by=by, reason=reason or f"{from_status} -> {to}")
    return Transition.objects.create(
        proposal=proposal,
        from_status=from_status,
        to_status=to,
        by=by if getattr(by, "pk", None) else None,
        at=timezone.now(),
        note=note[:300],
    )
