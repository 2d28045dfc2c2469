"""Reminders to indicator owners when a measurement is due."""

from __future__ import annotations

import calendar
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from avk import mail, policy
from programme.core.models import Programme

from ..models import Frequency, Indicator, Measurement, MeasurementReminder, MeasurementStatus

__all__ = ["due_period_end", "send_measurement_reminders"]

MONTHS_PER_PERIOD = {
    Frequency.YEARLY: 12,
    Frequency.HALF_YEARLY: 6,
    Frequency.QUARTERLY: 3,
    Frequency.MONTHLY: 1,
}


def due_period_end(frequency: str, today: date) -> date:
    """The last day of the most recent period (by frequency) that has ended before `today`."""
    step = MONTHS_PER_PERIOD[frequency]
    # months since the start of the year of the first month of the current period
    current_start = ((today.month - 1) // step) * step  # 0-based month index
    year, month = today.year, current_start  # the month before the current period (0 = Dec prev)
    if month == 0:
        year, month = year - 1, 12
    return date(year, month, calendar.monthrange(year, month)[1])


def send_measurement_reminders(*, by, today: date | None = None, dry_run=False):
    """E-mail every owner whose indicator has no approved measurement for its latest ended
    period; record each reminder so a period is reminded only once. Returns (indicator,
    period_end) pairs.

    `by=None` is the system path: the scheduled command (send_measurement_reminders) runs
    without a person, so there is nobody to ask the policy about and every programme is
    served. Only that command passes None. Given a person, only the programmes whose DIN they
    keep (`din.change_din`) are served."""
    today = today or timezone.localdate()
    sent = []
    indicators = (
        # Owners who turned reminders off on their profile (avk.profile) are not e-mailed.
        Indicator.objects.filter(
            owner__isnull=False, owner__is_active=True, owner__mail_reminders=True
        )
        .exclude(owner__email="")
        .select_related("owner", "goal", "programme")
        .order_by("programme", "pk")
    )
    if by is not None:
        kept = [p.pk for p in Programme.objects.all() if policy.allowed(by, "din.change_din", p)]
        indicators = indicators.filter(programme_id__in=kept)
    for frequency in MONTHS_PER_PERIOD:
        period_end = due_period_end(frequency, today)
        due = indicators.filter(frequency=frequency).filter(
            ~Exists(
                Measurement.objects.filter(
                    indicator=OuterRef("pk"),
                    status=MeasurementStatus.APPROVED,
                    period_end__gte=period_end,
                )
            ),
            ~Exists(
                MeasurementReminder.objects.filter(indicator=OuterRef("pk"), period_end=period_end)
            ),
        )
        for indicator in due:
            if not dry_run and not _send(indicator, period_end):
                continue
            sent.append((indicator, period_end))
    return sent


def _send(indicator: Indicator, period_end: date) -> bool:
    """Claim the indicator, record the reminder and queue its e-mail, in one transaction.

    Two runs started at the same moment (two machines' timers) each remind an indicator once:
    the run that locks the indicator's row first does it, the other skips the locked row
    (`skip_locked`) instead of waiting, and a run that comes later finds the reminder recorded.
    The e-mail is queued (avk.mail) in the same transaction as the reminder row, so both are
    kept or neither; the unique reminder row stays as the last guard."""
    try:
        with transaction.atomic():
            # Only the indicator's own row (of "self", no ordering): the model's ordering joins
            # the goals and the programme, whose rows every indicator shares.
            claimed = list(
                Indicator.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(pk=indicator.pk)
                .order_by()
                .values_list("pk", flat=True)
            )
            if not claimed:  # another run holds it now
                return False
            reminded = MeasurementReminder.objects.filter(
                indicator_id=indicator.pk, period_end=period_end
            )
            if reminded.exists():  # another run sent it meanwhile
                return False
            MeasurementReminder.objects.create(
                indicator=indicator, period_end=period_end, sent_to=indicator.owner.email
            )
            with translation.override(settings.LANGUAGE_CODE):
                subject = _("Measurement due: %(indicator)s") % {"indicator": indicator.name}
                body = render_to_string(
                    "programme/email/measurement_due.txt",
                    {
                        "indicator": indicator,
                        "period_end": period_end,
                        "base_url": settings.PORTAL_BASE_URL.rstrip("/"),
                    },
                )
            mail.send(subject, body, [indicator.owner.email])
    except IntegrityError:  # another run recorded it at the same instant
        return False
    return True
