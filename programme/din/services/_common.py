"""Helpers the DIN services share: editing fields, versions and change reasons."""

from __future__ import annotations

from avk.concurrency import ensure_fresh
from avk.services import save_with_history

from ..models import Effort


def _next_order(queryset) -> int:
    return queryset.count()


def _apply(obj, fields: dict, allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value)


def _update(model, *, pk, version, by, fields, allowed, reason):
    obj = model.objects.select_for_update().get(pk=pk)
    ensure_fresh(obj, version)
    _apply(obj, fields, allowed)
    obj.version += 1
    save_with_history(obj, by=by, reason=reason)
    return obj


def _reason(text: str) -> str:
    """Change reasons are at most 100 characters (django-simple-history's column)."""
    return text if len(text) <= 100 else text[:99] + "…"


def _touch_effort(effort: Effort, *, by, reason: str) -> None:
    """Leave a history entry on the effort for a change in its links."""
    effort = Effort.objects.get(pk=effort.pk)
    effort.version += 1
    save_with_history(effort, by=by, reason=_reason(reason))
