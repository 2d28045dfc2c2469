"""Realisation: what was spent and received per line, with planned, realised and the difference
per line and in total, how far the period has gone, and the entries' own rules."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from budget import selectors, services
from budget.models import Realisation, RealisationSource

pytestmark = pytest.mark.django_db


def record(budget, users, description, amount, day=date(2025, 2, 1), note=""):
    line = budget.lines.get(description=description)
    return services.realisation_record(
        budget_id=budget.pk,
        by=users["programme_team"],
        line=line,
        booked_on=day,
        amount=Decimal(amount),
        note=note,
    )


def test_realised_per_line_and_in_total(adopted, users):
    record(adopted, users, "Programmaleiding", "8163.50")
    record(adopted, users, "Programmaleiding", "8163.50", date(2025, 3, 1))
    record(adopted, users, "Programmaleiding", "-0.50", date(2025, 3, 2), "correctie")
    record(adopted, users, "Programmaondersteuning en -communicatie", "3570")
    record(adopted, users, "Bijdrage van fondsen/subsidies", "55250")
    sheet = selectors.budget_sheet(adopted)
    rows = {row.line.description: row for row in sheet.costs.rows}
    leading = rows["Programmaleiding"]
    assert (leading.planned, leading.realised) == (Decimal("97962.00"), Decimal("16326.50"))
    assert leading.difference == Decimal("81635.50")
    assert sheet.costs.realised == Decimal("19896.50")
    assert sheet.costs.difference == Decimal("173835.00") - Decimal("19896.50")
    assert sheet.coverage.realised == Decimal("55250.00")
    assert selectors.realisation_entries(adopted)[0].note == "correctie"  # newest first


def test_how_far_the_period_has_gone(concept):
    assert selectors.elapsed_share(concept, today=date(2024, 12, 31)) == 0
    assert selectors.elapsed_share(concept, today=date(2025, 4, 1)) == 91 / 365
    assert selectors.elapsed_share(concept, today=date(2026, 1, 1)) == 1


def test_recording_on_the_page_shows_the_difference(client, adopted, users):
    client.force_login(users["programme_team"])
    line = adopted.lines.get(description="Programmaleiding")
    url = reverse("budget:realisation-add", args=["avk", adopted.pk])
    response = client.post(
        url, {"line": line.pk, "booked_on": "25-01-2025", "amount": "8163,50", "note": "jan"}
    )
    assert response.status_code == 302
    page = client.get(adopted.get_absolute_url()).content.decode()
    assert "€\u00a08.163,50" in page  # realised
    assert "€\u00a089.798,50" in page  # the difference with the planned 97.962
    assert Realisation.objects.get().history.first().history_user == users["programme_team"]


def test_only_entries_made_by_hand_are_removed(adopted, users):
    entry = record(adopted, users, "Programmaleiding", "100")
    booked = Realisation.objects.create(
        programme=adopted.programme,
        budget=adopted,
        line=entry.line,
        booked_on=date(2025, 2, 2),
        amount=Decimal(5),
        source=RealisationSource.LEDGER,
        account="4010",
        fingerprint="x" * 64,
    )
    with pytest.raises(ValidationError):
        services.realisation_remove(realisation_id=booked.pk, by=users["programme_team"])
    services.realisation_remove(realisation_id=entry.pk, by=users["programme_team"])
    assert list(Realisation.objects.all()) == [booked]


def test_a_line_with_realisation_is_not_removed_from_a_concept(concept, users):
    record(concept, users, "Programmaleiding", "100")
    line = concept.lines.get(description="Programmaleiding")
    with pytest.raises(ValidationError, match="Programmaleiding"):
        services.line_remove(line_id=line.pk, by=users["programme_team"])


def test_removing_a_line_without_realisation(client, concept, users):
    client.force_login(users["programme_team"])
    line = concept.lines.get(description="Programmaleiding")
    response = client.post(
        reverse("budget:line-remove", args=["avk", line.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="budget-tables"' in response.content.decode()
    assert not concept.lines.filter(pk=line.pk).exists()
    assert concept.history.first().history_change_reason == "budget.line_removed"
