"""The selection screen: the programme's DIN tree with what the plan takes up ticked, and its
efforts grouped per strategic goal with their planning. Six queries, whatever the DIN's size."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from avk.formats import months
from programme.din.models import (
    Effort,
    EffortGoal,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
)

from ..models import PhasePlan


@dataclass
class EffortRow:
    effort: Effort
    checked: bool
    start: object  # date or None: the planning in the plan, else the effort's own months
    end: object

    @property
    def din_period(self) -> str:
        return months(self.effort.start_month, self.effort.end_month)


@dataclass
class EffortGroup:
    title: str
    rows: list[EffortRow] = field(default_factory=list)


def proposed_planning(plan: PhasePlan, effort: Effort) -> tuple:
    """The planning offered for an effort not taken up yet: its own months within the plan's
    period, or the whole period when they lie outside it (an open end stays open)."""
    first, last = plan.valid_from.replace(day=1), plan.valid_until.replace(day=1)
    start, end = effort.start_month, effort.end_month
    if (start and start > last) or (end and end < first) or (start is None and end is None):
        return first, last
    return max(start or first, first), (min(end, last) if end else None)


def selection_screen(plan: PhasePlan) -> dict:
    programme_id = plan.programme_id
    strategic_ids = set(plan.strategic_goals.values_list("goal_id", flat=True))
    operational_ids = set(plan.operational_goals.values_list("goal_id", flat=True))
    planned = {row.effort_id: row for row in plan.efforts.all()}
    lines = list(ProgrammeLine.objects.filter(programme_id=programme_id).order_by("order", "pk"))
    strategic = list(
        StrategicGoal.objects.filter(programme_id=programme_id).order_by("order", "pk")
    )
    operational = list(
        OperationalGoal.objects.filter(programme_id=programme_id).order_by(
            "strategic_goal_id", "order", "pk"
        )
    )
    tree = []
    for line in lines:
        goals = []
        for sg in (g for g in strategic if g.line_id == line.pk):
            goals.append(
                {
                    "goal": sg,
                    "checked": sg.pk in strategic_ids,
                    "operational": [
                        {"goal": og, "checked": og.pk in operational_ids}
                        for og in operational
                        if og.strategic_goal_id == sg.pk
                    ],
                }
            )
        tree.append({"line": line, "goals": goals})
    sg_of = {og.pk: og.strategic_goal_id for og in operational}
    line_index = {line.pk: i for i, line in enumerate(lines)}
    in_order = sorted(strategic, key=lambda g: (line_index.get(g.line_id, 0), g.order, g.pk))
    position = {sg.pk: i for i, sg in enumerate(in_order)}
    groups = {sg.pk: EffortGroup(sg.title) for sg in strategic}
    other = EffortGroup("")
    efforts = Effort.objects.filter(programme_id=programme_id).prefetch_related(
        Prefetch("goal_links", queryset=EffortGoal.objects.only("effort_id", "goal_id"))
    )
    for effort in efforts.order_by("title", "pk"):
        row = planned.get(effort.pk)
        if row is not None:
            item = EffortRow(effort, True, row.start_month, row.end_month)
        else:
            item = EffortRow(effort, False, *proposed_planning(plan, effort))
        served = [sg_of[link.goal_id] for link in effort.goal_links.all() if link.goal_id in sg_of]
        if served:
            groups[min(served, key=lambda pk: position[pk])].rows.append(item)
        else:
            other.rows.append(item)
    ordered = [groups[pk] for pk in sorted(groups, key=lambda pk: position[pk])]
    return {
        "tree": tree,
        "effort_groups": [g for g in ordered if g.rows] + ([other] if other.rows else []),
        "counts": {
            "goals": len(strategic_ids) + len(operational_ids),
            "efforts": len(planned),
        },
    }
