"""The indicator page and its measurements: entering, reviewing (approve or send back) and
correcting a measurement that was sent back."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.forms import add_service_errors
from avk.views import programme_for

from .. import permissions as policy
from .. import selectors, services
from ..forms import MeasurementForm, MeasurementReturnForm
from ..models import Indicator, Measurement


def indicator_detail(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("programme"), pk=pk)
    programme = programme_for(request, indicator.programme.slug, policy.can_view_din)
    return _indicator_page(request, programme, selectors.indicator_detail(pk))


def _indicator_page(request, programme, indicator, *, form=None, status=200):
    """The policy is asked once per page, not per measurement: every row is of the same
    indicator, so the answers are the same."""
    user = request.user
    can_change = policy.can_change_din(user, programme)
    can_enter = policy.can_enter_measurement(user, indicator)
    measurements = list(indicator.measurements.all())
    for m in measurements:
        m.may_review = m.status == "concept" and can_change  # = can_review_measurement
        m.may_resubmit = m.status == "teruggestuurd" and policy.can_resubmit_measurement(
            user, m, may_enter=can_enter
        )
    return render(
        request,
        "programme/indicator_detail.html",
        {
            "programme": programme,
            "indicator": indicator,
            "measurements": measurements,
            "can_change": can_change,
            "can_enter": can_enter,
            "form": form or MeasurementForm(),
            "history": selectors.history_entries(indicator),
        },
        status=status,
    )


@require_POST
def measurement_add(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("programme"), pk=pk)
    programme = programme_for(request, indicator.programme.slug, policy.can_view_din)
    if not policy.can_enter_measurement(request.user, indicator):
        raise PermissionDenied
    form = MeasurementForm(request.POST)
    if form.is_valid():
        try:
            measurement = services.measurement_enter(
                indicator=indicator, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if measurement.status == "goedgekeurd":
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
        request, programme, selectors.indicator_detail(pk), form=form, status=422
    )


def _posted_version(request) -> int | None:
    """The version the page was rendered with, or None when the post is damaged."""
    try:
        return forms.IntegerField(min_value=0).clean(request.POST.get("version"))
    except ValidationError:
        return None


def _damaged(request, programme, indicator):
    """A post with a missing or tampered hidden field: the page again with a message, 400."""
    messages.error(
        request,
        _("The form was damaged or is out of date. Reload the page and try again."),
    )
    return _indicator_page(request, programme, selectors.indicator_detail(indicator.pk), status=400)


@require_POST
def measurement_review(request, pk):
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator__programme"), pk=pk
    )
    indicator = measurement.indicator
    programme = programme_for(request, indicator.programme.slug, policy.can_view_din)
    if not policy.can_review_measurement(request.user, measurement):
        raise PermissionDenied
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            version = _posted_version(request)
            if version is None:
                return _damaged(request, programme, indicator)
            services.measurement_approve(measurement_id=pk, version=version, by=request.user)
            messages.success(request, _("The measurement has been approved."))
        elif decision == "return":
            form = MeasurementReturnForm(request.POST)
            if not form.is_valid():
                if "version" in form.errors:
                    return _damaged(request, programme, indicator)
                for message in form.errors.get("remark", []):
                    messages.error(request, f"{form['remark'].label}: {message}")
                return redirect(indicator)
            services.measurement_return(
                measurement_id=pk,
                version=form.cleaned_data["version"],
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
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(indicator)


@require_POST
def measurement_resubmit(request, pk):
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator__programme"), pk=pk
    )
    indicator = measurement.indicator
    programme = programme_for(request, indicator.programme.slug, policy.can_view_din)
    if not policy.can_resubmit_measurement(request.user, measurement):
        raise PermissionDenied
    version = _posted_version(request)
    if version is None:
        return _damaged(request, programme, indicator)
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
