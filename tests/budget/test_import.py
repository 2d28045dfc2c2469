"""Imports through the one pipeline: budget lines from an untidy spreadsheet (a title above the
headings, headings in other case, amounts as people type them, empty and total rows), all or
nothing with a preview; and realisation from the books (ledger accounts mapped once and
remembered, unmapped transactions shown, the same export twice counted once)."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from budget import ledger_import, line_import, selectors, services
from budget.models import BudgetLine, LedgerMapping, Realisation
from tests.budget.conftest import draw_up
from tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Begroting"
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


UNTIDY = [
    ["Programmabegroting 2025 (concept)"],
    [],
    ["omschrijving", "CATEGORIE", "Bedrag (EUR)", "Bron", "inspanning", "Opmerking"],
    ["Programmaleiding", "Programmaorganisatie", "€ 98.962,-", None, None, "meer uren"],
    ["Congres", "Kennisdeling", "10.000", None, "Jaarcongres", None],
    [None, None, None, None, None, None],
    ["  Communicatie uitingen ", "Communicatie", 5000, None, None, None],
    ["TOTALE KOSTEN", None, "€ 114.962,-", None, None, None],
    ["Bijdrage gemeente Emmen", None, "2.500,50", "Gemeentelijk", None, None],
]


def test_an_untidy_file_is_previewed_then_imported(client, users, concept, programme):
    EffortFactory(programme=programme, title="Jaarcongres")
    client.force_login(users["programme_team"])
    url = reverse("budget:lines-import", args=["avk", concept.pk])
    upload = SimpleUploadedFile("begroting.xlsx", xlsx(UNTIDY))
    response = client.post(url, {"file": upload})
    plan = response.context["plan"]
    assert plan.ok, plan.problems
    assert (plan.count_new, plan.count_changed, plan.count_unchanged) == (3, 1, 0)
    notes = " ".join(plan.notes)
    assert "3" in notes and "8" in notes  # headings in row 3; the total in row 8 skipped
    assert BudgetLine.objects.filter(description="Congres").count() == 0  # nothing written yet
    token = response.context["token"]
    response = client.post(
        reverse("budget:lines-confirm", args=["avk", concept.pk]), {"token": token}
    )
    assert response.status_code == 302
    lines = {line.description: line for line in concept.lines.all()}
    assert lines["Programmaleiding"].amount == Decimal("98962.00")
    assert lines["Congres"].effort.title == "Jaarcongres"
    assert lines["Communicatie uitingen"].amount == Decimal("5000.00")
    emmen = lines["Bijdrage gemeente Emmen"]
    assert (emmen.side, emmen.source_kind, emmen.amount) == (
        "dekking",
        "gemeentelijk",
        Decimal("2500.50"),
    )
    assert concept.history.first().history_change_reason == "budget.lines_imported"
    # the same file again changes nothing
    plan = line_import.check(
        content=xlsx(UNTIDY), filename="b.xlsx", budget=concept, by=users["programme_team"]
    )
    assert (plan.count_new, plan.count_changed, plan.count_unchanged) == (0, 0, 4)


def test_a_file_with_faults_imports_nothing_and_names_row_and_column(users, concept):
    rows = [
        ["Omschrijving", "Bedrag", "Inspanning"],
        ["Congres", "-10", None],
        ["Drukwerk", "veel", None],
        ["Reizen", "100", "Bestaat niet"],
        ["Reizen", "200", None],
    ]
    plan = line_import.check(
        content=xlsx(rows), filename="b.xlsx", budget=concept, by=users["programme_team"]
    )
    assert not plan.ok and plan.rows == []
    text = "\n".join(plan.problems)
    for row in ("2", "3", "4", "5"):
        assert f"{row}" in text
    assert "Bedrag" in text and "Inspanning" in text and "Omschrijving" in text
    before = concept.lines.count()
    result = services.lines_import(
        budget_id=concept.pk, content=xlsx(rows), filename="b.xlsx", by=users["programme_team"]
    )
    assert not result.ok and concept.lines.count() == before


def export(rows, sep=";") -> bytes:
    head = sep.join(["Boekdatum", "Grootboekrekening", "Omschrijving", "Bedrag"])
    return ("\n".join([head, *(sep.join(r) for r in rows)]) + "\n").encode("utf-8")


JANUARY = [
    ("15-01-2025", "4010", "Factuur programmaleider jan", "8.163,50"),
    ("20-01-2025", "4300", "Drukwerk", "1.250,00"),
    ("20-01-2025", "4300", "Drukwerk", "1.250,00"),  # the same twice in one export: both count
    ("31-12-2024", "4010", "Vorig jaar", "100,00"),  # outside the period
    ("31-01-2025", "9999", "Onbekend", "42,00"),
]


def test_realisation_from_the_books(client, users, adopted):
    team = users["programme_team"]
    leading = adopted.lines.get(description="Programmaleiding")
    services.ledger_map(budget_id=adopted.pk, account="4010", line_id=leading.pk, by=team)
    plan = ledger_import.check(
        content=export(JANUARY), filename="export.csv", budget=adopted, by=team
    )
    assert plan.ok, plan.problems
    assert [t.amount for t in plan.mapped] == [Decimal("8163.50")]
    assert [a["account"] for a in plan.unmapped_accounts()] == ["4300", "9999"]
    assert plan.outside == 1
    # map 4300 on the preview; the preview follows
    support = adopted.lines.get(description="Programmaondersteuning en -communicatie")
    client.force_login(team)
    url = reverse("budget:ledger-import", args=["avk", adopted.pk])
    response = client.post(url, {"file": SimpleUploadedFile("export.csv", export(JANUARY))})
    token = response.context["token"]
    response = client.post(
        reverse("budget:ledger-map", args=["avk", adopted.pk]),
        {"account": "4300", "line": support.pk, "token": token},
    )
    assert response.status_code == 302 and token in response["Location"]
    plan = client.get(response["Location"]).context["plan"]
    assert len(plan.mapped) == 3 and [a["account"] for a in plan.unmapped_accounts()] == ["9999"]
    response = client.post(
        reverse("budget:ledger-confirm", args=["avk", adopted.pk]), {"token": token}
    )
    assert response.status_code == 302
    assert Realisation.objects.count() == 4  # three mapped, one kept unmapped
    sheet = selectors.budget_sheet(adopted)
    rows = {row.line.description: row.realised for row in sheet.costs.rows}
    assert rows["Programmaleiding"] == Decimal("8163.50")
    assert rows["Programmaondersteuning en -communicatie"] == Decimal("2500.00")
    assert sheet.unmapped == {"count": 1, "total": Decimal("42.00")}
    # the same export again, and an export that overlaps it: nothing counts twice
    february = [*JANUARY, ("03-02-2025", "4010", "Factuur programmaleider feb", "8.163,50")]
    again = services.ledger_import_write(
        budget_id=adopted.pk, content=export(february), filename="e.csv", by=team
    )
    assert (len(again.mapped), len(again.unmapped), again.already) == (1, 0, 4)
    assert Realisation.objects.count() == 5
    # mapping the last account later gives its transaction a line
    other = adopted.lines.get(description="Monitoring en evaluatie - evidence based")
    services.ledger_map(budget_id=adopted.pk, account="9999", line_id=other.pk, by=team)
    assert selectors.budget_sheet(adopted).unmapped["count"] == 0


def test_the_mapping_is_remembered_for_next_years_budget(users, adopted, programme):
    team = users["programme_team"]
    leading = adopted.lines.get(description="Programmaleiding")
    services.ledger_map(budget_id=adopted.pk, account="4010", line_id=leading.pk, by=team)
    next_year = draw_up(programme, team, year=2026)
    plan = ledger_import.check(
        content=export([("15-01-2026", "4010", "Factuur", "100")]),
        filename="e.csv",
        budget=next_year,
        by=team,
    )
    assert plan.mapped[0].line == next_year.lines.get(description="Programmaleiding")
    assert LedgerMapping.objects.count() == 1


def test_a_broken_export_is_refused_with_its_row(users, adopted):
    rows = [("15-01-2025", "4010", "x", "veel"), ("32-01-2025", "4010", "y", "1")]
    plan = ledger_import.check(
        content=export(rows), filename="e.csv", budget=adopted, by=users["programme_team"]
    )
    assert not plan.ok
    assert any("2" in p and "Bedrag" in p for p in plan.problems)
    assert any("3" in p and "Boekdatum" in p for p in plan.problems)
    assert not Realisation.objects.exists()


def test_the_empty_template_reads_back(client, users, concept):
    client.force_login(users["programme_team"])
    response = client.get(reverse("budget:lines-template", args=["avk", concept.pk]))
    assert response.status_code == 200
    plan = line_import.check(
        content=response.content, filename="t.xlsx", budget=concept, by=users["programme_team"]
    )
    assert not plan.ok  # headings but no rows: a clear message, not a crash
