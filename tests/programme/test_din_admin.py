"""The DIN in the admin: scoped to the staff member's programmes, saves through the services."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from programme.models import Effort, ProgrammeLine
from tests.factories import EffortFactory, ProgrammeLineFactory

pytestmark = pytest.mark.django_db


def make_staff(user):
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="programme"))
    return user


def test_din_admin_scoped_and_through_services(client, users, programme, other_programme):
    team = make_staff(users["programme_team"])
    mine = EffortFactory(programme=programme, title="Eigen inspanning")
    EffortFactory(programme=other_programme, title="Andermans inspanning")
    client.force_login(team)
    page = client.get(reverse("admin:programme_effort_changelist")).content.decode()
    assert "Eigen inspanning" in page and "Andermans inspanning" not in page
    url = reverse("admin:programme_effort_change", args=[mine.pk])
    data = {
        "title": "Hernoemd",
        "description": "",
        "status": "lopend",
        "progress": 40,
        "progress_note": "",
        "start_month": "",
        "end_month": "",
        "other_parties": "",
        "municipality": "",
        "place": "",
        "goal_links-TOTAL_FORMS": 0,
        "goal_links-INITIAL_FORMS": 0,
        "partner_links-TOTAL_FORMS": 0,
        "partner_links-INITIAL_FORMS": 0,
        "version": mine.version,  # the hidden field the admin form was opened with
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    mine.refresh_from_db()
    assert mine.title == "Hernoemd" and mine.version == 2
    assert mine.history.first().history_change_reason == "din.effort.edited"
    line = ProgrammeLineFactory(programme=programme, name="Lijn")
    client.post(reverse("admin:programme_programmeline_delete", args=[line.pk]), {"post": "yes"})
    assert not ProgrammeLine.objects.filter(pk=line.pk).exists()
    assert Effort.objects.filter(programme=other_programme).exists()


def test_show_all_lists_a_large_programmes_efforts(client, users, programme):
    """A large programme has some 500 efforts: "show all" lists every one of them (Django's
    default offers it only up to 200), still only the staff member's programme's."""
    team = make_staff(users["programme_team"])
    Effort.objects.bulk_create(
        Effort(programme=programme, title=f"Inspanning {i:03}") for i in range(250)
    )
    client.force_login(team)
    url = reverse("admin:programme_effort_changelist")
    first_page = client.get(url).content.decode()
    assert "Inspanning 000" in first_page and "Inspanning 249" not in first_page
    every = client.get(url + "?all=").content.decode()
    assert all(f"Inspanning {i:03}" in every for i in range(250))
