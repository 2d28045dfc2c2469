"""In Chromium: the controller (in the programme team) records a realisation line on the adopted
budget and sees the realised amount, the difference and the chart follow; on a concept, a line
is edited in place and the totals and the balance follow. axe-core finds no violations."""

from decimal import Decimal
from pathlib import Path

import pytest

from budget.models import Realisation
from tests.browser.helpers import axe_violations, log_in, wait_until
from tests.budget import conftest as budget_fixtures
from tests.budget.conftest import adopt, draw_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/h7shots")
# the budget's fixtures (tests/budget/conftest.py), for the tests here
packages = budget_fixtures.packages
members = budget_fixtures.members
board = budget_fixtures.board


def realised_width(page, index: int) -> float:
    bar = page.locator("#budget-chart g.bar").nth(index)
    return float(bar.locator("rect").nth(1).get_attribute("width"))


def test_the_controller_records_realisation_and_sees_the_difference(
    live_server, page, users, programme, members, board
):
    SHOTS.mkdir(exist_ok=True)
    team = users["programme_team"]
    budget = adopt(draw_up(programme, team), board, users)
    line = budget.lines.get(description="Programmaleiding")
    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}{budget.get_absolute_url()}")
    assert page.locator(f"#line-{line.pk} td").nth(1).inner_text() == "€\u00a00"
    assert realised_width(page, 0) == 0
    assert axe_violations(page) == []

    form = page.locator("#realisation form").first
    form.locator("#id_line").select_option(str(line.pk))
    form.locator("#id_booked_on").fill("2025-03-15")
    form.locator("#id_amount").fill("8163,50")
    form.locator("#id_note").fill("Inzet programmaleider maart")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**{budget.get_absolute_url()}#realisation")

    cells = page.locator(f"#line-{line.pk} td")
    assert cells.nth(1).inner_text() == "€\u00a08.163,50"  # realised
    assert cells.nth(2).inner_text() == "€\u00a089.798,50"  # the difference
    assert page.locator("#realised-kosten").inner_text() == "€\u00a08.163,50"
    assert realised_width(page, 0) > 0  # the chart follows
    assert Realisation.objects.get().amount == Decimal("8163.50")
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "browser-budget-realisation.png"), full_page=True)


def test_a_concept_line_is_edited_in_place(live_server, page, users, programme, members):
    concept = draw_up(programme, users["programme_team"], funds=Decimal("160000"))
    line = concept.lines.get(description="Programmaleiding")
    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}{concept.get_absolute_url()}")
    assert "€\u00a03.835" in page.locator("#balance").inner_text()  # the gap
    page.locator(f"#line-{line.pk} a[href$='/line/{line.pk}/edit/']").click()
    form = page.locator("#form-slot-kosten form[aria-labelledby]")
    form.wait_for()
    # off the button just clicked, and past its hover transition and htmx's settling
    page.mouse.move(0, 0)
    wait_until(page, "!document.querySelector('.htmx-request, .htmx-settling')")
    page.wait_for_timeout(400)
    assert axe_violations(page) == []
    form.locator("#id_amount").fill("94127")
    form.locator("button[type=submit]").click()
    wait_until(page, "!document.querySelector('#form-slot-kosten form')")
    assert page.locator("#total-kosten").inner_text() == "€\u00a0170.000"
    assert "€\u00a0170.000" in page.locator("#balance").inner_text()  # balanced now
    assert page.locator("#budget-tables .alert-success").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "browser-budget-in-place.png"), full_page=True)
