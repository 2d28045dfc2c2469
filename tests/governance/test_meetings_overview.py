"""Meetings across bodies: the upcoming meetings with their agenda (for the meetings page and
the home page), narrowed to the bodies a person reads; one page of open action items across
meetings, with its access per role and programme."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import selectors, services
from tests.factories import (
    ActionItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_body(programme):
    return BodyFactory(programme=programme, code="PT", name="Programmateam", kind="programmateam")


@pytest.fixture
def coming(board, team_body, users):
    soon = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=3))
    services.agenda_item_add(meeting=soon, title="Faseplan 3", by=users["secretary"])
    later = MeetingFactory(body=team_body, starts_at=timezone.now() + timedelta(days=9))
    MeetingFactory(body=board, starts_at=timezone.now() - timedelta(days=9))  # past
    return soon, later


@pytest.mark.parametrize(
    "who, expected",
    [
        ("programme_team", ["DB", "PT"]),
        ("board", ["DB", "PT"]),  # the board reads every body's meetings
        ("partner_contact", []),
        ("other_team", []),
    ],
)
def test_upcoming_meetings_per_role(coming, users, programme, who, expected):
    rows = selectors.upcoming_meetings(user=users[who], programmes=[programme])
    assert [m.body.code for m in rows] == expected


def test_a_body_member_without_a_role_sees_only_their_bodys_meetings(coming, board, programme):
    member = UserFactory(username="chair")  # sits on the DB (conftest), no role
    rows = selectors.upcoming_meetings(user=member, programmes=[programme])
    assert [m.body.code for m in rows] == ["DB"]
    assert [i.label for i in rows[0].agenda_items.all()] == ["Faseplan 3"]


def test_upcoming_meetings_take_the_same_queries_for_more(
    board, users, programme, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            meeting = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=i + 1))
            services.agenda_item_add(meeting=meeting, title=f"Punt {i}", by=users["secretary"])

    add(1)
    user = users["board"]
    selectors.upcoming_meetings(user=user, programmes=[programme])  # roles cached on the user
    with django_assert_num_queries(3):
        selectors.upcoming_meetings(user=user, programmes=[programme], limit=10)
    add(8)
    with django_assert_num_queries(3):
        rows = selectors.upcoming_meetings(user=user, programmes=[programme], limit=10)
    assert len(rows) == 9 and all(m.agenda_items.all() for m in rows)


def test_meetings_page_shows_the_agenda_of_coming_meetings(client, coming, users):
    client.force_login(users["board"])
    page = client.get(reverse("governance:meeting-list", args=["avk"])).content.decode()
    assert 'id="upcoming-h"' in page and "Faseplan 3" in page
    assert page.index("Faseplan 3") < page.index('id="earlier-h"')


def test_meetings_page_lists_only_meetings_the_person_may_open(client, coming, board):
    member = UserFactory(username="chair")
    client.force_login(member)
    # a body member without a role reads the meetings list, only their own body's meetings
    from avk.access import Role
    from tests.factories import RoleAssignmentFactory

    RoleAssignmentFactory(programme=board.programme, user=member, role=Role.READER)
    page = client.get(reverse("governance:meeting-list", args=["avk"])).content.decode()
    soon, later = coming
    assert soon.get_absolute_url() in page
    assert later.get_absolute_url() not in page


# --- open action items across meetings -------------------------------------------------------


@pytest.fixture
def actions(board, team_body, users):
    today = timezone.localdate()
    meeting = MeetingFactory(body=board)
    late = ActionItemFactory(
        body=board, meeting=meeting, description="Te laat DB", due_date=today - timedelta(days=2)
    )
    mine = ActionItemFactory(
        body=team_body,
        description="Van het team",
        owner=users["programme_team"],
        due_date=today + timedelta(days=5),
    )
    ActionItemFactory(body=board, description="Al klaar", status="afgerond", done_on=today)
    return late, mine


@pytest.mark.parametrize(
    "who, status",
    [
        ("programme_team", 200),
        ("secretary", 200),
        ("board", 200),
        ("partner_contact", 403),
        ("reader", 403),
        ("other_team", 403),
        ("nobody", 403),
    ],
)
def test_action_overview_access(client, users, actions, who, status):
    client.force_login(users[who])
    assert client.get(reverse("governance:action-items", args=["avk"])).status_code == status


def test_action_overview_lists_open_items_of_all_bodies_overdue_first(client, users, actions):
    client.force_login(users["secretary"])
    page = client.get(reverse("governance:action-items", args=["avk"])).content.decode()
    assert page.index("Te laat DB") < page.index("Van het team")
    assert "Al klaar" not in page
    assert "te laat" in page[page.index("Te laat DB") : page.index("Van het team")]
    page = client.get(reverse("governance:action-items", args=["avk"]) + "?mine=1").content
    assert b"Van het team" not in page  # the secretary owns none


def test_a_body_member_sees_only_their_bodys_items(actions, programme, board):
    member = UserFactory(username="chair")
    rows = selectors.open_action_items(user=member, programme=programme)
    assert [a.description for a in rows] == ["Te laat DB"]


def test_marking_done_from_the_overview_returns_there(client, users, actions):
    late, _mine = actions
    client.force_login(users["secretary"])
    response = client.post(
        reverse("governance:action-item-done", args=[late.pk]), {"next": "overview"}
    )
    assert response["Location"] == reverse("governance:action-items", args=["avk"])
    late.refresh_from_db()
    assert late.status == "afgerond" and late.done_on is not None


def test_board_member_sees_no_done_button(client, users, actions):
    late, _mine = actions
    client.force_login(users["board"])
    page = client.get(reverse("governance:action-items", args=["avk"])).content.decode()
    assert reverse("governance:action-item-done", args=[late.pk]) not in page


def test_members_of_a_body_without_a_role_have_it_in_their_menu(client, users, actions, board):
    MembershipFactory(body=board, user=users["reader"], role="lid")
    client.force_login(users["reader"])
    page = client.get(reverse("governance:proposal-list", args=["avk"])).content.decode()
    assert reverse("governance:action-items", args=["avk"]) in page
