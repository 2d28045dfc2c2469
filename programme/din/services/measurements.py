"""Every change to indicators and measurements (entry, review, correction)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from avk.services import save_with_history

from .. import permissions as policy
from ..models import Indicator, Measurement, MeasurementStatus, OperationalGoal
from ._common import _apply, _update

# --- indicators and measurements ---------------------------------------------------------------

INDICATOR_FIELDS = {
    "name",
    "unit",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "direction",
    "cumulative",
    "owner",
    "frequency",
    "goal",
}


@transaction.atomic
def indicator_create(*, goal: OperationalGoal, by, name: str, **fields) -> Indicator:
    indicator = Indicator(programme_id=goal.programme_id, goal=goal, name=name)
    _apply(indicator, fields, INDICATOR_FIELDS - {"goal"})
    return save_with_history(indicator, by=by, reason="indicator added")


@transaction.atomic
def indicator_update(*, indicator_id: int, version: int, by, **fields) -> Indicator:
    return _update(
        Indicator,
        pk=indicator_id,
        version=version,
        by=by,
        fields=fields,
        allowed=INDICATOR_FIELDS,
        reason="indicator edited",
    )


@transaction.atomic
def indicator_delete(*, indicator_id: int, by) -> None:
    indicator = Indicator.objects.select_for_update().get(pk=indicator_id)
    indicator._history_user = by
    indicator._change_reason = "indicator removed"
    indicator.delete()


@transaction.atomic
def measurement_enter(
    *,
    indicator: Indicator,
    by,
    period_label: str,
    period_end: date,
    value,
    narrative="",
    source="",
) -> Measurement:
    """Enter a measurement. The programme team's own entries count at once (approved); those
    of owners, kartrekkers and partner contacts are drafts until the team approves them."""
    if not policy.can_enter_measurement(by, indicator):
        raise PermissionDenied(_("You may not enter measurements for this indicator."))
    by_team = policy.can_change_din(by, indicator.programme)
    measurement = Measurement(
        indicator=indicator,
        period_label=period_label,
        period_end=period_end,
        value=value,
        narrative=narrative,
        source=source,
        entered_by=by,
        status=MeasurementStatus.APPROVED if by_team else MeasurementStatus.DRAFT,
    )
    if by_team:
        measurement.reviewed_by = by
        measurement.reviewed_at = timezone.now()
    return save_with_history(
        measurement,
        by=by,
        reason="measurement entered by the programme team (approved)"
        if by_team
        else "measurement entered (draft)",
    )


def _reviewable(measurement_id: int, version: int, by) -> Measurement:
    measurement = (
        Measurement.objects.select_for_update().select_related("indicator").get(pk=measurement_id)
    )
    if not policy.can_review_measurement(by, measurement):
        raise PermissionDenied(_("Only the programme team reviews measurements."))
    ensure_fresh(measurement, version)
    if measurement.status != MeasurementStatus.DRAFT:
        raise ValidationError(
            _("Only a draft can be approved or sent back; this one is %(status)s.")
            % {"status": measurement.get_status_display()},
            code="not_draft",
        )
    return measurement


@transaction.atomic
def measurement_approve(*, measurement_id: int, version: int, by) -> Measurement:
    measurement = _reviewable(measurement_id, version, by)
    measurement.status = MeasurementStatus.APPROVED
    measurement.reviewed_by = by
    measurement.reviewed_at = timezone.now()
    measurement.review_remark = ""
    measurement.version += 1
    return save_with_history(measurement, by=by, reason="measurement approved")


@transaction.atomic
def measurement_return(*, measurement_id: int, version: int, by, remark: str) -> Measurement:
    """Send a draft back with a remark; the person who entered it gets an e-mail."""
    if not (remark or "").strip():
        raise ValidationError(
            {"remark": _("Say why the measurement goes back, so it can be corrected.")}
        )
    measurement = _reviewable(measurement_id, version, by)
    measurement.status = MeasurementStatus.RETURNED
    measurement.reviewed_by = by
    measurement.reviewed_at = timezone.now()
    measurement.review_remark = remark.strip()
    measurement.version += 1
    save_with_history(measurement, by=by, reason="measurement sent back")
    recipient = measurement.entered_by
    if recipient is not None and recipient.email:
        transaction.on_commit(lambda: _mail_returned(measurement.pk))
    return measurement


def _mail_returned(measurement_id: int) -> None:
    measurement = Measurement.objects.select_related(
        "indicator", "indicator__programme", "entered_by", "reviewed_by"
    ).get(pk=measurement_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Measurement sent back: %(indicator)s, %(period)s") % {
            "indicator": measurement.indicator.name,
            "period": measurement.period_label,
        }
        body = render_to_string(
            "programme/email/measurement_returned.txt",
            {"measurement": measurement, "base_url": settings.PORTAL_BASE_URL.rstrip("/")},
        )
    send_mail(subject, body, None, [measurement.entered_by.email])


@transaction.atomic
def measurement_resubmit(
    *, measurement_id: int, version: int, by, value, narrative="", source="", period_label=None
) -> Measurement:
    """Correct a measurement that was sent back; it becomes a draft again."""
    measurement = (
        Measurement.objects.select_for_update().select_related("indicator").get(pk=measurement_id)
    )
    if not policy.can_resubmit_measurement(by, measurement):
        raise PermissionDenied(_("You may not correct this measurement."))
    ensure_fresh(measurement, version)
    if measurement.status != MeasurementStatus.RETURNED:
        raise ValidationError(
            _("Only a measurement that was sent back can be corrected and offered again."),
            code="not_returned",
        )
    measurement.value = value
    measurement.narrative = narrative
    measurement.source = source
    if period_label:
        measurement.period_label = period_label
    measurement.status = MeasurementStatus.DRAFT
    measurement.version += 1
    return save_with_history(measurement, by=by, reason="measurement corrected and offered again")
