"""Meetings, their agenda and action items. Planning a meeting is for the programme team and
secretariat ("governance.manage_governance"); its minutes, agenda and action items also for the
body's chair and secretary ("governance.manage_meeting", "governance.manage_action_item")."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from avk import policy
from avk.access import has_role
from avk.services import delete_with_history, save_with_history, update_versioned

from .. import events  # noqa: F401 - registers the history events
from ..models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    MeetingStatus,
    Presence,
)
from ..selectors.meetings import members_on


@transaction.atomic
def meeting_create(
    *, body: Body, starts_at: datetime, by, place: str = "", minutes: str = ""
) -> Meeting:
    policy.require(by, "governance.manage_governance", body.programme)
    meeting = Meeting(body=body, starts_at=starts_at, place=place, minutes=minutes)
    return save_with_history(meeting, by=by, event="meeting.planned")


def _meeting(meeting_id: int) -> Meeting:
    return Meeting.objects.select_related("body__programme").get(pk=meeting_id)


@transaction.atomic
def meeting_update(*, meeting_id: int, version: int, by, **fields) -> Meeting:
    """Edit when/where and the minutes (Markdown): `Meeting.EDITABLE_FIELDS`."""
    unknown = set(fields) - set(Meeting.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable meeting field: {', '.join(sorted(unknown))}")
    meeting = _meeting(meeting_id)
    policy.require(by, "governance.manage_meeting", meeting)
    return update_versioned(meeting, version=version, by=by, event="meeting.edited", **fields)


@transaction.atomic
def meeting_mark_held(*, meeting_id: int, by) -> Meeting:
    meeting = _meeting(meeting_id)
    policy.require(by, "governance.manage_meeting", meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("This meeting has already been marked as held."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("This meeting has not taken place yet."))
    return update_versioned(
        meeting, version=None, by=by, event="meeting.held", status=MeetingStatus.HELD
    )


@transaction.atomic
def meeting_attendance_set(
    *,
    meeting_id: int,
    version: int | None,
    by,
    attendance: dict[int, str],
    chair=None,
    minute_taker=None,
) -> Meeting:
    """Record who chaired, who took the minutes and, per member of the body on the meeting's
    day, {user id: presence} ("" clears it). Asks "governance.record_attendance" (the team, the
    secretariat, the body's chair and secretary). Nobody is present at a meeting that has not
    begun; an absence with notice can be recorded beforehand."""
    meeting = _meeting(meeting_id)
    policy.require(by, "governance.record_attendance", meeting)
    members = {user.pk: user for user in members_on(meeting)}
    errors = {}
    if chair is not None and chair.pk not in members:
        errors["chair"] = _("The chair must sit on %(body)s on the day of the meeting.") % {
            "body": meeting.body
        }
    if (
        minute_taker is not None
        and minute_taker.pk not in members
        and not has_role(minute_taker, meeting.body.programme)
    ):
        errors["minute_taker"] = _(
            "The minute taker must sit on the body or have a role in the programme."
        )
    if errors:
        raise ValidationError(errors)
    unknown = [pk for pk in attendance if int(pk) not in members]
    if unknown:
        raise ValidationError(_("Attendance is recorded for the members of the body only."))
    given = {int(pk): value for pk, value in attendance.items()}
    if any(value not in Presence.values and value for value in given.values()):
        raise ValidationError(_("Choose present, absent with notice or absent."))
    if Presence.PRESENT in given.values() and meeting.starts_at > timezone.now():
        raise ValidationError(
            _(
                "The meeting has not begun yet, so nobody can be marked present; absences with "
                "notice can be recorded already."
            )
        )
    meeting = update_versioned(
        meeting,
        version=version,
        by=by,
        event="meeting.attendance",
        chair=chair,
        minute_taker=minute_taker,
    )
    rows = Attendance.objects.select_for_update().filter(meeting=meeting)
    existing = {row.user_id: row for row in rows}
    for user_id, presence in given.items():
        row = existing.get(user_id)
        details = {"person": members[user_id]}
        if not presence:
            if row is not None:
                delete_with_history(row, by=by, event="attendance.removed", details=details)
            continue
        if row is not None and row.presence == presence:
            continue
        row = row or Attendance(meeting=meeting, user=members[user_id])
        row.presence = presence
        save_with_history(row, by=by, event="attendance.recorded", details=details)
    return meeting


def next_position(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, by, notes: str = "") -> AgendaItem:
    """A free item (not a proposal) at the end of the agenda."""
    policy.require(by, "governance.manage_meeting", meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("The meeting has been held; its agenda can no longer change."))
    if not title.strip():
        raise ValidationError({"title": _("Give the agenda item a title.")})
    item = AgendaItem(meeting=meeting, position=next_position(meeting), title=title, notes=notes)
    return save_with_history(item, by=by, event="agenda_item.added")


@transaction.atomic
def action_item_create(
    *,
    body: Body,
    description: str,
    by,
    meeting: Meeting | None = None,
    owner=None,
    owner_text: str = "",
    due_date: date | None = None,
) -> ActionItem:
    """An action item agreed in `meeting` (its managers add it), or of the body alone (the
    programme team and secretariat)."""
    if meeting is not None:
        policy.require(by, "governance.manage_meeting", meeting)
    else:
        policy.require(by, "governance.manage_governance", body.programme)
    if meeting is not None and meeting.body_id != body.pk:
        raise ValidationError(_("The meeting belongs to another body."))
    if owner is None and not owner_text.strip():
        raise ValidationError({"owner_text": _("Say who takes this action: a person or a name.")})
    item = ActionItem(
        body=body,
        meeting=meeting,
        description=description,
        owner=owner,
        owner_text=owner_text,
        due_date=due_date,
    )
    return save_with_history(item, by=by, event="action_item.added")


def _action_item(action_item_id: int, by) -> ActionItem:
    item = ActionItem.objects.select_for_update().select_related("body__programme")
    item = item.get(pk=action_item_id)
    policy.require(by, "governance.manage_action_item", item)
    return item


@transaction.atomic
def action_item_close(*, action_item_id: int, by, done_on: date | None = None) -> ActionItem:
    item = _action_item(action_item_id, by)
    if item.status == ActionStatus.DONE:
        raise ValidationError(_("This action item is already done."))
    item.status = ActionStatus.DONE
    item.done_on = done_on or timezone.localdate()
    return save_with_history(item, by=by, event="action_item.done", details={"on": item.done_on})


@transaction.atomic
def action_item_reopen(*, action_item_id: int, by) -> ActionItem:
    item = _action_item(action_item_id, by)
    if item.status == ActionStatus.OPEN:
        raise ValidationError(_("This action item is still open."))
    item.status = ActionStatus.OPEN
    item.done_on = None
    return save_with_history(item, by=by, event="action_item.reopened")
