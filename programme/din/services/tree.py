"""Every change to the DIN's tree: programme lines, strategic and operational goals.

One function per verb; views, admin, the import and the demo all come here. Each asks the
policy first (`din.change_din` on the item's programme) and leaves a history entry naming who
did it and which event it was (programme.din.events)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk import policy
from avk.services import delete_with_history, lock, save_with_history, touch, update_versioned
from programme.core.models import Programme

from ..models import EffortGoal, OperationalGoal, ProgrammeLine, StrategicGoal
from ._common import _check_fields, _next_order
from .ordering import _densify, _move

# --- programme lines ---------------------------------------------------------------------------


@transaction.atomic
def line_create(*, programme: Programme, by, name: str, challenge="", approach="") -> ProgrammeLine:
    policy.require(by, "din.change_din", programme)
    line = ProgrammeLine(
        programme=programme,
        name=name,
        challenge=challenge,
        approach=approach,
        order=_next_order(ProgrammeLine.objects.filter(programme=programme)),
    )
    return save_with_history(line, by=by, event="din.line.created")


def _edit(model, *, pk, version, by, event, fields):
    """The versioned edit of a tree item, after asking the policy about it."""
    _check_fields(fields, model.EDITABLE_FIELDS)
    item = model.objects.select_related("programme").get(pk=pk)
    policy.require(by, "din.change_din", item)
    return update_versioned(item, version=version, by=by, event=event, **fields)


@transaction.atomic
def line_update(*, line_id: int, version: int, by, **fields) -> ProgrammeLine:
    return _edit(
        ProgrammeLine, pk=line_id, version=version, by=by, event="din.line.edited", fields=fields
    )


@transaction.atomic
def line_move(*, line_id: int, direction: str, by) -> ProgrammeLine:
    return _move(ProgrammeLine, pk=line_id, direction=direction, by=by)


@transaction.atomic
def line_delete(*, line_id: int, by) -> None:
    line = lock(ProgrammeLine, pk=line_id)
    policy.require(by, "din.change_din", line)
    if line.strategic_goals.exists():
        raise ValidationError(
            _("The line '%(name)s' still has strategic goals. Move or remove them first.")
            % {"name": line.name}
        )
    delete_with_history(line, by=by, event="din.line.removed")
    _densify(
        ProgrammeLine.objects.filter(programme_id=line.programme_id).order_by("order", "pk"),
        by=by,
        event="din.order_closed_up",
    )


# --- strategic goals ---------------------------------------------------------------------------


@transaction.atomic
def strategic_goal_create(*, line: ProgrammeLine, by, title: str, description="") -> StrategicGoal:
    policy.require(by, "din.change_din", line)
    goal = StrategicGoal(
        programme_id=line.programme_id,
        line=line,
        title=title,
        description=description,
        order=_next_order(StrategicGoal.objects.filter(line=line)),
    )
    return save_with_history(goal, by=by, event="din.strategic_goal.created")


@transaction.atomic
def strategic_goal_update(*, goal_id: int, version: int, by, **fields) -> StrategicGoal:
    return _edit(
        StrategicGoal,
        pk=goal_id,
        version=version,
        by=by,
        event="din.strategic_goal.edited",
        fields=fields,
    )


@transaction.atomic
def strategic_goal_move(*, goal_id: int, direction: str, by) -> StrategicGoal:
    return _move(StrategicGoal, pk=goal_id, direction=direction, by=by)


@transaction.atomic
def strategic_goal_delete(*, goal_id: int, by) -> None:
    goal = lock(StrategicGoal, pk=goal_id)
    policy.require(by, "din.change_din", goal)
    if goal.operational_goals.exists():
        raise ValidationError(
            _(
                "The strategic goal '%(title)s' still has operational goals. Move or remove "
                "them first."
            )
            % {"title": goal.title}
        )
    delete_with_history(goal, by=by, event="din.strategic_goal.removed")
    _densify(
        StrategicGoal.objects.filter(line_id=goal.line_id).order_by("order", "pk"),
        by=by,
        event="din.order_closed_up",
    )


# --- operational goals -------------------------------------------------------------------------

MOVE_EFFORTS, UNLINK_EFFORTS = "move", "unlink"


@transaction.atomic
def operational_goal_create(
    *, strategic_goal: StrategicGoal, by, title: str, description=""
) -> OperationalGoal:
    policy.require(by, "din.change_din", strategic_goal)
    goal = OperationalGoal(
        programme_id=strategic_goal.programme_id,
        strategic_goal=strategic_goal,
        title=title,
        description=description,
        order=_next_order(OperationalGoal.objects.filter(strategic_goal=strategic_goal)),
    )
    return save_with_history(goal, by=by, event="din.operational_goal.created")


@transaction.atomic
def operational_goal_update(*, goal_id: int, version: int, by, **fields) -> OperationalGoal:
    return _edit(
        OperationalGoal,
        pk=goal_id,
        version=version,
        by=by,
        event="din.operational_goal.edited",
        fields=fields,
    )


@transaction.atomic
def operational_goal_move(*, goal_id: int, direction: str, by) -> OperationalGoal:
    return _move(OperationalGoal, pk=goal_id, direction=direction, by=by)


@transaction.atomic
def operational_goal_delete(
    *, goal_id: int, by, efforts: str | None = None, move_to: OperationalGoal | None = None
) -> None:
    """Remove an operational goal. When efforts still serve it, `efforts` says what to do with
    their links: "move" them (and the goal's indicators) to `move_to`, or "unlink" them;
    without that choice the removal is refused."""
    goal = lock(OperationalGoal, pk=goal_id)
    policy.require(by, "din.change_din", goal)
    links = list(goal.effort_links.select_related("effort"))
    has_indicators = goal.indicators.exists()
    if (links or has_indicators) and efforts not in (MOVE_EFFORTS, UNLINK_EFFORTS):
        raise ValidationError(
            _(
                "Efforts or indicators still serve the goal '%(title)s'. Choose whether to "
                "move them to another goal or to unlink the efforts."
            )
            % {"title": goal.title},
            code="choice_needed",
        )
    if efforts == MOVE_EFFORTS and (links or has_indicators):
        _move_to_goal(goal, links, move_to, by=by)
    elif efforts == UNLINK_EFFORTS:
        if has_indicators:
            raise ValidationError(
                _(
                    "The goal still has indicators. Move them with the efforts to another goal, "
                    "or remove the indicators first."
                )
            )
        for link in links:
            touch(link.effort, by=by, event="din.effort.unlinked", details={"goal": goal.title})
    goal.effort_links.all().delete()  # the links' removal is on each effort's history (above)
    delete_with_history(goal, by=by, event="din.operational_goal.removed")
    _densify(
        OperationalGoal.objects.filter(strategic_goal_id=goal.strategic_goal_id).order_by(
            "order", "pk"
        ),
        by=by,
        event="din.order_closed_up",
    )


def _move_to_goal(goal, links, move_to, *, by) -> None:
    """The efforts' links and the indicators of a goal being removed go to `move_to`."""
    if move_to is None or move_to.pk == goal.pk:
        raise ValidationError(
            {"move_to": _("Choose the goal the efforts move to.")}, code="no_target"
        )
    if move_to.programme_id != goal.programme_id:
        raise ValidationError(
            {"move_to": _("An effort can only serve goals of its own programme.")}
        )
    moved = {"from": goal.title, "to": move_to.title}
    for link in links:
        if not EffortGoal.objects.filter(effort=link.effort, goal=move_to).exists():
            EffortGoal.objects.create(
                effort=link.effort, goal=move_to, contribution=link.contribution
            )
        touch(link.effort, by=by, event="din.effort.goal_link_moved", details=moved)
    for indicator in goal.indicators.all():
        update_versioned(
            indicator,
            version=None,
            by=by,
            event="din.indicator.moved_with_goal",
            details=moved,
            goal=move_to,
        )
