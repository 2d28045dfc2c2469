"""The site shell: Dutch by default, English by choice, menus per role, home page, formats."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation


def test_dutch_by_default_even_when_the_browser_asks_for_english(client, users):
    client.force_login(users["board"])
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "Naar de inhoud" in page
    assert "Afmelden" in page
    assert response["Content-Language"] == "nl"


def test_english_after_choosing_it(client, users):
    client.force_login(users["board"])
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in page
    assert "Skip to main content" in page
    assert "Log out" in page
    assert "Nederlands" in page  # the way back


def test_login_page_is_dutch_and_switchable_without_login(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "Inloggen" in page and "Wachtwoord vergeten?" in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert "Forgot your password?" in client.get(reverse("login")).content.decode()


def test_menu_shows_only_what_the_role_allows(client, users, programme):
    client.force_login(users["programme_team"])
    team_page = client.get(reverse("programme:detail", args=[programme.slug])).content.decode()
    assert "Mensen en rollen" in team_page
    client.force_login(users["board"])
    board_page = client.get(reverse("programme:detail", args=[programme.slug])).content.decode()
    assert "Mensen en rollen" not in board_page
    assert "Programma" in board_page


def test_programme_switch_for_people_in_several_programmes(
    client, users, programme, other_programme
):
    from avk.access import Role
    from tests.factories import RoleAssignmentFactory

    user = users["board"]
    RoleAssignmentFactory(programme=other_programme, user=user, role=Role.READER)
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert 'id="programme-switch"' in page
    assert other_programme.get_absolute_url() in page and programme.get_absolute_url() in page
    # Only one programme: no switch.
    client.force_login(users["secretary"])
    assert 'id="programme-switch"' not in client.get(reverse("home")).content.decode()


def test_home_lists_the_users_programmes_with_roles(client, users, programme, other_programme):
    client.force_login(users["secretary"])
    page = client.get(reverse("home")).content.decode()
    assert programme.name in page and "secretariaat" in page
    assert other_programme.name not in page


def test_home_tells_someone_without_roles_what_to_do(client, users):
    client.force_login(users["nobody"])
    assert "nog geen rol" in client.get(reverse("home")).content.decode()


def test_footer_shows_the_portal_version(client, users):
    import avk

    client.force_login(users["board"])
    assert f"versie {avk.__version__}" in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(
    "language, expected",
    [
        ("nl", "€\u00a0249.750 | 19 juni 2023 | 1.234"),
        ("en", "€249,750 | 19 June 2023 | 1,234"),
    ],
)
def test_money_dates_and_numbers_follow_the_language(language, expected):
    template = Template("{% load avk %}{{ amount|money }} | {{ day|date }} | {{ count|number }}")
    with translation.override(language):
        rendered = template.render(
            Context({"amount": Decimal("249750"), "day": date(2023, 6, 19), "count": 1234})
        )
    assert rendered == expected


def test_home_query_count_does_not_grow_with_programmes(
    client, users, django_assert_max_num_queries
):
    from avk.access import Role
    from tests.factories import ProgrammeFactory, RoleAssignmentFactory

    user = users["reader"]
    client.force_login(user)
    client.get(reverse("home"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("home"))
    for _n in range(8):
        RoleAssignmentFactory(programme=ProgrammeFactory(), user=user, role=Role.READER)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("home")).content.decode()
    assert page.count('class="home-programme"') == 9


def test_error_page_for_refused_access_is_dutch(client, users, other_programme):
    client.force_login(users["board"])
    response = client.get(reverse("programme:detail", args=[other_programme.slug]))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
