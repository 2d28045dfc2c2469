"""What the phase plans' services share."""

from __future__ import annotations

from .. import events  # noqa: F401 - registers the history events before any change


def check_fields(fields: dict, allowed) -> None:
    """Only the model's EDITABLE_FIELDS may be given (a programming error otherwise)."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
