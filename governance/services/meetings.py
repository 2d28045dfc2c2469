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
from avk.services import save_with_history, update_versioned

from .. import events  # noqa: F401 - registers the history events
from ..models import ActionItem, ActionStatus, AgendaItem, Body, Meeting, MeetingStatus


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
