"""The budget exported to Excel and opened back: the lines with planned, realised and the
difference as numbers, both totals and the balance, the realisation entries, and the member
contributions per partner and per package."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from budget import services

pytestmark = pytest.mark.django_db


def test_the_export_opened_back(client, users, adopted):
    services.realisation_record(
        budget_id=adopted.pk,
        by=users["programme_team"],
        line=adopted.lines.get(description="Programmaleiding"),
        booked_on=date(2025, 1, 25),
        amount=Decimal("8163.50"),
        note='=HYPERLINK("x")',
    )
    client.force_login(users["board"])
    response = client.get(reverse("budget:export", args=["avk", adopted.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="begroting-avk-2025-' in response["Content-Disposition"]
    book = load_workbook(BytesIO(response.content))
    lines, realised, partners, packages = book.worksheets
    rows = [[cell.value for cell in row] for row in lines.iter_rows(min_row=2)]
    leading = next(r for r in rows if r[2] == "Programmaleiding")
    assert leading[1] == "Programmaorganisatie"
    assert leading[3:6] == [97962, 8163.5, 89798.5]
    assert lines.cell(row=2, column=4).number_format == "#,##0.00"
    totals = [r for r in rows if r[0] in ("", None) and r[3] is not None]
    assert [t[3] for t in totals] == [173835, 173835, 0]  # costs, coverage, balance
    name = adopted.lines.get(derived=True).description
    derived = next(r for r in rows if r[2] == name)
    assert derived[3] == 10000
    entries = [[c.value for c in row] for row in realised.iter_rows(min_row=2)]
    assert entries[0][1:4] == ["Programmaleiding", 8163.5, '\'=HYPERLINK("x")']
    assert entries[0][0].date() == date(2025, 1, 25)
    per_partner = {r[0].value: r[2].value for r in partners.iter_rows(min_row=2)}
    assert per_partner["Noorderpoort"] == 3000
    assert max(per_partner.values()) == 10000  # the total row
    assert sum(r[3].value for r in packages.iter_rows(min_row=2)) == 10000


def test_export_is_for_the_back_office_and_the_board(client, users, adopted):
    client.force_login(users["partner_contact"])
    assert client.get(reverse("budget:export", args=["avk", adopted.pk])).status_code == 403
