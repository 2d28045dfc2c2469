"""The home page's DIN and invitation panels: the same data as the per-programme selectors,
read once per request for all the programmes where the person is on the programme team."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.access import Role
from programme.core import selectors as core_selectors
from programme.din import selectors
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    ProgrammeFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _fill(programme, n):
    """Something for every health check, a draft measurement and an open invitation."""
    goal = OperationalGoalFactory(strategic_goal__line__programme=programme)
    OperationalGoalFactory(strategic_goal__line__programme=programme)  # without efforts
    EffortGoalFactory(effort__programme=programme, goal=goal)
    EffortFactory(programme=programme, status="lopend", end_month=date(2020, 1, 1))
    EffortFactory(programme=programme, status="gestopt")
    indicator = IndicatorFactory(goal=goal, name=f"Indicator {programme.slug}")
    MeasurementFactory(indicator=indicator, status="concept", period_label=f"Q{n}")
    invited = UserFactory(
        username=f"invited-{programme.slug}", first_name="Uitgenodigd", last_name=programme.slug
    )
    invited.set_unusable_password()
    invited.save()
    RoleAssignmentFactory(programme=programme, user=invited, role=Role.READER)


def _team_programmes(user, count, prefix):
    found = []
    for n in range(count):
        slug = f"{prefix}-{n}"
        programme = ProgrammeFactory(slug=slug, short_name=slug, name=f"Programma {slug}")
        RoleAssignmentFactory(programme=programme, user=user, role=Role.PROGRAMME_TEAM)
        _fill(programme, n)
        found.append(programme)
    return found


def test_home_data_matches_the_per_programme_selectors(users, programme, other_programme):
    _fill(programme, 1)
    _fill(other_programme, 2)
    data = selectors.din_home_data([programme.pk, other_programme.pk])
    for p in (programme, other_programme):
        assert data[p.pk]["counts"] == selectors.din_health_counts(p)
        assert data[p.pk]["awaiting"] == list(selectors.measurements_awaiting_approval(p)[:10])
        assert data[p.pk]["pending"] == core_selectors.pending_invitations(programme=p)
    assert data[programme.pk]["counts"]["goals_without_efforts"] == 1
    assert data[programme.pk]["counts"]["efforts_overdue"] == 1
    assert [a.user.username for a in data[programme.pk]["pending"]] == ["invited-avk"]


def test_home_data_keeps_at_most_ten_per_programme(programme):
    indicator = IndicatorFactory(goal__strategic_goal__line__programme=programme)
    for n in range(12):
        MeasurementFactory(
            indicator=indicator,
            status="concept",
            period_label=f"M{n}",
            period_end=date(2020 + n, 1, 1),
        )
    data = selectors.din_home_data([programme.pk])
    assert len(data[programme.pk]["awaiting"]) == 10
    assert selectors.din_home_data([]) == {}


def _home_queries(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("home"))
    assert page.status_code == 200
    return len(queries), page.content.decode()


def test_home_query_count_does_not_grow_with_team_programmes(client):
    one = UserFactory(username="team-of-one")
    _team_programmes(one, 1, "one")
    small, page = _home_queries(client, one)
    per_programme = page.count('#efforts_without_goals"')  # the health card's count links
    assert per_programme
    assert "Indicator one-0" in page and "Uitgenodigd one-0" in page

    six = UserFactory(username="team-of-six")
    _team_programmes(six, 6, "six")
    large, page = _home_queries(client, six)
    assert page.count('#efforts_without_goals"') == 6 * per_programme
    for n in range(6):
        assert f"Indicator six-{n}" in page and f"Uitgenodigd six-{n}" in page
    assert large == small
