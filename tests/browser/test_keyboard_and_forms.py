"""In Chromium, with the keyboard alone: a goal on the DIN overview folds and unfolds, a row's
action menu opens and Escape closes it with the focus back on its button (the in-place form,
Escape and the focus returning to the row: test_din_overview_browser.py); a board member reaches,
chooses and submits a vote with the keyboard only. Form errors are announced (role="alert") in a
summary that links to each field, and each invalid field carries aria-invalid and
aria-describedby pointing to its message (the shared crispy template, templates/bootstrap5/
errors.html). The indicator chart and the DIN diagram have text alternatives."""

from datetime import date

import pytest

from programme.din import services
from tests.browser.helpers import WCAG_21_AA, axe_violations, log_in, settled, wait_until
from tests.browser.test_din_overview_browser import din  # noqa: F401 - the fixture
from tests.browser.test_governance_browser import open_round  # noqa: F401 - the fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def active(page, expression: str = "el.id"):
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def test_din_goal_folds_and_a_row_menu_opens_and_closes_with_the_keyboard(
    live_server,
    page,
    users,
    programme,
    din,  # noqa: F811
):
    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}/programmes/{programme.slug}/din/")
    goal = page.locator(f"#operational-{din['vroeg'].pk}-title button")
    goal.focus()
    assert goal.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")  # unfold: the goal's efforts load
    page.wait_for_selector(f"#effort-{din['signaal'].pk}")
    assert goal.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Space")  # and fold again
    assert goal.get_attribute("aria-expanded") == "false"
    assert not page.locator(f"#effort-{din['signaal'].pk}").is_visible()
    page.keyboard.press("Enter")
    assert page.locator(f"#effort-{din['signaal'].pk}").is_visible()
    settled(page)

    # Tab from the goal's title reaches its action menu; Enter opens it, Escape closes it
    page.keyboard.press("Tab")
    menu_id = f"operational-{din['vroeg'].pk}-menu"
    assert active(page) == menu_id
    page.keyboard.press("Enter")
    menu = page.locator(f"#{menu_id} + .dropdown-menu")
    wait_until(
        page, f"document.querySelector('#{menu_id}').getAttribute('aria-expanded') === 'true'"
    )
    assert menu.is_visible()
    page.keyboard.press("ArrowDown")
    assert active(page, "el.closest('.dropdown-menu') !== null")
    page.keyboard.press("Escape")
    wait_until(
        page, f"document.querySelector('#{menu_id}').getAttribute('aria-expanded') === 'false'"
    )
    assert active(page) == menu_id
    assert axe_violations(page, tags=WCAG_21_AA) == []


def test_board_member_votes_with_the_keyboard_only(live_server, page, users, open_round):  # noqa: F811
    from governance.models import Vote

    log_in(page, live_server, "board")
    page.goto(f"{live_server.url}/governance/proposals/{open_round.pk}/vote/")
    first, second = open_round.decisions.filter(kind="instemmen").order_by("position")

    # Tab from the top of the page to the first vote's options
    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if active(page, "el.name || ''") == f"choice_{first.pk}":
            break
    else:
        pytest.fail("the vote's options cannot be reached with Tab")
    page.keyboard.press("Space")  # the first option: "voor"
    assert active(page, "el.value") == "voor" and active(page, "el.checked")
    # on to the second decision: Tab leaves the group (to the comment), then to the next group
    while active(page, "el.name || ''") != f"choice_{second.pk}":
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # arrows move within a radio group and choose
    page.keyboard.press("ArrowRight")
    assert active(page, "el.value") == "onthouding" and active(page, "el.checked")
    page.keyboard.press("Tab")
    page.keyboard.type("Eerst de begroting zien")
    while active(page, "el.type || ''") != "submit":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#my-votes")
    votes = {v.decision_id: (v.choice, v.comment) for v in Vote.objects.filter(user=users["board"])}
    assert votes == {
        first.pk: ("voor", ""),
        second.pk: ("onthouding", "Eerst de begroting zien"),
    }


def test_form_errors_are_announced_and_linked_to_their_fields(
    live_server,
    page,
    users,
    programme,
    din,  # noqa: F811
):
    log_in(page, live_server, "programme_team")
    page.goto(
        f"{live_server.url}/programmes/{programme.slug}/din/effort/add/?parent={din['vroeg'].pk}"
    )
    page.locator("#main form [type=submit]").first.click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has=page.locator(".alert-heading"))
    assert summary.is_visible()
    heading = summary.locator(".alert-heading").inner_text()
    link = summary.get_by_role("link", name="Titel: Dit veld is verplicht.")
    field_id = link.get_attribute("href").removeprefix("#")
    field = page.locator(f"#{field_id}")
    assert field.get_attribute("name") == "title"
    assert field.get_attribute("aria-invalid") == "true"
    described = field.get_attribute("aria-describedby").split()
    messages = [page.locator(f"#{ref}").inner_text() for ref in described]
    assert any("Dit veld is verplicht." in m for m in messages), messages
    page.screenshot(path="/tmp/browser-form-errors.png", full_page=True)
    assert axe_violations(page, tags=WCAG_21_AA) == []
    # the link takes the keyboard to the field
    link.focus()
    page.keyboard.press("Enter")
    wait_until(page, f"document.activeElement.id === '{field_id}'")

    assert heading == "Er is een probleem met dit formulier"


def test_the_indicator_chart_and_the_diagram_have_text_alternatives(
    live_server,
    page,
    users,
    programme,
    din,  # noqa: F811
):
    team = users["programme_team"]
    indicator = services.indicator_create(
        goal=din["vroeg"], by=team, name="Huishoudens in beeld", baseline_value=10, target_value=40
    )
    for year, value in ((2023, 14), (2024, 22)):
        services.measurement_enter(
            indicator=indicator,
            by=team,
            period_label=str(year),
            period_end=date(year, 12, 31),
            value=value,
        )
    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}/programmes/indicators/{indicator.pk}/")
    chart = page.locator("svg.indicator-chart")
    assert chart.get_attribute("role") == "img"
    name = page.evaluate(
        "ids => ids.split(' ').map(id => document.getElementById(id).textContent).join(' ')",
        chart.get_attribute("aria-labelledby"),
    )
    assert "Huishoudens in beeld" in name and "22" in name  # what the chart shows, in words
    table = page.locator("table.measurements-table")  # and every value in a table
    assert "2023" in table.inner_text() and "22" in table.inner_text()

    page.goto(f"{live_server.url}/programmes/{programme.slug}/din/diagram/")
    diagram = page.locator("svg.din-diagram")
    assert page.locator(f"#{diagram.get_attribute('aria-labelledby')}").text_content()
    text = page.locator("#din-text")  # the text version of the diagram, linked from the top
    assert page.locator("a[href='#din-text']").is_visible()
    assert "Inzetten op vroegsignalering" in text.inner_text()
    assert axe_violations(page, tags=WCAG_21_AA) == []


@pytest.fixture(autouse=True)
def _wide(page):
    page.set_viewport_size({"width": 1280, "height": 900})
