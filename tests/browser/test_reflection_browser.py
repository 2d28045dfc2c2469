"""In Chromium: during a session the programme team records an attention point with two
ingredients and links one of them to an effort; axe-core finds no violations on the pages it
passes (session, attention point, effort)."""

from datetime import date
from pathlib import Path

import pytest

from reflection import services
from reflection.models import AttentionPoint, FollowUpLink
from tests.browser.helpers import axe_violations, log_in
from tests.factories import EffortFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = Path("/tmp/reflection-browser.png")


def test_team_records_a_point_with_ingredients_and_links_one(live_server, page, users, programme):
    team = users["programme_team"]
    framework = services.framework_create(
        by=users["superuser"],
        name="Lemniscaatmodel",
        categories=[
            ("HET-kant", "HET", "", ["Monitoren en sturen"]),
            ("WIJ-kant", "WIJ", "", ["Samenwerking in het team"]),
        ],
    )
    het = framework.categories.get(short_name="HET")
    round_ = services.round_create(
        programme=programme, by=team, title="Eilanden van reflectie 2025", year=2025
    )
    session = services.session_create(
        round_=round_, by=team, level="programmateam", date=date(2025, 6, 2), framework=framework
    )
    effort = EffortFactory(programme=programme, title="Monitoring van het programma")

    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}/reflection/sessions/{session.pk}/")
    assert axe_violations(page) == []

    # an attention point under the HET side
    page.locator(f"#add-{het.pk} > summary").click()
    page.locator(f"#point-title-{het.pk}").fill("Monitoring, effectiviteit en ervaringen")
    page.locator(f"#point-description-{het.pk}").fill("Wat willen we weten, en hoe?")
    page.locator(f"#point-add-{het.pk}").click()
    page.wait_for_load_state()
    point = AttentionPoint.objects.get()
    assert point.reference == "HET-1"
    card = page.locator(f"#point-{point.pk}")
    assert card.get_by_text("Monitoring, effectiviteit en ervaringen").is_visible()

    # two ingredients, added in place
    for text, owner in (
        ("Framework maken: wat willen we weten?", "Programmateam"),
        ("Lerend evalueren met de partners", "Werkgroep monitoring"),
    ):
        page.locator(f"#point-{point.pk} details.add-ingredient > summary").click()
        page.locator(f"#ing-text-{point.pk}").fill(text)
        page.locator(f"#ing-owner-{point.pk}").fill(owner)
        page.locator(f"#ing-add-{point.pk}").click()
        page.wait_for_load_state()
        assert page.locator(f"#point-{point.pk}").get_by_text(text).is_visible()
    assert point.ingredients.count() == 2
    assert axe_violations(page) == []

    # link the second ingredient to the effort on the attention point's page
    page.locator(f"#point-{point.pk} h4 a").click()
    page.wait_for_url(f"{live_server.url}/reflection/points/{point.pk}/")
    assert axe_violations(page) == []
    ingredient = point.ingredients.get(text__startswith="Lerend")
    page.locator(f"#ingredient-{ingredient.pk}-target").select_option(f"effort:{effort.pk}")
    page.locator(f"#ingredient-{ingredient.pk}-link-note").fill("faseplan 3")
    page.locator(f"#ingredient-{ingredient.pk}-link").click()
    page.wait_for_load_state()
    link = FollowUpLink.objects.get()
    assert link.ingredient == ingredient and link.target == effort
    assert (
        page.locator(f"#ingredient-{ingredient.pk}")
        .get_by_role("link", name="Monitoring van het programma")
        .is_visible()
    )
    assert axe_violations(page) == []
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    # and the effort shows where it came from
    page.goto(f"{live_server.url}{effort.get_absolute_url()}")
    assert page.get_by_text("Lerend evalueren met de partners").is_visible()
    assert axe_violations(page) == []
