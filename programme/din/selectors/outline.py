"""Read side of the folded DIN overview: the outline (lines, strategic and operational goals with
their counts and progress, but no efforts) and the efforts of one goal, which the page loads when
the goal is opened. Both run a fixed number of queries whatever the size of the DIN, and the
outline builds no effort objects at all, so the first page stays small.

- `din_outline(programme, filters=None)` -> `Outline`
- `goal_efforts(goal, filters=None)` -> `GoalEfforts`: each effort is described once, under its
  home goal (the goal it contributes to most, the first in the tree on a tie); under the other
  goals it serves it appears as a one-line reference to that home.
- `unlinked_efforts(programme, filters=None)` -> the efforts that serve no goal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from django.db.models import Exists, FilteredRelation, OuterRef, Prefetch, Q

from programme.core.models import Programme

from ..models import (
    CONTRIBUTION_WEIGHT,
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
from .overview import DinFilters, _mean, achievement, indicator_achievement


@dataclass
class Outline:
    lines: list
    filters: DinFilters
    unlinked_count: int = 0
    effort_count: int = 0
    goal_count: int = 0
    #: every line of the programme, in order, when no line was chosen (the filter's choices)
    every_line: list | None = None


@dataclass
class GoalEfforts:
    goal: OperationalGoal
    indicators: list
    own: list = field(default_factory=list)  # EffortGoal links of efforts described here
    shared: list = field(default_factory=list)  # links of efforts described under another goal


def _matching_efforts(programme, filters: DinFilters):
    efforts = Effort.objects.filter(programme=programme)
    if filters.filters_efforts:
        efforts = efforts.filter(pk__in=efforts.filter(filters.effort_q()))
    return efforts


class _Approved(NamedTuple):
    """An approved measurement, as much of it as `indicator_achievement` reads."""

    period_end: date
    value: Decimal
    status: str


def _indicators(queryset):
    """Indicators with their approved measurements (`.approved`, oldest first) and
    `.achievement`, in name order. The measurements are read as plain rows holding only what
    the achievement reads: a DIN of ten times the AVK's size has some 2.000 of them, and
    building model instances for them was most of the overview's reading time."""
    indicators = list(queryset.order_by("name", "pk"))
    approved = defaultdict(list)
    if indicators:
        rows = (
            Measurement.objects.filter(
                status=MeasurementStatus.APPROVED, indicator__in=[i.pk for i in indicators]
            )
            .order_by("period_end")
            .values_list("indicator_id", "period_end", "value", "status")
        )
        for indicator_id, period_end, value, status in rows:
            approved[indicator_id].append(_Approved(period_end, value, status))
    for indicator in indicators:
        indicator.approved = approved[indicator.pk]
        indicator.achievement = indicator_achievement(indicator, indicator.approved)
    return indicators


def _effort_progress(rows) -> int | None:
    """Weighted mean progress of (contribution, status, progress) rows; stopped efforts do not
    count (as `weighted_effort_progress`, without building the efforts)."""
    total = weight = 0
    for contribution, status, progress in rows:
        if status == EffortStatus.STOPPED:
            continue
        w = CONTRIBUTION_WEIGHT[contribution]
        total += w * progress
        weight += w
    return round(total / weight) if weight else None


class _Indicator(NamedTuple):
    """An indicator, as much of it as `achievement` reads."""

    cumulative: bool
    baseline_value: Decimal | None
    target_value: Decimal | None
    direction: str


def _achievements(queryset) -> dict:
    """{goal pk: [achievement percent of each of its indicators]}, the indicators read with
    their approved measurements in one query (LEFT JOINed, oldest first) as plain rows: as
    `indicator_achievement` does, the current value is the sum of the values (from the
    baseline) for a cumulative indicator, else the latest value."""
    rows = (
        queryset.annotate(
            approved=FilteredRelation(
                "measurements",
                condition=Q(measurements__status=MeasurementStatus.APPROVED),
            )
        )
        .order_by("approved__period_end")
        .values_list(
            "pk",
            "goal_id",
            "cumulative",
            "baseline_value",
            "target_value",
            "direction",
            "approved__id",  # None when there is none (cheaper to read than its date)
            "approved__value",
        )
    )
    indicators = {}  # pk: [goal pk, indicator, count, sum of the values, latest value]
    for pk, goal_id, cumulative, baseline, target, direction, measurement, value in rows:
        seen = indicators.get(pk)
        if seen is None:
            indicator = _Indicator(cumulative, baseline, target, direction)
            seen = indicators[pk] = [goal_id, indicator, 0, 0, None]
        if measurement is not None:
            seen[2] += 1
            seen[3] += value
            seen[4] = value
    percents = defaultdict(list)
    for goal_id, indicator, count, total, latest in indicators.values():
        percent = None
        if count:
            current = (
                (indicator.baseline_value or Decimal(0)) + total if indicator.cumulative else latest
            )
            percent = achievement(indicator, current, count)["percent"]
        percents[goal_id].append(percent)
    return percents


_TREE = (ProgrammeLine, StrategicGoal, OperationalGoal)
_PATHS = ("", "strategic_goals__", "strategic_goals__operational_goals__")


@cache
def _skeleton_query():
    """The skeleton's query without its filters, and where each level's columns are in a row:
    made once, as resolving its columns through the joins took half as long as running it."""
    names = [[f.attname for f in model._meta.concrete_fields] for model in _TREE]
    query = ProgrammeLine.objects.order_by(
        *(f"{path}{key}" for path in _PATHS for key in ("order", "pk"))
    ).values_list(
        *(f"{path}{name}" for path, fields in zip(_PATHS, names, strict=True) for name in fields)
    )
    spans, start = [], 0
    for model, fields in zip(_TREE, names, strict=True):
        pk = start + fields.index(model._meta.pk.attname)
        spans.append((model, fields, start, start + len(fields), pk))
        start += len(fields)
    return query, spans


def _skeleton(programme, line: int | None = None) -> tuple[list, list, list]:
    """The lines, strategic goals and operational goals, each in tree order, read in one query
    (the lines LEFT JOINed to their goals; every level's programme is its parent's) and built
    as the model instances their own querysets would give."""
    query, spans = _skeleton_query()
    rows = query.filter(programme=programme)
    if line:
        rows = rows.filter(pk=line)
    levels = ([], [], [])
    for row in rows:
        for (model, fields, first, after, pk), built in zip(spans, levels, strict=True):
            if row[pk] is not None and (not built or built[-1].pk != row[pk]):
                built.append(model.from_db(rows.db, fields, row[first:after]))
    return levels


def din_outline(programme: Programme, filters: DinFilters | None = None) -> Outline:
    """Lines -> strategic goals (`shown_strategic`) -> operational goals (`shown_operational`),
    each with `.progress` = {"efforts": %, "indicators": %} and each operational goal with
    `effort_count` (the efforts matching the filters) and `indicator_count`. Effort filters keep
    only goals with a matching effort, as on the diagram. Three queries, whatever the size: the
    tree, the (matching) efforts with their goal links, the indicators with their approved
    measurements."""
    filters = filters or DinFilters()
    lines_found, sgoals_found, ogoals_found = _skeleton(programme, filters.line)
    indicator_qs = Indicator.objects.filter(goal__programme=programme)
    if filters.line:
        indicator_qs = indicator_qs.filter(goal__strategic_goal__line_id=filters.line)
    # every (matching) effort with its goal links; one without any is unlinked (efforts serve
    # goals of their own programme only: EffortGoal.clean)
    rows = (
        _matching_efforts(programme, filters)
        .order_by()  # in no order: the counts and sums do not depend on it
        .values_list("pk", "status", "progress", "goal_links__goal_id", "goal_links__contribution")
    )
    links = defaultdict(list)
    unlinked = 0
    for effort_id, status, progress, goal_id, contribution in rows:
        if goal_id is None:
            unlinked += 1
        else:
            links[goal_id].append((effort_id, contribution, status, progress))
    percents = _achievements(indicator_qs)

    operational = defaultdict(list)
    shown_efforts = set()
    for ogoal in ogoals_found:
        rows = links[ogoal.pk]
        ogoal.effort_count = len(rows)
        ogoal.indicator_count = len(percents[ogoal.pk])
        ogoal.progress = {
            "efforts": _effort_progress(row[1:] for row in rows),
            "indicators": _mean(percents[ogoal.pk]),
        }
        operational[ogoal.strategic_goal_id].append(ogoal)
    strategic = defaultdict(list)
    for sgoal in sgoals_found:
        goals = operational[sgoal.pk]
        sgoal.progress = {
            key: _mean([o.progress[key] for o in goals]) for key in ("efforts", "indicators")
        }
        sgoal.shown_operational = [
            o for o in goals if o.effort_count or not filters.filters_efforts
        ]
        for ogoal in sgoal.shown_operational:
            shown_efforts.update(row[0] for row in links[ogoal.pk])
        strategic[sgoal.line_id].append(sgoal)
    lines = []
    goal_count = 0
    for line in lines_found:
        sgoals = strategic[line.pk]
        line.progress = {
            key: _mean([s.progress[key] for s in sgoals]) for key in ("efforts", "indicators")
        }
        line.shown_strategic = [
            s for s in sgoals if s.shown_operational or not filters.filters_efforts
        ]
        line.goal_count = sum(len(s.shown_operational) for s in line.shown_strategic)
        goal_count += line.goal_count
        if line.shown_strategic or not filters.filters_efforts:
            lines.append(line)
    if filters.line:
        unlinked = 0
    return Outline(
        lines=lines,
        filters=filters,
        unlinked_count=unlinked,
        effort_count=len(shown_efforts) + unlinked,
        goal_count=goal_count,
        every_line=None if filters.line else lines_found,
    )


# --- efforts, loaded when a goal opens -----------------------------------------------------------


def _effort_prefetches(prefix: str = "") -> list:
    return [
        Prefetch(
            f"{prefix}partner_links",
            queryset=EffortPartner.objects.select_related("partner").order_by(
                "-role", "partner__name"
            ),
        ),
        Prefetch(
            f"{prefix}working_groups", queryset=WorkingGroup.objects.order_by("order", "name")
        ),
    ]


def _tree_position(link) -> tuple:
    goal = link.goal
    sgoal = goal.strategic_goal
    return (sgoal.line.order, sgoal.line_id, sgoal.order, sgoal.pk, goal.order, goal.pk)


def home_link(links, line: int | None = None):
    """The goal link an effort is described under: the highest contribution, then the first in
    the tree. With a line filter only that line's goals count."""
    eligible = [lk for lk in links if not line or lk.goal.strategic_goal.line_id == line]
    if not eligible:
        return None
    return min(eligible, key=lambda lk: (-CONTRIBUTION_WEIGHT[lk.contribution], _tree_position(lk)))


def goal_efforts(goal: OperationalGoal, filters: DinFilters | None = None) -> GoalEfforts:
    """The efforts serving `goal` (those matching the filters), split into `own` (described
    here) and `shared` (described under their home goal). Each link's effort has lead, partner
    links, working groups and all its goal links (`served`, in tree order, each with its goal
    and that goal's strategic goal and line) loaded; `link.home` is the home goal link and
    `link.others` the effort's other goal links. Six queries, whatever the size."""
    filters = filters or DinFilters()
    links = (
        EffortGoal.objects.filter(goal=goal)
        .select_related("effort__lead_member__partner", "effort__lead_user")
        .prefetch_related(
            *_effort_prefetches("effort__"),
            Prefetch(
                "effort__goal_links",
                queryset=EffortGoal.objects.select_related("goal__strategic_goal__line"),
            ),
        )
        .order_by("effort__start_month", "effort__title", "pk")
    )
    if filters.filters_efforts:
        links = links.filter(effort__in=_matching_efforts(goal.programme_id, filters))
    result = GoalEfforts(goal=goal, indicators=_indicators(goal.indicators.all()))
    for link in links:
        served = sorted(link.effort.goal_links.all(), key=_tree_position)
        for other in served:
            other.on_page = not filters.line or (other.goal.strategic_goal.line_id == filters.line)
        link.home = home_link(served, filters.line) or link
        link.others = [other for other in served if other.goal_id != goal.pk]
        (result.own if link.home.goal_id == goal.pk else result.shared).append(link)
    return result


def unlinked_efforts(programme: Programme, filters: DinFilters | None = None) -> list:
    """The (matching) efforts that serve no goal, with lead, partner links and working groups."""
    filters = filters or DinFilters()
    return list(
        _matching_efforts(programme, filters)
        .filter(~Exists(EffortGoal.objects.filter(effort=OuterRef("pk"))))
        .select_related("lead_member__partner", "lead_user")
        .prefetch_related(*_effort_prefetches())
        .order_by("start_month", "title", "pk")
    )
