"""Meeting, body and action-item pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy
from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.shortcuts import history_page, object_for, programme_for

from .. import selectors, services
from ..forms import ActionItemForm, AgendaItemForm, MeetingForm, MinutesForm
from ..markdown import render as markdown
from ._common import ACTION_ITEMS, BODIES, MEETINGS, error_messages

# --- meetings and bodies ----------------------------------------------------------------------


def meeting_list(request, slug):
    programme = programme_for(request, slug, "governance.view_meetings")
    return render(
        request,
        "governance/meeting_list.html",
        {
            "programme": programme,
            "meetings": selectors.meetings(programme=programme),
            "bodies": selectors.bodies(programme=programme),
            "can_manage": policy.allowed(request.user, "governance.manage_governance", programme),
        },
    )


def meeting_create(request, slug):
    programme = programme_for(request, slug, "governance.manage_governance")
    form = MeetingForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been planned."))
            return redirect(meeting)
    return render(request, "governance/meeting_form.html", {"programme": programme, "form": form})


def meeting_detail(request, pk):
    object_for(request, MEETINGS, "governance.view_meeting", pk=pk)
    meeting = selectors.meeting_detail(pk=pk)
    can_manage = policy.allowed(request.user, "governance.manage_meeting", meeting)
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


def meeting_history(request, pk):
    meeting = object_for(request, MEETINGS, "governance.view_history", pk=pk)
    return history_page(
        request,
        meeting,
        title=_("Meeting: %(meeting)s") % {"meeting": meeting},
        back_url=meeting.get_absolute_url(),
        back_label=_("Back to the meeting"),
    )


def meeting_edit(request, pk):
    meeting = object_for(request, MEETINGS, "governance.manage_meeting", pk=pk)
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
            add_service_errors(form, error)
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
    meeting = object_for(request, MEETINGS, "governance.manage_meeting", pk=pk)
    form = AgendaItemForm(request.POST)
    title = form.cleaned_data["title"] if form.is_valid() else ""
    try:
        services.agenda_item_add(meeting=meeting, title=title, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The item has been added to the agenda."))
    return redirect(meeting)


@require_POST
def meeting_held(request, pk):
    meeting = object_for(request, MEETINGS, "governance.manage_meeting", pk=pk)
    try:
        services.meeting_mark_held(meeting_id=meeting.pk, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The meeting has been marked as held."))
    return redirect(meeting)


@require_POST
def action_item_add(request, pk):
    meeting = object_for(request, MEETINGS, "governance.manage_meeting", pk=pk)
    form = ActionItemForm(request.POST, body=meeting.body)
    if form.is_valid():
        try:
            services.action_item_create(
                body=meeting.body, meeting=meeting, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            error_messages(request, error)
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
    item = object_for(request, ACTION_ITEMS, "governance.manage_action_item", pk=pk)
    try:
        if request.POST.get("reopen"):
            services.action_item_reopen(action_item_id=item.pk, by=request.user)
        else:
            services.action_item_close(action_item_id=item.pk, by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The action item has been updated."))
    if item.meeting is not None:
        return redirect(item.meeting)
    return redirect("governance:meeting-list", slug=item.body.programme.slug)


def body_detail(request, pk):
    object_for(request, BODIES, "governance.view_body", pk=pk)
    body = selectors.body_detail(pk=pk)
    today = timezone.localdate()
    memberships = list(body.memberships.all())
    user = request.user
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
        },
    )
