"""Frameworks are data: a framework made in a test (or by an administrator) works on every page
without any code knowing it; its categories, guiding topics and statements follow its rows."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from avk.policy import Refused
from reflection import services
from reflection.models import Framework
from tests.reflection.conftest import add_point

pytestmark = pytest.mark.django_db


def test_a_new_framework_works_on_the_session_page_without_code(client, users, session, categories):
    team = users["programme_team"]
    point = add_point(session, team, category=categories["SAM"], title="Samen optrekken")
    services.observation_add(
        session=session, by=team, category=categories["INH"], text="Er is een helder ritme."
    )
    services.ingredient_add(point=point, by=team, text="Duo's vormen", owner="Programmateam")
    client.force_login(users["reader"])
    page = client.get(reverse("reflection:session-detail", args=[session.pk])).content.decode()
    for text in ("Inhoud", "Samenwerking", "Omgeving", "Doelen", "Inspanningen"):
        assert text in page  # its sides and guiding topics, as rows
    assert "Samen optrekken" in page and "Duo&#x27;s vormen" in page
    assert point.reference == "SAM-1"
    # the round list shows every framework available to the programme with its topics
    listing = client.get(reverse("reflection:round-list", args=["avk"])).content.decode()
    assert "Driehoek" in listing and "Partners" in listing


def test_categories_of_another_framework_are_refused(users, session):
    other = services.framework_create(
        by=users["superuser"], name="Ander raamwerk", categories=[("Los", "", "", [])]
    )
    with pytest.raises(ValidationError) as refused:
        add_point(session, users["programme_team"], category=other.categories.get())
    assert "category" in refused.value.message_dict


def test_ranked_statements_only_in_a_framework_that_ranks_them(users, round_, categories):
    team = users["programme_team"]
    kijkglas = services.framework_create(
        by=users["superuser"],
        name="Kijkglas",
        ranks_statements=True,
        categories=[(name, "", "", []) for name in ("Ambitie", "Belangen", "Relatie")],
    )
    ranked = services.session_create(
        round_=round_,
        by=team,
        level="overig",
        level_name="Partners",
        date=date(2017, 6, 26),
        framework=kijkglas,
    )
    relation = kijkglas.categories.get(name="Relatie")
    services.statement_add(
        session=ranked, by=team, category=relation, text="Eenheid van taal", priority=2
    )
    services.statement_add(
        session=ranked, by=team, category=relation, text="Betekenisvolle relatie", priority=1
    )
    plain = services.session_create(
        round_=round_,
        by=team,
        level="managers",
        date=date(2025, 6, 5),
        framework=categories["INH"].framework,
    )
    with pytest.raises(ValidationError) as refused:
        services.statement_add(
            session=plain, by=team, category=categories["INH"], text="x", priority=1
        )
    assert refused.value.code == "no_statements"


def test_a_programme_framework_is_not_offered_to_another_programme(
    users, programme, other_programme, round_
):
    own = services.framework_create(
        programme=other_programme, by=users["other_team"], name="Eigen Landerd"
    )
    assert own in Framework.objects.available_to(other_programme)
    assert own not in Framework.objects.available_to(programme)
    with pytest.raises(ValidationError) as refused:
        services.session_create(
            round_=round_,
            by=users["programme_team"],
            level="stuurgroep",
            date=date(2025, 6, 11),
            framework=own,
        )
    assert "framework" in refused.value.message_dict


def test_shared_frameworks_are_kept_by_superusers_only(users, programme):
    with pytest.raises(Refused):
        services.framework_create(by=users["programme_team"], name="Team-raamwerk")
    mine = services.framework_create(
        programme=programme, by=users["programme_team"], name="Team-raamwerk"
    )
    assert mine.programme == programme


def test_a_framework_in_use_cannot_be_removed_or_lose_a_used_category(
    users, session, framework, categories
):
    add_point(session, users["programme_team"], category=categories["OMG"])
    with pytest.raises(ValidationError):
        services.framework_delete(framework_id=framework.pk, by=users["superuser"])
    with pytest.raises(ValidationError):
        services.framework_part_remove(part=categories["OMG"], by=users["superuser"])
    services.framework_part_remove(part=categories["INH"], by=users["superuser"])
    assert framework.categories.count() == 2


def test_the_framework_of_a_session_is_fixed_once_points_are_recorded(users, session, categories):
    team = users["programme_team"]
    other = services.framework_create(by=users["superuser"], name="Ander")
    add_point(session, team, category=categories["INH"])
    with pytest.raises(ValidationError) as refused:
        services.session_update(
            session_id=session.pk, version=session.version, by=team, framework=other
        )
    assert "framework" in refused.value.message_dict


def test_admin_adds_a_framework_with_categories(client, users):
    client.force_login(users["superuser"])
    response = client.post(
        reverse("admin:reflection_framework_add"),
        {
            "programme": "",
            "name": "Vier vragen",
            "description": "",
            "active": "on",
            "order": "0",
            "categories-TOTAL_FORMS": "2",
            "categories-INITIAL_FORMS": "0",
            "categories-MIN_NUM_FORMS": "0",
            "categories-MAX_NUM_FORMS": "1000",
            "categories-0-order": "0",
            "categories-0-name": "Wat ging goed?",
            "categories-0-short_name": "GOED",
            "categories-0-description": "",
            "categories-1-order": "1",
            "categories-1-name": "Wat kan beter?",
            "categories-1-short_name": "BETER",
            "categories-1-description": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    framework = Framework.objects.get(name="Vier vragen")
    assert [c.name for c in framework.categories.all()] == ["Wat ging goed?", "Wat kan beter?"]
    assert framework.history.first().history_change_reason == "framework.created"
