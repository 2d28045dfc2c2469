"""The folded overview's outline (outline.din_outline) reads the tree, the efforts with their goal
links and the indicators with their approved measurements in three queries (issue 15), and
its numbers are those of the full tree (selectors.din_tree) for every kind of indicator, with
and without filters."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme.din import selectors
from programme.din.selectors import outline
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    ProgrammeLineFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db


def _measure(indicator, *values, status="goedgekeurd", start=2021):
    for year, value in enumerate(values, start=start):
        MeasurementFactory(
            indicator=indicator, value=value, period_end=date(year, 12, 31), status=status
        )


@pytest.fixture
def din(programme):
    """Two lines with goals of every kind of indicator, an empty strategic goal, a line
    without goals, efforts of every status (one stopped, one serving two goals) and efforts
    serving no goal."""
    first, second = (ProgrammeLineFactory(programme=programme) for _ in range(2))
    ProgrammeLineFactory(programme=programme)  # no strategic goals
    StrategicGoalFactory(line=first)  # no operational goals
    sgoals = [StrategicGoalFactory(line=first), StrategicGoalFactory(line=second)]
    goals = [OperationalGoalFactory(strategic_goal=s) for s in sgoals for _ in range(3)]
    latest = IndicatorFactory(goal=goals[0], baseline_value=10, target_value=50)
    _measure(latest, 20, 35, 12)  # the latest counts: 5%
    _measure(latest, 49, status="concept", start=2024)  # not approved: does not count
    cumulative = IndicatorFactory(goal=goals[0], cumulative=True, baseline_value=5, target_value=25)
    _measure(cumulative, 4, "3.50", "1.25")  # 5 + 8.75 of 5..25: 44%
    lower = IndicatorFactory(goal=goals[1], direction="lager", baseline_value=100, target_value=60)
    _measure(lower, 90, 70)  # 75%
    IndicatorFactory(goal=goals[1], target_value=10)  # no measurement: no percent
    beyond = IndicatorFactory(goal=goals[3], target_value=4)
    _measure(beyond, 9)  # above the target: 100%
    _measure(IndicatorFactory(goal=goals[4]), 3)  # no target: no percent
    statuses = ["lopend", "gepland", "afgerond", "gestopt", "idee", "lopend"]
    for i, (goal, status) in enumerate(zip(goals, statuses, strict=True)):
        effort = EffortFactory(programme=programme, status=status, progress=10 * i + 5)
        EffortGoalFactory(effort=effort, goal=goal, contribution=["hoog", "middel", "laag"][i % 3])
        if i == 1:
            EffortGoalFactory(effort=effort, goal=goals[4], contribution="hoog")
    EffortFactory(programme=programme, status="gepland")
    EffortFactory(programme=programme, status="lopend")
    return {"lines": (first, second), "goals": goals}


def _numbers(lines, links):
    return [
        (
            line.pk,
            line.progress,
            [
                (s.pk, s.progress, [(o.pk, o.progress, links(o)) for o in s.shown_operational])
                for s in line.shown_strategic
            ],
        )
        for line in lines
    ]


def test_the_outline_is_the_full_tree_in_three_queries(programme, din):
    first, second = din["lines"]
    for filters in [
        selectors.DinFilters(),
        selectors.DinFilters(line=first.pk),
        selectors.DinFilters(status="lopend"),
        selectors.DinFilters(line=second.pk, status="lopend"),
        selectors.DinFilters(status="geen"),
    ]:
        tree = selectors.din_tree(programme, filters)
        with CaptureQueriesContext(connection) as queries:
            folded = outline.din_outline(programme, filters)
        assert len(queries) == 3, filters
        assert _numbers(folded.lines, lambda o: (o.effort_count, o.indicator_count)) == _numbers(
            tree.lines, lambda o: (len(o.effort_links.all()), len(o.indicators.all()))
        ), filters
        assert folded.unlinked_count == len(tree.unlinked_efforts), filters
        assert folded.effort_count == tree.effort_count, filters


def test_the_indicators_count_as_on_the_goals_page(programme, din):
    goals = {o.pk: o for ln in outline.din_outline(programme).lines for s in ln.shown_strategic
             for o in s.shown_operational}  # fmt: skip
    first, second, _third, fourth, fifth, _sixth = din["goals"]
    assert goals[first.pk].progress["indicators"] == 24  # (5 + 44) / 2, rounded
    assert goals[second.pk].progress["indicators"] == 75
    assert goals[fourth.pk].progress["indicators"] == 100
    assert goals[fifth.pk].progress["indicators"] is None
    assert (goals[first.pk].indicator_count, goals[fifth.pk].indicator_count) == (2, 1)
    assert outline.din_outline(programme).unlinked_count == 2
