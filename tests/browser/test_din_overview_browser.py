"""In Chromium: the DIN overview folds and unfolds (remembered after a reload), jumps to a goal
from the jump list (its efforts load when it opens), edits an effort in place with the keyboard
(Escape closes the form, the focus returns to the row after cancelling and after saving), has
a compact reading mode, shows a reader no editing controls, and has no axe-core violations.
Screenshots at 1280 px go to $AVK_SCREENSHOTS (the temporary folder by default)."""

import os
import re
import tempfile
from pathlib import Path

import pytest

from programme.din import services
from programme.models import Effort
from tests.browser.helpers import axe_violations, log_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("AVK_SCREENSHOTS", tempfile.gettempdir()))


@pytest.fixture
def din(programme, users):
    team = users["programme_team"]
    doelgroep = services.line_create(programme=programme, by=team, name="De Doelgroep")
    kansrijk = services.strategic_goal_create(
        line=doelgroep, by=team, title="Huishoudens ervaren een kansrijk toekomstperspectief"
    )
    vroeg = services.operational_goal_create(
        strategic_goal=kansrijk, by=team, title="Huishoudens zijn vroegtijdig in beeld"
    )
    bereikt = services.operational_goal_create(
        strategic_goal=kansrijk, by=team, title="Wie hulp nodig heeft wordt beter bereikt"
    )
    leren = services.line_create(programme=programme, by=team, name="Effectiviteit en Leren")
    elkaar = services.strategic_goal_create(line=leren, by=team, title="We leren van elkaar")
    agenda = services.operational_goal_create(
        strategic_goal=elkaar, by=team, title="Jaarlijks 2 leeragenda's opgesteld"
    )
    signaal = services.effort_create(
        programme=programme,
        by=team,
        title="Inzetten op vroegsignalering",
        goals=[(vroeg, "hoog"), (bereikt, "laag")],
        status="lopend",
    )
    services.effort_create(
        programme=programme, by=team, title="Leeragenda opstellen", goals=[(agenda, "hoog")]
    )
    return {"vroeg": vroeg, "bereikt": bereikt, "agenda": agenda, "signaal": signaal}


def overview(live_server, programme):
    return f"{live_server.url}/programmes/{programme.slug}/din/"


def focused(page) -> str:
    return page.evaluate(
        "(document.activeElement.getAttribute('aria-label') || '') + '|' +"
        " document.activeElement.textContent.trim()"
    )


def settled(page) -> None:
    wait_until(page, "!document.querySelector('.htmx-request, .htmx-settling')")


def test_fold_jump_and_edit_in_place_with_the_keyboard(live_server, page, users, programme, din):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "programme_team")
    page.goto(overview(live_server, programme))
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "avk-din-overview-folded.png"), full_page=True)

    # lines and strategic goals are open, operational goals folded: no efforts on the page yet
    line = page.get_by_role("button", name="Effectiviteit en Leren", exact=True)
    assert line.get_attribute("aria-expanded") == "true"
    goal = page.get_by_role("button", name="Huishoudens zijn vroegtijdig in beeld", exact=True)
    assert goal.get_attribute("aria-expanded") == "false"
    assert page.locator(".din-effort").count() == 0

    # fold a line with the keyboard; it stays folded after a reload (remembered per person)
    line.focus()
    page.keyboard.press("Enter")
    assert line.get_attribute("aria-expanded") == "false"
    strategic = page.get_by_role(
        "button",
        name=re.compile(r"^Strategisch doel\s?: We leren van elkaar$"),
        include_hidden=True,
    )
    assert strategic.count() == 1 and not strategic.is_visible()
    page.reload()
    line = page.get_by_role("button", name="Effectiviteit en Leren", exact=True)
    assert line.get_attribute("aria-expanded") == "false"

    # the jump list opens the folded line and the goal, loads its efforts, focuses it
    page.locator("#din-toc").get_by_role("link", name="Jaarlijks 2 leeragenda's opgesteld").click()
    page.wait_for_selector("#din-tree .din-effort a:has-text('Leeragenda opstellen')")
    assert line.get_attribute("aria-expanded") == "true"
    assert focused(page).endswith("Jaarlijks 2 leeragenda's opgesteld")
    assert page.evaluate("location.hash") == f"#operational-{din['agenda'].pk}"

    # open everything, close everything
    page.locator("[data-din-all=open]").click()
    assert page.locator(".din-toggle[aria-expanded=false]").count() == 0
    page.locator("[data-din-all=close]").click()
    assert page.locator(".din-toggle[aria-expanded=true]").count() == 0
    page.locator("[data-din-all=open]").click()

    # an effort is described once, under the goal it contributes most to
    page.wait_for_selector(f"#effort-{din['signaal'].pk}")
    page.wait_for_selector(f"[data-din-effort-ref='{din['signaal'].pk}']")
    assert page.locator(f"#effort-{din['signaal'].pk}").count() == 1
    settled(page)
    assert axe_violations(page) == []

    # edit the effort in place with the keyboard: its menu, "bewerken", Escape closes the form
    menu = page.get_by_role("button", name="Acties voor inspanning “Inzetten op vroegsignalering”")
    menu.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    assert focused(page).startswith("inspanning “Inzetten op vroegsignalering” bewerken")
    page.keyboard.press("Enter")
    form = page.locator(".din-form")
    form.wait_for()
    wait_until(page, "document.activeElement.closest('.din-form') !== null")
    page.screenshot(path=str(SHOTS / "avk-din-overview-edit.png"))
    page.keyboard.press("Escape")
    page.wait_for_selector(".din-form", state="detached")
    assert focused(page) == "|Inzetten op vroegsignalering"  # back on the row: its title

    # again, and save: the focus returns to the saved row
    menu.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    form.wait_for()
    wait_until(page, "document.activeElement.closest('.din-form') !== null")
    page.keyboard.press("Control+a")
    page.keyboard.type("Vroegsignalering in de wijk")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.textContent.trim() === 'Vroegsignalering in de wijk'")
    assert Effort.objects.get(pk=din["signaal"].pk).title == "Vroegsignalering in de wijk"
    assert page.evaluate("document.activeElement.closest('.din-effort').id") == (
        f"effort-{din['signaal'].pk}"
    )

    # cancelling a goal's form with the mouse also returns the focus to the row
    settled(page)
    page.get_by_role(
        "button", name="Acties voor operationeel doel “Wie hulp nodig heeft wordt beter bereikt”"
    ).click()
    page.get_by_role(
        "link", name="operationeel doel “Wie hulp nodig heeft wordt beter bereikt” bewerken"
    ).click()
    page.locator(".din-form").get_by_role("link", name="Annuleren").click()
    page.wait_for_selector(".din-form", state="detached")
    assert focused(page) == "|Wie hulp nodig heeft wordt beter bereikt"
    assert axe_violations(page) == []

    # compact reading mode: no menus, no "add" links; remembered
    page.locator("[data-din-compact]").click()
    assert page.locator("[data-din-compact]").get_attribute("aria-pressed") == "true"
    assert not page.locator(".din-actions").first.is_visible()
    assert not page.locator(".din-add").first.is_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "avk-din-overview-compact.png"), full_page=True)
    page.reload()
    assert page.locator("[data-din-compact]").get_attribute("aria-pressed") == "true"


def test_a_reader_gets_no_editing_controls(live_server, page, users, programme, din):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, "reader")
    page.goto(overview(live_server, programme))
    page.locator("[data-din-all=open]").click()
    page.wait_for_selector(f"#effort-{din['signaal'].pk}")
    assert page.locator(".din-add").count() == 0
    assert page.locator(f"#effort-{din['signaal'].pk} .din-actions").count() == 0
    # no menus: a line's or goal's history is one link
    assert page.locator("[data-din-menu]").count() == 0
    history = page.locator(f"#operational-{din['vroeg'].pk}-head .din-history-link")
    assert history.get_attribute("href").endswith(f"/din/operational/{din['vroeg'].pk}/history/")
    settled(page)
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "avk-din-overview-reader.png"), full_page=True)
