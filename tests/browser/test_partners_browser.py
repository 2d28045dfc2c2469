"""In Chromium: the partner contact opens "Mijn organisatie", fills an empty delegation seat and
changes the package from next month; axe-core finds no violations on any page it passes."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from partners.models import Commitment, DelegationMember, Partner
from tests.browser.helpers import axe_violations
from tests.factories import (
    TEST_PASSWORD,
    CommitmentFactory,
    CommitmentPackageFactory,
    DelegationMemberFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_contact_fills_a_seat_and_changes_the_package(live_server, page, users, programme):
    packages = {
        code: CommitmentPackageFactory(
            programme=programme,
            code=code,
            name=name,
            yearly_contribution=Decimal(amount),
            steering_group_seat=(code == "A"),
            order=i,
        )
        for i, (code, name, amount) in enumerate(
            [
                ("A", "Kernpartner", "6000"),
                ("B", "Partner", "3000"),
                ("C", "Netwerkpartner", "1000"),
            ]
        )
    }
    own = Partner.objects.get(name="Noorderpoort")
    CommitmentFactory(
        programme=programme, partner=own, package=packages["B"], valid_from=date(2023, 1, 1)
    )
    DelegationMemberFactory(
        programme=programme, partner=own, level="bestuurder", name="Bram Bedenksel", is_contact=True
    )

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("partner_contact")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_text("Lege zetel: manager 1").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Mijn organisatie").first.click()
    page.wait_for_url(f"{live_server.url}/partners/{programme.slug}/mine/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn organisatie: Noorderpoort"
    assert page.get_by_text("4 zetels zijn leeg.").is_visible()
    assert axe_violations(page) == []

    # fill the first empty front-line seat
    page.get_by_role("link", name="Deze zetel invullen (uitvoering 1)").click()
    assert page.get_by_label("Niveau").input_value() == "uitvoering"
    assert axe_violations(page) == []
    page.get_by_label("Naam").fill("Joris Proefmans")
    page.get_by_label("Functie").fill("loopbaanbegeleider")
    page.get_by_label("E-mail").fill("joris@example.org")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"{live_server.url}/partners/{programme.slug}/mine/")
    assert page.get_by_text("Joris Proefmans is aan de delegatie toegevoegd.").is_visible()
    assert page.get_by_text("3 zetels zijn leeg.").is_visible()
    assert axe_violations(page) == []

    # change the package from the first of next month
    start = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    page.get_by_role("link", name="Pakket wijzigen").click()
    assert axe_violations(page) == []
    page.get_by_label("Nieuw pakket").select_option(label="A: Kernpartner (€\xa06.000)")
    page.get_by_label("Geldig vanaf").fill(start.isoformat())
    page.get_by_label("Motivatie").fill("We willen het programma mee dragen.")
    page.get_by_role("button", name="Pakket wijzigen").click()
    page.wait_for_url(f"{live_server.url}/partners/{programme.slug}/mine/")
    assert page.get_by_text(f"Vanaf {start:%d-%m-%Y} heeft Noorderpoort pakket A.").is_visible()
    assert axe_violations(page) == []

    member = DelegationMember.objects.get(name="Joris Proefmans")
    assert (member.partner, member.level) == (own, "uitvoering")
    new = Commitment.objects.get(partner=own, valid_from=start)
    assert new.package.code == "A"
    assert new.history.first().history_user == users["partner_contact"]


def test_back_office_pages_have_no_axe_violations(live_server, page, users, programme, tmp_path):
    package = CommitmentPackageFactory(
        programme=programme, code="B", name="Partner", steering_group_seat=True
    )
    own = Partner.objects.get(name="Noorderpoort")
    CommitmentFactory(
        programme=programme, partner=own, package=package, valid_from=date(2023, 1, 1)
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("secretary")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    for path in [
        f"/partners/{programme.slug}/",
        f"/partners/{programme.slug}/?sort=-package&kind=onderwijs",
        f"/partners/{programme.slug}/{own.pk}/",
        f"/partners/{programme.slug}/{own.pk}/edit/",
        f"/partners/{programme.slug}/new/",
        f"/partners/{programme.slug}/steering-group/",
        f"/partners/{programme.slug}/steering-group/?date=morgen",
        f"/partners/{programme.slug}/import/",
    ]:
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path
    # the import preview, and a refused file
    good = tmp_path / "partners.csv"
    good.write_text("name;kind\nStichting Proef;welzijn\n")
    page.get_by_label("Bestand (xlsx of csv)").set_input_files(str(good))
    page.get_by_role("button", name="Bestand controleren").click()
    assert page.get_by_role("heading", name="Voorbeeld").is_visible()
    assert axe_violations(page) == []
    bad = tmp_path / "partners.txt"
    bad.write_text("geen spreadsheet")
    page.get_by_label("Bestand (xlsx of csv)").set_input_files(str(bad))
    page.get_by_role("button", name="Bestand controleren").click()
    assert page.get_by_text("Dit is geen spreadsheet").is_visible()
    assert axe_violations(page) == []
