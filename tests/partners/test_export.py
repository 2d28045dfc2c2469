"""Export of the filtered partner list to xlsx and csv, with formula-looking cells neutralised."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from partners.export import neutralise
from tests.factories import DelegationMemberFactory


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 50 000", "'+31 50 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Noorderpoort", "Noorderpoort"),
        ("a=b", "a=b"),
        ("", ""),
        (3000, 3000),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.fixture
def tricky(programme, own, other):
    own.short_name = "=1+1"
    own.save()
    DelegationMemberFactory(
        programme=programme,
        partner=own,
        name="@Fenna",
        email="fenna@example.org",
        phone="+31 6 000",
        level="manager",
        is_contact=True,
    )
    return own


def test_csv_export_of_the_filtered_list(client, users, programme, tricky, other):
    client.force_login(users["secretary"])
    url = reverse("partners:export-csv", args=[programme.slug])
    response = client.get(url + "?package=B")
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="partners-{programme.slug}-' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, *data = rows
    assert header[:8] == [
        "Naam",
        "Korte naam",
        "Soort",
        "Gemeente",
        "Pakket",
        "Pakket sinds",
        "Jaarlijkse bijdrage",
        "Aanspreekpunt",
    ]
    assert len(data) == 1  # only package B
    row = dict(zip(header, data[0], strict=True))
    assert row["Naam"] == "Noorderpoort"
    assert row["Korte naam"] == "'=1+1"
    assert row["Pakket"] == "B"
    assert row["Pakket sinds"] == "2023-01-01"
    assert row["Jaarlijkse bijdrage"] == "3000.00"
    assert row["Aanspreekpunt"] == "'@Fenna"
    assert row["E-mail aanspreekpunt"] == "fenna@example.org"
    assert row["Telefoon aanspreekpunt"] == "'+31 6 000"
    assert row["Soort"] == "onderwijs"


def test_xlsx_export(client, users, programme, tricky, other):
    client.force_login(users["programme_team"])
    response = client.get(reverse("partners:export-xlsx", args=[programme.slug]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[0]
    by_name = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert set(by_name) == {"Gemeente Emmen", "Noorderpoort"}
    assert by_name["Noorderpoort"]["Korte naam"] == "'=1+1"
    assert by_name["Noorderpoort"]["Aanspreekpunt"] == "'@Fenna"
    assert by_name["Gemeente Emmen"]["Pakket"] == "A"
    assert float(by_name["Gemeente Emmen"]["Jaarlijkse bijdrage"]) == 6000.0
    # no cell is a formula
    for row in rows:
        for cell in row:
            assert not (isinstance(cell, str) and cell.startswith("="))


def test_unknown_format_is_not_found(client, users, programme):
    client.force_login(users["programme_team"])
    assert client.get(f"/partners/{programme.slug}/export.pdf").status_code == 404
