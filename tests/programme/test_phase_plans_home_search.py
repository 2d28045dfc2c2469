"""Phase plans on the home page and in the search box: everyone in the programme sees the
adopted plan; the programme team, the secretariat and the board also see the concept that
awaits adoption; nothing across programmes; the home data in a fixed number of queries; the
search finds plans by title and text, only those the person may open."""

from datetime import date

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.formats import date_format

from avk import policy
from avk.access import Role, forget_roles, roles_in
from programme.phases import home, services
from programme.phases.selectors import home_data
from tests.factories import ProgrammeFactory, RoleAssignmentFactory
from tests.programme.phase_plans_setup import make_plan, put_before

pytestmark = pytest.mark.django_db

ROLES = [
    "programme_team",
    "secretary",
    "board",
    "partner_contact",
    "reader",
    "nobody",
    "other_team",
    "former_team",
    "superuser",
]
READS_CONCEPTS = {"programme_team", "secretary", "board", "superuser"}
IN_PROGRAMME = READS_CONCEPTS | {"partner_contact", "reader"}


def _second(adopted, users):
    return services.plan_create(
        programme=adopted.programme, by=users["programme_team"], copy_from=adopted, number=2,
        title="Faseplan 2", valid_from=date(2024, 8, 1), valid_until=date(2025, 8, 31),
        foreword="We pakken de eilanden van reflectie op; samen doorbreken we generatiearmoede.",
    )  # fmt: skip


@pytest.fixture
def plans(adopted, board, users):
    """Plan 1 adopted, plan 2 a concept put before the board."""
    second = _second(adopted, users)
    proposal = put_before(second, board, users)
    return {"adopted": adopted, "concept": second, "proposal": proposal}


@pytest.mark.parametrize("role", ROLES)
def test_the_home_panel_per_role(client, users, plans, role):
    client.force_login(users[role])
    response = client.get(reverse("home"))
    assert response.status_code == 200
    page = response.content.decode()
    adopted, concept = plans["adopted"], plans["concept"]
    adopted_link = f'href="{adopted.get_absolute_url()}"'
    concept_link = f'href="{concept.get_absolute_url()}"'
    titles = [str(p.title) for row in response.context["rows"] for p in row["panels"]]
    if role not in IN_PROGRAMME:
        assert adopted_link not in page and concept_link not in page
        assert "Faseplan" not in titles
        return
    assert adopted_link in page
    assert date_format(adopted.adopted_on) in page  # adopted on that day
    if role in READS_CONCEPTS:
        assert concept_link in page
        assert "Faseplan 2 (concept)" in page
        assert plans["proposal"].title in page  # what it awaits
    else:
        assert concept_link not in page and "Faseplan 2" not in page


def test_a_concept_not_yet_before_the_board(client, users, adopted):
    concept = _second(adopted, users)
    client.force_login(users["secretary"])
    page = client.get(reverse("home")).content.decode()
    assert f'href="{concept.get_absolute_url()}"' in page
    # the Dutch of "not yet put before the board" comes with the lead's catalogue
    assert "not yet put before the board" in page or "nog niet aan het bestuur" in page


def test_no_panel_without_plans_and_none_for_the_other_programme(client, users, programme):
    request = RequestFactory().get("/")
    request.user = users["programme_team"]
    assert home.panels(request, programme, roles_in(request.user, programme)) == []
    request.user = users["other_team"]
    assert home.panels(request, programme, frozenset()) == []


def test_the_home_data_in_a_fixed_number_of_queries(users, programme, din, budget, board):
    """Two queries for the plans and decisions of any number of programmes; the panels of a
    request read them once."""
    team = users["programme_team"]
    concept = make_plan(programme, team, din, budget=budget)
    put_before(concept, board, users)
    others = []
    for n in range(3):
        other = ProgrammeFactory(slug=f"p{n}", short_name=f"P{n}", name=f"Programma {n}")
        RoleAssignmentFactory(programme=other, user=team, role=Role.PROGRAMME_TEAM)
        forget_roles(team)
        make_plan(other, team, {"strategic": [], "operational": [], "efforts": []})
        others.append(other)
    home_data([programme.pk])  # the content type is cached from here on
    with CaptureQueriesContext(connection) as one:
        data = home_data([programme.pk])
    with CaptureQueriesContext(connection) as four:
        home_data([programme.pk] + [p.pk for p in others])
    assert len(one) == len(four) == 2
    assert data[programme.pk]["concepts"][0].awaits is not None

    request = RequestFactory().get("/")
    request.user = team
    forget_roles(team)
    with CaptureQueriesContext(connection) as panels:
        for p in [programme, *others]:
            found = home.panels(request, p, roles_in(team, p))
            assert [str(panel.title) for panel in found] == ["Faseplan"]
    assert len(panels) <= 3  # the roles, the plans, the decisions they await


def _search(client, user, text, **params):
    client.force_login(user)
    response = client.get(reverse("search"), {"q": text, **params})
    assert response.status_code == 200
    groups = {group.kind: group for group in response.context["groups"]}
    group = groups.get("phase_plans")
    return [hit.title for hit in group.hits] if group else [], group


@pytest.mark.parametrize("role", ROLES)
def test_search_finds_the_plans_the_person_may_open(client, users, plans, role):
    found, group = _search(client, users[role], "eilanden reflectie")  # plan 2's foreword
    assert found == (["Faseplan 2"] if role in READS_CONCEPTS else [])
    found, group = _search(client, users[role], "generatiearmoede")  # both plans' forewords
    expected = {"Faseplan 1", "Faseplan 2"} if role in READS_CONCEPTS else {"Faseplan 1"}
    assert set(found) == (expected if role in IN_PROGRAMME else set())
    for hit in group.hits if group else []:
        plan = plans["adopted"] if hit.title == "Faseplan 1" else plans["concept"]
        assert policy.allowed(users[role], "phaseplans.view", plan)
        assert hit.url == plan.get_absolute_url()


def test_search_by_title_one_kind_and_not_across_programmes(
    client, users, plans, other_programme, foreign
):
    make_plan(other_programme, users["other_team"], foreign)
    found, group = _search(client, users["programme_team"], "Faseplan", kind="phase_plans")
    assert found == ["Faseplan 2", "Faseplan 1"]
    assert "vastgesteld" in group.hits[1].detail
    found, _group = _search(client, users["other_team"], "Faseplan")
    assert found == ["Faseplan 1"]  # its own programme's plan, a concept, none of the AVK's
    _found, group = _search(client, users["other_team"], "Faseplan")
    assert all(hit.programme == other_programme for hit in group.hits)
