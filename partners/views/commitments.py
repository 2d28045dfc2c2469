"""Commitments: a new package from a date, and the back office's correction of one."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.policy import allowed
from avk.shortcuts import object_for

from .. import selectors, services
from ..forms import CommitmentChangeForm, CommitmentCorrectForm
from ..models import Commitment
from .common import after_change, participation_for


def _first_of_next_month():
    today = timezone.localdate()
    return (today.replace(day=1) + timedelta(days=32)).replace(day=1)


def commitment_change(request, slug, pk):
    participation = participation_for(request, slug, pk, "partners.change_commitment")
    programme, partner = participation.programme, participation.partner
    may_backdate = allowed(request.user, "partners.backdate_commitment", participation)
    current = selectors.current_package(partner, programme)
    form = CommitmentChangeForm(
        request.POST or None,
        programme=programme,
        back_office=may_backdate,
        initial={
            "valid_from": _first_of_next_month(),
            "seen": services.commitments_seen(programme, partner),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_change(
                programme=programme, partner=partner, by=request.user, **form.cleaned_data
            )
        except StaleEdit as stale:
            form.refuse_stale(stale, seen=services.commitments_seen(programme, partner))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("From %(date)s %(partner)s holds package %(code)s.")
                % {
                    "date": form.cleaned_data["valid_from"].strftime("%d-%m-%Y"),
                    "partner": partner,
                    "code": form.cleaned_data["package"].code,
                },
            )
            return after_change(request, programme, partner)
    return render(
        request,
        "partners/commitment_form.html",
        {
            "programme": programme,
            "partner": partner,
            "form": form,
            "current": current,
            "packages": selectors.packages(programme=programme),
        },
    )


def commitment_correct(request, slug, pk):
    """The back office corrects a recorded commitment's amount, signing date or motivation."""
    commitments = Commitment.objects.select_related("programme", "partner", "package").filter(
        programme__slug=slug
    )
    commitment = object_for(request, commitments, "partners.correct_commitment", pk=pk)
    programme, partner = commitment.programme, commitment.partner
    form = CommitmentCorrectForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.commitment_update(
                commitment_id=commitment.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The commitment has been corrected."))
            return redirect("partners:partner-detail", programme.slug, partner.pk)
    return render(
        request,
        "partners/commitment_correct.html",
        {"programme": programme, "partner": partner, "commitment": commitment, "form": form},
    )
