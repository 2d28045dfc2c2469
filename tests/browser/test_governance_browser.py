"""In Chromium: the board member opens "Te besluiten", votes on each decision of the open
written round, sees the votes recorded; no axe-core violations on those pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from governance import services
from governance.models import Vote
from tests.browser.helpers import axe_violations
from tests.factories import TEST_PASSWORD, BodyFactory, MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_round(programme, users):
    body = BodyFactory(programme=programme, code="DB", name="Dagelijks Bestuur")
    MembershipFactory(body=body, user=users["board"], role="lid")
    MembershipFactory(body=body, user=UserFactory(username="chair"), role="voorzitter")
    team = users["programme_team"]
    proposal = services.proposal_create(
        programme=programme,
        body=body,
        title="Aandachtspunten faseplan 3",
        drafter=team,
        drafter_function="projectleider",
        by=team,
        introduction="Uit de **eilanden**.",
        decisions=[
            {"kind": "kennisnemen", "text": "kennis te nemen van de uitkomsten"},
            {"kind": "instemmen", "text": "in te stemmen met monitoring als aandachtspunt"},
            {"kind": "instemmen", "text": "in te stemmen met één AVK-team per partner"},
        ],
    )
    services.proposal_submit(proposal_id=proposal.pk, by=team)
    services.round_open(
        proposal_id=proposal.pk, deadline=timezone.now() + timedelta(days=5), by=team
    )
    return proposal


def test_board_member_votes_in_the_written_round(live_server, page, users, open_round):
    # Wide enough for the whole main menu: at 1280 px the shell's menu (all apps' entries)
    # pushes the language button off the dark bar (reported to the lead, templates/base.html).
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("board")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    assert "Wacht op uw stem" in page.content()

    page.get_by_role("link", name="Te besluiten").first.click()
    page.wait_for_url("**/te-besluiten/")
    assert page.get_by_role("heading", level=1).inner_text() == "Te besluiten"
    assert page.get_by_text("nog 2 stemmen uit te brengen").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name=re.compile(r"^Stemmen.*Aandachtspunten faseplan 3")).click()
    page.wait_for_url("**/vote/")
    assert axe_violations(page) == []
    decisions = list(open_round.decisions.filter(kind="instemmen").order_by("position"))
    page.get_by_role("radiogroup", name="Uw stem over besluit 2").get_by_label("voor").check()
    page.get_by_role("radiogroup", name="Uw stem over besluit 3").get_by_label("tegen").check()
    page.get_by_label("Toelichting bij besluit 3 (niet verplicht)").fill("Eerst uitwerken")
    page.get_by_role("button", name="Mijn stemmen opslaan").click()
    page.wait_for_load_state()
    assert "Uw stemmen zijn vastgelegd" in page.content()
    mine = page.locator("#my-votes")
    assert "Besluit 2: voor" in mine.inner_text()
    assert "Besluit 3: tegen – Eerst uitwerken" in mine.inner_text()
    assert (
        page.get_by_role("radiogroup", name="Uw stem over besluit 3")
        .get_by_label("tegen")
        .is_checked()
    )
    assert axe_violations(page) == []
    votes = {v.decision_id: v.choice for v in Vote.objects.filter(user=users["board"])}
    assert votes == {decisions[0].pk: "voor", decisions[1].pk: "tegen"}

    page.goto(live_server.url + open_round.get_absolute_url())
    assert page.get_by_text("Eerst uitwerken").first.is_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/governance/avk/te-besluiten/")
    assert page.get_by_text("alle stemmen uitgebracht").is_visible()


def test_team_pages_have_no_axe_violations(live_server, page, users, programme, open_round):
    from tests.factories import MeetingFactory

    team = users["programme_team"]
    body = open_round.body
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(hours=1))
    proposal = services.proposal_create(
        programme=programme,
        body=body,
        title="Op de agenda",
        drafter=team,
        by=team,
        decisions=[{"kind": "instemmen", "text": "in te stemmen"}],
    )
    services.proposal_submit(proposal_id=proposal.pk, by=team)
    services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    services.action_item_create(
        body=body, meeting=meeting, by=team, owner_text="Saskia", description="Uitwerken"
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("programme_team")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    for path in [
        "/governance/avk/proposals/",
        "/governance/avk/proposals/new/",
        "/governance/avk/meetings/",
        meeting.get_absolute_url(),
        f"/governance/proposals/{proposal.pk}/",
        f"/governance/proposals/{proposal.pk}/record/",
        body.get_absolute_url(),
    ]:
        page.goto(live_server.url + path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        assert axe_violations(page) == [], path


def _log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")


def test_secretary_follows_the_round_and_sends_a_reminder(live_server, page, users, open_round):
    from django.core import mail
    from django.urls import reverse

    body = open_round.body
    MembershipFactory(body=body, user=users["secretary"], role="secretaris")
    services.vote_cast(
        proposal_id=open_round.pk,
        by=UserFactory(username="chair"),
        votes={d.pk: ("voor", "") for d in open_round.decisions.filter(kind="instemmen")},
    )
    _log_in(page, live_server, "secretary")
    page.goto(live_server.url + reverse("governance:to-decide", args=["avk"]))
    assert page.locator("#followed-h").is_visible()  # the open round, not "nothing awaits"
    assert axe_violations(page) == []

    page.goto(live_server.url + open_round.get_absolute_url())
    waiting = page.locator("#not-voted")
    assert str(users["board"]) in waiting.inner_text()
    assert "chair" not in waiting.inner_text()
    assert axe_violations(page) == []
    mail.outbox.clear()
    remind = reverse("governance:proposal-remind", args=[open_round.pk])
    page.locator(f'form[action="{remind}"] button[type="submit"]').click()
    page.wait_for_url("**#round-h")
    assert page.locator("#reminders").is_visible()
    assert [m.to for m in mail.outbox] == [[users["board"].email]]
    page.screenshot(path="/tmp/avk-gov-round-reminder.png", full_page=True)
    assert axe_violations(page) == []


def test_attendance_bodies_and_action_items_pages_are_accessible(
    live_server, page, users, programme, open_round
):
    from django.urls import reverse

    from tests.factories import ActionItemFactory, MeetingFactory

    body = open_round.body
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(hours=1))
    ActionItemFactory(body=body, meeting=meeting, description="Uitwerken")
    MeetingFactory(body=body, starts_at=timezone.now() + timedelta(days=4))
    _log_in(page, live_server, "programme_team")

    page.goto(live_server.url + reverse("governance:meeting-attendance", args=[meeting.pk]))
    assert page.get_by_role("heading", level=1).count() == 1
    assert axe_violations(page) == []
    chair = UserFactory(username="chair")
    page.locator(f'input[name="presence_{chair.pk}"][value="aanwezig"]').check()
    page.locator(f'input[name="presence_{users["board"].pk}"][value="afgemeld"]').check()
    page.locator("#id_chair").select_option(str(chair.pk))
    page.locator('#main form button.btn-primary[type="submit"]').click()
    page.wait_for_url("**#attendance-h")
    assert str(chair) in page.locator("section[aria-labelledby=attendance-h]").inner_text()
    assert axe_violations(page) == []

    for path in [
        reverse("governance:meeting-list", args=["avk"]),
        reverse("governance:action-items", args=["avk"]),
        reverse("governance:body-create", args=["avk"]),
        reverse("governance:body-edit", args=[body.pk]),
        body.get_absolute_url(),
        reverse("governance:to-decide", args=["avk"]),
    ]:
        page.goto(live_server.url + path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        assert axe_violations(page) == [], path
    page.goto(live_server.url + reverse("governance:meeting-list", args=["avk"]))
    page.screenshot(path="/tmp/avk-gov-meetings.png", full_page=True)


def test_landerd_without_bodies_is_led_to_make_one(live_server, page, users, other_programme):
    from django.urls import reverse

    _log_in(page, live_server, "other_team")
    page.goto(live_server.url + reverse("governance:meeting-create", args=["landerd"]))
    link = page.locator(f'a[href="{reverse("governance:body-create", args=["landerd"])}"]')
    assert link.is_visible()
    assert axe_violations(page) == []
    link.click()
    page.wait_for_url("**/bodies/new/")
    page.locator("#id_kind").select_option("stuurgroep")
    page.locator("#id_name").fill("Stuurgroep Landerd")
    page.locator("#id_code").fill("sg")
    page.locator("#id_steering_level").select_option("richten")
    page.locator('input[name="save"]').click()
    page.wait_for_url("**/governance/bodies/*/")
    assert "Stuurgroep Landerd" in page.get_by_role("heading", level=1).inner_text()
    assert axe_violations(page) == []
    page.goto(live_server.url + reverse("governance:meeting-create", args=["landerd"]))
    assert page.locator("#id_body").is_visible()
