"""The DIN's access matrix at the service level: the services ask the policy themselves, so the
pages, the admin, the import and the demo refuse the same people. The programme team of the
programme may; the board, the secretariat, a partner contact, a reader, the team of another
programme, a former team member and someone without a role are refused (avk.policy.Refused),
exactly as the pages refuse them. Also the working group's history: efforts by name."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import escape

from avk.policy import Refused
from programme.din import services, transfer
from programme.models import Effort, Measurement, OperationalGoal, ProgrammeLine
from tests.factories import (
    EffortFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db

REFUSED = ["board", "secretary", "partner_contact", "reader", "other_team", "former_team", "nobody"]
ALL = ["programme_team", "superuser", *REFUSED]


def expected(who) -> bool:
    return who in ("programme_team", "superuser")


def attempt(call):
    try:
        call()
    except Refused:
        return False
    return True


@pytest.mark.parametrize("who", ALL)
def test_line_create(users, programme, who):
    done = attempt(lambda: services.line_create(programme=programme, by=users[who], name="L"))
    assert done is expected(who)
    assert ProgrammeLine.objects.filter(name="L").exists() is expected(who)


@pytest.mark.parametrize("who", ALL)
def test_goal_create(users, programme, who):
    sgoal = StrategicGoalFactory(line__programme=programme)
    done = attempt(
        lambda: services.operational_goal_create(strategic_goal=sgoal, by=users[who], title="G")
    )
    assert done is expected(who)
    assert OperationalGoal.objects.filter(title="G").exists() is expected(who)


@pytest.mark.parametrize("who", ALL)
def test_effort_update(users, programme, who):
    effort = EffortFactory(programme=programme, title="Oud")
    done = attempt(
        lambda: services.effort_update(
            effort_id=effort.pk, version=effort.version, by=users[who], title="Nieuw"
        )
    )
    assert done is expected(who)
    assert Effort.objects.get(pk=effort.pk).title == ("Nieuw" if expected(who) else "Oud")


@pytest.mark.parametrize("who", ALL)
def test_measurement_enter(users, programme, who):
    indicator = IndicatorFactory(goal__strategic_goal__line__programme=programme)
    done = attempt(
        lambda: services.measurement_enter(
            indicator=indicator,
            by=users[who],
            period_label="2024",
            period_end=date(2024, 12, 31),
            value=1,
        )
    )
    assert done is expected(who)  # nobody here is owner, kartrekker or involved partner


@pytest.mark.parametrize("who", ALL)
def test_measurement_approve(users, programme, who):
    indicator = IndicatorFactory(goal__strategic_goal__line__programme=programme)
    draft = MeasurementFactory(indicator=indicator, status="concept")
    done = attempt(
        lambda: services.measurement_approve(
            measurement_id=draft.pk, version=draft.version, by=users[who]
        )
    )
    assert done is expected(who)
    status = Measurement.objects.get(pk=draft.pk).status
    assert status == ("goedgekeurd" if expected(who) else "concept")


@pytest.mark.parametrize("who", ALL)
def test_din_import(users, programme, who):
    team = users["programme_team"]
    services.line_create(programme=programme, by=team, name="Lijn")
    content = transfer.din_export_workbook(programme)
    done = attempt(
        lambda: transfer.din_import(
            programme=programme, by=users[who], file=io.BytesIO(content), dry_run=True
        )
    )
    assert done is expected(who)


def test_an_item_of_another_programme_is_refused_to_this_team(users, other_programme):
    foreign = OperationalGoalFactory(strategic_goal__line__programme=other_programme)
    with pytest.raises(Refused):
        services.operational_goal_update(
            goal_id=foreign.pk, version=foreign.version, by=users["programme_team"], title="X"
        )
    with pytest.raises(Refused):
        services.indicator_create(goal=foreign, by=users["programme_team"], name="X")


def test_the_measurement_rules_answer_for_its_state(users, programme):
    from avk import policy

    team = users["programme_team"]
    indicator = IndicatorFactory(goal__strategic_goal__line__programme=programme)
    approved = MeasurementFactory(indicator=indicator, status="goedgekeurd", entered_by=team)
    returned = MeasurementFactory(
        indicator=indicator, status="teruggestuurd", entered_by=team, period_end=date(2023, 1, 1)
    )
    assert not policy.allowed(team, "din.review_measurement", approved)
    assert not policy.allowed(team, "din.review_measurement", returned)
    assert not policy.allowed(team, "din.resubmit_measurement", approved)
    assert policy.allowed(team, "din.resubmit_measurement", returned)
    with pytest.raises(Refused, match="Alleen een teruggestuurde meting"):
        services.measurement_resubmit(
            measurement_id=approved.pk, version=approved.version, by=team, value=2
        )


def test_unknown_din_verbs_are_a_programming_error(users, programme):
    from avk import policy

    with pytest.raises(ValueError):
        policy.allowed(users["programme_team"], "din.view", programme)


def test_working_group_history_names_its_efforts_and_members(client, users, programme):
    team = users["programme_team"]
    first = EffortFactory(programme=programme, title="Vroegsignalering")
    second = EffortFactory(programme=programme, title="Lerend evalueren")
    group = services.working_group_create(
        programme=programme, by=team, name="Monitoring", efforts=[first]
    )
    group = services.working_group_update(
        working_group_id=group.pk, version=group.version, by=team, efforts=[first, second]
    )
    member = services.working_group_member_add(working_group=group, by=team, user=users["reader"])
    services.working_group_member_remove(member_id=member.pk, by=team)
    client.force_login(users["reader"])
    page = client.get(reverse("programme:workinggroup-detail", args=[group.pk])).content.decode()
    history = page[page.index('id="h-history"') :]
    assert "Vroegsignalering" in history and "Lerend evalueren" in history
    assert "{" not in history and "'effort'" not in history and "workinggroup" not in history
    assert "Werkgroep toegevoegd" in history and "Werkgroep bewerkt" in history
    # "member added: <name>" and "member removed: <name>" (their Dutch comes with the catalogue)
    assert history.count(escape(str(users["reader"]))) == 2
