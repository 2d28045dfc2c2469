"""Ordering among siblings: lines, strategic and operational goals keep a dense `order`
(0..n-1) among the items that share their parent."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk import policy
from avk.services import lock, save_with_history

from ..models import OperationalGoal, ProgrammeLine, StrategicGoal

UP, DOWN = "up", "down"
DIN_MOVES = (UP, DOWN)
#: The event of an item moved up or down (the sibling it swaps with moves the other way).
MOVE_EVENTS = {UP: "din.moved_up", DOWN: "din.moved_down"}


def _siblings(obj):
    """The items that share `obj`'s parent, in display order."""
    model = type(obj)
    if model is ProgrammeLine:
        found = ProgrammeLine.objects.filter(programme_id=obj.programme_id)
    elif model is StrategicGoal:
        found = StrategicGoal.objects.filter(line_id=obj.line_id)
    elif model is OperationalGoal:
        found = OperationalGoal.objects.filter(strategic_goal_id=obj.strategic_goal_id)
    else:  # pragma: no cover - a programming error
        raise TypeError(model)
    return found.order_by("order", "pk")


def _densify(siblings, *, by, event: str, events: dict | None = None) -> None:
    """Give the siblings orders 0..n-1 in their current sequence (saving only changed ones),
    each with `event`, or its own from `events` ({pk: event})."""
    for index, item in enumerate(siblings):
        if item.order != index:
            item.order = index
            save_with_history(item, by=by, event=(events or {}).get(item.pk, event))


def _move(model, *, pk: int, direction: str, by):
    item = lock(model, pk=pk)
    policy.require(by, "din.change_din", item)
    if direction not in DIN_MOVES:
        raise ValidationError(_("Choose whether to move the item up or down."))
    siblings = list(_siblings(item).select_for_update())
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    target = index - 1 if direction == UP else index + 1
    events = {item.pk: MOVE_EVENTS[direction]}
    if 0 <= target < len(siblings):
        other = siblings[target]
        events[other.pk] = MOVE_EVENTS[DOWN if direction == UP else UP]
        siblings[index], siblings[target] = other, siblings[index]
    _densify(siblings, by=by, event="din.order_closed_up", events=events)
    item.refresh_from_db()
    return item


@transaction.atomic
def din_item_move(*, item, direction: str, by):
    """Move a line or goal up or down among its siblings (orders stay 0..n-1)."""
    return _move(type(item), pk=item.pk, direction=direction, by=by)
