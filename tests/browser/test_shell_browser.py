"""In Chromium: log in, see the home page, no axe-core violations."""

import pytest

from tests.browser.helpers import axe_violations
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_and_home_page_have_no_axe_violations(live_server, page, users, programme):
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url
    assert axe_violations(page) == []
    page.get_by_label("Gebruikersnaam").fill("programme_team")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welkom")
    assert page.get_by_role("link", name=programme.name).is_visible()
    assert axe_violations(page) == []


def test_programme_page_and_people_page_have_no_axe_violations(live_server, page, users, programme):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("programme_team")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    for path in [
        f"/programmes/{programme.slug}/",
        f"/programmes/{programme.slug}/people/",
        f"/programmes/{programme.slug}/people/add/",
    ]:
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path


def test_keyboard_reaches_the_skip_link_first_and_it_jumps_to_the_content(live_server, page, users):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("board")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")  # the form submits from the keyboard
    page.wait_for_url(f"{live_server.url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
