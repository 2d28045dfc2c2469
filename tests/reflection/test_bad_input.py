"""Bad input is refused with a Dutch message and saves nothing. (Messages of the reflection app
itself are Dutch once the lead has compiled the translations.)"""

import pytest
from django.urls import reverse

from reflection.models import AttentionPoint, Ingredient, Round, ScanResponse
from tests.reflection.conftest import add_point

pytestmark = pytest.mark.django_db


def test_an_attention_point_without_title(client, users, session):
    client.force_login(users["programme_team"])
    response = client.post(reverse("reflection:point-add", args=[session.pk]), {"title": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert not AttentionPoint.objects.exists()


def test_a_round_with_a_bad_year_or_a_duplicate_title(client, users, round_):
    client.force_login(users["programme_team"])
    url = reverse("reflection:round-create", args=["avk"])
    response = client.post(url, {"title": "Nieuwe ronde", "year": "25"})
    assert response.status_code == 400
    assert "Geef het jaar in vier cijfers, bijvoorbeeld 2025." in response.content.decode()
    response = client.post(url, {"title": "Eilanden van reflectie 2025", "year": "2026"})
    assert response.status_code == 400
    assert "Dit programma heeft al een ronde met deze titel." in response.content.decode()
    assert Round.objects.count() == 1


def test_a_damaged_status_post(client, users, session):
    point = add_point(session, users["programme_team"])
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("reflection:point-status", args=[point.pk]), {"status": "afgerond"}
    )
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in response.content.decode()
    point.refresh_from_db()
    assert point.status == "open"


def test_a_stale_status_is_refused_in_dutch(client, users, session):
    team = users["programme_team"]
    point = add_point(session, team)
    client.force_login(team)
    url = reverse("reflection:point-status", args=[point.pk])
    client.post(url, {"status": "opgepakt", "version": point.version})
    response = client.post(url, {"status": "afgerond", "version": point.version}, follow=True)
    page = response.content.decode()
    assert "nadat u het opende" in page
    point.refresh_from_db()
    assert point.status == "opgepakt"


def test_an_unknown_link_target(client, users, session):
    point = add_point(session, users["programme_team"])
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("reflection:point-link", args=[point.pk]), {"target": "begroting:1"}, follow=True
    )
    assert "Kies uit de lijst wat dit heeft opgepakt." in response.content.decode()
    assert not point.links.exists()


def test_an_empty_ingredient(client, users, session):
    point = add_point(session, users["programme_team"])
    client.force_login(users["programme_team"])
    response = client.post(reverse("reflection:ingredient-add", args=[point.pk]), {"text": " "})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert not Ingredient.objects.exists()


def test_an_unanswered_quick_scan(client, users, scan, own):
    client.force_login(users["partner_contact"])
    first = scan.items.first()
    response = client.post(
        reverse("reflection:scan-fill", args=[scan.pk, own.pk]), {f"answer_{first.pk}": "ja"}
    )
    assert response.status_code == 400
    assert "Beantwoord elke vraag (ja, deels of nee)." in response.content.decode()
    assert not ScanResponse.objects.exists()
