"""Measurements due in a person's calendar feed (registered with avk.calendar_feed in
programme/apps.py): for every indicator the person owns in a programme where they may enter its
measurements (`din.enter_measurement`), the end of each period (by its frequency) that has no
approved measurement yet (from the latest period that has ended, which may be overdue), as a
whole-day event on the day the measurement falls due. Two queries, however many indicators."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from avk import policy
from avk.calendar_feed import Event, Window

from .models import Indicator, Measurement, MeasurementStatus
from .services.reminders import MONTHS_PER_PERIOD, due_period_end


def period_ends(frequency: str, start: date, end: date) -> list[date]:
    """The last days of the periods (by `frequency`) that end between `start` and `end`."""
    step = MONTHS_PER_PERIOD[frequency]
    found = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        if month % step == 0:
            last = date(year, month, calendar.monthrange(year, month)[1])
            if start <= last <= end:
                found.append(last)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def events(user, window: Window) -> list[Event]:
    owned = (
        Indicator.objects.filter(owner=user)
        .select_related("programme", "goal")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.filter(status=MeasurementStatus.APPROVED),
                to_attr="approved",
            )
        )
        .order_by("programme_id", "name")
    )
    today = timezone.localdate()
    found = []
    for indicator in owned:
        if not policy.allowed(user, "din.enter_measurement", indicator):
            continue
        latest = max((m.period_end for m in indicator.approved), default=None)
        # From the latest period that has ended (due now, perhaps overdue) on.
        first = min(window.start, due_period_end(indicator.frequency, today))
        for period_end in period_ends(indicator.frequency, first, window.end):
            if latest is not None and latest >= period_end:
                continue
            found.append(
                Event(
                    uid=f"measurement-{indicator.pk}-{period_end:%Y%m%d}",
                    title=_("Measurement due: %(indicator)s") % {"indicator": indicator.name},
                    start=period_end + timedelta(days=1),
                    url=indicator.get_absolute_url(),
                    description=_("For the period ending %(date)s (%(programme)s).")
                    % {"date": date_format(period_end), "programme": indicator.programme.name},
                )
            )
    return found
