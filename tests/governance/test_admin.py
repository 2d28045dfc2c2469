"""The admin drives the workflow with actions that call the services; a refused step shows the
Dutch message; recorded decisions cannot be changed or deleted there."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from governance.models import Proposal, ProposedDecision, Vote

pytestmark = pytest.mark.django_db


def make_staff(user):
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="governance"))
    return user


def run_action(client, action, *proposals):
    return client.post(
        reverse("admin:governance_proposal_changelist"),
        {"action": action, "_selected_action": [p.pk for p in proposals]},
        follow=True,
    )


def test_actions_run_the_workflow(client, make, users, board):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import MeetingFactory

    client.force_login(make_staff(users["programme_team"]))
    concept = make("concept")
    run_action(client, "submit", concept)
    concept.refresh_from_db()
    assert concept.status == "ingediend"
    MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=5))
    run_action(client, "schedule_next_meeting", concept)
    concept.refresh_from_db()
    assert concept.status == "geagendeerd"
    submitted = make("ingediend")
    run_action(client, "open_written_round", submitted)
    submitted.refresh_from_db()
    assert submitted.status == "schriftelijke_ronde"
    assert submitted.transitions.last().by == users["programme_team"]
    run_action(client, "withdraw", submitted)
    submitted.refresh_from_db()
    assert submitted.status == "ingetrokken"


def test_refused_action_shows_the_dutch_message(client, make, users):
    client.force_login(make_staff(users["programme_team"]))
    decided = make("besloten")
    response = run_action(client, "withdraw", decided)
    assert "Een besloten voorstel kan niet worden ingetrokken" in response.content.decode()
    response = run_action(client, "close_written_round", make("ingediend"))
    assert "kan niet worden gesloten als schriftelijke ronde" in response.content.decode()


def test_record_action_opens_the_recording_form(client, make, users):
    client.force_login(make_staff(users["secretary"]))
    proposal = make("geagendeerd")
    response = client.post(
        reverse("admin:governance_proposal_changelist"),
        {"action": "record_outcomes", "_selected_action": [proposal.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:proposal-record", args=[proposal.pk])


def test_decided_proposals_and_decisions_cannot_be_changed_or_deleted(client, make, users):
    client.force_login(users["superuser"])
    proposal = make("besloten")
    decision = proposal.decisions.get(position=2)
    before = (decision.outcome, decision.number, decision.text)
    change = reverse("admin:governance_proposal_change", args=[proposal.pk])
    page = client.get(change).content.decode()
    assert 'name="_save"' not in page
    assert client.post(change, {"title": "Gekaapt"}).status_code == 403
    delete = reverse("admin:governance_proposal_delete", args=[proposal.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    d_change = reverse("admin:governance_proposeddecision_change", args=[decision.pk])
    assert client.post(d_change, {"text": "anders", "outcome": "verworpen"}).status_code == 403
    d_delete = reverse("admin:governance_proposeddecision_delete", args=[decision.pk])
    assert client.post(d_delete, {"post": "yes"}).status_code == 403
    changelist = client.get(reverse("admin:governance_proposeddecision_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    response = client.post(
        reverse("admin:governance_proposeddecision_changelist"),
        {"action": "delete_selected", "_selected_action": [decision.pk], "post": "yes"},
    )
    assert ProposedDecision.objects.filter(pk=decision.pk).exists()
    decision.refresh_from_db()
    assert (decision.outcome, decision.number, decision.text) == before
    assert Proposal.objects.filter(pk=proposal.pk, title=proposal.title).exists()
    assert response.status_code in (200, 302)


def test_votes_are_read_only_in_the_admin(client, make, users):
    from governance import services

    proposal = make("schriftelijke_ronde")
    d2 = proposal.decisions.get(position=2)
    services.vote_cast(proposal_id=proposal.pk, by=users["board"], votes={d2.pk: ("voor", "")})
    vote = Vote.objects.get()
    client.force_login(users["superuser"])
    url = reverse("admin:governance_vote_change", args=[vote.pk])
    assert client.post(url, {"choice": "tegen"}).status_code == 403
    assert (
        client.post(
            reverse("admin:governance_vote_delete", args=[vote.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    vote.refresh_from_db()
    assert vote.choice == "voor"


def test_staff_see_only_their_programme(client, make, users, other_programme, other_board):
    from tests.governance.conftest import make_proposal

    mine = make("concept")
    theirs = make_proposal(other_programme, other_board, {"programme_team": users["other_team"]})
    client.force_login(make_staff(users["programme_team"]))
    page = client.get(reverse("admin:governance_proposal_changelist")).content.decode()
    assert mine.title in page
    other = client.get(reverse("admin:governance_proposal_change", args=[theirs.pk]))
    assert other.status_code == 302


def test_concept_edited_in_the_admin_with_its_decisions(client, make, users):
    client.force_login(users["superuser"])
    proposal = make("concept")
    decisions = list(proposal.decisions.order_by("position"))
    data = {
        "version": proposal.version,  # the hidden field the admin form was opened with
        "body": proposal.body_id,
        "title": "Aangepast",
        "drafter": proposal.drafter_id,
        "drafter_function": "projectleider",
        "date": "2023-06-19",
        "introduction": "i",
        "content": "c",
        "decisions-TOTAL_FORMS": "4",
        "decisions-INITIAL_FORMS": "3",
        "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "1000",
        "transitions-TOTAL_FORMS": "1",
        "transitions-INITIAL_FORMS": "1",
        "transitions-MIN_NUM_FORMS": "0",
        "transitions-MAX_NUM_FORMS": "1000",
        "transitions-0-id": proposal.transitions.first().pk,
        "transitions-0-proposal": proposal.pk,
    }
    for i, d in enumerate(decisions):
        data.update(
            {
                f"decisions-{i}-id": d.pk,
                f"decisions-{i}-proposal": proposal.pk,
                f"decisions-{i}-position": d.position,
                f"decisions-{i}-kind": d.kind,
                f"decisions-{i}-text": d.text,
            }
        )
    data.update(
        {
            "decisions-3-position": "4",
            "decisions-3-kind": "instemmen",
            "decisions-3-text": "een vierde besluit",
            "decisions-3-proposal": proposal.pk,
        }
    )
    response = client.post(reverse("admin:governance_proposal_change", args=[proposal.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal.refresh_from_db()
    assert proposal.title == "Aangepast"
    assert list(proposal.decisions.values_list("position", "text"))[-1] == (4, "een vierde besluit")
