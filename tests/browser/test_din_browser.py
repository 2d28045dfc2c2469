"""In Chromium: the programme team adds an operational goal and an effort in the DIN overview,
moves the goal up with the keyboard (through the goal's menu), and sees it; no axe-core
violations on the overview. Folding, the jump list and focus: test_din_overview_browser.py."""

import pytest

from programme.din import services
from programme.models import Effort, OperationalGoal
from tests.browser.helpers import axe_violations, log_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_adds_goal_and_effort_and_moves_the_goal_up_with_the_keyboard(
    live_server, page, users, programme
):
    team = users["programme_team"]
    line = services.line_create(programme=programme, by=team, name="Het Werkveld")
    sgoal = services.strategic_goal_create(line=line, by=team, title="Maatwerk vanuit het werkveld")
    services.operational_goal_create(strategic_goal=sgoal, by=team, title="Langdurige inzet")
    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}/programmes/{programme.slug}/din/")
    assert axe_violations(page) == []

    # add an operational goal in place (htmx form inside the strategic goal)
    page.get_by_role(
        "link", name='Operationeel doel toevoegen aan "Maatwerk vanuit het werkveld"'
    ).click()
    form = page.locator(".din-form")
    form.get_by_label("Titel").fill("Meer tijd en ruimte")
    form.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector("#din-tree h4:has-text('Meer tijd en ruimte')")
    new_goal = OperationalGoal.objects.get(title="Meer tijd en ruimte")
    assert new_goal.order == 1

    # the saved goal has the focus: open it (its efforts load) and add an effort, in place
    wait_until(page, "document.activeElement.textContent.trim() === 'Meer tijd en ruimte'")
    page.keyboard.press("Enter")
    page.get_by_role("link", name='Inspanning toevoegen aan "Meer tijd en ruimte"').click()
    form = page.locator(".din-form")
    form.get_by_label("Titel").fill("Warme overdrachten organiseren")
    form.get_by_label("Status").select_option("gepland")
    form.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector("#din-tree a:has-text('Warme overdrachten organiseren')")
    effort = Effort.objects.get(title="Warme overdrachten organiseren")
    assert list(effort.goals.all()) == [new_goal]
    assert axe_violations(page) == []  # with the tree re-rendered

    # move the new goal up with the keyboard: open its menu, go to "omhoog", press Enter
    # Let htmx finish settling the previous swap, so the button we focus is the one on screen.
    wait_until(page, "!document.querySelector('.htmx-request, .htmx-settling')")
    menu = page.get_by_role("button", name="Acties voor operationeel doel “Meer tijd en ruimte”")
    menu.focus()
    menu.press("Enter")
    up = page.get_by_role("button", name="Verplaats operationeel doel “Meer tijd en ruimte” omhoog")
    up.focus()
    up.press("Enter")  # a key press on the focused button, as a keyboard user does
    wait_until(
        page,
        "document.querySelectorAll('#din-tree h4')[0].textContent.includes('Meer tijd en ruimte')",
    )
    titles = page.locator("#din-tree h4").all_inner_texts()
    assert titles == ["Meer tijd en ruimte", "Langdurige inzet"]
    new_goal.refresh_from_db()
    assert new_goal.order == 0
    # the focus stays in the goal's menu (its "omhoog" is now disabled: "omlaag")
    wait_until(
        page,
        "(document.activeElement.getAttribute('aria-label') || '').includes('Meer tijd en ruimte')",
    )
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused.endswith("omlaag")
    assert axe_violations(page) == []

    # and the new goal and effort are in the DIN diagram (drawn by the visuals' page)
    page.goto(f"{live_server.url}/programmes/{programme.slug}/din/diagram/")
    content = page.content()
    assert "Meer tijd en ruimte" in content and "Warme overdrachten organiseren" in content


def test_inline_form_validation_message_next_to_the_field(live_server, page, users, programme):
    team = users["programme_team"]
    services.line_create(programme=programme, by=team, name="De Doelgroep")
    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}/programmes/{programme.slug}/din/")
    page.get_by_role("button", name="Acties voor programmalijn “De Doelgroep”").click()
    page.get_by_role("link", name="programmalijn “De Doelgroep” bewerken").click()
    form = page.locator(".din-form")
    form.get_by_label("Naam").fill("")
    form.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector(".din-form .invalid-feedback")
    assert "verplicht" in page.locator(".din-form .invalid-feedback").first.inner_text()
    assert axe_violations(page) == []


def test_effort_indicator_health_and_working_group_pages_have_no_axe_violations(
    live_server, page, users, programme
):
    from datetime import date

    team = users["programme_team"]
    line = services.line_create(programme=programme, by=team, name="Effectiviteit en Leren")
    sgoal = services.strategic_goal_create(line=line, by=team, title="We leren van elkaar")
    goal = services.operational_goal_create(
        strategic_goal=sgoal, by=team, title="Jaarlijks 2 leeragenda's"
    )
    effort = services.effort_create(
        programme=programme, by=team, title="Leeragenda opstellen", goals=[goal], status="lopend"
    )
    indicator = services.indicator_create(
        goal=goal, by=team, name="Leeragenda's per jaar", baseline_value=0, target_value=2
    )
    services.measurement_enter(
        indicator=indicator, by=team, period_label="2024", period_end=date(2024, 12, 31), value=2
    )
    group = services.working_group_create(
        programme=programme, by=team, name="Monitoring en evaluatie", efforts=[effort]
    )
    log_in(page, live_server, "programme_team")
    for path in [
        f"/programmes/efforts/{effort.pk}/",
        f"/programmes/indicators/{indicator.pk}/",
        f"/programmes/{programme.slug}/din/health/",
        f"/programmes/workinggroups/{group.pk}/",
        f"/programmes/{programme.slug}/workinggroups/",
        f"/programmes/{programme.slug}/din/effort/{effort.pk}/edit/",
        f"/programmes/{programme.slug}/din/operational/{goal.pk}/delete/",
        f"/programmes/{programme.slug}/din/import/",
    ]:
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path
