"""In Chromium: the secretary opens the adopted phase plan, reads its chapters and downloads its
PDF (the kept document) and its Word file; the programme team ticks an effort on a concept's
selection screen and saves it. axe-core finds no violations on either page."""

from pathlib import Path

import docx
import pytest

from programme.phases.models import PhasePlanDocument
from tests.browser.helpers import axe_violations, log_in
from tests.programme import phase_plans_setup as phase_fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/h9shots")
# the phase plans' fixtures (tests/programme/phase_plans_setup.py), for the tests here
din = phase_fixtures.din
budget = phase_fixtures.budget
board = phase_fixtures.board
concept = phase_fixtures.concept
adopted = phase_fixtures.adopted


def test_the_secretary_opens_the_adopted_plan_and_downloads_its_pdf(
    live_server, page, users, adopted, din
):
    SHOTS.mkdir(exist_ok=True)
    log_in(page, live_server, "secretary")
    page.goto(f"{live_server.url}{adopted.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Faseplan 1"
    for n in range(1, 6):
        assert page.locator(f"#h-ch-{n}").is_visible()
    chapter_3 = page.locator("#ch-3")
    assert din["efforts"][0].title in chapter_3.inner_text()
    assert chapter_3.locator("svg.phase-figure").count() == 2  # one per strategic goal
    assert page.locator("#ch-4 svg.phase-timeline").is_visible()
    assert "€\u00a0107.962" in page.locator("#ch-5").inner_text()
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "browser-phase-plan.png"), full_page=True)

    with page.expect_download() as download_info:
        page.locator("a[href$='/pdf/']").click()
    path = download_info.value.path()
    content = Path(path).read_bytes()
    assert content.startswith(b"%PDF-")
    assert download_info.value.suggested_filename == "avk-faseplan-1.pdf"
    assert content == bytes(PhasePlanDocument.objects.get(plan=adopted).content)

    with page.expect_download() as download_info:  # the same plan as a Word file
        page.locator("a[href$='/docx/']").click()
    assert download_info.value.suggested_filename == "avk-faseplan-1.docx"
    word = docx.Document(download_info.value.path())
    assert "1. Context en fasering" in [
        p.text for p in word.paragraphs if p.style.name == "Heading 1"
    ]


def test_the_team_ticks_an_effort_on_the_selection_screen(live_server, page, users, concept, din):
    SHOTS.mkdir(exist_ok=True)
    effort = din["efforts"][0]
    concept.efforts.filter(effort=effort).delete()
    log_in(page, live_server, "programme_team")
    page.goto(f"{live_server.url}{concept.get_absolute_url()}selection/")
    assert axe_violations(page) == []
    box = page.locator(f"#effort-{effort.pk}")
    assert not box.is_checked()
    box.check()
    page.locator(f"#start-{effort.pk}").fill("09-2023")
    page.locator(f"#end-{effort.pk}").fill("03-2024")
    page.screenshot(path=str(SHOTS / "browser-phase-plan-selection.png"), full_page=True)
    page.locator("form:has(input[name=version]) button[type=submit]").click()
    page.wait_for_url(f"**{concept.get_absolute_url()}")
    row = concept.efforts.get(effort=effort)
    assert (row.start_month.month, row.end_month.month) == (9, 3)
    assert "sep.\u00a02023" in page.locator("#ch-3").inner_text()
    assert axe_violations(page) == []
