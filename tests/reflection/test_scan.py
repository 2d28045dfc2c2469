"""The quick scan: every question answered, filled in again replaces the answers, scores per
partner and counts per question for the chart, the xlsx export."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from reflection import selectors
from reflection.models import ScanResponse
from tests.reflection.conftest import fill

pytestmark = pytest.mark.django_db


def test_every_question_needs_an_answer(users, scan, own):
    with pytest.raises(ValidationError) as refused:
        fill(scan, own, ["ja", "", "nee"], by=users["partner_contact"])
    assert refused.value.code == "unanswered"
    assert not ScanResponse.objects.exists()


def test_filling_in_again_replaces_the_answers(users, scan, own):
    contact = users["partner_contact"]
    first = fill(scan, own, ["ja", "nee", "nee"], by=contact)
    items = list(scan.items.all())
    from reflection import services

    again = services.scan_fill(
        scan=scan,
        partner=own,
        answers={item.pk: ("ja", "nu wel") for item in items},
        version=first.version,
        by=contact,
    )
    assert again.pk == first.pk and again.version == first.version + 1
    assert set(again.answers.values_list("answer", flat=True)) == {"ja"}
    assert selectors.score(again.answers.all()) == 100


def test_results_per_partner_and_per_question(users, scan, own, other):
    fill(scan, own, ["ja", "deels", "nee"], by=users["partner_contact"])
    fill(scan, other, ["ja", "ja", "deels"], by=users["superuser"])
    results = selectors.scan_results(scan)
    scores = {row["partner"].name: row["score"] for row in results["rows"]}
    assert scores == {"Noorderpoort": 50, "Gemeente Emmen": 83}
    first, second, third = results["results"]
    assert first.counts == {"ja": 2} and first.share("ja") == 100
    assert [bar["share"] for bar in second.bars] == [50, 50, 0]
    assert third.counts == {"deels": 1, "nee": 1}
    assert results["average"] == 66 or results["average"] == 67
    assert results["missing"] == []


def test_results_page_has_the_chart_and_export(client, users, scan, own, other):
    fill(scan, own, ["ja", "deels", "nee"], by=users["partner_contact"], remark="=HYPERLINK(1)")
    client.force_login(users["programme_team"])
    page = client.get(reverse("reflection:scan-detail", args=[scan.pk])).content.decode()
    assert 'class="stacked-bar"' in page and "pct-100" in page
    assert "Noorderpoort" in page and "50%" in page
    assert "Gemeente Emmen" in page  # not filled in yet
    response = client.get(reverse("reflection:scan-export", args=[scan.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="quickscan-avk-')
    book = load_workbook(BytesIO(response.content))
    partners, questions = book.worksheets
    rows = list(partners.iter_rows(values_only=True))
    assert rows[0][4] == "Worden de randvoorwaarden RUG uitgevoerd?"
    noorderpoort = next(r for r in rows if r[0] == "Noorderpoort")
    assert noorderpoort[3] == 50 and noorderpoort[-1] == "'=HYPERLINK(1)"  # neutralised
    assert any(r[0] == "Gemeente Emmen" and r[3] is None for r in rows)
    counts = list(questions.iter_rows(values_only=True))
    assert counts[1][0] == "Worden de randvoorwaarden RUG uitgevoerd?" and counts[1][1:] == (
        1,
        0,
        0,
        1,
    )
