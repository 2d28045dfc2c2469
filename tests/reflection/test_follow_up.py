"""Follow-up: every attention point and ingredient has a status and links to what took it up,
an item of its own programme (an effort, an operational goal, a working group, a proposal or a
decision); another programme's item is refused. Traceable both ways: the effort's and the
proposal's pages show the attention points that led to them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from avk.concurrency import StaleEdit
from reflection import services, targets
from reflection.models import FollowUpLink
from tests.factories import (
    OperationalGoalFactory,
    ProposalFactory,
    ProposedDecisionFactory,
    WorkingGroupFactory,
)
from tests.reflection.conftest import add_point

pytestmark = pytest.mark.django_db


def test_status_is_set_with_a_note_and_history(users, session):
    team = users["programme_team"]
    point = add_point(session, team)
    updated = services.follow_up_set(
        source=point, status="opgepakt", note="In faseplan 3", version=point.version, by=team
    )
    assert updated.status == "opgepakt" and updated.status_note == "In faseplan 3"
    record = updated.history.first()
    assert record.history_change_reason == "followup.status"
    assert record.history_details == {"old": "open", "status": "opgepakt", "note": "In faseplan 3"}
    with pytest.raises(StaleEdit):  # a form opened before that save
        services.follow_up_set(source=point, status="afgerond", version=point.version, by=team)
    with pytest.raises(ValidationError):
        services.follow_up_set(source=updated, status="misschien", version=updated.version, by=team)


def test_links_to_every_registered_kind_of_the_same_programme(users, programme, session, effort):
    team = users["programme_team"]
    point = add_point(session, team)
    ingredient = services.ingredient_add(point=point, by=team, text="Framework maken")
    goal = OperationalGoalFactory(
        strategic_goal__line__programme=programme, programme=programme, title="Rapportage"
    )
    group = WorkingGroupFactory(programme=programme, name="Monitoring en evaluatie")
    proposal = ProposalFactory(programme=programme)
    decision = ProposedDecisionFactory(proposal=proposal, position=1)
    for target in (effort, goal, group, proposal):
        services.link_add(source=point, target=target, by=team)
    services.link_add(source=ingredient, value=f"decision:{decision.pk}", note="DB", by=team)
    assert point.links.count() == 4 and ingredient.links.get().target == decision
    assert {kind.code for kind in targets.kinds()} >= {
        "effort",
        "operational_goal",
        "working_group",
        "proposal",
        "decision",
    }
    point.refresh_from_db()
    assert point.history.first().history_change_reason == "link.added"
    with pytest.raises(ValidationError):  # once is enough
        services.link_add(source=point, target=effort, by=team)


def test_a_link_to_another_programmes_effort_is_refused(client, users, session, foreign_effort):
    team = users["programme_team"]
    point = add_point(session, team)
    with pytest.raises(ValidationError) as refused:
        services.link_add(source=point, target=foreign_effort, by=team)
    assert refused.value.error_dict["target"][0].code == "other_programme"
    with pytest.raises(ValidationError):
        services.link_add(source=point, value=f"effort:{foreign_effort.pk}", by=team)
    with pytest.raises(ValidationError):
        services.link_add(source=point, value="effort:nope", by=team)
    # the page offers only this programme's items, and a crafted post saves nothing
    client.force_login(team)
    page = client.get(reverse("reflection:point-detail", args=[point.pk])).content.decode()
    assert f"effort:{foreign_effort.pk}" not in page
    client.post(
        reverse("reflection:point-link", args=[point.pk]),
        {"target": f"effort:{foreign_effort.pk}"},
    )
    assert not FollowUpLink.objects.exists()


def test_link_through_the_page_and_remove_it(client, users, session, effort):
    team = users["programme_team"]
    point = add_point(session, team)
    client.force_login(team)
    response = client.post(
        reverse("reflection:point-link", args=[point.pk]),
        {"target": f"effort:{effort.pk}", "note": "faseplan 3"},
    )
    assert response.status_code == 302
    link = FollowUpLink.objects.get()
    assert link.target == effort and link.note == "faseplan 3" and link.created_by == team
    client.post(reverse("reflection:link-remove", args=[link.pk]))
    assert not FollowUpLink.objects.exists()


def test_traceable_both_ways(client, users, programme, session, effort):
    team = users["programme_team"]
    point = add_point(session, team, title="Monitoring, effectiviteit en ervaringen")
    ingredient = services.ingredient_add(point=point, by=team, text="Lerend evalueren")
    services.link_add(source=ingredient, target=effort, by=team)
    proposal = ProposalFactory(programme=programme, status="besloten")
    decision = ProposedDecisionFactory(proposal=proposal, position=2)
    services.link_add(source=point, target=decision, by=team)
    client.force_login(users["reader"])
    page = client.get(effort.get_absolute_url()).content.decode()
    assert "Monitoring, effectiviteit en ervaringen" in page and "Lerend evalueren" in page
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Monitoring, effectiviteit en ervaringen" in page  # through its decision
    # and the point shows what took it up
    page = client.get(point.get_absolute_url()).content.decode()
    assert effort.title in page


def test_the_follow_up_page_shows_what_is_still_unaddressed(client, users, session, effort):
    team = users["programme_team"]
    taken = add_point(session, team, title="Opgepakt punt")
    add_point(session, team, title="Nog niets mee gedaan")
    services.link_add(source=taken, target=effort, by=team)
    taken.refresh_from_db()
    services.follow_up_set(source=taken, status="opgepakt", version=taken.version, by=team)
    client.force_login(users["board"])
    url = reverse("reflection:round-follow-up", args=[session.round_id])
    response = client.get(url)
    assert [p.title for p in response.context["unaddressed"]] == ["Nog niets mee gedaan"]
    response = client.get(url, {"status": "opgepakt"})
    assert [p.title for p in response.context["points"]] == ["Opgepakt punt"]
