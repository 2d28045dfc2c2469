def save(obj, *, by, reason: str) -> None:
    """Validate, record who and why, save: the only way a partners row is written."""
    obj.full_clean()
    obj._history_user = by
    obj._change_reason = reason
    obj.save()
