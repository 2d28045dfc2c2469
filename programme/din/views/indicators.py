"""The indicator page and its measurements: entering, reviewing (approve or send back) and
correcting a measurement that was sent back. The services ask the policy (for the
measurement's state too); a refusal is the 403 page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from avk import policy
from avk.forms import add_service_errors
from avk.history import entries
from avk.shortcuts import DamagedPost, object_for, posted_version

from .. import permissions, selectors, services
from ..forms import MeasurementForm, MeasurementReturnForm
from ..models import Indicator, Measurement, MeasurementStatus
from ..services.measurements import measurements_approve as approve_many


def indicator_detail(request, pk):
    indicator = object_for(
        request, Indicator.objects.select_related("programme"), "din.view_din", pk=pk
    )
    return _indicator_page(request, indicator.programme, selectors.indicator_detail(pk))


def _indicator_page(request, programme, indicator, *, form=None, status=200):
    """The policy is asked once per page, not per measurement: every row is of the same
    indicator, so the answers about the person are the same; the state is each row's own."""
    user = request.user
    can_change = policy.allowed(user, "din.change_din", programme)
    can_enter = policy.allowed(user, "din.enter_measurement", indicator)
    measurements = list(indicator.measurements.all())
    for m in measurements:
        # = din.review_measurement and din.resubmit_measurement, without a query per row
        m.may_review = m.status == MeasurementStatus.DRAFT and can_change
        m.may_resubmit = m.status == MeasurementStatus.RETURNED and (
            permissions.can_resubmit_measurement(user, m, may_enter=can_enter)
        )
    reviewable = sum(1 for m in measurements if m.may_review)
    return render(
        request,
        "programme/indicator_detail.html",
        {
            "programme": programme,
            "indicator": indicator,
            "measurements": measurements,
            "can_change": can_change,
            "can_enter": can_enter,
            "reviewable": reviewable,
            "has_actions": any(m.may_review or m.may_resubmit for m in measurements),
            "form": form or MeasurementForm(),
            "history": entries(indicator),
        },
        status=status,
    )


#: A review or a correction is opened by whoever reads the DIN; the step's own rule (role and
#: the measurement's state) is the service's, so a stale form hears what changed meanwhile.
MEASUREMENTS = Measurement.objects.select_related("indicator__programme")


@require_POST
def measurement_add(request, pk):
    indicator = object_for(
        request, Indicator.objects.select_related("programme"), "din.enter_measurement", pk=pk
    )
    form = MeasurementForm(request.POST)
    if form.is_valid():
        try:
            measurement = services.measurement_enter(
                indicator=indicator, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if measurement.status == MeasurementStatus.APPROVED:
                messages.success(request, _("The measurement has been recorded and counts."))
            else:
                messages.success(
                    request,
                    _(
                        "The measurement has been recorded as a draft; the programme team "
                        "reviews it."
                    ),
                )
            return redirect(indicator)
    return _indicator_page(
        request, indicator.programme, selectors.indicator_detail(pk), form=form, status=422
    )


def _damaged(request, indicator):
    """A post with a missing or tampered hidden field: the page again with a message, 400."""
    messages.error(
        request,
        _("The form was damaged or is out of date. Reload the page and try again."),
    )
    return _indicator_page(
        request, indicator.programme, selectors.indicator_detail(indicator.pk), status=400
    )


@require_POST
def measurement_review(request, pk):
    measurement = object_for(request, MEASUREMENTS, "din.view_din", pk=pk)
    indicator = measurement.indicator
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            version = posted_version(request)
            services.measurement_approve(measurement_id=pk, version=version, by=request.user)
            messages.success(request, _("The measurement has been approved."))
        elif decision == "return":
            version = posted_version(request)
            form = MeasurementReturnForm(request.POST)
            if not form.is_valid():
                for message in form.errors.get("remark", []):
                    messages.error(request, f"{form['remark'].label}: {message}")
                return redirect(indicator)
            services.measurement_return(
                measurement_id=pk,
                version=version,
                by=request.user,
                remark=form.cleaned_data["remark"],
            )
            messages.success(
                request,
                _("The measurement has been sent back; %(who)s gets an e-mail.")
                % {"who": measurement.entered_by or "-"},
            )
        else:
            messages.error(request, _("Choose to approve or to send back."))
    except DamagedPost:
        return _damaged(request, indicator)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(indicator)


@require_POST
def measurements_approve(request, pk):
    """Approve the drafts ticked on the indicator's page, all at once (or none of them).
    Reviewing is the programme team's (din.review_measurement is din.change_din on a draft):
    anyone else is refused before the post is read."""
    indicator = object_for(
        request, Indicator.objects.select_related("programme"), "din.change_din", pk=pk
    )
    ids = request.POST.getlist("measurement")
    if not ids:
        messages.error(request, _("Tick the measurements you want to approve."))
        return redirect(indicator)
    try:
        if not all(i.isdigit() for i in ids):
            raise DamagedPost
        versions = {int(i): posted_version(request, f"version-{i}") for i in ids}
    except DamagedPost:
        return _damaged(request, indicator)
    try:
        approved = approve_many(versions=versions, by=request.user, indicator=indicator)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d measurement has been approved.",
                "%(count)d measurements have been approved.",
                len(approved),
            )
            % {"count": len(approved)},
        )
    return redirect(indicator)


@require_POST
def measurement_resubmit(request, pk):
    measurement = object_for(request, MEASUREMENTS, "din.view_din", pk=pk)
    indicator = measurement.indicator
    try:
        version = posted_version(request)
    except DamagedPost:
        return _damaged(request, indicator)
    form = MeasurementForm(request.POST, instance=measurement)
    if form.is_valid():
        try:
            services.measurement_resubmit(
                measurement_id=pk,
                version=version,
                by=request.user,
                value=form.cleaned_data["value"],
                narrative=form.cleaned_data["narrative"],
                source=form.cleaned_data["source"],
                period_label=form.cleaned_data["period_label"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The corrected measurement is offered again."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(indicator)
