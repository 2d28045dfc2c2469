"""Body pages: a body with its members and meetings; making and editing bodies and seating
people on them, for the programme team and the secretariat (in the portal, not only the admin)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy
from avk.forms import add_service_errors
from avk.shortcuts import history_page, object_for, programme_for

from .. import selectors, services
from ..forms_meetings import BodyForm, MembershipForm
from ..models import Membership
from ._common import BODIES, error_messages


def _people(programme):
    """Who can be seated on a body: everyone with a role in the programme today."""
    from programme.core.models import RoleAssignment

    assigned = RoleAssignment.objects.current().filter(programme=programme).values("user_id")
    return get_user_model().objects.filter(pk__in=assigned).order_by("last_name", "first_name")


def body_detail(request, pk):
    object_for(request, BODIES, "governance.view_body", pk=pk)
    body = selectors.body_detail(pk=pk)
    today = timezone.localdate()
    memberships = list(body.memberships.all())
    user = request.user
    can_edit = policy.allowed(user, "governance.edit_body", body)
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "programme": body.programme,
            "current": [m for m in memberships if m.in_force_on(today)],
            "former": [m for m in memberships if not m.in_force_on(today)],
            # The body's meetings are for those who may read them (not every reader of the body).
            "show_meetings": policy.allowed(user, "governance.view_action_items", body),
            "show_meeting_list": policy.allowed(user, "governance.view_meetings", body.programme),
            "meetings": selectors.meetings(programme=body.programme, body=body)[:10],
            "can_edit": can_edit,
            "can_plan": policy.allowed(user, "governance.manage_governance", body.programme),
            "membership_form": MembershipForm(people=_people(body.programme)) if can_edit else None,
        },
    )


def body_create(request, slug):
    """A new body of the programme ("governance.create_body")."""
    programme = programme_for(request, slug, "governance.create_body")
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            body = services.body_create(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The body %(body)s has been made. Seat its members below.") % {"body": body},
            )
            return redirect(body)
    return render(
        request, "governance/body_form.html", {"programme": programme, "form": form, "body": None}
    )


def body_edit(request, pk):
    body = object_for(request, BODIES, "governance.edit_body", pk=pk)
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid():
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            body = services.body_update(body_id=body.pk, by=request.user, **changed)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The body has been saved."))
            return redirect(body)
    return render(
        request,
        "governance/body_form.html",
        {"programme": body.programme, "form": form, "body": body},
    )


def body_history(request, pk):
    body = object_for(request, BODIES, "governance.edit_body", pk=pk)
    return history_page(
        request,
        body,
        title=_("Body: %(body)s") % {"body": body},
        back_url=body.get_absolute_url(),
        back_label=_("Back to the body"),
    )


@require_POST
def membership_add(request, pk):
    body = object_for(request, BODIES, "governance.edit_body", pk=pk)
    form = MembershipForm(request.POST, people=_people(body.programme))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.membership_add(
                body=body,
                user=data["user"],
                role=data["role"],
                valid_from=data["valid_from"],
                expert_by_experience=data["expert_by_experience"],
                by=request.user,
            )
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(
                request,
                _("%(person)s now sits on %(body)s.") % {"person": data["user"], "body": body},
            )
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in errors:
                messages.error(request, f"{label}: {message}" if label else message)
    return redirect(body.get_absolute_url() + "#members-h")


@require_POST
def membership_end(request, pk):
    membership = get_object_or_404(
        Membership.objects.select_related("body__programme", "user"), pk=pk
    )
    object_for(request, BODIES, "governance.edit_body", pk=membership.body_id)
    try:
        services.membership_end(membership_id=membership.pk, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(
            request,
            _("The membership of %(person)s has ended today.") % {"person": membership.user},
        )
    return redirect(membership.body.get_absolute_url() + "#members-h")
