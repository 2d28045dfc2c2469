"""History that people can read: an event code plus structured details, shown in their language.

Every model people edit declares `history = history_records()` (django-simple-history with the
`HistoryEvent` base). A service records an event through `avk.services` (`save_with_history`,
`update_versioned`, `delete_with_history`, `end_period`), never by writing text:

    save_with_history(commitment, by=user, event="commitment.ended", details={"on": day})

The code goes into `history_change_reason`, the details into `history_details` (JSON). Each app
declares its events once, with a translatable label that may use the details:

    history.register_events({"commitment.ended": _("Commitment ended on %(on)s")})

Every history page renders `entries(obj)` through the one partial `avk/_history.html`: when, who,
what happened (the label with dates and numbers formatted for the reader) and which fields
changed, with choices, dates and linked rows shown by name, never as raw data.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

#: The longest event code (simple-history's change-reason column holds 100 characters).
EVENT_MAX_LENGTH = 100
#: The longest free text (a motivation, a remark) kept in an event's details.
NOTE_MAX_LENGTH = 1000

_events: dict[str, object] = {}
#: Per event, the details that hold a choice's code, with their choices (shown by label).
_choices: dict[str, dict[str, type]] = {}

#: Events every model has; apps add their own.
COMMON_EVENTS = {
    "created": gettext_lazy("Created"),
    "edited": gettext_lazy("Edited"),
    "removed": gettext_lazy("Removed"),
    "ended": gettext_lazy("Ended on %(on)s"),
    "imported": gettext_lazy("Imported"),
    "admin.edited": gettext_lazy("Edited in the administration"),
}


def history_records(**kwargs) -> HistoricalRecords:
    """django-simple-history for a model, with the structured details every history shows."""
    from .models import HistoryEvent

    return HistoricalRecords(bases=[HistoryEvent], **kwargs)


def register_events(events: Mapping[str, object], *, choices: Mapping | None = None) -> None:
    """Declare event codes and their (lazily translated) labels; `%(name)s` uses the details.

    `choices` maps a detail's name to the TextChoices its value is a code of (`{"level":
    DelegationLevel}`): the detail keeps the code and is shown by its label in the reader's
    language."""
    for code in events:
        if len(code) > EVENT_MAX_LENGTH:
            raise ValueError(f"Event code over {EVENT_MAX_LENGTH} characters: {code!r}")
        if choices:
            _choices[code] = dict(choices)
    _events.update(events)


register_events(COMMON_EVENTS)


def is_event(code: str) -> bool:
    return code in _events


def mark(obj: models.Model, *, by, event: str, details: Mapping | None = None) -> None:
    """Tell django-simple-history who makes the next save of `obj`, and why (the event)."""
    if event not in _events:
        raise ValueError(f"Unknown history event {event!r}: declare it with register_events()")
    obj._history_user = by if getattr(by, "pk", None) else None
    obj._change_reason = event
    obj._history_details = clean_details(details or {})


def clean_details(details: Mapping) -> dict:
    """Details as JSON keeps them: text cut at NOTE_MAX_LENGTH, dates as ISO text, rows by
    their name."""
    cleaned = {}
    for key, value in details.items():
        if isinstance(value, models.Model):
            value = str(value)
        elif isinstance(value, datetime.date | Decimal):
            value = value.isoformat() if isinstance(value, datetime.date) else str(value)
        elif isinstance(value, str) and len(value) > NOTE_MAX_LENGTH:
            value = value[: NOTE_MAX_LENGTH - 1] + "…"
        cleaned[key] = value
    return cleaned


def _copy_details(sender, instance, history_instance, **kwargs):
    """Fill `history_details` from what `mark()` put on the instance (once per save)."""
    if hasattr(history_instance, "history_details"):
        history_instance.history_details = getattr(instance, "_history_details", None) or {}


pre_create_historical_record.connect(_copy_details, dispatch_uid="avk.history.details")


# --- reading ---------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _format_value(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    if isinstance(value, Decimal | float):
        return number_format(value, use_l10n=True, force_grouping=True)
    return "" if value is None else str(value)


def describe(code: str, details: Mapping | None) -> str:
    """An event in the reader's language: its label filled with the formatted details, and a
    free-text `note` after it. An unknown code (an old free-text reason) reads "Changed"."""
    details = dict(details or {})
    label = _events.get(code)
    if label is None:
        return _("Changed")
    for key, kind in _choices.get(code, {}).items():
        if details.get(key) in kind.values:
            details[key] = kind(details[key]).label
    formatted = {key: _format_value(value) for key, value in details.items()}
    text = str(label)
    if "%(" in text:
        with contextlib.suppress(TypeError, ValueError):
            text = text % _Defaulting(formatted)
    note = formatted.get("note")
    if note:
        text = f"{text}: {note}"
    return text


class _Defaulting(dict):
    def __missing__(self, key):
        return "?"


def _short(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"


class _Resolver:
    """Names for the ids a history diff holds (foreign keys, many-to-many rows): one query per
    related model for a whole page of entries, not one per value."""

    def __init__(self):
        self.wanted: dict[type, set] = {}
        self.names: dict[tuple[type, object], str] = {}

    def want(self, model, pk):
        if pk is not None:
            self.wanted.setdefault(model, set()).add(pk)

    def load(self):
        for model, ids in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=ids):
                self.names[(model, obj.pk)] = str(obj)

    def name(self, model, pk) -> str:
        if pk is None:
            return ""
        return self.names.get((model, pk), _("(removed) #%(id)s") % {"id": pk})


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a field that no longer exists
        return None


def _m2m_ids(field, rows) -> list:
    """The ids of the related rows in a many-to-many history value ([{through fields}, ...])."""
    target = field.related_model._meta.model_name
    return [row.get(target) for row in rows or [] if isinstance(row, dict)]


def entries(obj: models.Model, *, limit: int = 25, excluded=("version", "order")) -> list[dict]:
    """The latest changes of `obj`, newest first: when, who, what happened (Dutch or English) and
    which fields changed (label, old, new), values shown as a person reads them."""
    model = type(obj)
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-pk")[: limit + 1]
    )
    resolver = _Resolver()
    raw = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=list(excluded))
            for change in delta.changes:
                field = _field(model, change.field)
                if field is None:
                    continue
                changes.append((field, change.old, change.new))
                for value in (change.old, change.new):
                    if field.many_to_many:
                        for pk in _m2m_ids(field, value):
                            resolver.want(field.related_model, pk)
                    elif field.is_relation:
                        resolver.want(field.related_model, value)
        raw.append((record, changes))
    resolver.load()
    shown = []
    for record, changes in raw:
        shown.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "type": record.history_type,
                "event": describe(
                    record.history_change_reason or "",
                    getattr(record, "history_details", None),
                ),
                "known": is_event(record.history_change_reason or ""),
                "changes": [
                    {
                        "field": str(field.verbose_name),
                        "old": _short(_display(field, old, resolver)),
                        "new": _short(_display(field, new, resolver)),
                    }
                    for field, old, new in changes
                ],
            }
        )
    return shown


def _display(field, value, resolver: _Resolver) -> str:
    if field.many_to_many:
        return ", ".join(resolver.name(field.related_model, pk) for pk in _m2m_ids(field, value))
    if field.is_relation:
        return resolver.name(field.related_model, value)
    if field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, str) and isinstance(field, models.DecimalField):
        with contextlib.suppress(InvalidOperation):
            value = Decimal(value)
    return _format_value(value)
