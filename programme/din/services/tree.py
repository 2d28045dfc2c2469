"""Every change to the DIN's tree: programme lines, strategic and operational goals.

One function per verb; views, admin, the import and the demo all come here, so every change
leaves a history entry naming who did it and why."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.services import save_with_history
from programme.core.models import Programme

from ..models import EffortGoal, OperationalGoal, ProgrammeLine, StrategicGoal
from ._common import _next_order, _touch_effort, _update
from .ordering import _densify, _move

# --- programme lines ---------------------------------------------------------------------------

LINE_FIELDS = {"name", "challenge", "approach"}


@transaction.atomic
def line_create(*, programme: Programme, by, name: str, challenge="", approach="") -> ProgrammeLine:
    line = ProgrammeLine(
        programme=programme,
        name=name,
        challenge=challenge,
        approach=approach,
        order=_next_order(ProgrammeLine.objects.filter(programme=programme)),
    )
    return save_with_history(line, by=by, reason="programme line added")


@transaction.atomic
def line_update(*, line_id: int, version: int, by, **fields) -> ProgrammeLine:
    return _update(
        ProgrammeLine,
        pk=line_id,
        version=version,
        by=by,
        fields=fields,
        allowed=LINE_FIELDS,
        reason="programme line edited",
    )


@transaction.atomic
def line_move(*, line_id: int, direction: str, by) -> ProgrammeLine:
    return _move(ProgrammeLine, pk=line_id, direction=direction, by=by)


@transaction.atomic
def line_delete(*, line_id: int, by) -> None:
    line = ProgrammeLine.objects.select_for_update().get(pk=line_id)
    if line.strategic_goals.exists():
        raise ValidationError(
            _("The line '%(name)s' still has strategic goals. Move or remove them first.")
            % {"name": line.name}
        )
    line._history_user = by
    line._change_reason = "programme line removed"
    line.delete()
    _densify(
        ProgrammeLine.objects.filter(programme_id=line.programme_id).order_by("order", "pk"),
        by=by,
        reason="order closed up after a removal",
    )


# --- strategic goals ---------------------------------------------------------------------------

GOAL_FIELDS = {"title", "description"}


@transaction.atomic
def strategic_goal_create(*, line: ProgrammeLine, by, title: str, description="") -> StrategicGoal:
    goal = StrategicGoal(
        programme_id=line.programme_id,
        line=line,
        title=title,
        description=description,
        order=_next_order(StrategicGoal.objects.filter(line=line)),
    )
    return save_with_history(goal, by=by, reason="strategic goal added")


@transaction.atomic
def strategic_goal_update(*, goal_id: int, version: int, by, **fields) -> StrategicGoal:
    return _update(
        StrategicGoal,
        pk=goal_id,
        version=version,
        by=by,
        fields=fields,
        allowed=GOAL_FIELDS,
        reason="strategic goal edited",
    )


@transaction.atomic
def strategic_goal_move(*, goal_id: int, direction: str, by) -> StrategicGoal:
    return _move(StrategicGoal, pk=goal_id, direction=direction, by=by)


@transaction.atomic
def strategic_goal_delete(*, goal_id: int, by) -> None:
    goal = StrategicGoal.objects.select_for_update().get(pk=goal_id)
    if goal.operational_goals.exists():
        raise ValidationError(
            _(
                "The strategic goal '%(title)s' still has operational goals. Move or remove "
                "them first."
            )
            % {"title": goal.title}
        )
    goal._history_user = by
    goal._change_reason = "strategic goal removed"
    goal.delete()
    _densify(
        StrategicGoal.objects.filter(line_id=goal.line_id).order_by("order", "pk"),
        by=by,
        reason="order closed up after a removal",
    )


# --- operational goals -------------------------------------------------------------------------

MOVE_EFFORTS, UNLINK_EFFORTS = "move", "unlink"


@transaction.atomic
def operational_goal_create(
    *, strategic_goal: StrategicGoal, by, title: str, description=""
) -> OperationalGoal:
    goal = OperationalGoal(
        programme_id=strategic_goal.programme_id,
        strategic_goal=strategic_goal,
        title=title,
        description=description,
        order=_next_order(OperationalGoal.objects.filter(strategic_goal=strategic_goal)),
    )
    return save_with_history(goal, by=by, reason="operational goal added")


@transaction.atomic
def operational_goal_update(*, goal_id: int, version: int, by, **fields) -> OperationalGoal:
    return _update(
        OperationalGoal,
        pk=goal_id,
        version=version,
        by=by,
        fields=fields,
        allowed=GOAL_FIELDS,
        reason="operational goal edited",
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
    goal = OperationalGoal.objects.select_for_update().get(pk=goal_id)
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
        if move_to is None or move_to.pk == goal.pk:
            raise ValidationError(
                {"move_to": _("Choose the goal the efforts move to.")}, code="no_target"
            )
        if move_to.programme_id != goal.programme_id:
            raise ValidationError(
                {"move_to": _("An effort can only serve goals of its own programme.")}
            )
        for link in links:
            existing = EffortGoal.objects.filter(effort=link.effort, goal=move_to).first()
            if existing is None:
                EffortGoal.objects.create(
                    effort=link.effort, goal=move_to, contribution=link.contribution
                )
            _touch_effort(
                link.effort,
                by=by,
                reason=f"goal link moved from '{goal.title}' to '{move_to.title}'",
            )
        for indicator in goal.indicators.all():
            indicator.goal = move_to
            indicator.version += 1
            save_with_history(indicator, by=by, reason="moved with its goal's removal")
    elif efforts == UNLINK_EFFORTS:
        if has_indicators:
            raise ValidationError(
                _(
                    "The goal still has indicators. Move them with the efforts to another goal, "
                    "or remove the indicators first."
                )
            )
        for link in links:
            _touch_effort(link.effort, by=by, reason=f"unlinked from goal '{goal.title}'")
    goal.effort_links.all().delete()
    goal._history_user = by
    goal._change_reason = "operational goal removed"
    goal.delete()
    _densify(
        OperationalGoal.objects.filter(strategic_goal_id=goal.strategic_goal_id).order_by(
            "order", "pk"
        ),
        by=by,
        reason="order closed up after a removal",
    )
