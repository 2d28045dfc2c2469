"""The round as a PDF (A4, laid out like seed 003): introduction, the framework's figure, per
session its sides with observations, attention points and ingredients, and the summary with the
sessions side by side; read back with pdftotext."""

import shutil
import subprocess
from datetime import date

import pytest
from django.urls import reverse

from reflection import services
from tests.reflection.conftest import add_point

pytestmark = pytest.mark.django_db


def pdf_text(response, tmp_path) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) not installed: PDF text not checked")
    path = tmp_path / "round.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.replace("\u2010\n", "").split())


def test_round_pdf_contents(client, users, round_, session, categories, tmp_path):
    team = users["programme_team"]
    services.observation_add(
        session=session,
        by=team,
        category=categories["INH"],
        text="Er is een helder ritme van plannen, uitvoeren en bijstellen.",
    )
    point = add_point(session, team, category=categories["INH"])
    for text in ("Bestaande interventies inventariseren", "Framework maken"):
        services.ingredient_add(point=point, by=team, text=text, owner="Programmateam")
    services.observation_add(
        session=session,
        by=team,
        category=categories["INH"],
        kind="overig",
        text="Weten wie waar wat doet en met wie",
    )
    managers = services.session_create(
        round_=round_,
        by=team,
        level="managers",
        level_name="Managers/leidinggevenden",
        date=date(2025, 6, 5),
        framework=session.framework,
        summary="Er is een gedeeld gevoel van urgentie.",
    )
    add_point(managers, team, title="Mandaat krijgen vanuit het bestuur")
    client.force_login(users["reader"])
    response = client.get(reverse("reflection:round-pdf", args=[round_.pk]))
    assert response["Content-Disposition"] == (
        'attachment; filename="avk-eilanden-van-reflectie-2025.pdf"'
    )
    text = pdf_text(response, tmp_path)
    assert "Eilanden van reflectie 2025" in text
    assert "Elk jaar nodigen we alle partners uit op een eiland van reflectie." in text
    assert "faseplan 3" in text
    # the framework's figure: its sides with their guiding topics
    for word in ("INHOUD", "SAMENWERKING", "Doelen", "Inspanningen", "Team"):
        assert word in text, word
    # per session: sides, observations, attention points, ingredients, other points
    assert "2 juni 2025" in text and "Lauren Algra (Algra Consulting)" in text
    assert "Er is een helder ritme van plannen, uitvoeren en bijstellen." in text
    assert "Monitoring, effectiviteit en ervaringen" in text
    assert "Bestaande interventies inventariseren (Programmateam)" in text
    assert "Weten wie waar wat doet en met wie" in text
    assert "MANAGERS/LEIDINGGEVENDEN" in text.upper()
    assert "Er is een gedeeld gevoel van urgentie." in text
    assert "Mandaat krijgen vanuit het bestuur" in text
    # Dutch page numbers from the shared PDF base
    assert "Pagina 1 van" in text


def test_round_pdf_is_refused_outside_the_programme(client, users, round_):
    client.force_login(users["other_team"])
    assert client.get(reverse("reflection:round-pdf", args=[round_.pk])).status_code == 403
