"""The phase plan's PDF, read back with pdftotext: the cover, contents and chapters, the goals,
efforts and budget totals, a CONCEPT watermark on a concept only, a page count within reason;
an adopted plan's PDF is rendered once and kept (byte-identical, and unchanged by later DIN
edits); the comparison as an annex on request."""

import shutil
import subprocess
from datetime import date

import pytest
from django.urls import reverse

from programme.din import services as din_services
from programme.phases import services
from programme.phases.models import PhasePlanDocument

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed"),
]


def pdf_text(content: bytes, tmp_path) -> tuple[str, int]:
    path = tmp_path / "plan.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    return " ".join(text.split()), pages


def test_the_concept_pdf_holds_the_plan_with_a_watermark(concept, din, users, client, tmp_path):
    client.force_login(users["secretary"])
    response = client.get(reverse("programme:phaseplan-pdf", args=["avk", concept.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="avk-faseplan-1.pdf"' in response["Content-Disposition"]
    text, pages = pdf_text(response.content, tmp_path)
    assert 6 <= pages <= 30
    assert "Faseplan 1" in text and "Alliantie van Kracht" in text  # cover and colophon
    for heading in ("1.", "2.", "3.", "4.", "5."):
        assert heading in text
    for item in (*din["strategic"], *din["operational"], *din["efforts"]):
        assert str(item) in text
    assert "€ 97.962" in text and "€ 107.962" in text  # a cost line and both totals
    assert text.count("€ 107.962") >= 2
    assert "Partner A0" in text  # the partners involved in chapter 4
    assert "Monitoring en evaluatie" in text and "CMO STAMM" in text  # working group, kartrekker
    assert "CONCEPT" in text
    assert not PhasePlanDocument.objects.exists()  # a concept is never kept


def test_the_chapters_read_as_the_programme_plan_in_dutch(concept, users, tmp_path):
    """Needs the compiled Dutch translations of the phase plans' msgids."""
    text, _pages = pdf_text(services.plan_pdf(concept, by=users["secretary"]), tmp_path)
    for heading in (
        "Inhoud",
        "Vooraf",
        "1. Context en fasering",
        "2. Programmadoelen",
        "3. Inspanningen en activiteiten",
        "4. Planning van inspanningen",
        "5. Middelen",
        "Geld: programmabegroting",
        "Totale kosten",
        "Totale dekking",
        "Colofon",
        "Met dank aan",
    ):
        assert heading in text, heading


def test_an_adopted_plan_is_rendered_once_and_stays_the_same(adopted, din, users, client, tmp_path):
    url = reverse("programme:phaseplan-pdf", args=["avk", adopted.pk])
    client.force_login(users["partner_contact"])
    first = client.get(url).content
    kept = PhasePlanDocument.objects.get(plan=adopted)
    text, _pages = pdf_text(first, tmp_path)
    assert "CONCEPT" not in text
    effort = din["efforts"][0]
    din_services.effort_update(
        effort_id=effort.pk,
        version=effort.version,
        by=users["programme_team"],
        title="Een titel van later",
    )
    client.force_login(users["reader"])
    second = client.get(url).content
    assert second == first == bytes(kept.content)
    assert PhasePlanDocument.objects.count() == 1
    assert "Een titel van later" not in pdf_text(second, tmp_path)[0]
    # rendered again from the frozen contents, the text is the same document
    again = pdf_text(services.render(adopted), tmp_path)[0]
    assert effort.title in again and "Een titel van later" not in again


def test_the_comparison_as_an_annex(adopted, programme, users, din, client, tmp_path):
    second = services.plan_create(
        programme=programme, by=users["programme_team"], copy_from=adopted, number=2,
        title="Faseplan 2", valid_from=date(2024, 8, 1), valid_until=date(2025, 8, 31),
    )  # fmt: skip
    services.selection_set(
        plan_id=second.pk,
        version=None,
        by=users["programme_team"],
        strategic_goals=[din["strategic"][0].pk],
        efforts={din["efforts"][1].pk: (date(2024, 9, 1), date(2025, 6, 1))},
    )
    client.force_login(users["board"])
    url = reverse("programme:phaseplan-pdf", args=["avk", second.pk])
    response = client.get(url, {"compare": adopted.pk})
    assert response.status_code == 200
    text, _pages = pdf_text(response.content, tmp_path)
    assert "Faseplan 1" in text and din["efforts"][0].title in text  # dropped, in the annex
    assert "sep. 2024" in text
    assert client.get(url, {"compare": "x"}).status_code == 400
