"""Attention points are numbered 1..n per session and side; moving swaps numbers with the
neighbour, removing leaves a gap until "renumber" closes it; ingredients keep their order."""

import pytest
from django.urls import reverse

from reflection import services
from reflection.models import AttentionPoint, Ingredient
from tests.reflection.conftest import add_point

pytestmark = pytest.mark.django_db


def numbers(session, category):
    return list(
        AttentionPoint.objects.filter(session=session, category=category)
        .order_by("number")
        .values_list("title", "number")
    )


def test_points_are_numbered_per_side_and_on_the_session_as_a_whole(users, session, categories):
    team = users["programme_team"]
    a = add_point(session, team, category=categories["INH"], title="A")
    b = add_point(session, team, category=categories["INH"], title="B")
    c = add_point(session, team, category=categories["SAM"], title="C")
    d = add_point(session, team, title="D")
    assert (a.number, b.number, c.number, d.number) == (1, 2, 1, 1)
    assert (a.reference, b.reference, c.reference, d.reference) == ("INH-1", "INH-2", "SAM-1", "1")
    assert a.history.first().history_change_reason == "point.added"


def test_move_swaps_numbers_and_renumber_closes_the_gaps(users, session, categories):
    team = users["programme_team"]
    side = categories["INH"]
    a, b, c = (add_point(session, team, category=side, title=t) for t in "ABC")
    services.point_move(point_id=c.pk, direction="up", by=team)
    assert numbers(session, side) == [("A", 1), ("C", 2), ("B", 3)]
    services.point_move(point_id=a.pk, direction="up", by=team)  # the first stays first
    assert numbers(session, side) == [("A", 1), ("C", 2), ("B", 3)]
    services.point_remove(point_id=c.pk, by=team)
    assert numbers(session, side) == [("A", 1), ("B", 3)]  # a gap: "INH-3" stays INH-3
    assert services.points_renumber(session=session, by=team) == 1
    assert numbers(session, side) == [("A", 1), ("B", 2)]
    assert b.history.first().history_change_reason == "point.renumbered"
    assert services.points_renumber(session=session, by=team) == 0


def test_a_point_moved_to_another_side_takes_the_next_number_there(users, session, categories):
    team = users["programme_team"]
    add_point(session, team, category=categories["SAM"], title="S1")
    point = add_point(session, team, category=categories["INH"], title="I1")
    moved = services.point_update(
        point_id=point.pk, version=point.version, by=team, category=categories["SAM"]
    )
    assert moved.reference == "SAM-2"


def test_move_and_renumber_through_the_pages(client, users, session, categories):
    team = users["programme_team"]
    a, b = (add_point(session, team, category=categories["INH"], title=t) for t in "AB")
    client.force_login(team)
    response = client.post(
        reverse("reflection:point-move", args=[b.pk]),
        {"direction": "up", "next": reverse("reflection:session-detail", args=[session.pk])},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/reflection/sessions/{session.pk}/#point-{b.pk}")
    assert numbers(session, categories["INH"]) == [("B", 1), ("A", 2)]
    client.post(reverse("reflection:point-remove", args=[b.pk]))
    response = client.post(reverse("reflection:points-renumber", args=[session.pk]))
    assert response.status_code == 302
    assert numbers(session, categories["INH"]) == [("A", 1)]


def test_a_bad_direction_is_refused_and_changes_nothing(client, users, session, categories):
    team = users["programme_team"]
    a, b = (add_point(session, team, category=categories["INH"], title=t) for t in "AB")
    client.force_login(team)
    response = client.post(
        reverse("reflection:point-move", args=[b.pk]), {"direction": "sideways"}, follow=True
    )
    assert response.status_code == 200
    assert numbers(session, categories["INH"]) == [("A", 1), ("B", 2)]
    assert len(list(response.context["messages"])) == 1


def test_ingredients_keep_a_dense_order(users, session):
    team = users["programme_team"]
    point = add_point(session, team)
    first, second, third = (
        services.ingredient_add(point=point, by=team, text=t) for t in ("een", "twee", "drie")
    )
    services.ingredient_move(ingredient_id=third.pk, direction="up", by=team)
    order = list(Ingredient.objects.filter(attention_point=point).values_list("text", flat=True))
    assert order == ["een", "drie", "twee"]
    services.ingredient_remove(ingredient_id=first.pk, by=team)
    assert list(Ingredient.objects.filter(attention_point=point).values_list("text", "order")) == [
        ("drie", 0),
        ("twee", 1),
    ]


def test_observations_and_statements_are_edited_and_removed_on_their_page(client, users, session):
    team = users["programme_team"]
    row = services.observation_add(session=session, by=team, text="Er is een helder ritme.")
    client.force_login(team)
    url = reverse("reflection:observation-edit", args=[row.pk])
    page = client.get(url).content.decode()
    assert reverse("reflection:observation-remove", args=[row.pk]) in page
    response = client.post(url, {"kind": "waarneming", "text": "Een helder ritme.", "version": 1})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.text == "Een helder ritme." and row.version == 2
    client.post(reverse("reflection:observation-remove", args=[row.pk]))
    assert not session.observations.exists()
