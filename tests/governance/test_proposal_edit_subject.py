"""Editing a concept on its page keeps what each proposed decision adopts (a budget, a phase
plan): the subject stays with its decision through a new text and a new order, and goes only
with the decision itself. A posted id of another proposal's decision brings no subject along."""

import pytest
from django.urls import reverse

from governance import services
from governance.models import DecisionKind
from tests.adoptable.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(programme):
    return Plan.objects.create(programme=programme, title="Faseplan 3")


def concept(programme, board, users, plan, title="Vaststellen faseplan 3"):
    team = users["programme_team"]
    return services.proposal_create(
        programme=programme,
        body=board,
        title=title,
        drafter=team,
        by=team,
        decisions=[
            {"kind": DecisionKind.TAKE_NOTE, "text": "kennis te nemen"},
            {"kind": DecisionKind.AGREE, "text": "faseplan 3 vast te stellen", "subject": plan},
        ],
    )


def post_edit(client, proposal, board, users, rows):
    data = {
        "title": proposal.title,
        "body": board.pk,
        "drafter": users["programme_team"].pk,
        "date": "2024-06-20",
        "version": proposal.version,
        "decisions-TOTAL_FORMS": str(len(rows)),
        "decisions-INITIAL_FORMS": str(len(rows)),
    }
    for i, row in enumerate(rows):
        data.update({f"decisions-{i}-{key}": value for key, value in row.items()})
    return client.post(reverse("governance:proposal-edit", args=[proposal.pk]), data)


def test_the_edit_page_says_what_a_decision_adopts(client, programme, board, users, plan):
    proposal = concept(programme, board, users, plan)
    client.force_login(users["programme_team"])
    page = client.get(reverse("governance:proposal-edit", args=[proposal.pk])).content.decode()
    assert "Stelt vast: Faseplan 3" in page
    second = proposal.decisions.get(position=2)
    assert f'name="decisions-1-decision" value="{second.pk}"' in page


def test_new_text_and_order_keep_the_subject(client, programme, board, users, plan):
    proposal = concept(programme, board, users, plan)
    first, second = proposal.decisions.order_by("position")
    client.force_login(users["programme_team"])
    response = post_edit(
        client,
        proposal,
        board,
        users,
        [
            {"decision": first.pk, "kind": "kennisnemen", "text": "kennis te nemen", "ORDER": 2},
            {"decision": second.pk, "kind": "instemmen", "text": "het plan vast te stellen",
             "ORDER": 1},
        ],
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    now_first, now_second = proposal.decisions.order_by("position")
    assert (now_first.text, now_first.subject) == ("het plan vast te stellen", plan)
    assert (now_second.text, now_second.subject) == ("kennis te nemen", None)


def test_removing_the_decision_removes_its_subject(client, programme, board, users, plan):
    proposal = concept(programme, board, users, plan)
    first, second = proposal.decisions.order_by("position")
    client.force_login(users["programme_team"])
    response = post_edit(
        client,
        proposal,
        board,
        users,
        [
            {"decision": first.pk, "kind": "kennisnemen", "text": "kennis te nemen", "ORDER": 1},
            {"decision": second.pk, "kind": "instemmen", "text": "vast te stellen", "ORDER": 2,
             "DELETE": "on"},
        ],
    )  # fmt: skip
    assert response.status_code == 302
    assert [(d.text, d.subject) for d in proposal.decisions.all()] == [("kennis te nemen", None)]


def test_another_proposals_decision_brings_no_subject(client, programme, board, users, plan):
    other = concept(programme, board, users, plan, title="Een ander voorstel")
    borrowed = other.decisions.get(position=2)
    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Zonder onderwerp",
        drafter=users["programme_team"],
        by=users["programme_team"],
        decisions=[{"kind": DecisionKind.AGREE, "text": "iets"}],
    )
    client.force_login(users["programme_team"])
    response = post_edit(
        client,
        proposal,
        board,
        users,
        [{"decision": borrowed.pk, "kind": "instemmen", "text": "iets", "ORDER": 1}],
    )
    assert response.status_code == 302
    assert proposal.decisions.get().subject is None
    assert other.decisions.get(position=2).subject == plan
