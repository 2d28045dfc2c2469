"""Attention points: numbered 1..n within their session and side/category. A new point takes
the next number; moving a point up or down swaps its number with its neighbour's; removing one
leaves a gap (others may already refer to "HET-3"), which `points_renumber` closes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from avk.services import delete_with_history, lock, save_with_history, update_versioned

from ..models import AttentionPoint, Session
from ._common import check_fields, require_change

UP, DOWN = "up", "down"
MOVES = (UP, DOWN)


def _group(session_id: int, category_id: int | None):
    """The points that share a session and side/category, in number order."""
    return AttentionPoint.objects.filter(session_id=session_id, category_id=category_id).order_by(
        "number", "pk"
    )


def _next_number(session_id: int, category_id: int | None) -> int:
    return (_group(session_id, category_id).aggregate(top=Max("number"))["top"] or 0) + 1


@transaction.atomic
def point_add(*, session: Session, by, **fields) -> AttentionPoint:
    """A new attention point, numbered after the last one of its side/category."""
    require_change(by, session)
    check_fields(fields, AttentionPoint.EDITABLE_FIELDS)
    lock(session)  # two people adding at once do not get the same number
    category = fields.get("category")
    point = AttentionPoint(
        session=session,
        programme_id=session.programme_id,
        number=_next_number(session.pk, category.pk if category else None),
        **fields,
    )
    save_with_history(point, by=by, event="point.added", details={"reference": point.reference})
    return point


@transaction.atomic
def point_update(*, point_id: int, version: int | None, by, **fields) -> AttentionPoint:
    """Change a point; moved to another side/category, it takes the next number there."""
    point = AttentionPoint.objects.select_related("programme", "session").get(pk=point_id)
    require_change(by, point)
    check_fields(fields, AttentionPoint.EDITABLE_FIELDS)
    if "category" in fields:
        category = fields["category"]
        category_id = category.pk if category else None
        if category_id != point.category_id:
            lock(point.session)
            fields["number"] = _next_number(point.session_id, category_id)
    return update_versioned(point, version=version, by=by, event="point.edited", **fields)


@transaction.atomic
def point_remove(*, point_id: int, by) -> None:
    """Remove a point with its ingredients. Its number stays free until the session is
    renumbered."""
    point = lock(AttentionPoint, pk=point_id)
    require_change(by, point)
    reference = point.reference
    for ingredient in point.ingredients.all():
        delete_with_history(ingredient, by=by, event="ingredient.removed")
    delete_with_history(point, by=by, event="point.removed", details={"reference": reference})


@transaction.atomic
def point_move(*, point_id: int, direction: str, by) -> AttentionPoint:
    """Move a point up or down within its side/category: it swaps numbers with its neighbour.
    The first cannot move up, nor the last down (nothing changes)."""
    if direction not in MOVES:
        raise ValidationError(_("Choose whether to move the attention point up or down."))
    point = AttentionPoint.objects.select_related("programme").get(pk=point_id)
    require_change(by, point)
    lock(Session, pk=point.session_id)
    siblings = list(_group(point.session_id, point.category_id).select_for_update())
    index = next(i for i, s in enumerate(siblings) if s.pk == point.pk)
    target = index - 1 if direction == UP else index + 1
    if not 0 <= target < len(siblings):
        return siblings[index]
    mine, other = siblings[index], siblings[target]
    if mine.number == other.number:  # equal numbers (never by the services): make them differ
        other.number = mine.number + (1 if direction == UP else -1) or 1
    mine.number, other.number = other.number, mine.number
    for row, event in ((mine, direction), (other, DOWN if direction == UP else UP)):
        save_with_history(row, by=by, event=f"point.moved_{event}", details={"number": row.number})
    return mine


@transaction.atomic
def points_renumber(*, session: Session, by) -> int:
    """Close the gaps: number the points of each side/category 1..n in their current order.
    Returns how many points got another number."""
    require_change(by, session)
    lock(session)
    changed = 0
    points = AttentionPoint.objects.filter(session=session).select_for_update()
    groups: dict[int | None, list[AttentionPoint]] = {}
    for point in points.order_by("category_id", "number", "pk"):
        groups.setdefault(point.category_id, []).append(point)
    for group in groups.values():
        for number, point in enumerate(group, start=1):
            if point.number != number:
                old = point.number
                point.number = number
                save_with_history(
                    point, by=by, event="point.renumbered", details={"old": old, "number": number}
                )
                changed += 1
    return changed
