"""Bodies made in the portal (not only in the admin): the pages and services for the programme
team and secretariat of the own programme only, with history; the empty state of "Vergadering
plannen" in a programme without bodies; seating and ending members from the body's page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from avk.history import entries
from avk.policy import Refused
from governance import services
from governance.models import Body, Membership

pytestmark = pytest.mark.django_db

CREATE = {
    "programme_team": True,
    "secretary": True,
    "board": False,
    "partner_contact": False,
    "reader": False,
    "other_team": False,
    "nobody": False,
    "superuser": True,
}

FIELDS = {
    "kind": "stuurgroep",
    "name": "Stuurgroep",
    "code": "sg",
    "steering_level": "richten",
    "description": "",
    "vote_visibility": "na_sluiting",
}


@pytest.mark.parametrize("who, may", CREATE.items())
def test_body_create_service_access(programme, users, who, may):
    if may:
        body = services.body_create(programme=programme, by=users[who], **FIELDS)
        assert body.code == "SG" and body.vote_visibility == "na_sluiting"
        assert entries(body)[0]["who"] == users[who]
    else:
        with pytest.raises(Refused):
            services.body_create(programme=programme, by=users[who], **FIELDS)
        assert not Body.objects.filter(code="SG").exists()


@pytest.mark.parametrize("who, may", CREATE.items())
def test_body_update_service_access(board, users, who, may):
    if may:
        services.body_update(body_id=board.pk, by=users[who], vote_visibility="altijd")
        board.refresh_from_db()
        assert board.vote_visibility == "altijd"
    else:
        with pytest.raises(Refused):
            services.body_update(body_id=board.pk, by=users[who], vote_visibility="altijd")


@pytest.mark.parametrize("who, status", [(w, 200 if m else 403) for w, m in CREATE.items()])
def test_body_create_page_access(client, programme, users, who, status):
    client.force_login(users[who])
    assert client.get(reverse("governance:body-create", args=["avk"])).status_code == status


def test_body_create_page_makes_the_body(client, programme, users):
    client.force_login(users["programme_team"])
    response = client.post(reverse("governance:body-create", args=["avk"]), FIELDS)
    body = Body.objects.get(programme=programme, code="SG")
    assert response.status_code == 302 and response["Location"] == body.get_absolute_url()


def test_a_duplicate_code_is_refused_on_the_form(client, programme, board, users):
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("governance:body-create", args=["avk"]), {**FIELDS, "code": "DB"}
    )
    assert response.status_code == 200
    assert "Dit programma heeft al een orgaan met deze code." in response.content.decode()
    assert Body.objects.filter(programme=programme).count() == 1


def test_the_other_programmes_team_cannot_edit_a_body(client, board, users):
    with pytest.raises(Refused):
        services.body_update(body_id=board.pk, by=users["other_team"], name="Overgenomen")
    client.force_login(users["other_team"])
    assert client.get(reverse("governance:body-edit", args=[board.pk])).status_code == 403
    assert client.get(reverse("governance:body-history", args=[board.pk])).status_code == 403


def test_body_edit_page_saves_and_records_history(client, board, users):
    client.force_login(users["secretary"])
    url = reverse("governance:body-edit", args=[board.pk])
    response = client.post(url, {**FIELDS, "name": "Dagelijks Bestuur AVK", "code": "DB"})
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.name == "Dagelijks Bestuur AVK" and board.vote_visibility == "na_sluiting"
    assert client.get(reverse("governance:body-history", args=[board.pk])).status_code == 200


# --- the empty state -----------------------------------------------------------------------


def test_plan_a_meeting_without_bodies_says_what_to_do_first(client, users, other_programme):
    client.force_login(users["other_team"])
    page = client.get(reverse("governance:meeting-create", args=["landerd"])).content.decode()
    assert 'name="body"' not in page  # no form with an empty list
    assert reverse("governance:body-create", args=["landerd"]) in page
    page = client.get(reverse("governance:meeting-list", args=["landerd"])).content.decode()
    assert reverse("governance:body-create", args=["landerd"]) in page
    assert reverse("governance:meeting-create", args=["landerd"]) not in page


def test_with_a_body_the_meeting_form_is_there(client, board, users):
    client.force_login(users["programme_team"])
    page = client.get(reverse("governance:meeting-create", args=["avk"])).content.decode()
    assert 'name="body"' in page and board.name in page


# --- members from the body's page ------------------------------------------------------------


def test_seat_and_end_a_member_from_the_body_page(client, board, users):
    client.force_login(users["programme_team"])
    page = client.get(board.get_absolute_url()).content.decode()
    assert reverse("governance:membership-add", args=[board.pk]) in page
    response = client.post(
        reverse("governance:membership-add", args=[board.pk]),
        {"user": users["reader"].pk, "role": "adviseur", "valid_from": "01-01-2024"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(body=board, user=users["reader"])
    assert membership.role == "adviseur"
    client.post(reverse("governance:membership-end", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.valid_until is not None


@pytest.mark.parametrize("who", ["board", "partner_contact", "other_team"])
def test_others_cannot_seat_or_end_members(client, board, users, who):
    client.force_login(users[who])
    page = client.get(board.get_absolute_url())
    if page.status_code == 200:
        assert reverse("governance:membership-add", args=[board.pk]) not in page.content.decode()
    response = client.post(
        reverse("governance:membership-add", args=[board.pk]),
        {"user": users[who].pk, "role": "lid"},
    )
    assert response.status_code == 403
    membership = Membership.objects.filter(body=board).first()
    end = reverse("governance:membership-end", args=[membership.pk])
    assert client.post(end).status_code == 403
    assert not Membership.objects.filter(valid_until__isnull=False).exists()


def test_seating_someone_twice_is_refused(board, users):
    with pytest.raises(ValidationError):
        services.membership_add(body=board, user=users["board"], role="lid", by=users["secretary"])
