"""Who may do what with phase plans, at the page and at the service: the programme team and the
secretariat draw up and edit concepts and put them before the board; the board reads concepts
too; everyone in the programme reads and downloads adopted plans; only the programme team
closes one; nothing across programmes."""

from datetime import date

import pytest
from django.urls import reverse

from avk.policy import Refused
from programme.phases import services
from tests.programme.phase_plans_setup import make_plan

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
IN_PROGRAMME = {"programme_team", "secretary", "board", "partner_contact", "reader", "superuser"}
READS_CONCEPTS = {"programme_team", "secretary", "board", "superuser"}
BACK_OFFICE = {"programme_team", "secretary", "superuser"}


def _get(client, users, role, name, *args):
    client.force_login(users[role])
    return client.get(reverse(f"programme:{name}", args=["avk", *args])).status_code


@pytest.mark.parametrize("role", ROLES)
def test_the_list_and_a_new_plan(client, users, programme, role):
    assert _get(client, users, role, "phaseplans") == (200 if role in IN_PROGRAMME else 403)
    assert _get(client, users, role, "phaseplan-create") == (200 if role in BACK_OFFICE else 403)


@pytest.mark.parametrize("role", ROLES)
def test_a_concept(client, users, concept, role):
    pk = concept.pk
    assert _get(client, users, role, "phaseplan-detail", pk) == (
        200 if role in READS_CONCEPTS else 403
    )
    for name in ("phaseplan-edit", "phaseplan-select", "phaseplan-submit", "phaseplan-history"):
        assert _get(client, users, role, name, pk) == (200 if role in BACK_OFFICE else 403), name
    if role not in READS_CONCEPTS:  # the PDF is refused before anything is rendered
        assert _get(client, users, role, "phaseplan-pdf", pk) == 403


@pytest.mark.parametrize("role", ROLES)
def test_an_adopted_plan(client, users, adopted, role):
    pk = adopted.pk
    expected = 200 if role in IN_PROGRAMME else 403
    assert _get(client, users, role, "phaseplan-detail", pk) == expected
    assert _get(client, users, role, "phaseplan-pdf", pk) == expected  # kept: rendered once
    assert _get(client, users, role, "phaseplan-compare", pk) == expected
    for name in ("phaseplan-edit", "phaseplan-select", "phaseplan-submit"):
        assert _get(client, users, role, name, pk) == 403, name
    client.force_login(users[role])
    url = reverse("programme:phaseplan-close", args=["avk", pk])
    if role not in ("programme_team", "superuser"):
        assert client.post(url).status_code == 403
        adopted.refresh_from_db()
        assert adopted.status == "vastgesteld"


def test_the_programme_team_closes_an_adopted_plan(client, users, adopted):
    client.force_login(users["programme_team"])
    response = client.post(reverse("programme:phaseplan-close", args=["avk", adopted.pk]))
    assert response.status_code == 302
    adopted.refresh_from_db()
    assert adopted.status == "afgesloten"


def test_refusals_name_what_stands_in_the_way(client, users, adopted):
    client.force_login(users["secretary"])
    response = client.get(reverse("programme:phaseplan-edit", args=["avk", adopted.pk]))
    assert response.status_code == 403
    body = response.content.decode()
    assert "vastgesteld" in body or "adopted by the board" in body


def test_nothing_across_programmes(client, users, concept, other_programme, din):
    other = make_plan(other_programme, users["other_team"], {
        "strategic": [], "operational": [], "efforts": []})  # fmt: skip
    client.force_login(users["other_team"])
    assert (
        client.get(reverse("programme:phaseplan-detail", args=["avk", concept.pk])).status_code
        == 403
    )
    # the plan of one programme under the other's address: not found
    client.force_login(users["programme_team"])
    url = reverse("programme:phaseplan-detail", args=["avk", other.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("programme:phaseplan-detail", args=["avk", 99999])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_services_refuse_the_same_people(users, concept, board, role):
    user = users[role]
    calls = {
        "update": lambda: services.plan_update(
            plan_id=concept.pk, version=None, by=user, title="Faseplan 1 (bijgewerkt)"
        ),
        "select": lambda: services.selection_set(plan_id=concept.pk, version=None, by=user),
        "create": lambda: services.plan_create(
            programme=concept.programme,
            by=user,
            number=9,
            title="Faseplan 9",
            valid_from=date(2030, 1, 1),
            valid_until=date(2030, 12, 31),
        ),  # fmt: skip
    }
    for call in calls.values():
        if role in BACK_OFFICE:
            call()
        else:
            with pytest.raises(Refused):
                call()
    if role not in BACK_OFFICE:
        with pytest.raises(Refused):
            services.plan_submit(plan_id=concept.pk, body=board, by=user)
    if role not in READS_CONCEPTS:
        with pytest.raises(Refused):
            services.plan_pdf(concept, by=user)
