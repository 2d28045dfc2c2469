"""Meeting, body and action-item pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk.concurrency import StaleEdit
from avk.views import remember_programme

from .. import permissions as policy
from .. import selectors, services
from ..forms import (
    ActionItemForm,
    AgendaItemForm,
    MeetingForm,
    MinutesForm,
)
from ..markdown import render as markdown
from ..models import (
    ActionItem,
    Body,
    Meeting,
)
from ._common import _error_messages, _form_errors, _programme

# --- meetings and bodies ----------------------------------------------------------------------


def meeting_list(request, slug):
    programme = _programme(request, slug, policy.can_view_meetings)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "programme": programme,
            "meetings": selectors.meetings(programme=programme),
            "bodies": selectors.bodies(programme=programme),
            "can_manage": policy.can_manage_governance(request.user, programme),
        },
    )


def meeting_create(request, slug):
    programme = _programme(request, slug, policy.can_manage_governance)
    form = MeetingForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The meeting has been planned."))
            return redirect(meeting)
    return render(request, "governance/meeting_form.html", {"programme": programme, "form": form})


def _meeting(request, pk, rule) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body__programme"), pk=pk)
    if not rule(request.user, meeting):
        raise PermissionDenied
    remember_programme(request, meeting.body.programme)
    return meeting


def meeting_detail(request, pk):
    _meeting(request, pk, policy.can_view_meeting)
    meeting = selectors.meeting_detail(pk=pk)
    can_manage = policy.can_manage_meeting(request.user, meeting)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "programme": meeting.body.programme,
            "minutes": markdown(meeting.minutes),
            "can_manage": can_manage,
            "action_form": ActionItemForm(body=meeting.body) if can_manage else None,
            "agenda_form": AgendaItemForm() if can_manage else None,
        },
    )


def meeting_edit(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    form = MinutesForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            meeting = services.meeting_update(
                meeting_id=meeting.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **fields,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect(meeting)
    return render(
        request,
        "governance/meeting_edit.html",
        {"meeting": meeting, "programme": meeting.body.programme, "form": form},
    )


@require_POST
def meeting_agenda_add(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    form = AgendaItemForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the agenda item a title."))
        services.agenda_item_add(meeting=meeting, title=form.cleaned_data["title"], by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The item has been added to the agenda."))
    return redirect(meeting)


@require_POST
def meeting_held(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    try:
        services.meeting_mark_held(meeting_id=meeting.pk, by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The meeting has been marked as held."))
    return redirect(meeting)


@require_POST
def action_item_add(request, pk):
    meeting = _meeting(request, pk, policy.can_manage_meeting)
    form = ActionItemForm(request.POST, body=meeting.body)
    if form.is_valid():
        try:
            services.action_item_create(
                body=meeting.body, meeting=meeting, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("The action item has been added."))
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in errors:
                messages.error(request, f"{label}: {message}" if label else message)
    return redirect(meeting)


@require_POST
def action_item_done(request, pk):
    item = get_object_or_404(ActionItem.objects.select_related("body__programme"), pk=pk)
    if not policy.can_manage_action_item(request.user, item):
        raise PermissionDenied
    try:
        if request.POST.get("reopen"):
            services.action_item_reopen(action_item_id=item.pk, by=request.user)
        else:
            services.action_item_close(action_item_id=item.pk, by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The action item has been updated."))
    if item.meeting is not None:
        return redirect(item.meeting)
    return redirect("governance:meeting-list", slug=item.body.programme.slug)


def body_detail(request, pk):
    body = get_object_or_404(Body.objects.select_related("programme"), pk=pk)
    if not policy.can_view_body(request.user, body):
        raise PermissionDenied
    remember_programme(request, body.programme)
    body = selectors.body_detail(pk=pk)
    today = timezone.localdate()
    memberships = list(body.memberships.all())
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "programme": body.programme,
            "current": [m for m in memberships if m.in_force_on(today)],
            "former": [m for m in memberships if not m.in_force_on(today)],
            # The body's meetings are for those who may read them (not every reader of the body).
            "show_meetings": policy.can_view_action_items(request.user, body),
            "show_meeting_list": policy.can_view_meetings(request.user, body.programme),
            "meetings": selectors.meetings(programme=body.programme, body=body)[:10],
        },
    )
