"""The body page links only to meetings the person may open."""

import pytest
from django.urls import reverse

from tests.factories import BodyFactory, MeetingFactory


@pytest.mark.parametrize(
    "who, sees_meetings",
    [("programme_team", True), ("board", True), ("reader", False), ("partner_contact", False)],
)
def test_body_page_links_to_meetings_only_for_those_who_may_open_them(
    client, users, programme, who, sees_meetings
):
    body = BodyFactory(programme=programme)
    meeting = MeetingFactory(body=body)
    client.force_login(users[who])
    response = client.get(reverse("governance:body-detail", args=[body.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert (meeting.get_absolute_url() in page) is sees_meetings
    assert (reverse("governance:meeting-list", args=[programme.slug]) in page) is sees_meetings
    if sees_meetings:
        assert client.get(meeting.get_absolute_url()).status_code == 200
    else:
        assert client.get(meeting.get_absolute_url()).status_code == 403
