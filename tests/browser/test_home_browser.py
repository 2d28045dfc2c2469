"""In Chromium at 1280 px: the home page of each role is cards under real headings, without axe
violations; changes are hidden from the keyboard; the partner directory reads well. Screenshots
go to the test's temporary folder for a person to look at."""

from datetime import timedelta

import pytest
from django.utils import timezone

from partners import services as partner_services
from tests.browser.helpers import axe_violations, log_in
from tests.factories import (
    ActionItemFactory,
    BodyFactory,
    EffortFactory,
    MeetingFactory,
    MembershipFactory,
    ParticipationFactory,
    PartnerFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(users, programme):
    board = BodyFactory(programme=programme)
    MembershipFactory(body=board, user=users["board"])
    MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=5), place="Veendam")
    ActionItemFactory(body=board, owner=users["programme_team"], description="Agenda opstellen")
    EffortFactory(programme=programme, title="Inspanning zonder doel")
    for name in ("Hanzehogeschool", "Lentis"):
        partner = PartnerFactory(name=name)
        ParticipationFactory(programme=programme, partner=partner)
        for level, person in (("manager", "Anna"), ("manager", "Bram")):
            partner_services.delegation_member_add(
                programme=programme,
                partner=partner,
                by=users["programme_team"],
                level=level,
                name=f"{person} {name}",
            )
    return programme


@pytest.mark.parametrize("who", ["programme_team", "board", "secretary", "partner_contact"])
def test_each_roles_home_page_is_cards_under_headings(live_server, page, world, who, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, who)
    assert page.get_by_role("heading", level=2).count() == 1  # the programme
    assert page.get_by_role("heading", level=3).count() >= 1  # what waits, is coming, changed
    cards = page.locator(".home-card")
    assert cards.count() == page.locator(".home-card h4").count()
    assert axe_violations(page) == []
    page.screenshot(path=str(tmp_path / f"home-{who}.png"), full_page=True)


def test_changes_are_hidden_from_the_keyboard(live_server, page, world):
    log_in(page, live_server, "programme_team")
    rows = page.locator(f"#changed-{world.pk} .home-item")
    before = rows.count()
    assert before >= 1
    page.locator(f"#changed-{world.pk} button.home-dismiss").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/#changed-{world.pk}")
    assert page.locator(".messages").is_visible()
    assert page.locator(f"#changed-{world.pk} .home-item").count() == before - 1
    assert axe_violations(page) == []


def test_the_partner_directory_has_no_axe_violations(live_server, page, world, tmp_path):
    log_in(page, live_server, "partner_contact")
    page.goto(f"{live_server.url}/partners/{world.slug}/directory/")
    assert (
        page.get_by_role("cell", name="Hanzehogeschool").count()
        + page.get_by_role("rowheader", name="Hanzehogeschool").count()
    )
    assert axe_violations(page) == []
    page.screenshot(path=str(tmp_path / "directory.png"), full_page=True)
