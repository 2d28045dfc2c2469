"""What every app's services share."""

from django.db import models


def save_with_history(obj: models.Model, *, by, reason: str) -> models.Model:
    """Validate (clean() and constraints), then save, leaving a history entry that names who
    made the change and why (django-simple-history). Services call this instead of save()."""
    obj.full_clean()
    obj._history_user = by
    obj._change_reason = reason
    obj.save()
    return obj
