"""The history pages of a proposal and of a meeting: the shared layout (avk/history.html), the
events in the reader's language with no raw data, linked only for those who may see them."""

import pytest
from django.urls import reverse
from django.utils import translation

from avk.history import describe
from governance import services

pytestmark = pytest.mark.django_db


def label(code, details=None):
    with translation.override("nl"):
        return describe(code, details or {})


def test_proposal_history_tells_what_happened(client, make, users):
    proposal = make("besloten")
    client.force_login(users["programme_team"])
    page = client.get(proposal.get_absolute_url()).content.decode()
    url = reverse("governance:proposal-history", args=[proposal.pk])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    meeting = proposal.agenda_items.get().meeting
    for shown in [
        label("proposal.drafted"),
        label("proposal.submitted"),
        label("proposal.scheduled", {"meeting": str(meeting)}),
        label("proposal.decided", {"meeting": str(meeting)}),
    ]:
        assert shown in page
    for raw in ["proposal.drafted", "proposal.decided", "{'"]:
        assert raw not in page


@pytest.mark.parametrize(
    "who, status",
    [
        ("programme_team", 200),
        ("secretary", 200),
        ("board", 200),
        ("partner_contact", 403),
        ("reader", 403),
        ("other_team", 403),
    ],
)
def test_proposal_history_is_for_those_who_saw_it_in_the_making(client, make, users, who, status):
    proposal = make("besloten")
    client.force_login(users[who])
    url = reverse("governance:proposal-history", args=[proposal.pk])
    assert client.get(url).status_code == status
    detail = client.get(proposal.get_absolute_url())
    if detail.status_code == 200:
        assert (url in detail.content.decode()) == (status == 200)


def test_meeting_history(client, board, users):
    from datetime import timedelta

    from django.utils import timezone

    team = users["programme_team"]
    meeting = services.meeting_create(
        body=board, starts_at=timezone.now() + timedelta(days=2), place="Veendam", by=team
    )
    services.meeting_update(meeting_id=meeting.pk, version=1, by=team, place="Stadskanaal")
    url = reverse("governance:meeting-history", args=[meeting.pk])
    client.force_login(users["secretary"])
    assert url in client.get(meeting.get_absolute_url()).content.decode()
    page = client.get(url).content.decode()
    assert label("meeting.planned") in page and label("meeting.edited") in page
    assert "Veendam" in page and "Stadskanaal" in page
    assert "meeting.edited" not in page
    for who in ["partner_contact", "reader", "other_team"]:
        client.force_login(users[who])
        assert client.get(url).status_code == 403
