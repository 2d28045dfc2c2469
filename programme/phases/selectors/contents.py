"""A phase plan's contents as one plain structure (JSON-able): the programme, the plan's texts,
the goals and efforts it takes up with their titles, planning, partners and leads, the working
groups and bodies, the budget table and the attention points it answers.

A concept's contents are read live from the DIN, the budget, governance and reflection; an
adopted plan's are the snapshot taken on adoption (`PhasePlan.frozen`), so its page, its PDF and
every comparison read the plan as the board adopted it. `thaw()` turns either into what pages
and the PDF show (dates as dates, amounts as Decimals). A fixed number of queries, whatever the
size of the DIN.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from budget.models import Side
from budget.selectors import derived_contributions, planned_amount
from governance.models import Body
from programme.din.models import (
    Effort,
    EffortGoal,
    EffortPartner,
    OperationalGoal,
    PartnerRole,
    StrategicGoal,
    WorkingGroup,
    WorkingGroupMember,
)
from reflection.selectors import traced_to

from ..models import PhasePlan

#: The version of the structure below; a frozen plan keeps the one it was frozen with.
SCHEMA = 1
ZERO = Decimal("0.00")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _lead(effort: Effort) -> str:
    if effort.lead_member_id:
        member = effort.lead_member
        return f"{member.name} ({member.partner.name})"
    if effort.lead_user_id:
        return effort.lead_user.get_full_name() or effort.lead_user.username
    return ""


def _efforts(plan: PhasePlan, goal_ids: set[int]) -> list[dict]:
    rows = list(
        plan.efforts.select_related(
            "effort__lead_member__partner", "effort__lead_user"
        ).prefetch_related(
            Prefetch(
                "effort__partner_links",
                queryset=EffortPartner.objects.select_related("partner").order_by(
                    "-role", "partner__name"
                ),
            ),
            Prefetch(
                "effort__goal_links", queryset=EffortGoal.objects.only("effort_id", "goal_id")
            ),
        )
    )
    rows.sort(key=lambda r: (r.start_month or date.max, r.effort.title.lower(), r.effort_id))
    found = []
    for row in rows:
        effort = row.effort
        found.append(
            {
                "id": effort.pk,
                "title": effort.title,
                "description": effort.description,
                "start": _iso(row.start_month),
                "end": _iso(row.end_month),
                "structural": effort.structural,
                "place": effort.place,
                "lead": _lead(effort),
                "partners": [
                    {
                        "id": link.partner_id,
                        "name": link.partner.name,
                        "lead": link.role == PartnerRole.LEAD,
                    }
                    for link in effort.partner_links.all()
                ],
                "other_parties": effort.other_parties,
                "goals": sorted(
                    link.goal_id for link in effort.goal_links.all() if link.goal_id in goal_ids
                ),
            }
        )
    return found


def _tree(plan: PhasePlan, efforts: list[dict]) -> list[dict]:
    """Lines -> strategic goals -> operational goals taken up, each goal with the efforts of
    the plan that serve it."""
    strategic_ids = set(plan.strategic_goals.values_list("goal_id", flat=True))
    operational = list(
        OperationalGoal.objects.filter(pk__in=plan.operational_goals.values("goal_id")).order_by(
            "strategic_goal_id", "order", "pk"
        )
    )
    strategic = list(
        StrategicGoal.objects.filter(pk__in=strategic_ids)
        .select_related("line")
        .order_by("line__order", "line_id", "order", "pk")
    )
    serving: dict[int, list[int]] = {}
    for effort in efforts:
        for goal_id in effort["goals"]:
            serving.setdefault(goal_id, []).append(effort["id"])
    lines: list[dict] = []
    for goal in strategic:
        line = goal.line
        if not lines or lines[-1]["id"] != line.pk:
            lines.append(
                {
                    "id": line.pk,
                    "name": line.name,
                    "challenge": line.challenge,
                    "approach": line.approach,
                    "strategic_goals": [],
                }
            )
        lines[-1]["strategic_goals"].append(
            {
                "id": goal.pk,
                "title": goal.title,
                "description": goal.description,
                "operational_goals": [
                    {
                        "id": og.pk,
                        "title": og.title,
                        "description": og.description,
                        "efforts": serving.get(og.pk, []),
                    }
                    for og in operational
                    if og.strategic_goal_id == goal.pk
                ],
            }
        )
    return lines


def _member_name(member: WorkingGroupMember) -> str:
    if member.person_id:
        return str(member.person)
    if member.user_id:
        return member.user.get_full_name() or member.user.username
    return member.partner.name if member.partner_id else ""


def _working_groups(plan: PhasePlan) -> list[dict]:
    groups = WorkingGroup.objects.filter(programme_id=plan.programme_id).prefetch_related(
        Prefetch(
            "members",
            queryset=WorkingGroupMember.objects.select_related(
                "partner", "person__partner", "user"
            ).order_by("-is_lead", "pk"),
        ),
        Prefetch("efforts", queryset=Effort.objects.only("pk", "title").order_by("title")),
    )
    return [
        {
            "id": group.pk,
            "name": group.name,
            "theme": group.theme,
            "kartrekkers": [_member_name(m) for m in group.members.all() if m.is_lead],
            "members": len(group.members.all()),
            "efforts": [effort.title for effort in group.efforts.all()],
        }
        for group in groups.order_by("order", "name")
    ]


def _bodies(plan: PhasePlan) -> list[dict]:
    return [
        {
            "name": body.name,
            "kind": body.kind,
            "level": body.steering_level,
            "level_label": str(body.get_steering_level_display()),
            "description": body.description,
        }
        for body in Body.objects.filter(programme_id=plan.programme_id).order_by("name")
    ]


def _budget(plan: PhasePlan) -> dict | None:
    budget = plan.budget
    if budget is None:
        return None
    lines = list(budget.lines.order_by("side", "order", "pk"))
    derived = None
    if budget.is_concept and any(line.derived for line in lines):
        derived = derived_contributions(budget)
    sides: dict[str, list[dict]] = {Side.COSTS: [], Side.COVERAGE: []}
    for line in lines:
        sides[line.side].append(
            {
                "category": line.category,
                "description": line.description,
                "amount": str(planned_amount(line, budget, derived)),
            }
        )

    def total(rows):
        return str(sum((Decimal(r["amount"]) for r in rows), ZERO))

    return {
        "id": budget.pk,
        "title": budget.label,
        "period": budget.period_label,
        "status": budget.status,
        "costs": sides[Side.COSTS],
        "coverage": sides[Side.COVERAGE],
        "costs_total": total(sides[Side.COSTS]),
        "coverage_total": total(sides[Side.COVERAGE]),
    }


def _attention_points(plan: PhasePlan) -> list[dict]:
    found = []
    for link in traced_to(plan):
        point = link.point
        found.append(
            {
                "id": point.pk,
                "reference": point.reference,
                "title": point.title,
                "ingredient": link.ingredient.text if link.ingredient_id else "",
                "round": point.session.round.title,
                "session": point.session.level_label,
                "note": link.note,
            }
        )
    return found


def live_contents(plan: PhasePlan) -> dict:
    """The plan's contents read now from the data it brings together."""
    programme = plan.programme
    goal_ids = set(plan.operational_goals.values_list("goal_id", flat=True))
    efforts = _efforts(plan, goal_ids)
    return {
        "schema": SCHEMA,
        "programme": {
            "name": programme.name,
            "short_name": programme.short_name,
            "ambition": programme.ambition,
        },
        "plan": {
            "number": plan.number,
            "title": plan.title,
            "subtitle": plan.subtitle,
            "valid_from": _iso(plan.valid_from),
            "valid_until": _iso(plan.valid_until),
        },
        "texts": {name: getattr(plan, name) for name in PhasePlan.TEXT_FIELDS},
        "lines": _tree(plan, efforts),
        "efforts": efforts,
        "working_groups": _working_groups(plan),
        "bodies": _bodies(plan),
        "budget": _budget(plan),
        "attention_points": _attention_points(plan),
        "read_on": _iso(timezone.localdate()),
    }


def contents(plan: PhasePlan) -> dict:
    """As adopted (the snapshot) once the plan is adopted, else as it reads now."""
    if plan.is_frozen:
        return plan.frozen
    return live_contents(plan)
