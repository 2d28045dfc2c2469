"""The delegation: filling a seat, editing and removing a member."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.shortcuts import object_for, posted_version

from .. import services
from ..forms import DelegationMemberForm
from ..models import DelegationMember
from .common import after_change, participation_for


def _member_for(request, slug, pk) -> DelegationMember:
    """The delegation member in the URL, if the person may change its partner's delegation."""
    members = DelegationMember.objects.select_related("programme", "partner").filter(
        programme__slug=slug
    )
    return object_for(request, members, "partners.change_delegation", pk=pk)


def delegation_add(request, slug, pk):
    participation = participation_for(request, slug, pk, "partners.change_delegation")
    programme, partner = participation.programme, participation.partner
    initial = {k: request.GET[k] for k in ("level",) if k in request.GET}
    form = DelegationMemberForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.delegation_member_add(
                programme=programme, partner=partner, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s has been added to the delegation.") % {"name": member.name}
            )
            return after_change(request, programme, partner)
    return render(
        request,
        "partners/delegation_form.html",
        {"programme": programme, "partner": partner, "form": form},
    )


def delegation_edit(request, slug, pk):
    member = _member_for(request, slug, pk)
    programme, partner = member.programme, member.partner
    form = DelegationMemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.delegation_member_update(
                member_id=member.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been saved.") % {"name": member.name})
            return after_change(request, programme, partner)
    return render(
        request,
        "partners/delegation_form.html",
        {"programme": programme, "partner": partner, "member": member, "form": form},
    )


@require_POST
def delegation_remove(request, slug, pk):
    member = _member_for(request, slug, pk)
    programme, partner, name = member.programme, member.partner, member.name
    version = posted_version(request)
    try:
        services.delegation_member_remove(member_id=member.pk, version=version, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("%(name)s has been removed from the delegation.") % {"name": name}
        )
    return after_change(request, programme, partner)
