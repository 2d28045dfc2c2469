"""Adding goals and indicators in the admin: the new row takes its programme from its parent,
and the create service asks the gate for that programme (no 500 on a row without one yet)."""

import pytest
from django.urls import reverse

from avk.access import Role
from programme.models import Indicator, OperationalGoal, StrategicGoal
from tests.factories import ProgrammeFactory, RoleAssignmentFactory, UserFactory
from tests.factories.din import ProgrammeLineFactory, StrategicGoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client):
    programme = ProgrammeFactory()
    user = UserFactory(is_staff=True, is_superuser=False)
    from django.contrib.auth.models import Permission

    user.user_permissions.set(Permission.objects.filter(content_type__app_label="programme"))
    RoleAssignmentFactory(user=user, programme=programme, role=Role.PROGRAMME_TEAM)
    client.force_login(user)
    return client, programme


def test_team_adds_a_strategic_goal_in_the_admin(team):
    client, programme = team
    line = ProgrammeLineFactory(programme=programme)
    response = client.post(
        reverse("admin:programme_strategicgoal_add"),
        {"line": line.pk, "title": "Kinderen groeien kansrijk op", "description": ""},
    )
    assert response.status_code == 302
    goal = StrategicGoal.objects.get(title="Kinderen groeien kansrijk op")
    assert goal.programme == programme


def test_team_adds_an_operational_goal_and_an_indicator_in_the_admin(team):
    client, programme = team
    strategic = StrategicGoalFactory(programme=programme, line__programme=programme)
    response = client.post(
        reverse("admin:programme_operationalgoal_add"),
        {"strategic_goal": strategic.pk, "title": "Vroegsignalering", "description": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    goal = OperationalGoal.objects.get(title="Vroegsignalering")
    assert goal.programme == programme
    response = client.post(
        reverse("admin:programme_indicator_add"),
        {
            "goal": goal.pk,
            "name": "Kinderen met een startkwalificatie",
            "unit": "%",
            "direction": "hoger",
            "frequency": "jaarlijks",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Indicator.objects.get(name="Kinderen met een startkwalificatie").programme == programme


def test_a_goal_under_another_programmes_line_is_refused(team):
    client, _programme = team
    other_line = ProgrammeLineFactory()
    response = client.post(
        reverse("admin:programme_strategicgoal_add"),
        {"line": other_line.pk, "title": "Elders", "description": ""},
    )
    assert response.status_code in (200, 403)  # not offered as a choice, or refused
    assert not StrategicGoal.objects.filter(title="Elders").exists()
