"""Meetings, their agenda and action items."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh

from ..models import ActionItem, ActionStatus, AgendaItem, Body, Meeting, MeetingStatus
from ._common import save


@transaction.atomic
def meeting_create(
    *, body: Body, starts_at: datetime, by, place: str = "", minutes: str = ""
) -> Meeting:
    meeting = Meeting(body=body, starts_at=starts_at, place=place, minutes=minutes)
    save(meeting, by=by, reason="meeting planned")
    return meeting


@transaction.atomic
def meeting_update(*, meeting_id: int, version: int, by, **fields) -> Meeting:
    """Edit when/where and the minutes (Markdown)."""
    unknown = set(fields) - {"starts_at", "place", "minutes"}
    if unknown:
        raise TypeError(f"Not an editable meeting field: {', '.join(sorted(unknown))}")
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    ensure_fresh(meeting, version)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.version += 1
    save(meeting, by=by, reason="meeting edited")
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting_id: int, by) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("This meeting has already been marked as held."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("This meeting has not taken place yet."))
    meeting.status = MeetingStatus.HELD
    meeting.version += 1
    save(meeting, by=by, reason="meeting held")
    return meeting


def next_position(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, by, notes: str = "") -> AgendaItem:
    """A free item (not a proposal) at the end of the agenda."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("The meeting has been held; its agenda can no longer change."))
    if not title.strip():
        raise ValidationError({"title": _("Give the agenda item a title.")})
    item = AgendaItem(meeting=meeting, position=next_position(meeting), title=title, notes=notes)
    save(item, by=by, reason="agenda item added")
    return item


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
    save(item, by=by, reason="action item added")
    return item


@transaction.atomic
def action_item_close(*, action_item_id: int, by, done_on: date | None = None) -> ActionItem:
    item = ActionItem.objects.select_for_update().get(pk=action_item_id)
    if item.status == ActionStatus.DONE:
        raise ValidationError(_("This action item is already done."))
    item.status = ActionStatus.DONE
    item.done_on = done_on or timezone.localdate()
    save(item, by=by, reason="action item done")
    return item


@transaction.atomic
def action_item_reopen(*, action_item_id: int, by) -> ActionItem:
    item = ActionItem.objects.select_for_update().get(pk=action_item_id)
    if item.status == ActionStatus.OPEN:
        raise ValidationError(_("This action item is still open."))
    item.status = ActionStatus.OPEN
    item.done_on = None
    save(item, by=by, reason="action item reopened")
    return item
