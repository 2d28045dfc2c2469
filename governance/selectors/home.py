"""What the home page asks of governance for all the person's programmes at once (a fixed
number of queries, however many programmes): their own open action items."""

from __future__ import annotations

from django.utils import timezone

from ..models import ActionItem, ActionStatus


def own_open_action_items(*, user, programme_ids, limit: int = 5) -> dict[int, list[ActionItem]]:
    """{programme_id: [open action item owned by the person, ...]}, by due date (none last), at
    most `limit` per programme, each marked `overdue`; one query."""
    found: dict[int, list[ActionItem]] = {}
    ids = set(programme_ids)
    if not ids or not getattr(user, "is_authenticated", False):
        return found
    today = timezone.localdate()
    items = ActionItem.objects.filter(
        owner=user, status=ActionStatus.OPEN, body__programme_id__in=ids
    ).select_related("body", "meeting__body__programme")
    for item in sorted(items, key=lambda a: (a.due_date is None, a.due_date or today, a.pk)):
        item.overdue = item.due_date is not None and item.due_date < today
        found.setdefault(item.body.programme_id, []).append(item)
    return {pid: rows[:limit] for pid, rows in found.items()}
