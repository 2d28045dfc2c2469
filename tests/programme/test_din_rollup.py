"""Progress roll-up (weighted by contribution, indicators against target) and DIN health."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from programme.din import selectors
from programme.din.selectors.overview import indicator_achievement
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db


def test_weighted_effort_progress_rolls_up_to_strategic_goal_and_line(programme):
    sgoal = StrategicGoalFactory(line__programme=programme)
    g1 = OperationalGoalFactory(strategic_goal=sgoal)
    g2 = OperationalGoalFactory(strategic_goal=sgoal)
    # g1: high (3) x 90 + low (1) x 10 = 280 / 4 = 70; a stopped effort does not count
    EffortGoalFactory(
        goal=g1, effort=EffortFactory(programme=programme, progress=90), contribution="hoog"
    )
    EffortGoalFactory(
        goal=g1, effort=EffortFactory(programme=programme, progress=10), contribution="laag"
    )
    EffortGoalFactory(
        goal=g1,
        effort=EffortFactory(programme=programme, progress=0, status="gestopt"),
        contribution="hoog",
    )
    # g2: medium x 30 = 30
    EffortGoalFactory(goal=g2, effort=EffortFactory(programme=programme, progress=30))
    tree = selectors.din_tree(programme)
    line = tree.lines[0]
    s = line.strategic_goals.all()[0]
    o1, o2 = s.operational_goals.all()
    assert o1.progress["efforts"] == 70 and o2.progress["efforts"] == 30
    assert s.progress["efforts"] == 50 and line.progress["efforts"] == 50
    assert s.progress["indicators"] is None


def test_indicator_achievement_direction_cumulative_and_approved_only(programme):
    higher = IndicatorFactory(
        goal__strategic_goal__line__programme=programme,
        baseline_value=Decimal(42),
        target_value=Decimal(52),
        direction="hoger",
    )
    ms = [
        MeasurementFactory(indicator=higher, period_end=date(2024, 12, 31), value=44),
        MeasurementFactory(indicator=higher, period_end=date(2025, 12, 31), value=51),
        MeasurementFactory(
            indicator=higher, period_end=date(2026, 6, 30), value=60, status="concept"
        ),
    ]
    assert indicator_achievement(higher, ms) == {"current": 51, "percent": 90, "count": 2}
    lower = IndicatorFactory(
        goal=higher.goal,
        baseline_value=Decimal(14000),
        target_value=Decimal(10000),
        direction="lager",
    )
    m = [MeasurementFactory(indicator=lower, value=13000)]
    assert indicator_achievement(lower, m)["percent"] == 25
    cumulative = IndicatorFactory(goal=higher.goal, target_value=Decimal(10), cumulative=True)
    m = [
        MeasurementFactory(indicator=cumulative, period_end=date(2023, 12, 31), value=2),
        MeasurementFactory(indicator=cumulative, period_end=date(2024, 12, 31), value=2),
        MeasurementFactory(
            indicator=cumulative, period_end=date(2025, 12, 31), value=2, status="teruggestuurd"
        ),
    ]
    assert indicator_achievement(cumulative, m) == {"current": 4, "percent": 40, "count": 2}
    overshoot = [MeasurementFactory(indicator=lower, period_end=date(2025, 12, 31), value=9000)]
    assert indicator_achievement(lower, overshoot)["percent"] == 100
    tree = selectors.din_tree(programme)
    goal = tree.lines[0].strategic_goals.all()[0].operational_goals.all()[0]
    assert goal.progress["indicators"] == round((90 + 100 + 40) / 3)


def test_health_warnings(programme, other_programme, users):
    today = timezone.localdate()
    lonely_goal = OperationalGoalFactory(strategic_goal__line__programme=programme)
    served = OperationalGoalFactory(strategic_goal__line__programme=programme)
    unlinked = EffortFactory(programme=programme, lead_user=users["programme_team"])
    overdue = EffortFactory(
        programme=programme,
        status="lopend",
        start_month=date(2023, 8, 1),
        end_month=date(2023, 12, 1),
    )
    EffortGoalFactory(effort=overdue, goal=served)
    EffortPartnerFactory(effort=overdue)
    fine = EffortFactory(
        programme=programme,
        status="lopend",
        lead_user=users["programme_team"],
        end_month=today.replace(day=1),
    )
    EffortGoalFactory(effort=fine, goal=served)
    EffortPartnerFactory(effort=fine)
    stale = IndicatorFactory(goal=served)
    MeasurementFactory(indicator=stale, period_end=date(today.year - 2, 12, 31))
    fresh = IndicatorFactory(goal=served)
    MeasurementFactory(indicator=fresh, period_end=today)
    OperationalGoalFactory(strategic_goal__line__programme=other_programme)  # not ours
    health = selectors.din_health(programme)
    assert health["goals_without_efforts"] == [lonely_goal]
    assert health["efforts_without_goals"] == [unlinked]
    assert health["efforts_without_lead"] == [overdue]
    assert health["efforts_without_partners"] == [unlinked]
    assert health["indicators_without_measurement"] == [stale]
    assert health["efforts_overdue"] == [overdue]
    assert selectors.din_health_counts(programme) == {k: len(v) for k, v in health.items()}


def test_tree_filters(programme):
    from partners.models import Participation
    from tests.factories import PartnerFactory

    g = OperationalGoalFactory(strategic_goal__line__programme=programme)
    other = OperationalGoalFactory(strategic_goal__line__programme=programme)
    hanze = PartnerFactory(name="Hanze")
    Participation.objects.create(programme=programme, partner=hanze)
    a = EffortFactory(programme=programme, status="lopend", place="Pekela")
    b = EffortFactory(programme=programme, status="idee")
    EffortGoalFactory(effort=a, goal=g)
    EffortGoalFactory(effort=b, goal=other)
    EffortPartnerFactory(effort=a, partner=hanze)
    tree = selectors.din_tree(programme, selectors.DinFilters(partner=hanze.pk))
    goals = [o for line in tree.lines for s in line.shown_strategic for o in s.shown_operational]
    assert goals == [g] and [lk.effort for lk in g.effort_links.all()] == [a]
    tree = selectors.din_tree(programme, selectors.DinFilters(status="idee"))
    goals = [o for line in tree.lines for s in line.shown_strategic for o in s.shown_operational]
    assert [lk.effort for o in goals for lk in o.effort_links.all()] == [b]
    tree = selectors.din_tree(programme, selectors.DinFilters(place="pekela"))
    assert tree.effort_count == 1
    tree = selectors.din_tree(programme, selectors.DinFilters(line=other.strategic_goal.line_id))
    assert [line.pk for line in tree.lines] == [other.strategic_goal.line_id]
