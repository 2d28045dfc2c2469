"""Export of the DIN to Excel and import from the same layout: round trip, dry run, row-level
Dutch errors, all or nothing."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from avk.access import forget_roles
from partners.models import Participation
from programme.din import services, transfer
from programme.models import Effort, ProgrammeLine
from tests.factories import PartnerFactory, ProgrammeFactory, RoleAssignmentFactory

pytestmark = pytest.mark.django_db


def build(programme, team):
    hanze = PartnerFactory(name="Hanzehogeschool")
    stamm = PartnerFactory(name="CMO STAMM")
    for p in (hanze, stamm):
        Participation.objects.get_or_create(programme=programme, partner=p)
    line = services.line_create(
        programme=programme, by=team, name="Effectiviteit en Leren", challenge="Weinig bekend"
    )
    s = services.strategic_goal_create(line=line, by=team, title="We leren van elkaar")
    services.strategic_goal_create(line=line, by=team, title="Leeg strategisch doel")
    a = services.operational_goal_create(strategic_goal=s, by=team, title="2 leeragenda's")
    b = services.operational_goal_create(strategic_goal=s, by=team, title="Kennisdeling")
    effort = services.effort_create(
        programme=programme,
        by=team,
        title="Lerend evalueren",
        goals=[(a, "hoog"), (b, "laag")],
        partners=[(hanze, "trekker"), (stamm, "deelnemer")],
        capitals=["sociaal", "cultureel"],
        start_month=date(2023, 8, 1),
        end_month=date(2023, 12, 1),
        status="lopend",
        progress=30,
        other_parties="ervaringsdeskundigen",
    )
    services.working_group_create(
        programme=programme, by=team, name="Monitoring en evaluatie", efforts=[effort]
    )
    services.indicator_create(
        goal=a, by=team, name="Leeragenda's per jaar", target_value=2, frequency="jaarlijks"
    )
    return hanze, stamm


def sheets(content):
    book = load_workbook(io.BytesIO(content))
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def test_round_trip_into_the_same_and_a_new_programme(programme, users):
    team = users["programme_team"]
    hanze, stamm = build(programme, team)
    exported = transfer.din_export_workbook(programme)
    data = sheets(exported)
    assert data["Inspanningen"][1][0] == "Lerend evalueren"
    assert data["Inspanningen"][1][13] == "Hanzehogeschool"
    assert data["Inspanningen"][1][10] == "2 leeragenda's"
    # into the same programme: nothing changes
    result = transfer.din_import(
        programme=programme, by=team, file=io.BytesIO(exported), dry_run=False
    )
    assert result.ok and not result.created and not result.updated
    assert result.unchanged["efforts"] == 1
    # into a fresh programme with the same partners: the same DIN
    fresh = ProgrammeFactory(slug="nieuw")
    RoleAssignmentFactory(programme=fresh, user=team)  # the import asks the policy
    forget_roles(team)
    for p in (hanze, stamm):
        Participation.objects.create(programme=fresh, partner=p)
    result = transfer.din_import(programme=fresh, by=team, file=io.BytesIO(exported), dry_run=False)
    assert result.ok, result.errors
    assert result.created == {
        "lines": 1,
        "strategic goals": 2,
        "operational goals": 2,
        "efforts": 1,
        "working groups": 1,
        "indicators": 1,
    }
    assert sheets(transfer.din_export_workbook(fresh)) == data
    effort = Effort.objects.get(programme=fresh)
    assert effort.history.first().history_user == team


def test_import_updates_changed_rows(programme, users):
    team = users["programme_team"]
    build(programme, team)
    book = load_workbook(io.BytesIO(transfer.din_export_workbook(programme)))
    book["Inspanningen"]["C2"] = "afgerond"
    book["Programmalijnen"]["A3"] = "Nieuwe lijn"
    out = io.BytesIO()
    book.save(out)
    result = transfer.din_import(programme=programme, by=team, file=out, dry_run=False)
    assert result.ok and result.updated["efforts"] == 1 and result.created["lines"] == 1
    effort = Effort.objects.get(programme=programme)
    assert (effort.status, effort.progress) == ("afgerond", 100)


def edited(programme, changes):
    book = load_workbook(io.BytesIO(transfer.din_export_workbook(programme)))
    for sheet, cell, value in changes:
        book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


@pytest.mark.parametrize(
    "changes, column, message",
    [
        (
            [("Inspanningen", "F2", "augustus")],
            "Startmaand",
            "'augustus' is geen maand; schrijf die als jjjj-mm, zoals 2023-08.",
        ),
        (
            [("Inspanningen", "K2", "Bestaat niet")],
            "Doelen (hoog)",
            "Het operationele doel 'Bestaat niet' bestaat niet; voeg het toe op het tabblad "
            "Doelen.",
        ),
        (
            [("Inspanningen", "N2", "Onbekende partner")],
            "Trekkers",
            "De partner 'Onbekende partner' neemt niet deel aan het programma.",
        ),
        (
            [("Inspanningen", "C2", "bezig")],
            "Status",
            "'bezig' is geen van de keuzes: idee, gepland, lopend, afgerond, gestopt.",
        ),
        (
            [("Inspanningen", "D2", 150)],
            "Voortgang (%)",
            "De voortgang is een percentage van 0 tot en met 100.",
        ),
        (
            [("Inspanningen", "Q2", "geluk")],
            "Kapitaalvormen",
            "'geluk' is geen kapitaalvorm; kies uit: economisch kapitaal, sociaal kapitaal,",
        ),
        (
            [("Doelen", "A2", "Geen lijn")],
            "Lijn",
            "De programmalijn 'Geen lijn' bestaat niet; voeg die toe op het tabblad "
            "Programmalijnen.",
        ),
        ([("Indicatoren", "D2", "veel")], "Nulwaarde", "'veel' is geen getal."),
        ([("Doelen", "B2", "  ")], "Strategisch doel", "Deze cel is leeg, maar hier is een"),
        ([("Programmalijnen", "A2", "x" * 201)], "Lijn", "tekens lang; er passen er hoogstens 200"),
    ],
)
def test_bad_rows_give_dutch_row_errors_and_nothing_is_saved(
    programme, users, changes, column, message
):
    """Every message names the sheet, the Excel row and the column; nothing is written."""
    team = users["programme_team"]
    build(programme, team)
    file = edited(programme, changes + [("Programmalijnen", "A3", "Zou nieuw zijn")])
    result = transfer.din_import(programme=programme, by=team, file=file, dry_run=False)
    assert not result.ok and not result.applied
    sheet, cell = changes[0][0], changes[0][1]
    start = f"Tabblad {sheet}, rij {cell[1:]}, kolom {column}: "
    assert any(e.startswith(start) and message in e for e in result.errors), result.errors
    assert not ProgrammeLine.objects.filter(name="Zou nieuw zijn").exists()  # all or nothing


def test_untidy_cells_are_cleaned_not_refused(programme, users):
    """Spaces around names, a month as a date cell or as 08-2024, "Ja"/"x", labels instead of
    codes, a goal written in other case: read as meant."""
    from datetime import date, datetime

    team = users["programme_team"]
    build(programme, team)
    effort = Effort.objects.get(programme=programme)
    goal = effort.goal_links.get(contribution="hoog").goal
    file = edited(
        programme,
        [
            ("Inspanningen", "A2", f"  {effort.title}  "),
            ("Inspanningen", "C2", "Lopend"),
            ("Inspanningen", "F2", datetime(2024, 8, 15)),
            ("Inspanningen", "G2", "07-2025"),
            ("Inspanningen", "H2", "x"),
            ("Inspanningen", "K2", goal.title.upper()),
            ("Inspanningen", "Q2", "Sociaal kapitaal; economisch"),
        ],
    )
    result = transfer.din_import(programme=programme, by=team, file=file, dry_run=False)
    assert result.ok, result.errors
    effort.refresh_from_db()
    assert (effort.status, effort.start_month, effort.end_month, effort.structural) == (
        "lopend",
        date(2024, 8, 1),
        date(2025, 7, 1),
        True,
    )
    assert {c.form for c in effort.capitals.all()} == {"sociaal", "economisch"}
    assert effort.goal_links.get(contribution="hoog").goal == goal


def test_wrong_layout_and_not_a_workbook(programme, users):
    team = users["programme_team"]
    result = transfer.din_import(
        programme=programme, by=team, file=io.BytesIO(b"no excel"), dry_run=True
    )
    assert result.errors == [
        "Het bestand is geen Excel-werkmap (.xlsx); upload de werkmap met de tabbladen "
        "Programmalijnen, Doelen, Inspanningen, Werkgroepen, Indicatoren."
    ]
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Programmalijnen"
    book.active.append(["Naam"])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    result = transfer.din_import(programme=programme, by=team, file=out, dry_run=True)
    assert any(
        e.startswith("Tabblad Programmalijnen, rij 1: De kolom Lijn ontbreekt.")
        for e in result.errors
    ), result.errors
    assert "Het tabblad Doelen ontbreekt." in result.errors
