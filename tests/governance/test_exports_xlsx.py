"""The decision list as xlsx: read back with openpyxl (headers, real dates, one row per decision,
the Actiepunten sheet, formula neutralising, filename, filters and access)."""

from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from avk.exports import neutralise as safe_cell
from governance.exports import decision_list_workbook
from governance.models import ProposalStatus
from tests.factories import ActionItemFactory, ProposalFactory, ProposedDecisionFactory
from tests.governance import test_decision_list as shared
from tests.governance.test_decision_list import YEAR, url

pytestmark = pytest.mark.django_db

# the decision list's fixtures: a decided proposal (with amendment and correction), a deferred one
decided = shared.decided
deferred = shared.deferred


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return load_workbook(BytesIO(response.content))


def rows(sheet):
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_sheets_headers_rows_and_dates(client, users, board, decided):
    ActionItemFactory(
        body=board, description="Notulen rondsturen", due_date=date(2030, 1, 15), owner_text="Ria"
    )
    client.force_login(users["board"])
    response = client.get(url("decision-list-xlsx", year=YEAR))
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="besluitenlijst-avk-db-{YEAR}.xlsx"'
    )
    book = workbook(response)
    assert book.sheetnames == ["Besluitenlijst", "Actiepunten"]
    data = rows(book["Besluitenlijst"])
    assert data[0] == [
        "Nummer",
        "Datum",
        "Besloten in",
        "Voorstel",
        "Besluit",
        "Soort",
        "Tekst",
        "Oorspronkelijke tekst",
        "Uitkomst",
        "Voor",
        "Tegen",
        "Onthouding",
        "Correcties",
    ]
    assert len(data) == 1 + 4  # 3 decisions of the proposal + the correction
    by_number = {r[0]: r for r in data[1:]}
    first = by_number[f"DB-{YEAR}-001"]
    assert isinstance(first[1], datetime)  # a real date cell, not text
    assert first[1].date() == timezone.localdate()
    assert first[2].startswith("vergadering van ")
    assert first[3] == "Randvoorwaarden en programma-organisatie"
    assert first[4] == 2
    assert first[6] == "in te stemmen met de regievorm"
    assert first[8] == "aangenomen"
    assert first[9:12] == [3, 0, 1]
    assert first[12] == f"gecorrigeerd door DB-{YEAR}-003"
    amended = by_number[f"DB-{YEAR}-002"]
    assert amended[6] == "in te stemmen, gewijzigd"
    assert amended[7] == "in te stemmen met een nadere uitwerking"
    assert amended[8] == "aangenomen met wijziging"
    assert by_number[f"DB-{YEAR}-003"][12] == f"corrigeert DB-{YEAR}-001"
    noted = by_number[None]
    assert noted[8] == "kennisgenomen" and noted[9] is None
    actions = rows(book["Actiepunten"])
    assert actions[0] == ["Wat", "Wie", "Uiterlijk", "Status", "Afgerond op", "Vergadering"]
    assert actions[1][:2] == ["Notulen rondsturen", "Ria"]
    assert isinstance(actions[1][2], datetime) and actions[1][2].date() == date(2030, 1, 15)


def test_filters_apply_to_the_export(client, users, board, decided):
    client.force_login(users["board"])
    book = workbook(client.get(url("decision-list-xlsx", outcome="aangenomen_met_wijziging")))
    data = rows(book["Besluitenlijst"])
    assert [r[0] for r in data[1:]] == [f"DB-{YEAR}-002"]
    book = workbook(client.get(url("decision-list-xlsx", year=1999)))
    assert len(rows(book["Besluitenlijst"])) == 1  # header only


def test_partner_contact_gets_decided_only_and_no_action_items(
    client, users, board, decided, deferred
):
    ActionItemFactory(body=board, description="Intern punt")
    client.force_login(users["partner_contact"])
    book = workbook(client.get(url("decision-list-xlsx")))
    assert book.sheetnames == ["Besluitenlijst"]
    titles = {r[3] for r in rows(book["Besluitenlijst"])[1:]}
    assert titles == {"Randvoorwaarden en programma-organisatie"}
    client.force_login(users["programme_team"])
    book = workbook(client.get(url("decision-list-xlsx")))
    assert "Uitgesteld voorstel" in {r[3] for r in rows(book["Besluitenlijst"])[1:]}


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
)
def test_formula_like_text_is_neutralised(client, users, board, text):
    proposal = ProposalFactory(
        programme=board.programme, body=board, status=ProposalStatus.DECIDED, title=text
    )
    ProposedDecisionFactory(
        proposal=proposal,
        text=text,
        outcome="aangenomen",
        number="DB-2024-001",
        decided_on=date(2024, 2, 1),
        decided_via="vergadering",
    )
    ActionItemFactory(body=board, description=text, owner_text=text)
    client.force_login(users["programme_team"])
    book = workbook(client.get(url("decision-list-xlsx")))
    # (older openpyxl stores a lone carriage return as a newline, newer keeps it: either way
    # the cell starts with the quote that keeps it text)
    row = rows(book["Besluitenlijst"])[1]
    assert row[3][:2] in {"'" + text[0], "'" + text[0].replace("\r", "\n")}
    assert row[6].startswith("'")
    action = rows(book["Actiepunten"])[1]
    assert action[0].startswith("'") and action[1].startswith("'")
    assert action[0][1:].strip() == text.strip()
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                assert cell.data_type != "f"


def test_safe_cell_leaves_other_values_alone():
    assert safe_cell("Regievorm") == "Regievorm"
    assert safe_cell(3) == 3
    assert safe_cell(None) is None
    assert safe_cell(date(2023, 6, 19)) == date(2023, 6, 19)
    assert safe_cell("=1") == "'=1"


def test_workbook_builder_is_pure_and_leaves_actions_out_when_not_given():
    content = decision_list_workbook(decisions=[], action_items=None, today=date(2023, 6, 19))
    book = load_workbook(BytesIO(content))
    assert book.sheetnames == ["Besluitenlijst"]
    assert len(rows(book.active)) == 1  # the header row only


def test_overdue_open_action_items_say_so(client, users, board):
    today = timezone.localdate()
    ActionItemFactory(body=board, description="Te laat", due_date=today - timedelta(days=2))
    ActionItemFactory(body=board, description="Op tijd", due_date=today + timedelta(days=2))
    client.force_login(users["board"])
    data = {r[0]: r for r in rows(workbook(client.get(url("decision-list-xlsx")))["Actiepunten"])}
    assert data["Te laat"][3] == "te laat"
    assert data["Op tijd"][3] == "open"
