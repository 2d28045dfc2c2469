"""In Chromium: the programme team opens the DIN diagram and the planning; what the test
creates appears in both, and axe-core finds no violations on either page."""

from datetime import date

import pytest
from django.utils import timezone

from tests.browser.helpers import axe_violations, log_in
from tests.factories import (
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    OperationalGoalFactory,
    PartnerFactory,
    ProgrammeLineFactory,
    StrategicGoalFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def din(programme):
    line = ProgrammeLineFactory(programme=programme, name="De Doelgroep")
    strategic = StrategicGoalFactory(
        line=line, programme=programme, title="Huishoudens ervaren een kansrijk perspectief"
    )
    goal = OperationalGoalFactory(
        strategic_goal=strategic,
        programme=programme,
        title="Huishoudens zijn vroegtijdig in beeld",
    )
    this_month = timezone.localdate().replace(day=1)
    effort = EffortFactory(
        programme=programme,
        title="Inzetten op vroegsignalering",
        status="lopend",
        start_month=date(this_month.year - 1, 1, 1),
        end_month=date(this_month.year + 1, 12, 1),
    )
    EffortGoalFactory(effort=effort, goal=goal, contribution="hoog")
    EffortPartnerFactory(
        effort=effort, partner=PartnerFactory(name="Hanzehogeschool"), role="trekker"
    )
    idea = EffortFactory(programme=programme, title="Lokale experimenten", status="idee")
    EffortGoalFactory(effort=idea, goal=goal, contribution="laag")
    return {"goal": goal, "effort": effort}


def test_programme_team_sees_the_effort_in_the_diagram_and_the_planning(
    live_server, page, users, programme, din
):
    log_in(page, live_server, "programme_team")
    page.get_by_role("button", name="DIN", exact=True).click()  # the DIN menu
    page.get_by_role("link", name="Diagram", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "DIN-diagram"
    diagram = page.locator("svg.din-diagram")
    assert diagram.is_visible()
    # The effort created above is a node (a link with its full title) and in the text version.
    node = diagram.get_by_role("link", name="Inspanning: Inzetten op vroegsignalering")
    assert node.count() == 1
    assert diagram.get_by_text("Lopend · 50%").is_visible()
    assert diagram.get_by_text("Hanzehogeschool", exact=True).is_visible()
    text = page.locator("#din-text")
    assert text.get_by_role("link", name="Inzetten op vroegsignalering").is_visible()
    assert axe_violations(page) == []

    # Filter by partner: only the partner's effort remains.
    page.get_by_label("Partner", exact=True).select_option(label="Hanzehogeschool")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**partner=**")
    assert page.locator("svg.din-diagram").get_by_text("Lokale experimenten").count() == 0
    assert axe_violations(page) == []

    # The effort node leads to the effort page.
    page.locator("svg.din-diagram a").filter(has_text="Inzetten op").first.click()
    page.wait_for_url(f"**/efforts/{din['effort'].pk}/")

    page.goto(f"{live_server.url}/programmes/{programme.slug}/planning/")
    assert page.get_by_role("heading", level=1).inner_text() == "Planning"
    table = page.get_by_role("table")
    assert table.get_by_role("rowheader", name="Inzetten op vroegsignalering").is_visible()
    assert page.locator(".today-label").inner_text() == "vandaag"
    assert page.get_by_role("heading", name="Inspanningen zonder periode").is_visible()
    assert page.get_by_text("Lokale experimenten").is_visible()
    assert axe_violations(page) == []

    # A malformed month: a Dutch message next to the field, still no violations.
    page.goto(f"{live_server.url}/programmes/{programme.slug}/planning/?start=2024-13")
    assert page.get_by_text("Geef een maand op als JJJJ-MM").first.is_visible()
    assert axe_violations(page) == []
