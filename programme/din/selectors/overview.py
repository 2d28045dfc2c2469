"""Read side of the DIN overview: the tree (a fixed number of queries), its filters and the
progress roll-up.

Public functions other pages (diagram, planning, partner pages) may use:

- `din_tree(programme, filters=None)` -> `DinTree` (lines with strategic goals, operational
  goals, effort links and efforts fully prefetched, progress rolled up).
- `din_efforts(programme, filters=None)` -> queryset of efforts with goals, lead, partners,
  capitals and working groups prefetched.
- `DinFilters.from_querydict(request.GET)` parses the filter form.
- `operational_goal_progress(goal)`, `indicator_achievement(indicator, measurements)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from programme.core.models import Programme

from ..models import (
    CONTRIBUTION_WEIGHT,
    Direction,
    Effort,
    EffortGoal,
    EffortPartner,
    EffortStatus,
    Indicator,
    Measurement,
    MeasurementStatus,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
)

# --- filters -----------------------------------------------------------------------------------


@dataclass
class DinFilters:
    """The overview's filters; every one optional. `place` matches municipality or place."""

    line: int | None = None
    status: str = ""
    partner: int | None = None
    capital: str = ""
    working_group: int | None = None
    place: str = ""

    @classmethod
    def from_querydict(cls, data) -> DinFilters:
        def number(name):
            value = (data.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        return cls(
            line=number("line"),
            status=(data.get("status") or "").strip(),
            partner=number("partner"),
            capital=(data.get("capital") or "").strip(),
            working_group=number("working_group"),
            place=(data.get("place") or "").strip(),
        )

    @property
    def filters_efforts(self) -> bool:
        return bool(self.status or self.partner or self.capital or self.working_group or self.place)

    @property
    def active(self) -> bool:
        return bool(self.line) or self.filters_efforts

    def effort_q(self, prefix: str = "") -> Q:
        q = Q()
        if self.status:
            q &= Q(**{f"{prefix}status": self.status})
        if self.partner:
            q &= Q(**{f"{prefix}partner_links__partner_id": self.partner})
        if self.capital:
            q &= Q(**{f"{prefix}capitals__form": self.capital})
        if self.working_group:
            q &= Q(**{f"{prefix}working_groups__id": self.working_group})
        if self.place:
            q &= Q(**{f"{prefix}municipality__icontains": self.place}) | Q(
                **{f"{prefix}place__icontains": self.place}
            )
        return q


# --- efforts -----------------------------------------------------------------------------------


def _effort_queryset() -> QuerySet[Effort]:
    return Effort.objects.select_related("lead_member__partner", "lead_user").prefetch_related(
        Prefetch(
            "partner_links",
            queryset=EffortPartner.objects.select_related("partner").order_by(
                "-role", "partner__name"
            ),
        ),
        "capitals",
        Prefetch("working_groups", queryset=WorkingGroup.objects.order_by("order", "name")),
    )


def din_efforts(programme: Programme, filters: DinFilters | None = None) -> QuerySet[Effort]:
    """The programme's efforts (filtered), each with lead, partner links (+partner), capitals,
    working groups and goal links (+goal) prefetched: a fixed number of queries."""
    filters = filters or DinFilters()
    efforts = _effort_queryset().filter(programme=programme)
    if filters.filters_efforts:
        efforts = efforts.filter(
            pk__in=Effort.objects.filter(programme=programme).filter(filters.effort_q())
        )
    if filters.line:
        efforts = efforts.filter(goal_links__goal__strategic_goal__line_id=filters.line).distinct()
    return efforts.prefetch_related(
        Prefetch(
            "goal_links",
            queryset=EffortGoal.objects.select_related("goal").order_by(
                "goal__strategic_goal__line__order", "goal__strategic_goal__order", "goal__order"
            ),
        )
    ).order_by("start_month", "title")


# --- roll-up -----------------------------------------------------------------------------------


def _mean(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values)) if values else None


def weighted_effort_progress(links) -> int | None:
    """Weighted mean progress (0-100) of the efforts behind `links` (EffortGoal rows with their
    effort), weights from CONTRIBUTION_WEIGHT; stopped efforts do not count."""
    total = weight = 0
    for link in links:
        if link.effort.status == EffortStatus.STOPPED:
            continue
        w = CONTRIBUTION_WEIGHT[link.contribution]
        total += w * link.effort.progress
        weight += w
    return round(total / weight) if weight else None


def indicator_achievement(indicator: Indicator, measurements) -> dict:
    """How far an indicator is from baseline to target, from its APPROVED measurements (any
    others in `measurements` are ignored). Cumulative indicators add their values up (starting
    from the baseline, or 0); others take the latest. Direction "lower is better" measures
    the fall from the baseline. Returns {"current", "percent" (0-100 or None), "count"}."""
    approved = sorted(
        (m for m in measurements if m.status == MeasurementStatus.APPROVED),
        key=lambda m: m.period_end,
    )
    if not approved:
        return {"current": None, "percent": None, "count": 0}
    if indicator.cumulative:
        current = (indicator.baseline_value or Decimal(0)) + sum(m.value for m in approved)
    else:
        current = approved[-1].value
    return achievement(indicator, current, len(approved))


def achievement(indicator, current, count: int) -> dict:
    """`indicator_achievement` once the current value of its `count` (> 0) approved
    measurements is known."""
    percent = None
    target = indicator.target_value
    baseline = indicator.baseline_value
    if target is not None:
        if indicator.direction == Direction.LOWER:
            if baseline is not None and baseline != target:
                percent = (baseline - current) / (baseline - target) * 100
        else:
            start = baseline or Decimal(0)
            if target != start:
                percent = (current - start) / (target - start) * 100
    if percent is not None:
        percent = max(0, min(100, round(percent)))
    return {"current": current, "percent": percent, "count": count}


def operational_goal_progress(goal: OperationalGoal) -> dict:
    """An operational goal's roll-up: {"efforts": weighted progress of its efforts,
    "indicators": mean achievement of its indicators}. Uses prefetched `effort_links`
    (with effort) and `indicators` (with `approved` measurements) when present."""
    indicators = []
    for indicator in goal.indicators.all():
        measurements = getattr(indicator, "approved", None)
        if measurements is None:
            measurements = indicator.measurements.all()
        indicator.achievement = indicator_achievement(indicator, measurements)
        indicators.append(indicator.achievement["percent"])
    return {
        "efforts": weighted_effort_progress(goal.effort_links.all()),
        "indicators": _mean(indicators),
    }


def _roll_up(lines) -> None:
    for line in lines:
        for sgoal in line.strategic_goals.all():
            for ogoal in sgoal.operational_goals.all():
                ogoal.progress = operational_goal_progress(ogoal)
            sgoal.progress = {
                key: _mean([o.progress[key] for o in sgoal.operational_goals.all()])
                for key in ("efforts", "indicators")
            }
        line.progress = {
            key: _mean([s.progress[key] for s in line.strategic_goals.all()])
            for key in ("efforts", "indicators")
        }


# --- the tree ----------------------------------------------------------------------------------


@dataclass
class DinTree:
    lines: list
    unlinked_efforts: list
    filters: DinFilters
    effort_count: int = 0
    shown_goal_ids: set = field(default_factory=set)


def din_tree(programme: Programme, filters: DinFilters | None = None) -> DinTree:
    """The DIN as a tree for the overview: lines -> strategic goals -> operational goals ->
    effort links -> efforts (lead, partner links with partner, capitals, working groups) and
    indicators with their approved measurements. Runs a fixed number of queries whatever the
    size. Each operational goal, strategic goal and line gets `.progress` = {"efforts": %,
    "indicators": %} (None where nothing counts). Effort filters keep only goals with a
    matching effort; `unlinked_efforts` are the (matching) efforts that serve no goal."""
    filters = filters or DinFilters()
    efforts = Effort.objects.filter(programme=programme)
    if filters.filters_efforts:
        efforts = efforts.filter(
            pk__in=Effort.objects.filter(programme=programme).filter(filters.effort_q())
        )
    link_qs = (
        EffortGoal.objects.filter(effort__in=efforts)
        .select_related("effort__lead_member__partner", "effort__lead_user")
        .prefetch_related(
            Prefetch(
                "effort__partner_links",
                queryset=EffortPartner.objects.select_related("partner").order_by(
                    "-role", "partner__name"
                ),
            ),
            "effort__capitals",
            Prefetch(
                "effort__working_groups", queryset=WorkingGroup.objects.order_by("order", "name")
            ),
        )
        .order_by("effort__start_month", "effort__title", "pk")
    )
    indicator_qs = Indicator.objects.order_by("name").prefetch_related(
        Prefetch(
            "measurements",
            queryset=Measurement.objects.filter(status=MeasurementStatus.APPROVED).order_by(
                "period_end"
            ),
            to_attr="approved",
        )
    )
    ogoal_qs = OperationalGoal.objects.order_by("order", "pk").prefetch_related(
        Prefetch("effort_links", queryset=link_qs),
        Prefetch("indicators", queryset=indicator_qs),
    )
    sgoal_qs = StrategicGoal.objects.order_by("order", "pk").prefetch_related(
        Prefetch("operational_goals", queryset=ogoal_qs)
    )
    lines_qs = (
        ProgrammeLine.objects.filter(programme=programme)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("strategic_goals", queryset=sgoal_qs))
    )
    if filters.line:
        lines_qs = lines_qs.filter(pk=filters.line)
    lines = list(lines_qs)
    _roll_up(lines)
    seen_efforts = set()
    for line in lines:
        line.shown_strategic = []
        for sgoal in line.strategic_goals.all():
            sgoal.shown_operational = [
                o
                for o in sgoal.operational_goals.all()
                if not filters.filters_efforts or o.effort_links.all()
            ]
            for ogoal in sgoal.shown_operational:
                seen_efforts.update(link.effort_id for link in ogoal.effort_links.all())
            if sgoal.shown_operational or not filters.filters_efforts:
                line.shown_strategic.append(sgoal)
    if filters.filters_efforts:
        lines = [line for line in lines if line.shown_strategic]
    unlinked = []
    if not filters.line:
        unlinked = list(
            _effort_queryset()
            .filter(pk__in=efforts.values("pk"))
            .filter(~Exists(EffortGoal.objects.filter(effort=OuterRef("pk"))))
            .order_by("start_month", "title")
        )
    return DinTree(
        lines=lines,
        unlinked_efforts=unlinked,
        filters=filters,
        effort_count=len(seen_efforts) + len(unlinked),
    )
