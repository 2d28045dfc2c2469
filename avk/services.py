"""What every app's services share: saving with history, the versioned update, removing with
history and ending a dated period. Services call these instead of `save()` or `delete()`, so
every change validates, names who made it and why (an event code from `avk.history`), and a save
from a form opened on an older version is refused instead of silently overwriting.

These helpers do not ask the policy: the service that calls them does (`avk.policy.require`),
because only it knows which action it performs.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .concurrency import ensure_fresh
from .history import clean_details, is_event, mark


def save_with_history(
    obj: models.Model,
    *,
    by,
    event: str,
    details: Mapping | None = None,
    validate: bool = True,
) -> models.Model:
    """Validate (clean() and constraints), then save, leaving a history entry that names who
    made the change and which event it was. `validate=False` only for rows a service has just
    built from validated parts (bulk order changes)."""
    if validate:
        obj.full_clean()
    mark(obj, by=by, event=event, details=details)
    obj.save()
    return obj


def update_versioned(
    obj: models.Model,
    *,
    version: int | None,
    by,
    event: str = "edited",
    details: Mapping | None = None,
    **fields,
) -> models.Model:
    """The versioned update: lock the row, refuse a stale save (`StaleEdit`, naming who changed
    what meanwhile), set the fields, count the version up and save with history.

    `obj` may be a loaded instance (it is locked and read again, so attributes changed on it but
    not saved are not kept: pass every change as a keyword) or a model class with `pk=`.
    `version=None` skips the staleness check, for changes that do not come from a form
    (a workflow step that already checked the state under the lock).
    """
    with transaction.atomic():
        locked = lock(obj, pk=fields.pop("pk", None))
        if version is not None:
            ensure_fresh(locked, version)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.version += 1
        save_with_history(locked, by=by, event=event, details=details)
    if isinstance(obj, models.Model) and obj is not locked:
        obj.refresh_from_db()
    return locked


def touch(obj: models.Model, *, by, event: str, details: Mapping | None = None) -> models.Model:
    """Count the version up and record an event on a row whose related rows changed (a member
    added to a working group): open forms on it are then stale, and its history says what."""
    return update_versioned(obj, version=None, by=by, event=event, details=details)


def lock(obj, *, pk=None) -> models.Model:
    """The row locked for the rest of the transaction (select_for_update)."""
    if isinstance(obj, models.Model):
        model, pk = type(obj), obj.pk
    else:
        model = obj
    return model._default_manager.select_for_update().get(pk=pk)


def delete_with_history(
    obj: models.Model, *, by, event: str = "removed", details: Mapping | None = None
) -> None:
    """Remove a row, leaving a history entry ("-") that names who removed it and why."""
    mark(obj, by=by, event=event, details=details)
    obj.delete()


def end_period(
    obj: models.Model,
    *,
    on: datetime.date | None = None,
    by,
    event: str = "ended",
    details: Mapping | None = None,
) -> models.Model:
    """End a dated period (`avk.models.DatedPeriod`) on `on` (today when not given), inclusive.

    The row is locked and read again, so a save made meanwhile is not overwritten. A period
    that has not begun by then cannot end before it starts: refused with a Dutch message. A
    period that already ended earlier keeps its earlier end."""
    day = on or timezone.localdate()
    with transaction.atomic():
        locked = lock(obj)
        if locked.valid_until is not None and locked.valid_until <= day:
            return locked
        if day < locked.valid_from:
            raise ValidationError(
                {"valid_until": _("The end date cannot lie before the start date.")},
                code="period_order",
            )
        locked.valid_until = day
        if hasattr(locked, "version"):
            locked.version += 1
        save_with_history(locked, by=by, event=event, details={"on": day, **(details or {})})
    if obj is not locked:
        obj.refresh_from_db()
    return locked


def bulk_create_with_events(
    objs: list[models.Model],
    model: type[models.Model],
    *,
    by,
    event: str,
    details: Mapping | None = None,
    batch_size: int = 500,
) -> list[models.Model]:
    """Create many rows in a few queries (an import), each with its history entry naming who and
    which event. The caller has validated the rows; no per-row full_clean()."""
    from simple_history.utils import bulk_create_with_history

    if not is_event(event):
        raise ValueError(f"Unknown history event {event!r}: declare it with register_events()")
    return bulk_create_with_history(
        objs,
        model,
        batch_size=batch_size,
        default_user=by if getattr(by, "pk", None) else None,
        default_change_reason=event,
        custom_historical_attrs={"history_details": clean_details(details or {})},
    )


def bulk_update_versioned(
    model: type[models.Model],
    changes: Mapping[int, tuple[int | None, Mapping]],
    *,
    by,
    event: str,
    details: Mapping | Callable[[models.Model], Mapping] | None = None,
    batch_size: int = 500,
) -> list[models.Model]:
    """The versioned update for many rows at once (an import): `changes` maps a primary key to
    (the version the person saw, {field: value}). All rows are locked and read in one query; a
    row changed meanwhile refuses the whole update (`StaleEdit`), a row gone refuses it too.
    Then the fields are set, each version counts up, and the rows and their history entries
    (`details`, or `details(row)` per row) are written in a few queries, whatever their number.
    The caller has validated the values."""
    if not changes:
        return []
    with transaction.atomic():
        locked = model._default_manager.select_for_update().in_bulk(list(changes))
        if len(locked) != len(changes):
            raise ValidationError(
                _("An item was removed after you opened it; nothing has been saved."),
                code="gone",
            )
        fields = {"version"}
        objs = []
        for pk, (version, values) in changes.items():
            obj = locked[pk]
            if version is not None:
                ensure_fresh(obj, version)
            for name, value in values.items():
                setattr(obj, name, value)
                fields.add(name)
            obj.version += 1
            mark(obj, by=by, event=event, details=details(obj) if callable(details) else details)
            objs.append(obj)
        model._default_manager.bulk_update(objs, sorted(fields), batch_size=batch_size)
        _bulk_history(model, objs, batch_size=batch_size)
    return objs


def _bulk_history(model: type[models.Model], objs: list[models.Model], *, batch_size: int) -> None:
    """The "changed" history entries of rows `mark()`ed and bulk-updated (simple_history's own
    bulk helper takes one set of details for all rows)."""
    history = model.history.model
    now = timezone.now()
    tracked = history.tracked_fields
    rows = [
        history(
            history_date=now,
            history_user=obj._history_user,
            history_change_reason=obj._change_reason,
            history_details=obj._history_details,
            history_type="~",
            **{field.attname: getattr(obj, field.attname) for field in tracked},
        )
        for obj in objs
    ]
    history.objects.bulk_create(rows, batch_size=batch_size)
