"""Drawing up a phase plan (from scratch or from the previous one), changing a concept's texts
and period, and closing an adopted plan. Adoption is in `adoption` (by a board decision only),
the selection in `selection`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import lock, save_with_history, update_versioned

from ..models import PhasePlan, PhasePlanStatus, PlanEffort, PlanOperationalGoal, PlanStrategicGoal
from ._common import check_fields


def _check_budget(budget, programme) -> None:
    if budget is not None and budget.programme_id != programme.pk:
        raise ValidationError({"budget": _("This budget belongs to another programme.")})


def _copy_selection(source: PhasePlan, plan: PhasePlan) -> None:
    """The goals and efforts of `source` taken up in `plan` too (a few queries)."""
    PlanStrategicGoal.objects.bulk_create(
        PlanStrategicGoal(plan=plan, goal_id=goal_id)
        for goal_id in source.strategic_goals.values_list("goal_id", flat=True)
    )
    PlanOperationalGoal.objects.bulk_create(
        PlanOperationalGoal(plan=plan, goal_id=goal_id)
        for goal_id in source.operational_goals.values_list("goal_id", flat=True)
    )
    PlanEffort.objects.bulk_create(
        PlanEffort(
            plan=plan, effort_id=row.effort_id, start_month=row.start_month, end_month=row.end_month
        )
        for row in source.efforts.all()
    )


@transaction.atomic
def plan_create(*, programme, by, copy_from: PhasePlan | None = None, **fields) -> PhasePlan:
    """A new concept phase plan. With `copy_from` (a plan of the same programme), its texts
    (where not given) and its selection are copied, to be adjusted for the new period."""
    require(by, "phaseplans.create", programme)
    check_fields(fields, PhasePlan.EDITABLE_FIELDS)
    _check_budget(fields.get("budget"), programme)
    if copy_from is not None and copy_from.programme_id != programme.pk:
        raise ValidationError({"copy_from": _("This phase plan belongs to another programme.")})
    if copy_from is not None:
        for name in PhasePlan.TEXT_FIELDS:
            if not fields.get(name):
                fields[name] = getattr(copy_from, name)
        fields.setdefault("subtitle", copy_from.subtitle)
    plan = PhasePlan(programme=programme, **fields)
    if copy_from is None:
        save_with_history(plan, by=by, event="phaseplan.created")
    else:
        save_with_history(
            plan, by=by, event="phaseplan.copied", details={"source": copy_from.title}
        )
        _copy_selection(copy_from, plan)
    return plan


@transaction.atomic
def plan_update(*, plan_id: int, version: int | None, by, **fields) -> PhasePlan:
    """Change a concept's texts, title, period or budget (a stale form is refused)."""
    check_fields(fields, PhasePlan.EDITABLE_FIELDS)
    plan = lock(PhasePlan, pk=plan_id)
    require(by, "phaseplans.change", plan)
    _check_budget(fields.get("budget"), plan.programme)
    return update_versioned(plan, version=version, by=by, event="phaseplan.edited", **fields)


@transaction.atomic
def plan_close(*, plan_id: int, by, on=None) -> PhasePlan:
    """Close an adopted plan once its period is over (the programme team)."""
    plan = lock(PhasePlan, pk=plan_id)
    require(by, "phaseplans.close", plan)
    day = on or timezone.localdate()
    return update_versioned(
        plan,
        version=None,
        by=by,
        event="phaseplan.closed",
        details={"on": day},
        status=PhasePlanStatus.CLOSED,
        closed_on=day,
    )
