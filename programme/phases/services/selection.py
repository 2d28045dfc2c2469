"""What a concept phase plan takes up from the DIN: its strategic and operational goals and its
efforts with their planning. Only items of the plan's own programme; an operational goal brings
its strategic goal along; a planning lies (partly) within the plan's period."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from avk.formats import month
from avk.policy import require
from avk.services import lock, touch
from programme.din.models import Effort, OperationalGoal, StrategicGoal

from ..models import PhasePlan, PlanEffort, PlanOperationalGoal, PlanStrategicGoal


def _first(day: date | None) -> date | None:
    return day.replace(day=1) if day else None


def _own(model, ids, programme_id: int, field: str, message: str) -> dict:
    """The rows `ids` names, refused when one is unknown or of another programme."""
    ids = {int(i) for i in ids}
    found = {obj.pk: obj for obj in model.objects.filter(pk__in=ids)}
    foreign = [obj for obj in found.values() if obj.programme_id != programme_id]
    if len(found) != len(ids) or foreign:
        raise ValidationError({field: message})
    return found


def _planning(plan: PhasePlan, efforts: dict, planning: dict) -> dict:
    """{effort id: (start, end)}: months, end not before start, overlapping the plan's period.
    An effort without a planning given keeps its own months."""
    errors = []
    checked = {}
    first, last = _first(plan.valid_from), _first(plan.valid_until)
    for pk, effort in efforts.items():
        start, end = planning.get(pk, (effort.start_month, effort.end_month))
        start, end = _first(start), _first(end)
        if start and end and end < start:
            errors.append(
                _("%(effort)s: the end month cannot lie before the start month.")
                % {"effort": effort.title}
            )
        elif (start and start > last) or (end and end < first):
            errors.append(
                _(
                    "%(effort)s: the planning falls outside the plan's period "
                    "(%(from)s to %(until)s)."
                )
                % {"effort": effort.title, "from": month(first), "until": month(last)}
            )
        checked[pk] = (start, end)
    if errors:
        raise ValidationError({"efforts": errors})
    return checked


@transaction.atomic
def selection_set(
    *,
    plan_id: int,
    version: int | None,
    by,
    strategic_goals=(),
    operational_goals=(),
    efforts: dict | None = None,
) -> PhasePlan:
    """Replace the plan's selection: `strategic_goals` and `operational_goals` (ids), and
    `efforts` {effort id: (start month, end month)} (None for the effort's own months). A form
    opened on an older version of the plan is refused (StaleEdit)."""
    plan = lock(PhasePlan, pk=plan_id)
    require(by, "phaseplans.change", plan)
    if version is not None:
        ensure_fresh(plan, version)
    programme_id = plan.programme_id
    operational = _own(
        OperationalGoal,
        operational_goals,
        programme_id,
        "operational_goals",
        _("Choose operational goals of this programme's DIN."),
    )
    strategic_ids = {int(i) for i in strategic_goals} | {
        goal.strategic_goal_id for goal in operational.values()
    }
    strategic = _own(
        StrategicGoal,
        strategic_ids,
        programme_id,
        "strategic_goals",
        _("Choose strategic goals of this programme's DIN."),
    )
    chosen = {int(pk): value for pk, value in (efforts or {}).items()}
    found = _own(
        Effort,
        chosen,
        programme_id,
        "efforts",
        _("Choose efforts of this programme's DIN."),
    )
    planning = _planning(plan, found, {pk: v for pk, v in chosen.items() if v is not None})
    plan.strategic_goals.all().delete()
    plan.operational_goals.all().delete()
    plan.efforts.all().delete()
    PlanStrategicGoal.objects.bulk_create(
        PlanStrategicGoal(plan=plan, goal=g) for g in strategic.values()
    )
    PlanOperationalGoal.objects.bulk_create(
        PlanOperationalGoal(plan=plan, goal=g) for g in operational.values()
    )
    PlanEffort.objects.bulk_create(
        PlanEffort(plan=plan, effort_id=pk, start_month=start, end_month=end)
        for pk, (start, end) in planning.items()
    )
    return touch(
        plan,
        by=by,
        event="phaseplan.selection",
        details={"goals": len(strategic) + len(operational), "efforts": len(planning)},
    )
