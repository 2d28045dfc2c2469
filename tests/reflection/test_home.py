"""The home page: the programme team sees the open attention points of the latest round, a
partner contact the quick scan its organisation has yet to fill in; the queries do not grow
with the number of programmes."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.access import Role
from reflection import services
from tests.factories import ProgrammeFactory, RoleAssignmentFactory
from tests.reflection.conftest import add_point, fill

pytestmark = pytest.mark.django_db


def home(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))
    assert response.status_code == 200
    return len(queries), response


def test_team_sees_open_points_and_contact_the_scan(client, users, session, scan, own):
    add_point(session, users["programme_team"])
    _n, response = home(client, users["programme_team"])
    page = response.content.decode()
    assert reverse("reflection:round-follow-up", args=[session.round_id]) in page
    _n, response = home(client, users["partner_contact"])
    assert "Is de organisatie AVK-proof?" in response.content.decode()  # the panel
    fill(scan, own, ["ja", "ja", "ja"], by=users["partner_contact"])
    _n, response = home(client, users["partner_contact"])
    assert "Is de organisatie AVK-proof?" not in response.content.decode()


def test_home_queries_do_not_grow_with_programmes(client, users, framework):
    user = users["programme_team"]
    admin = users["superuser"]

    def programme_with_a_round(n):
        programme = ProgrammeFactory(slug=f"p{n}", short_name=f"P{n}", name=f"Programma {n}")
        RoleAssignmentFactory(programme=programme, user=user, role=Role.PROGRAMME_TEAM)
        round_ = services.round_create(programme=programme, by=admin, title="Ronde", year=2025)
        session = services.session_create(
            round_=round_,
            by=admin,
            level="stuurgroep",
            date=date(2025, 6, 1),
            framework=framework,
        )
        add_point(session, admin)

    programme_with_a_round(1)
    small, _response = home(client, user)
    for n in range(2, 6):
        programme_with_a_round(n)
    large, response = home(client, user)
    assert response.content.decode().count("/follow-up/?status=open") >= 5
    assert large <= small
