"""DIN services: tree integrity, dense ordering, removals, efforts and their links, history."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from partners.models import Participation
from programme.din import services
from programme.models import Effort, EffortGoal, OperationalGoal, ProgrammeLine, StrategicGoal
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    IndicatorFactory,
    OperationalGoalFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


def orders(queryset):
    return list(queryset.order_by("order", "pk").values_list("title", "order"))


@pytest.fixture
def team(users):
    return users["programme_team"]


@pytest.fixture
def sgoal(programme, team):
    line = services.line_create(programme=programme, by=team, name="De Doelgroep")
    return services.strategic_goal_create(line=line, by=team, title="Kansrijk perspectief")


def three_goals(sgoal, team):
    return [
        services.operational_goal_create(strategic_goal=sgoal, by=team, title=t)
        for t in ("A", "B", "C")
    ]


def test_create_appends_with_dense_order_and_programme_of_parent(programme, team, sgoal):
    a, b, c = three_goals(sgoal, team)
    assert [a.order, b.order, c.order] == [0, 1, 2]
    assert a.programme == programme
    assert sgoal.programme == programme


def test_move_up_and_down_keeps_order_dense(team, sgoal):
    a, b, c = three_goals(sgoal, team)
    services.operational_goal_move(goal_id=c.pk, direction="up", by=team)
    assert orders(sgoal.operational_goals) == [("A", 0), ("C", 1), ("B", 2)]
    services.operational_goal_move(goal_id=a.pk, direction="down", by=team)
    assert orders(sgoal.operational_goals) == [("C", 0), ("A", 1), ("B", 2)]
    # at the edges nothing moves
    services.operational_goal_move(goal_id=c.pk, direction="up", by=team)
    services.operational_goal_move(goal_id=b.pk, direction="down", by=team)
    assert orders(sgoal.operational_goals) == [("C", 0), ("A", 1), ("B", 2)]
    with pytest.raises(ValidationError):
        services.operational_goal_move(goal_id=c.pk, direction="sideways", by=team)


@pytest.mark.django_db(transaction=True)
def test_every_move_runs_in_its_own_transaction(team, sgoal):
    """As a request does, outside any test transaction: the row locks (select_for_update)
    need a transaction of the service's own (PostgreSQL refuses them otherwise)."""
    a, b, c = three_goals(sgoal, team)
    services.din_item_move(item=c, direction="up", by=team)
    services.operational_goal_move(goal_id=a.pk, direction="down", by=team)
    services.strategic_goal_move(goal_id=sgoal.pk, direction="down", by=team)
    services.line_move(line_id=sgoal.line_id, direction="down", by=team)
    assert orders(sgoal.operational_goals) == [("C", 0), ("A", 1), ("B", 2)]


def test_delete_closes_the_gap(team, sgoal):
    a, b, c = three_goals(sgoal, team)
    services.operational_goal_delete(goal_id=a.pk, by=team)
    assert orders(sgoal.operational_goals) == [("B", 0), ("C", 1)]


def test_lines_and_strategic_goals_move_and_close_gaps(programme, team):
    lines = [services.line_create(programme=programme, by=team, name=n) for n in "XYZ"]
    services.line_move(line_id=lines[2].pk, direction="up", by=team)
    assert list(ProgrammeLine.objects.filter(programme=programme).values_list("name", "order")) == [
        ("X", 0),
        ("Z", 1),
        ("Y", 2),
    ]
    services.line_delete(line_id=lines[0].pk, by=team)
    assert list(ProgrammeLine.objects.filter(programme=programme).values_list("name", "order")) == [
        ("Z", 0),
        ("Y", 1),
    ]
    services.strategic_goal_create(line=lines[1], by=team, title="S1")
    s2 = services.strategic_goal_create(line=lines[1], by=team, title="S2")
    services.strategic_goal_move(goal_id=s2.pk, direction="up", by=team)
    assert orders(StrategicGoal.objects.filter(line=lines[1])) == [("S2", 0), ("S1", 1)]
    services.strategic_goal_delete(goal_id=s2.pk, by=team)
    assert orders(StrategicGoal.objects.filter(line=lines[1])) == [("S1", 0)]


def test_line_or_strategic_goal_with_children_is_refused_in_dutch(team, sgoal):
    services.operational_goal_create(strategic_goal=sgoal, by=team, title="A")
    with pytest.raises(ValidationError) as refused:
        services.strategic_goal_delete(goal_id=sgoal.pk, by=team)
    assert "heeft nog operationele doelen" in refused.value.messages[0]
    with pytest.raises(ValidationError) as refused:
        services.line_delete(line_id=sgoal.line_id, by=team)
    assert "heeft nog strategische doelen" in refused.value.messages[0]


def test_goal_with_efforts_needs_a_choice(programme, team, sgoal):
    a, b, _c = three_goals(sgoal, team)
    effort = EffortFactory(programme=programme)
    EffortGoalFactory(effort=effort, goal=a, contribution="hoog")
    indicator = IndicatorFactory(goal=a)
    with pytest.raises(ValidationError) as refused:
        services.operational_goal_delete(goal_id=a.pk, by=team)
    assert "Kies" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        services.operational_goal_delete(goal_id=a.pk, by=team, efforts="move")  # no target
    services.operational_goal_delete(goal_id=a.pk, by=team, efforts="move", move_to=b)
    link = EffortGoal.objects.get(effort=effort)
    assert (link.goal, link.contribution) == (b, "hoog")
    indicator.refresh_from_db()
    assert indicator.goal == b
    assert not OperationalGoal.objects.filter(pk=a.pk).exists()


def test_goal_delete_unlinking_efforts(programme, team, sgoal):
    a, _b, _c = three_goals(sgoal, team)
    a.title = "Een heel lang operationeel doel " * 5  # details hold it whole, the code is short
    a.save()
    effort = EffortFactory(programme=programme)
    EffortGoalFactory(effort=effort, goal=a)
    services.operational_goal_delete(goal_id=a.pk, by=team, efforts="unlink")
    assert Effort.objects.filter(pk=effort.pk).exists()
    assert not EffortGoal.objects.filter(effort=effort).exists()
    record = effort.history.first()
    assert record.history_change_reason == "din.effort.unlinked"
    assert record.history_details == {"goal": a.title}


def test_goal_delete_moving_to_a_goal_of_another_programme_is_refused(
    programme, other_programme, team, sgoal
):
    a = services.operational_goal_create(strategic_goal=sgoal, by=team, title="A")
    EffortGoalFactory(effort=EffortFactory(programme=programme), goal=a)
    foreign = OperationalGoalFactory(strategic_goal__line__programme=other_programme)
    with pytest.raises(ValidationError):
        services.operational_goal_delete(goal_id=a.pk, by=team, efforts="move", move_to=foreign)


def participating(programme, **kwargs):
    partner = PartnerFactory(**kwargs)
    Participation.objects.create(programme=programme, partner=partner)
    return partner


def test_effort_create_with_goals_partners_capitals_and_months(programme, team, sgoal):
    a, b, _c = three_goals(sgoal, team)
    hanze = participating(programme, name="Hanzehogeschool")
    stamm = participating(programme, name="CMO STAMM")
    effort = services.effort_create(
        programme=programme,
        by=team,
        title="Lerend evalueren",
        goals=[(a, "hoog"), (b, "laag")],
        partners=[(hanze, "trekker"), stamm],
        capitals=["sociaal", "mentaal"],
        start_month=date(2023, 8, 15),
        end_month=date(2023, 12, 31),
        status="lopend",
        progress=40,
        place="Pekela",
    )
    assert effort.start_month == date(2023, 8, 1) and effort.end_month == date(2023, 12, 1)
    assert dict(effort.goal_links.values_list("goal__title", "contribution")) == {
        "A": "hoog",
        "B": "laag",
    }
    assert dict(effort.partner_links.values_list("partner__name", "role")) == {
        "Hanzehogeschool": "trekker",
        "CMO STAMM": "deelnemer",
    }
    assert set(effort.capitals.values_list("form", flat=True)) == {"sociaal", "mentaal"}
    record = effort.history.first()
    assert (record.history_user, record.history_change_reason) == (team, "din.effort.created")


def test_effort_serves_goals_of_its_own_programme_only(programme, other_programme, team):
    foreign = OperationalGoalFactory(strategic_goal__line__programme=other_programme)
    with pytest.raises(ValidationError) as refused:
        services.effort_create(programme=programme, by=team, title="X", goals=[foreign])
    assert "eigen programma" in str(refused.value.message_dict["goals"])
    assert not Effort.objects.filter(title="X").exists()
    link = EffortGoal(effort=EffortFactory(programme=programme), goal=foreign)
    with pytest.raises(ValidationError):
        link.full_clean()


def test_effort_partners_must_take_part_in_the_programme(programme, other_programme, team):
    outsider = participating(other_programme, name="Buitenstaander")
    with pytest.raises(ValidationError) as refused:
        services.effort_create(programme=programme, by=team, title="X", partners=[outsider])
    assert "Buitenstaander" in str(refused.value.message_dict["partners"])


def test_effort_period_and_lead_rules(programme, users, team):
    with pytest.raises(ValidationError) as refused:
        services.effort_create(
            programme=programme,
            by=team,
            title="X",
            start_month=date(2024, 5, 1),
            end_month=date(2024, 1, 1),
        )
    assert "eindmaand" in str(refused.value).lower()
    with pytest.raises(ValidationError) as refused:
        services.effort_create(programme=programme, by=team, title="X", lead_user=users["board"])
    assert "lead_user" in refused.value.message_dict
    effort = services.effort_create(programme=programme, by=team, title="Y", lead_user=team)
    assert effort.lead == team


def test_effort_update_records_link_changes_and_version(programme, team, sgoal):
    a, b, _c = three_goals(sgoal, team)
    effort = services.effort_create(programme=programme, by=team, title="E", goals=[a])
    updated = services.effort_update(
        effort_id=effort.pk,
        version=effort.version,
        by=team,
        title="E2",
        goals=[(b, "hoog")],
        status="afgerond",
    )
    assert updated.version == 2 and updated.progress == 100
    assert list(updated.goal_links.values_list("goal__title", flat=True)) == ["B"]
    record = updated.history.first()
    assert record.history_user == team
    assert record.history_change_reason == "din.effort.edited"
    assert record.history_details == {"goals": ["B (hoog)"]}


def test_effort_delete(programme, team):
    effort = services.effort_create(programme=programme, by=team, title="E")
    services.effort_delete(effort_id=effort.pk, by=team)
    assert not Effort.objects.filter(pk=effort.pk).exists()
    assert Effort.history.filter(id=effort.pk, history_type="-").get().history_user == team


def test_working_group_members_and_efforts(programme, other_programme, team):
    hanze = participating(programme, name="Hanzehogeschool")
    effort = EffortFactory(programme=programme)
    group = services.working_group_create(
        programme=programme, by=team, name="Monitoring en evaluatie", efforts=[effort]
    )
    services.working_group_member_add(working_group=group, by=team, partner=hanze, is_lead=True)
    assert group.members.get().is_lead
    with pytest.raises(ValidationError):
        services.working_group_update(
            working_group_id=group.pk,
            version=group.version + 0,
            by=team,
            efforts=[EffortFactory(programme=other_programme)],
        )
