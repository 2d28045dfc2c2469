"""The programme page and its edit, phase and steering-form forms, through the test client."""

import pytest
from django.urls import reverse

from programme.core.services import programme_update
from programme.models import Programme

PAGE_ACCESS = [
    ("programme_team", 200, 200),
    ("board", 200, 403),
    ("secretary", 200, 403),
    ("partner_contact", 200, 403),
    ("reader", 200, 403),
    ("other_team", 403, 403),
    ("nobody", 403, 403),
    ("former_team", 403, 403),
    ("superuser", 200, 200),
]


@pytest.mark.parametrize("who, view_status, edit_status", PAGE_ACCESS)
def test_programme_page_access(client, users, programme, who, view_status, edit_status):
    client.force_login(users[who])
    assert client.get(reverse("programme:detail", args=[programme.slug])).status_code == view_status
    assert client.get(reverse("programme:edit", args=[programme.slug])).status_code == edit_status


def edit_data(programme, **changes):
    data = {
        "name": programme.name,
        "short_name": programme.short_name,
        "ambition": programme.ambition,
        "start_date": programme.start_date.isoformat(),
        "horizon_years": programme.horizon_years,
        "version": programme.version,
    }
    data.update(changes)
    return data


def test_programme_team_edits_and_history_names_them(client, users, programme):
    client.force_login(users["programme_team"])
    url = reverse("programme:edit", args=[programme.slug])
    response = client.post(url, edit_data(programme, ambition="Nieuwe ambitie"))
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.ambition == "Nieuwe ambitie"
    assert programme.version == 2
    latest = programme.history.first()
    assert latest.history_user == users["programme_team"]
    assert latest.history_change_reason == "programme.edited"


def test_board_cannot_edit_by_crafted_post(client, users, programme):
    client.force_login(users["board"])
    url = reverse("programme:edit", args=[programme.slug])
    assert client.post(url, edit_data(programme, ambition="x")).status_code == 403
    programme.refresh_from_db()
    assert programme.ambition != "x"


def test_bad_input_is_explained_per_field_in_dutch(client, users, programme):
    client.force_login(users["programme_team"])
    url = reverse("programme:edit", args=[programme.slug])
    response = client.post(url, edit_data(programme, name="", horizon_years="0"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["name"] == ["Dit veld is verplicht."]
    assert "horizon" in str(form.errors).lower() or "100" in str(form.errors)
    programme.refresh_from_db()
    assert programme.name == "Alliantie van Kracht"


def test_second_save_of_the_same_version_is_refused_and_explained(client, users, programme):
    opened_version = programme.version
    programme_update(
        programme_id=programme.pk,
        version=opened_version,
        by=users["superuser"],
        ambition="Door iemand anders gewijzigd",
    )
    client.force_login(users["programme_team"])
    url = reverse("programme:edit", args=[programme.slug])
    response = client.post(url, edit_data(programme, ambition="Mijn tekst", version=opened_version))
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "niet opgeslagen" in message
    assert "Door iemand anders gewijzigd" in message
    assert "superuser" in message.lower() or str(users["superuser"]) in message
    programme.refresh_from_db()
    assert programme.ambition == "Door iemand anders gewijzigd"
    # Saving again, after seeing the message, is a deliberate overwrite.
    again = client.post(url, {**response.context["form"].data.dict()})
    assert again.status_code == 302
    programme.refresh_from_db()
    assert programme.ambition == "Mijn tekst"


def test_phase_change_is_kept_as_history_and_shown(client, users, programme):
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("programme:phase", args=[programme.slug]),
        {"phase": "afbouw", "valid_from": "2040-01-01", "note": "Afbouw gepland"},
    )
    assert response.status_code == 302
    assert list(programme.phases.values_list("phase", flat=True)) == ["afbouw", "uitvoering"]
    page = client.get(reverse("programme:detail", args=[programme.slug])).content.decode()
    assert "Afbouw gepland" in page
    assert "01-01-2040" in page  # dates in tables: dd-mm-jjjj
    # Still in execution today: the future phase has not started.
    assert Programme.objects.get(pk=programme.pk).phases.in_force().first().phase == "uitvoering"
    assert programme.phases.first().history.first().history_user == users["programme_team"]


def test_two_phases_on_one_day_are_refused(client, users, programme):
    client.force_login(users["programme_team"])
    url = reverse("programme:phase", args=[programme.slug])
    client.post(url, {"phase": "afbouw", "valid_from": "2040-01-01"})
    response = client.post(url, {"phase": "definitie", "valid_from": "2040-01-01"}, follow=True)
    assert "Op deze datum begint al een fase" in response.content.decode()
    assert programme.phases.count() == 2


def test_steering_form_change_by_board_is_refused(client, users, programme):
    client.force_login(users["board"])
    response = client.post(
        reverse("programme:steering-form", args=[programme.slug]),
        {"steering_form": "budget", "valid_from": "2030-01-01"},
    )
    assert response.status_code == 403
    assert programme.steering_forms.count() == 1


def test_programme_page_queries_do_not_grow_with_history(
    client, users, programme, django_assert_max_num_queries
):
    from datetime import date

    from programme.core.services import programme_set_phase

    client.force_login(users["board"])
    url = reverse("programme:detail", args=[programme.slug])
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for year in range(2030, 2040):
        programme_set_phase(
            programme=programme,
            phase="uitvoering" if year % 2 else "afbouw",
            valid_from=date(year, 1, 1),
            by=users["superuser"],
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


@pytest.mark.parametrize(
    "who, sees", [("programme_team", True), ("board", False), ("reader", False)]
)
def test_edit_controls_follow_the_policy(client, users, programme, who, sees):
    client.force_login(users[who])
    page = client.get(reverse("programme:detail", args=[programme.slug])).content.decode()
    assert ("Programma bewerken" in page) is sees
    assert ("Een nieuwe fase vastleggen" in page) is sees
