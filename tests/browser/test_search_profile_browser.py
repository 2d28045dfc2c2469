"""In Chromium: search from the header, open the profile from the account menu, make a calendar
link and read the feed it gives; no axe-core violations on the way. Screenshots go to
$AVK_SCREENSHOTS (default: the temporary folder)."""

import os
import tempfile
import urllib.request
from pathlib import Path

import pytest
from icalendar import Calendar

from partners.models import Participation
from tests.browser.helpers import axe_violations, log_in
from tests.factories import EffortFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("AVK_SCREENSHOTS", tempfile.gettempdir()))


def test_search_from_the_header_and_open_the_profile(live_server, page, users, programme):
    partner = PartnerFactory(name="Gemeente Pekela", kind="gemeente", municipality="Pekela")
    Participation.objects.create(programme=programme, partner=partner)
    EffortFactory(programme=programme, title="Schuldhulp in Pekela")
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "programme_team")

    search = page.locator("#header-search-q")
    assert search.is_visible()
    assert page.get_by_role("search").count() == 1
    search.fill("pekela")
    search.press("Enter")
    page.wait_for_url(f"{live_server.url}/search/?q=pekela")
    assert page.locator("#results-partners").is_visible()
    assert page.locator("#results-efforts").is_visible()
    assert page.get_by_role("link", name="Gemeente Pekela").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "avk-search-results.png"), full_page=True)

    page.get_by_role("link", name="Schuldhulp in Pekela").click()
    page.wait_for_url(f"{live_server.url}/programmes/efforts/*/")

    page.locator("#account-menu").click()
    page.locator('.dropdown-menu a[href="/profile/"]').click()
    page.wait_for_url(f"{live_server.url}/profile/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_text(programme.name).first.is_visible()
    assert axe_violations(page) == []

    page.locator('button[name="action"][value="make"]').click()
    page.wait_for_url(f"{live_server.url}/profile/#calendar")
    link = page.locator("#calendar-link").input_value()
    assert link.startswith(f"{live_server.url}/calendar/") and link.endswith(".ics")
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "avk-profile.png"), full_page=True)
    with urllib.request.urlopen(link) as response:  # no login: the link is the key
        calendar = Calendar.from_ical(response.read())
    assert calendar["VERSION"] == "2.0"


def test_the_header_search_on_a_small_screen(live_server, page, users):
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page, live_server, "board")
    search = page.locator("#header-search-q")
    assert search.is_visible()
    box = search.bounding_box()
    assert box["width"] > 200  # a row of its own
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "avk-header-search-small.png"))
