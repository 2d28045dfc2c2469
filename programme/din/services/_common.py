"""Helpers the DIN services share: the accepted fields, the next position."""

from __future__ import annotations

from .. import events  # noqa: F401 - registers the DIN's history events before any change


def _next_order(queryset) -> int:
    return queryset.count()


def _check_fields(fields: dict, allowed) -> None:
    """Only the model's EDITABLE_FIELDS (and what the service adds) may be given."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")


def _apply(obj, fields: dict, allowed) -> None:
    _check_fields(fields, allowed)
    for name, value in fields.items():
        setattr(obj, name, value)
