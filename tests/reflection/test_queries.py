"""The round page, the session page and the follow-up run a fixed number of queries, whatever
the number of sessions, attention points and ingredients."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reflection import services
from tests.reflection.conftest import add_point

pytestmark = pytest.mark.django_db


def grow(round_, framework, team, effort, *, sessions: int, points: int):
    categories = list(framework.categories.all())
    theme = services.theme_add(round_=round_, by=team, name=f"Thema {round_.sessions.count()}")
    for s in range(sessions):
        session = services.session_create(
            round_=round_,
            by=team,
            level="overig",
            level_name=f"Werksessie {round_.sessions.count() + 1}",
            date=date(2025, 6, 1 + s),
            framework=framework,
        )
        for p in range(points):
            point = add_point(
                session, team, category=categories[p % len(categories)], title=f"Punt {p}"
            )
            services.point_update(point_id=point.pk, version=point.version, by=team, theme=theme)
            ingredient = services.ingredient_add(point=point, by=team, text=f"Actie {p}")
            services.link_add(source=ingredient, target=effort, by=team)
            services.link_add(source=point, target=effort, by=team)


@pytest.mark.parametrize(
    "name", ["reflection:round-detail", "reflection:round-follow-up", "reflection:round-pdf"]
)
def test_round_pages_are_flat(client, users, round_, framework, effort, name):
    team = users["programme_team"]
    client.force_login(users["reader"])
    url = reverse(name, args=[round_.pk])
    grow(round_, framework, team, effort, sessions=1, points=2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(round_, framework, team, effort, sessions=3, points=5)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) <= len(small.captured_queries)


def test_session_page_is_flat(client, users, round_, framework, effort):
    team = users["programme_team"]
    grow(round_, framework, team, effort, sessions=1, points=2)
    session = round_.sessions.get()
    client.force_login(team)
    url = reverse("reflection:session-detail", args=[session.pk])
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for p in range(6):
        point = add_point(session, team, title=f"Extra {p}")
        services.ingredient_add(point=point, by=team, text="Nog een actie")
        services.link_add(source=point, target=effort, by=team)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) <= len(small.captured_queries)
