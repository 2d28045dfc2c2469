"""In Chromium: a board member opens the besluitenlijst from the menu: it opens on the newest year
and reads as decided ("Het DB stemt in met ..."); a year tab and the year filter (plain GET, no
JavaScript needed) show the other years; no axe-core violations."""

from datetime import date

import pytest

from governance.models import ProposalStatus
from tests.browser.helpers import axe_violations
from tests.factories import (
    TEST_PASSWORD,
    ActionItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    ProposalFactory,
    ProposedDecisionFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def decisions(programme, users):
    body = BodyFactory(programme=programme, code="DB", name="Dagelijks Bestuur")
    MembershipFactory(body=body, user=users["board"], role="lid")
    for year, title, text in [
        (2023, "Randvoorwaarden", "in te stemmen met het inzetten van een regievorm"),
        (2024, "Faseplan 2", "in te stemmen met faseplan 2"),
    ]:
        proposal = ProposalFactory(
            programme=programme, body=body, status=ProposalStatus.DECIDED, title=title
        )
        meeting = MeetingFactory(body=body)
        ProposedDecisionFactory(
            proposal=proposal,
            position=1,
            text=text,
            outcome="aangenomen",
            number=f"DB-{year}-001",
            decided_on=date(year, 6, 19),
            decided_via="vergadering",
            decided_in=meeting,
            votes_for=4,
            votes_against=0,
            votes_abstain=0,
        )
    ActionItemFactory(body=body, description="Uitgangspunten uitwerken", due_date=date(2023, 9, 1))
    return body


def test_board_member_filters_the_decision_list_by_year(live_server, page, users, decisions):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("board")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/governance/avk/proposals/")  # the programme's menu
    page.get_by_role("button", name="Besluitvorming").click()  # the menu's group
    page.get_by_role("link", name="Besluitenlijst").first.click()
    page.wait_for_url("**/besluitenlijst/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Besluitenlijst")
    # the newest year first, as decided
    assert page.get_by_text("DB-2024-001").is_visible()
    assert page.get_by_text("DB-2023-001").count() == 0
    assert page.get_by_text("Het DB stemt in met faseplan 2.").is_visible()
    assert page.get_by_text("wordt gevraagd").count() == 0
    assert page.get_by_text("te laat").is_visible()  # overdue in words, not only colour
    assert axe_violations(page) == []

    page.locator('a[href$="year=all"]').first.click()  # the "all years" tab
    page.wait_for_url("**year=all*")
    assert page.get_by_text("DB-2023-001").is_visible()
    assert page.get_by_text("DB-2024-001").is_visible()
    assert axe_violations(page) == []

    page.get_by_label("Jaar", exact=True).select_option("2023")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**/besluitenlijst/?*year=2023*")
    assert page.get_by_text("DB-2023-001").is_visible()
    assert page.get_by_text("DB-2024-001").count() == 0
    assert "year=2023" in page.get_by_role("link", name="Downloaden als Excel").get_attribute(
        "href"
    )
    page.screenshot(path="/tmp/avk-govexp-decision-list-browser.png", full_page=True)
    assert axe_violations(page) == []
