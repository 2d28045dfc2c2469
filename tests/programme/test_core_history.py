"""The programme's history page (its edits, phases and steering forms) and the history of its
roles: readable in Dutch, no codes or raw data, shown to those who may see them."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from avk.access import Role
from avk.history import describe
from programme.core import services
from programme.models import RoleAssignment

# The programme's history follows the programme page (everyone with a role in it); the roles'
# history follows "Mensen en rollen" (its team).
ACCESS = [
    ("programme_team", 200, 200),
    ("board", 200, 403),
    ("secretary", 200, 403),
    ("partner_contact", 200, 403),
    ("reader", 200, 403),
    ("other_team", 403, 403),
    ("former_team", 403, 403),
    ("nobody", 403, 403),
    ("superuser", 200, 200),
]


@pytest.mark.parametrize("who, programme_status, roles_status", ACCESS)
def test_history_pages_access(client, users, programme, who, programme_status, roles_status):
    client.force_login(users[who])
    history = client.get(reverse("programme:history", args=[programme.slug]))
    assert history.status_code == programme_status
    roles = client.get(reverse("programme:people-history", args=[programme.slug]))
    assert roles.status_code == roles_status


@pytest.mark.parametrize(
    "who, sees_history, sees_roles",
    [("programme_team", True, True), ("board", True, False), ("reader", True, False)],
)
def test_programme_page_links_the_histories_its_reader_may_open(
    client, users, programme, who, sees_history, sees_roles
):
    client.force_login(users[who])
    page = client.get(reverse("programme:detail", args=[programme.slug])).content.decode()
    assert (reverse("programme:history", args=[programme.slug]) in page) is sees_history
    assert (reverse("programme:people-history", args=[programme.slug]) in page) is sees_roles


def dutch(code, **details):
    with translation.override("nl"):
        return describe(code, details)


def test_programme_history_reads_in_dutch(client, users, programme):
    team = users["programme_team"]
    services.programme_update(
        programme_id=programme.pk, version=programme.version, by=team, ambition="Nieuwe ambitie"
    )
    services.programme_set_phase(
        programme=programme, phase="afbouw", valid_from=date(2040, 1, 1), by=team
    )
    services.programme_set_steering_form(
        programme=programme, steering_form="budget", valid_from=date(2040, 1, 1), by=team
    )
    client.force_login(users["board"])
    page = client.get(reverse("programme:history", args=[programme.slug])).content.decode()
    assert dutch("programme.edited") in page
    assert "Nieuwe ambitie" in page  # the field that changed, old and new
    assert dutch("programme.phase_recorded", phase="afbouw", **{"from": "2040-01-01"}) in page
    assert "afbouw" in page and "1 januari 2040" in page
    # The first phase, made without an event (by the test factory), reads as recorded too.
    assert dutch("programme.phase_recorded", phase="uitvoering", **{"from": "2023-01-01"}) in page
    assert escape(str(team)) in page
    for raw in ("programme.", "phase_recorded", "2040-01-01", "{"):
        assert raw not in page.split("<main", 1)[-1], raw


def test_role_history_names_person_role_and_dates_in_dutch(client, users, programme):
    from tests.factories import UserFactory

    team = users["programme_team"]
    jan = UserFactory(username="jan", first_name="Jan", last_name="Jansen")
    granted = services.role_grant(
        programme=programme, user=jan, role=Role.BOARD, valid_from=date(2024, 1, 1), by=team
    )
    services.role_end(assignment_id=granted.pk, by=team, valid_until=date(2024, 12, 31))
    client.force_login(team)
    page = client.get(reverse("programme:people-history", args=[programme.slug])).content.decode()
    granted_text = dutch(
        "role.granted", person="Jan Jansen", role="bestuurslid", **{"from": "2024-01-01"}
    )
    ended_text = dutch("role.ended", person="Jan Jansen", role="bestuurslid", on="2024-12-31")
    assert granted_text in page and ended_text in page
    assert "bestuurslid" in page and "1 januari 2024" in page and "31 december 2024" in page
    for raw in ("role.", "bestuur ", "2024-01-01", "{"):
        assert raw not in page.split("<main", 1)[-1], raw
    # Roles made without an event (here: by the test factory) read as given too; only this
    # programme's roles are listed.
    board_granted = dutch(
        "role.granted", person=str(users["board"]), role="bestuurslid", **{"from": "2023-01-01"}
    )
    assert escape(board_granted) in page
    assert escape(str(users["other_team"])) not in page


def test_role_history_query_count_does_not_grow_with_roles(
    client, users, programme, django_assert_max_num_queries
):
    from tests.factories import RoleAssignmentFactory

    client.force_login(users["programme_team"])
    url = reverse("programme:people-history", args=[programme.slug])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    RoleAssignmentFactory.create_batch(10, programme=programme, role=Role.READER)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    assert RoleAssignment.objects.filter(programme=programme).count() > 10
