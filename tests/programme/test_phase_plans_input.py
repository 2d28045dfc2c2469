"""Bad input per field on the phase plan's forms (the plan's form, the selection screen, putting
it before the board, taking up an attention point, the comparison's parameter), each answered
with a message and nothing saved; and the plan's page runs a fixed number of queries, the same
for a small plan and one several times its size."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme.phases.models import PhasePlan
from tests.factories import BodyFactory
from tests.programme.phase_plans_setup import adopt, build_din, make_budget, make_plan

pytestmark = pytest.mark.django_db

VALID = {
    "number": "2",
    "title": "Faseplan 2",
    "subtitle": "",
    "valid_from": "01-08-2024",
    "valid_until": "31-08-2025",
    "budget": "",
    "foreword": "Vooraf",
    "context": "",
    "reading_guide": "",
    "people": "",
    "budget_explanation": "",
    "colophon": "",
    "thanks": "",
    "copy_from": "",
}


@pytest.mark.parametrize(
    "field, value",
    [
        ("number", ""),
        ("number", "0"),
        ("number", "100"),
        ("number", "twee"),
        ("number", "1"),  # taken by the concept
        ("title", ""),
        ("title", "x" * 201),
        ("valid_from", "31-02-2024"),
        ("valid_from", ""),
        ("valid_until", "morgen"),
        ("valid_until", "01-07-2024"),  # before the start
        ("valid_until", "31-12-2026"),  # more than 24 months
        ("budget", "999999"),
        ("copy_from", "abc"),
    ],
)
def test_a_new_plan_refuses_bad_input_per_field(client, users, concept, field, value):
    client.force_login(users["programme_team"])
    url = reverse("programme:phaseplan-create", args=["avk"])
    response = client.post(url, {**VALID, field: value})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors, f"{field}={value!r} was accepted"
    assert PhasePlan.objects.count() == 1


def test_a_budget_of_another_programme_is_not_offered(client, users, concept, other_programme):
    foreign = make_budget(other_programme, users["other_team"])
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("programme:phaseplan-create", args=["avk"]), {**VALID, "budget": foreign.pk}
    )
    assert "budget" in response.context["form"].errors


def test_a_valid_new_plan_is_saved(client, users, concept):
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("programme:phaseplan-create", args=["avk"]), {**VALID, "copy_from": concept.pk}
    )
    assert response.status_code == 302
    plan = PhasePlan.objects.get(number=2)
    assert plan.efforts.count() == 3 and plan.valid_until == date(2025, 8, 31)


def test_a_stale_edit_is_refused_with_who_changed_what(client, users, concept):
    client.force_login(users["secretary"])
    url = reverse("programme:phaseplan-edit", args=["avk", concept.pk])
    data = {**VALID, "number": "1", "title": "Faseplan één", "version": concept.version - 1}
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    concept.refresh_from_db()
    assert concept.title == "Faseplan 1"


def _selection(concept, din, **changes):
    effort = din["efforts"][0]
    data = {
        "version": str(concept.version),
        "strategic": [str(din["strategic"][0].pk)],
        "operational": [str(din["operational"][0].pk)],
        "effort": [str(effort.pk)],
        f"start-{effort.pk}": "08-2023",
        f"end-{effort.pk}": "12-2023",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "changes, status",
    [
        ({"start-{e}": "13-2023"}, 400),
        ({"start-{e}": "augustus"}, 400),
        ({"end-{e}": "2023-99"}, 400),
        ({"start-{e}": "06-2024", "end-{e}": "01-2024"}, 400),  # end before start
        ({"start-{e}": "01-2020", "end-{e}": "06-2020"}, 400),  # outside the period
        ({"operational": ["x"]}, 400),
        ({"effort": ["999999"]}, 400),  # not of this programme
        ({"version": ""}, 400),  # damaged
        ({"version": "1"}, 400),  # stale
    ],
)
def test_the_selection_refuses_bad_input(client, users, concept, din, changes, status):
    effort = din["efforts"][0]
    changes = {k.format(e=effort.pk): v for k, v in changes.items()}
    client.force_login(users["programme_team"])
    url = reverse("programme:phaseplan-select", args=["avk", concept.pk])
    response = client.post(url, _selection(concept, din, **changes))
    assert response.status_code == status
    concept.refresh_from_db()
    assert concept.efforts.count() == 3  # nothing saved


def test_months_are_read_the_dutch_way(client, users, concept, din):
    effort = din["efforts"][0]
    client.force_login(users["programme_team"])
    url = reverse("programme:phaseplan-select", args=["avk", concept.pk])
    data = _selection(
        concept, din, **{f"start-{effort.pk}": "sep 2023", f"end-{effort.pk}": "2024-03"}
    )
    assert client.post(url, data).status_code == 302
    row = concept.efforts.get()
    assert (row.start_month, row.end_month) == (date(2023, 9, 1), date(2024, 3, 1))
    assert concept.strategic_goals.count() == 1 and concept.operational_goals.count() == 1


def test_putting_it_before_another_programmes_body_is_refused(
    client, users, concept, board, other_programme
):
    foreign = BodyFactory(programme=other_programme, code="DB", name="Landerd DB")
    client.force_login(users["secretary"])
    url = reverse("programme:phaseplan-submit", args=["avk", concept.pk])
    response = client.post(url, {"body": foreign.pk, "introduction": ""})
    assert response.status_code == 200 and "body" in response.context["form"].errors
    response = client.post(url, {"body": "", "introduction": ""})
    assert "body" in response.context["form"].errors
    assert client.post(url, {"body": board.pk}).status_code == 302


def test_taking_up_needs_a_point_from_the_list(client, users, concept):
    client.force_login(users["programme_team"])
    url = reverse("programme:phaseplan-attention-add", args=["avk", concept.pk])
    response = client.post(url, {"point": "999999"}, follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])  # an error message, nothing linked


def test_the_comparison_parameter_must_name_a_plan(client, users, concept, other_programme):
    other = make_plan(other_programme, users["other_team"], {
        "strategic": [], "operational": [], "efforts": []})  # fmt: skip
    client.force_login(users["board"])
    url = reverse("programme:phaseplan-compare", args=["avk", concept.pk])
    assert client.get(url, {"with": "1; drop"}).status_code == 400
    assert client.get(url, {"with": concept.pk}).status_code == 400  # itself
    assert client.get(url, {"with": other.pk}).status_code == 404  # another programme's


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["programme_team", "board"])
def test_the_plan_page_runs_a_fixed_number_of_queries(client, users, programme, board, who):
    team = users["programme_team"]
    small = make_plan(
        programme,
        team,
        build_din(programme, efforts=2, prefix="S "),
        number=1,
        budget=make_budget(programme, team, start=date(2025, 1, 1), end=date(2025, 12, 31)),
    )
    large = make_plan(
        programme,
        team,
        build_din(programme, efforts=12, prefix="L "),
        number=2,
        budget=make_budget(programme, team),
    )
    client.force_login(users[who])
    small_url = reverse("programme:phaseplan-detail", args=["avk", small.pk])
    large_url = reverse("programme:phaseplan-detail", args=["avk", large.pk])
    _count(client, small_url)  # warm up (content types, sessions)
    concept_queries = _count(client, small_url)
    assert _count(client, large_url) == concept_queries
    adopt(small, board, users)
    adopt(large, board, users)
    frozen_small, frozen_large = _count(client, small_url), _count(client, large_url)
    assert frozen_small == frozen_large and frozen_large <= concept_queries
