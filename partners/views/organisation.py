"""The organisation itself: adding it, its details, deactivating and reactivating it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.policy import allowed
from avk.shortcuts import posted_version, programme_for

from .. import services
from ..forms import DeactivateForm, PartnerContactForm, PartnerForm
from .common import after_change, participation_for


def partner_create(request, slug):
    programme = programme_for(request, slug, "partners.create")
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(
                programme=programme, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(partner)s has been added.") % {"partner": partner})
            return redirect("partners:partner-detail", programme.slug, partner.pk)
    return render(request, "partners/partner_form.html", {"programme": programme, "form": form})


def partner_edit(request, slug, pk):
    participation = participation_for(request, slug, pk, "partners.change")
    programme, partner = participation.programme, participation.partner
    form_class = (
        PartnerForm
        if allowed(request.user, "partners.change_all", participation)
        else PartnerContactForm
    )
    form = form_class(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.partner_update(
                partner_id=partner.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                programme=programme,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation's details have been saved."))
            return after_change(request, programme, partner)
    return render(
        request,
        "partners/partner_form.html",
        {"programme": programme, "partner": partner, "form": form},
    )


def partner_deactivate(request, slug, pk):
    participation = participation_for(request, slug, pk, "partners.deactivate")
    programme, partner = participation.programme, participation.partner
    form = DeactivateForm(request.POST or None, initial={"version": partner.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_deactivate(
                programme=programme,
                partner_id=partner.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                on=form.cleaned_data["on"],
                note=form.cleaned_data["reason"],
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(partner)s is now inactive in %(programme)s; its history stays.")
                % {"partner": partner, "programme": programme},
            )
            return redirect("partners:partner-detail", programme.slug, partner.pk)
    return render(
        request,
        "partners/partner_deactivate.html",
        {"programme": programme, "partner": partner, "form": form},
    )


@require_POST
def partner_reactivate(request, slug, pk):
    participation = participation_for(request, slug, pk, "partners.reactivate")
    programme, partner = participation.programme, participation.partner
    version = posted_version(request)
    try:
        services.partner_reactivate(
            partner_id=partner.pk, version=version, by=request.user, programme=programme
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(partner)s is active again.") % {"partner": partner})
    return redirect("partners:partner-detail", programme.slug, partner.pk)
