"""The demo data steps, registered by each app in its AppConfig.ready():

    from avk import demo
    demo.register("partners.demo", order=20)

`load_demo` runs every registered step's `load(context)` in order (each builds on the ones
before), then every step's `summary(context)` if it has one (the accounts to log in with).

The services a step calls record history at the time of loading; a step then dates what it
made on the day of the fact it stands for (`backdate`, `redate`): the memo's decisions on 19
June 2023, a commitment on the day it was signed. So "recent changes" and history pages read
true, and show only what really happened since the demo was loaded.
"""

import datetime
from collections.abc import Iterable
from importlib import import_module
from types import ModuleType
from zoneinfo import ZoneInfo

from django.db import models

from .registry import Registry

steps = Registry(__name__)

#: Facts of the demo happen at this hour of their day, in the programmes' time zone.
FACT_HOUR = 12
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def register(module_path: str, *, order: int = 100) -> None:
    steps.register(module_path, order=order)


def modules() -> list[ModuleType]:
    return [import_module(path) for path in steps]


def moment(when: datetime.date | datetime.datetime) -> datetime.datetime:
    """A fact's moment: a datetime as it is (in Amsterdam when naive), a date at FACT_HOUR."""
    if isinstance(when, datetime.datetime):
        return when if when.tzinfo else when.replace(tzinfo=_AMSTERDAM)
    return datetime.datetime.combine(when, datetime.time(FACT_HOUR), tzinfo=_AMSTERDAM)


def _started(context: dict) -> datetime.datetime:
    """When this run of load_demo began: only what it wrote since then is dated."""
    started = context.get("started")
    if started is None:
        raise ValueError("The demo context has no 'started' moment (set by load_demo).")
    return started


def _rows_by_model(rows) -> dict[type[models.Model], list]:
    if isinstance(rows, models.QuerySet):
        return {rows.model: list(rows.values_list("pk", flat=True))}
    if isinstance(rows, models.Model):
        rows = [rows]
    grouped: dict[type[models.Model], list] = {}
    for row in rows:
        grouped.setdefault(type(row), []).append(row.pk)
    return grouped


def backdate(
    context: dict,
    rows: models.Model | Iterable[models.Model] | models.QuerySet,
    when: datetime.date | datetime.datetime,
    *,
    events: Iterable[str] | None = None,
) -> int:
    """Date the history that this demo run wrote for `rows` (a row, rows, or a queryset) on the
    day of the fact (`when`; a date means that day at noon): "created", "edited", "package B
    from ..." then say when it happened, not when the demo was loaded. The records keep their
    order, a minute apart. `events` narrows it to records of these event codes (a proposal
    written then, but put to a vote today). Returns how many records were dated."""
    start, since = moment(when), _started(context)
    dated = 0
    for model, pks in _rows_by_model(rows).items():
        history = model.history.model
        pk_name = model._meta.pk.attname
        found = history.objects.filter(**{f"{pk_name}__in": pks}, history_date__gte=since)
        if events is not None:
            found = found.filter(history_change_reason__in=list(events))
        records = list(found.order_by("history_date", "history_id"))
        for offset, record in enumerate(records):
            record.history_date = start + datetime.timedelta(minutes=offset)
        history.objects.bulk_update(records, ["history_date"], batch_size=500)
        dated += len(records)
    return dated


def redate(
    context: dict,
    queryset: models.QuerySet,
    field: str,
    when: datetime.date | datetime.datetime,
) -> int:
    """Set a moment a row keeps itself (a transition's `at`, a vote's `cast_at`, a
    `created_at`) to the fact's moment, for the rows this demo run wrote it on."""
    since = _started(context)
    return queryset.filter(**{f"{field}__gte": since}).update(**{field: moment(when)})
