"""Every change to indicators and measurements (entry, review, correction). Each asks the
policy first (`din.change_din` for indicators; for measurements the rule of the step, which
answers for the measurement's state too) and leaves a history entry with its event."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from avk import mail, policy
from avk.concurrency import ensure_fresh
from avk.profile import OUTCOMES, wants_mail
from avk.services import (
    bulk_update_versioned,
    delete_with_history,
    lock,
    save_with_history,
    update_versioned,
)

from ..models import Indicator, Measurement, MeasurementStatus, OperationalGoal
from ._common import _apply, _check_fields

# --- indicators --------------------------------------------------------------------------------

#: An edit may also move an indicator to another goal of its programme (the admin does).
INDICATOR_UPDATE_FIELDS = (*Indicator.EDITABLE_FIELDS, "goal")


@transaction.atomic
def indicator_create(*, goal: OperationalGoal, by, name: str, **fields) -> Indicator:
    policy.require(by, "din.change_din", goal)
    indicator = Indicator(programme_id=goal.programme_id, goal=goal, name=name)
    _apply(indicator, fields, Indicator.EDITABLE_FIELDS)
    return save_with_history(indicator, by=by, event="din.indicator.created")


@transaction.atomic
def indicator_update(*, indicator_id: int, version: int, by, **fields) -> Indicator:
    _check_fields(fields, INDICATOR_UPDATE_FIELDS)
    indicator = Indicator.objects.select_related("programme").get(pk=indicator_id)
    policy.require(by, "din.change_din", indicator)
    return update_versioned(
        indicator, version=version, by=by, event="din.indicator.edited", **fields
    )


@transaction.atomic
def indicator_delete(*, indicator_id: int, by) -> None:
    indicator = lock(Indicator, pk=indicator_id)
    policy.require(by, "din.change_din", indicator)
    delete_with_history(indicator, by=by, event="din.indicator.removed")


# --- measurements ------------------------------------------------------------------------------


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
    policy.require(by, "din.enter_measurement", indicator)
    by_team = policy.allowed(by, "din.change_din", indicator)
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
    event = "din.measurement.entered_approved" if by_team else "din.measurement.entered"
    return save_with_history(measurement, by=by, event=event)


def _locked_for(verb: str, measurement_id: int, version: int, by) -> Measurement:
    """The measurement, locked, if `by` may take this step on it now.

    Asked in two steps, so that a form opened on an older version hears what changed meanwhile
    (StaleEdit) rather than a bare refusal: first whether the person reads the DIN at all,
    then, on the locked and current row, the step's own rule (role and state)."""
    measurement = Measurement.objects.select_related("indicator__programme").get(pk=measurement_id)
    policy.require(by, "din.view_din", measurement)
    measurement = lock(Measurement, pk=measurement_id)
    ensure_fresh(measurement, version)
    policy.require(by, f"din.{verb}", measurement)
    return measurement


@transaction.atomic
def measurement_approve(*, measurement_id: int, version: int, by) -> Measurement:
    measurement = _locked_for("review_measurement", measurement_id, version, by)
    return update_versioned(
        measurement,
        version=version,
        by=by,
        event="din.measurement.approved",
        status=MeasurementStatus.APPROVED,
        reviewed_by=by,
        reviewed_at=timezone.now(),
        review_remark="",
    )


@transaction.atomic
def measurements_approve(
    *, versions: Mapping[int, int], by, indicator: Indicator | None = None
) -> list[Measurement]:
    """Approve several drafts at once (the checkboxes on an indicator's page): all or nothing.

    `versions` maps each measurement's id to the version the person saw. Every measurement is
    asked of the policy as a single approval is (reading the DIN, then, on the locked and current
    row, `din.review_measurement`: the programme team, drafts only); one refused, changed
    meanwhile (StaleEdit) or gone refuses them all. With `indicator`, every measurement must be
    one of its. A few queries whatever the number; each measurement gets its history entry."""
    if not versions:
        raise ValidationError(_("Choose at least one measurement to approve."), code="empty")
    found = (
        Measurement.objects.select_related("indicator__programme")
        .select_for_update(of=("self",))
        .in_bulk(list(versions))
    )
    if len(found) != len(versions):
        raise ValidationError(
            _("A measurement was removed after you opened the page; nothing has been approved."),
            code="gone",
        )
    rows = sorted(found.values(), key=lambda m: (m.indicator_id, m.period_end, m.pk))
    if indicator is not None and any(m.indicator_id != indicator.pk for m in rows):
        raise ValidationError(
            _("A measurement of another indicator was sent along; nothing has been approved."),
            code="other_indicator",
        )
    for measurement in rows:
        policy.require(by, "din.view_din", measurement)
    for measurement in rows:
        ensure_fresh(measurement, versions[measurement.pk])
        policy.require(by, "din.review_measurement", measurement)
    now = timezone.now()
    fields = {
        "status": MeasurementStatus.APPROVED,
        "reviewed_by": by,
        "reviewed_at": now,
        "review_remark": "",
    }
    return bulk_update_versioned(
        Measurement,
        {m.pk: (versions[m.pk], fields) for m in rows},
        by=by,
        event="din.measurement.approved",
    )


@transaction.atomic
def measurement_return(*, measurement_id: int, version: int, by, remark: str) -> Measurement:
    """Send a draft back with a remark; the person who entered it gets an e-mail."""
    measurement = _locked_for("review_measurement", measurement_id, version, by)
    if not (remark or "").strip():
        raise ValidationError(
            {"remark": _("Say why the measurement goes back, so it can be corrected.")}
        )
    measurement = update_versioned(
        measurement,
        version=version,
        by=by,
        event="din.measurement.returned",
        status=MeasurementStatus.RETURNED,
        reviewed_by=by,
        reviewed_at=timezone.now(),
        review_remark=remark.strip(),
    )
    recipient = measurement.entered_by
    if recipient is not None and recipient.email and wants_mail(recipient, OUTCOMES):
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
    mail.send(subject, body, [measurement.entered_by.email])


@transaction.atomic
def measurement_resubmit(
    *, measurement_id: int, version: int, by, value, narrative="", source="", period_label=None
) -> Measurement:
    """Correct a measurement that was sent back; it becomes a draft again."""
    measurement = _locked_for("resubmit_measurement", measurement_id, version, by)
    fields = {"value": value, "narrative": narrative, "source": source}
    if period_label:
        fields["period_label"] = period_label
    return update_versioned(
        measurement,
        version=version,
        by=by,
        event="din.measurement.resubmitted",
        status=MeasurementStatus.DRAFT,
        **fields,
    )
