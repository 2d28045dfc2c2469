"""Commitments and delegation files read by `avk.spreadsheets`: Dutch headings in any case and
spacing, a title row above, empty rows, Dutch dates and amounts; a bad cell is named by its
Excel row and the file's heading, and nothing is written."""

from datetime import date
from decimal import Decimal

import pytest

from partners.models import Commitment, DelegationMember
from tests.partners.test_import import (
    confirm,
    csv_bytes,
    state,
    upload,
    xlsx,
)


@pytest.fixture
def secretary(client, users):
    client.force_login(users["secretary"])
    return users["secretary"]


def test_an_untidy_commitments_file_with_dutch_headings_is_imported(
    client,
    secretary,
    programme,
    own,
    packages,
):
    rows = [
        ["Commitments 2030", None, None, None, None, None],
        ["  PARTNER ", "pakket", "Ingangs datum", "ondertekend  op", "JAARLIJKSE BIJDRAGE",
         "Motivatie"],
        ["Noorderpoort ", " a", "01-02-2030", "15-1-2030", "€ 7.500,00", "Meer inzet"],
        [None, None, None, None, None, None],
    ]  # fmt: skip
    preview = upload(client, programme, "commitments", "c.xlsx", xlsx(rows))
    outcome = preview.context["outcome"]
    assert outcome.ok, outcome.problems
    assert outcome.headers[:3] == ["PARTNER", "pakket", "Ingangs datum"]
    assert [row["number"] for row in outcome.rows] == [3]
    confirm(client, programme, preview)
    commitment = Commitment.objects.get(partner=own, valid_from=date(2030, 2, 1))
    assert commitment.package == packages["A"]
    assert commitment.signed_on == date(2030, 1, 15)
    assert commitment.yearly_contribution == Decimal("7500.00")
    assert commitment.motivation == "Meer inzet"


def test_an_untidy_delegation_file_with_dutch_headings_is_imported(
    client,
    secretary,
    programme,
    own,
):
    rows = [
        ["Delegatie Noorderpoort"],
        [],
        [" naam ORGANISATIE", "Niveau", "naam", "functie", "E-mail ", "telefoon", "Aanspreekpunt"],
        ["Noorderpoort", "Manager", "Els de Vries", "Teamleider", "els@example.org ", "050 1234567",
         "ja"],
        [],
        ["noorderpoort", "UITVOERING", "Piet Jansen", "", "", "", "nee"],
    ]  # fmt: skip
    preview = upload(client, programme, "delegation", "d.csv", csv_bytes(rows))
    outcome = preview.context["outcome"]
    assert outcome.ok, outcome.problems
    assert [row["number"] for row in outcome.rows] == [4, 6]
    confirm(client, programme, preview)
    els = DelegationMember.objects.get(programme=programme, name="Els de Vries")
    assert (els.partner, els.level, els.function) == (own, "manager", "Teamleider")
    assert (els.email, els.is_contact) == ("els@example.org", True)
    assert els.phone
    piet = DelegationMember.objects.get(programme=programme, name="Piet Jansen")
    assert (piet.level, piet.is_contact, piet.email) == ("uitvoering", False, "")


def test_a_bad_cell_names_the_row_and_the_dutch_column_and_nothing_is_written(
    client,
    secretary,
    programme,
    own,
    packages,
):
    commitments = [
        ["Commitments"],
        ["Partner", "Pakket", "Ingangsdatum"],
        ["Noorderpoort", "A", "31-02-2030"],
    ]
    delegation = [
        ["Partner", "Niveau", "Naam"],
        ["Noorderpoort", "manager", "Een"],
        ["Noorderpoort", "directeur", "Twee"],
    ]
    before = state()
    response = upload(client, programme, "commitments", "c.xlsx", xlsx(commitments))
    (problem,) = response.context["problems"]
    assert problem.startswith("Rij 3, kolom Ingangsdatum: '31-02-2030'"), problem
    response = upload(client, programme, "delegation", "d.csv", csv_bytes(delegation))
    (problem,) = response.context["problems"]
    assert problem.startswith("Rij 3, kolom Niveau: 'directeur'"), problem
    unknown = csv_bytes([delegation[0], ["Onbekend", "manager", "X"]])
    response = upload(client, programme, "delegation", "d.csv", unknown)
    assert response.context["problems"] == [
        "Rij 2, kolom Partner: 'Onbekend' is geen partner in dit programma."
    ]
    assert state() == before
