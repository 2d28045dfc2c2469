"""What the reflection services share."""

from __future__ import annotations

from avk.policy import require

from .. import events  # noqa: F401 - registers the history events before any change


def check_fields(fields: dict, allowed) -> None:
    """Only the model's EDITABLE_FIELDS may be given (a programming error otherwise)."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")


def require_change(by, obj) -> None:
    """The programme team of the object's programme records and changes reflection."""
    require(by, "reflection.change", obj)
