"""Meeting and action-item pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import policy
from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.shortcuts import history_page, object_for, programme_for

from .. import selectors, services
from ..forms import ActionItemForm, AgendaItemForm, MeetingForm, MinutesForm
from ..forms_meetings import AttendanceForm
from ..markdown import render as markdown
from ._common import ACTION_ITEMS, MEETINGS, error_messages

# --- meetings and bodies ----------------------------------------------------------------------


#: How many planned meetings the meetings page shows with their agenda.
UPCOMING = 6


def meeting_list(request, slug):
    """The coming meetings with their agenda, then the earlier ones, of the bodies whose
    meetings the person reads; the programme's bodies; what to do first when it has none."""
    programme = programme_for(request, slug, "governance.view_meetings")
    user = request.user
    upcoming = selectors.upcoming_meetings(user=user, programmes=[programme], limit=UPCOMING)
    shown = {m.pk for m in upcoming}
    earlier = [m for m in selectors.meetings(programme=programme, user=user) if m.pk not in shown]
    return render(
        request,
        "governance/meeting_list.html",
        {
            "programme": programme,
            "upcoming": upcoming,
            "meetings": earlier,
            "bodies": list(selectors.bodies(programme=programme)),
            "can_manage": policy.allowed(user, "governance.manage_governance", programme),
            "can_create_body": policy.allowed(user, "governance.create_body", programme),
        },
    )


def meeting_create(request, slug):
    programme = programme_for(request, slug, "governance.manage_governance")
    if not selectors.bodies(programme=programme).exists():
        # A meeting is a meeting of a body: say so, and where bodies are made, instead of a
        # form with an empty list.
        return render(
            request,
            "governance/meeting_form.html",
            {
                "programme": programme,
                "form": None,
                "can_create_body": policy.allowed(
                    request.user, "governance.create_body", programme
                ),
            },
        )
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
            "attendance": selectors.attendance_list(meeting),
            "can_record_attendance": policy.allowed(
                request.user, "governance.record_attendance", meeting
            ),
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


def meeting_attendance(request, pk):
    """Record who chaired, who took the minutes and who was there."""
    meeting = object_for(request, MEETINGS, "governance.record_attendance", pk=pk)
    meeting = selectors.meeting_detail(pk=meeting.pk)
    members = selectors.members_on(meeting)
    form = AttendanceForm(
        request.POST or None,
        meeting=meeting,
        members=members,
        note_takers=selectors.note_takers(meeting, members),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_attendance_set(
                meeting_id=meeting.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                chair=form.cleaned_data["chair"],
                minute_taker=form.cleaned_data["minute_taker"],
                attendance=form.attendance(),
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The attendance has been saved."))
            return redirect(meeting.get_absolute_url() + "#attendance-h")
    return render(
        request,
        "governance/meeting_attendance.html",
        {"meeting": meeting, "programme": meeting.body.programme, "form": form},
    )


def action_item_overview(request, slug):
    """The open action items of every body whose action items the person may see, on one
    page, by due date; filtered by body or to the person's own."""
    programme = programme_for(request, slug, "governance.view_action_overview")
    user = request.user
    bodies = list(selectors.bodies(programme=programme))
    by_pk = {str(b.pk): b for b in bodies}
    body = by_pk.get(request.GET.get("body", ""))
    mine = request.GET.get("mine") == "1"
    items = selectors.open_action_items(user=user, programme=programme, body=body, mine=mine)
    manages = {}
    for item in items:
        if item.body_id not in manages:
            manages[item.body_id] = policy.allowed(user, "governance.manage_action_item", item)
        item.may_close = manages[item.body_id]
    return render(
        request,
        "governance/action_items.html",
        {
            "programme": programme,
            "items": items,
            "bodies": bodies,
            "body": body,
            "mine": mine,
            "overdue": sum(1 for item in items if item.overdue),
        },
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
    if request.POST.get("next") == "overview":
        return redirect("governance:action-items", slug=item.body.programme.slug)
    if item.meeting is not None:
        return redirect(item.meeting)
    return redirect("governance:meeting-list", slug=item.body.programme.slug)
