"""The programme's pages: the programme, its phase and steering form, its history, and "Mensen en
rollen". Each view starts with `programme_for`/`object_for` (404 unknown, 403 refused) and
leaves the decisions to the services, which ask the policy again."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import home as home_panels
from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.shortcuts import DamagedPost, history_page, object_for, programme_for

from . import history, selectors, services
from .forms import (
    HomeDismissForm,
    PhaseForm,
    ProgrammeForm,
    RoleAssignmentForm,
    RoleEndForm,
    SteeringFormForm,
)
from .models import RoleAssignment


def programme_detail(request, slug):
    programme = programme_for(
        request, slug, "programme.view", queryset=selectors.programme_detail()
    )
    return render(
        request,
        "programme/programme_detail.html",
        {
            "programme": programme,
            "phase_form": PhaseForm(),
            "steering_form_form": SteeringFormForm(),
        },
    )


def programme_edit(request, slug):
    programme = programme_for(request, slug, "programme.change")
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.programme_update(
                programme_id=programme.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The programme has been saved."))
            return redirect(programme)
    return render(request, "programme/programme_form.html", {"programme": programme, "form": form})


def _state_change(request, slug, form_class, service, success):
    programme = programme_for(request, slug, "programme.change")
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, success)
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in errors:
                messages.error(request, f"{label}: {message}" if label else message)
    return redirect(programme)


@require_POST
def programme_phase(request, slug):
    return _state_change(
        request,
        slug,
        PhaseForm,
        services.programme_set_phase,
        _("The new phase has been recorded."),
    )


@require_POST
def programme_steering_form(request, slug):
    return _state_change(
        request,
        slug,
        SteeringFormForm,
        services.programme_set_steering_form,
        _("The new steering form has been recorded."),
    )


def programme_history(request, slug):
    """Who edited the programme, and who recorded its phases and steering forms, when."""
    programme = programme_for(request, slug, "programme.view_history")
    return history_page(
        request,
        programme,
        title=programme.name,
        history=history.programme_history(programme),
        back_url=programme.get_absolute_url(),
        back_label=_("Back to the programme"),
    )


def people_history(request, slug):
    """Who gave and ended which roles in the programme, when."""
    programme = programme_for(request, slug, "programme.manage_roles")
    return history_page(
        request,
        programme,
        title=_("Roles in %(programme)s") % {"programme": programme.name},
        history=history.role_history(programme),
        back_url=reverse("programme:people", args=[programme.slug]),
        back_label=_("Back to people and roles"),
    )


def people(request, slug):
    programme = programme_for(request, slug, "programme.manage_roles")
    include_past = request.GET.get("past") == "1"
    return render(
        request,
        "programme/people.html",
        {
            "programme": programme,
            "assignments": selectors.role_assignments(
                programme=programme, include_past=include_past
            ),
            "include_past": include_past,
            "form": RoleAssignmentForm(programme=programme),
            "end_form": RoleEndForm(),
        },
    )


def people_add(request, slug):
    programme = programme_for(request, slug, "programme.manage_roles")
    form = RoleAssignmentForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            assignment, invited = services.role_assign(
                programme=programme, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if invited:
                messages.success(
                    request,
                    _(
                        "%(person)s is now %(role)s; an invitation to set a password was "
                        "sent to %(email)s."
                    )
                    % {
                        "person": assignment.user,
                        "role": assignment.get_role_display(),
                        "email": assignment.user.email,
                    },
                )
            else:
                messages.success(
                    request,
                    _("%(person)s is now %(role)s.")
                    % {"person": assignment.user, "role": assignment.get_role_display()},
                )
            return redirect("programme:people", slug=programme.slug)
    return render(request, "programme/people_form.html", {"programme": programme, "form": form})


def _assignment(request, slug, pk):
    """The role `pk` of the programme in the URL, if this person manages its roles."""
    programme = programme_for(request, slug, "programme.manage_roles")
    roles = RoleAssignment.objects.filter(programme=programme).select_related("user")
    return programme, object_for(request, roles, "programme.manage_roles", pk=pk)


@require_POST
def people_end(request, slug, pk):
    programme, assignment = _assignment(request, slug, pk)
    form = RoleEndForm(request.POST)
    if form.is_valid():
        try:
            services.role_end(assignment_id=assignment.pk, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The role of %(person)s ends on %(date)s.")
                % {
                    "person": assignment.user,
                    "date": date_format(form.cleaned_data["valid_until"]),
                },
            )
    else:
        messages.error(request, _("Enter a valid end date."))
    return redirect("programme:people", slug=programme.slug)


@require_POST
def people_invite(request, slug, pk):
    programme, assignment = _assignment(request, slug, pk)
    services.invitation_resend(assignment=assignment, by=request.user)
    messages.success(
        request,
        _("A new invitation has been sent to %(email)s.") % {"email": assignment.user.email},
    )
    return redirect("programme:people", slug=programme.slug)


def home(request):
    """The home page: each programme the person has a role in, with what the apps' home panels
    (avk.home) put before them there, sorted into what waits, what is coming, what changed."""
    rows = []
    for programme, roles in selectors.programme_roles_for_user(request.user):
        panels = home_panels.panels_for(request, programme, roles)
        sections = home_panels.sections_for(panels)
        rows.append(
            {
                "programme": programme,
                "roles": selectors.role_labels(roles),
                "panels": panels,
                "waiting": sections.pop(home_panels.WAITING),
                "side": [
                    {"key": key, "title": home_panels.SECTIONS[key], "panels": found}
                    for key, found in sections.items()
                    if found
                ],
            }
        )
    return render(
        request,
        "avk/home.html",
        {"rows": rows, "waiting_title": home_panels.SECTIONS[home_panels.WAITING]},
    )


@require_POST
def home_dismiss(request):
    """Put away entries of a feed on one's own home page; back to the home page."""
    form = HomeDismissForm(request.POST)
    if not form.is_valid():
        raise DamagedPost
    data = form.cleaned_data
    programme = programme_for(request, data["programme"], "programme.view")
    services.home_dismiss(
        by=request.user,
        programme=programme,
        feed=data["feed"],
        keys=data["keys"],
        until=data["until"],
    )
    messages.success(request, _("Hidden. Newer changes will show again."))
    return redirect(reverse("home") + f"#changed-{programme.pk}")
