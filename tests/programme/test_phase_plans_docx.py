"""The phase plan as an editable Word file, read back with python-docx: real headings (Heading
1 per chapter, so Word's navigation pane and table of contents work), the goals and efforts,
the planning and the budget as real tables with both totals, the texts' Markdown as paragraphs
and lists (never raw), CONCEPT and its date on a concept; for the people who may download the
PDF and nobody else; an adopted plan's Word file is written from its frozen contents."""

from datetime import date
from io import BytesIO

import docx
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from avk.exports import DOCX_CONTENT_TYPE
from avk.policy import Refused
from programme.din import services as din_services
from programme.phases import services
from programme.phases.word import markdown_blocks
from tests.programme.phase_plans_setup import make_plan

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
ROLES = [
    "programme_team",
    "secretary",
    "board",
    "partner_contact",
    "reader",
    "nobody",
    "other_team",
    "former_team",
    "superuser",
]
READS_CONCEPTS = {"programme_team", "secretary", "board", "superuser"}
IN_PROGRAMME = READS_CONCEPTS | {"partner_contact", "reader"}


def read(content: bytes):
    return docx.Document(BytesIO(content))


def paragraphs(document, style: str | None = None) -> list[str]:
    return [p.text for p in document.paragraphs if style is None or p.style.name == style]


def all_text(document) -> str:
    """Every paragraph, table cell, header and footer, whitespace normalised (NBSP kept)."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
    return " ".join(" ".join(parts).split(" "))


def _url(plan, slug="avk"):
    return reverse("programme:phaseplan-docx", args=[slug, plan.pk])


def test_the_concept_as_a_word_file(concept, din, users, client):
    client.force_login(users["secretary"])
    response = client.get(_url(concept))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="avk-faseplan-1.docx"'
    document = read(response.content)
    chapters = paragraphs(document, "Heading 1")
    assert chapters == [
        "Vooraf",
        "1. Context en fasering",
        "2. Programmadoelen",
        "3. Inspanningen en activiteiten",
        "4. Planning van inspanningen",
        "5. Middelen",
        "Colofon",
    ]
    assert paragraphs(document, "Title") == ["Faseplan 1"]
    level_2 = paragraphs(document, "Heading 2")
    assert [line.name for line in din["lines"]] == level_2[:2]  # chapter 2: per line
    for goal in din["strategic"]:
        assert goal.title in level_2  # chapter 3: per strategic goal
    assert "Geld: programmabegroting" in level_2 and "Met dank aan" in level_2
    level_3 = paragraphs(document, "Heading 3")
    for goal in din["operational"]:
        assert goal.title in level_3
    bullets = " ".join(paragraphs(document, "List Bullet"))
    for effort in din["efforts"]:
        assert effort.title in bullets
    # the contents: Word's table of contents field, filled in with the chapters
    toc = paragraphs(document, "toc 1")
    assert toc == chapters
    assert 'TOC \\o "1-2"' in document.element.xml
    text = all_text(document)
    assert "Samen doorbreken we generatiearmoede." in text and "Noorderpoort, Cosis" in text
    # the concept marker: on the cover and in the header of every page
    today = date_format(timezone.localdate())
    cover = paragraphs(document)[: paragraphs(document).index("Inhoud")]
    assert any(p.startswith("CONCEPT") for p in cover)
    assert f"Concept van {today}" in text
    header = document.sections[0].header.paragraphs[0].text
    assert "CONCEPT" in header and today in header and "Faseplan 1" in header


def test_the_planning_and_the_budget_are_tables_with_their_totals(concept, din, users):
    document = read(services.plan_docx(concept, by=users["board"]))
    planning, costs, coverage = document.tables
    assert [cell.text for cell in planning.rows[0].cells][:3] == [
        "Inspanning",
        "Periode",
        "Trekker",
    ]
    rows = [[cell.text for cell in row.cells] for row in planning.rows[1:]]
    efforts = {row[0]: row for row in rows if row[0] != row[1]}  # goal rows span the table
    for effort in din["efforts"]:
        assert efforts[effort.title][1] == f"aug.{NBSP}2023 – dec.{NBSP}2023"
    assert "Partner A0" in efforts["Inspanning 1"][3] and "Partner B0" in efforts["Inspanning 1"][3]
    goal_rows = [row[0] for row in rows if len(set(row)) == 1]
    assert din["operational"][0].title in goal_rows
    assert [c.text for c in costs.rows[0].cells] == ["Omschrijving", "Bedrag"]
    assert [c.text for c in costs.rows[1].cells] == ["Programmaleiding", f"€{NBSP}97.962"]
    assert [c.text for c in costs.rows[-1].cells] == ["Totale kosten", f"€{NBSP}107.962"]
    assert [c.text for c in coverage.rows[-1].cells] == ["Totale dekking", f"€{NBSP}107.962"]
    assert all(run.bold for run in costs.rows[-1].cells[1].paragraphs[0].runs if run.text)
    assert costs.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # the header row repeats


def test_the_texts_markdown_becomes_paragraphs_and_lists(programme, din, budget, users):
    plan = make_plan(programme, users["programme_team"], din, budget=budget)
    services.plan_update(
        plan_id=plan.pk,
        version=plan.version,
        by=users["programme_team"],
        foreword="Een alinea met **vet** en *schuin*.\n\n- eerste punt\n- tweede punt\n\n"
        "1. stap een\n2. stap twee\n\n## Een kopje\nRegel een\nregel twee",
    )
    plan.refresh_from_db()
    document = read(services.plan_docx(plan, by=users["programme_team"]))
    found = paragraphs(document)
    start = next(
        n for n, p in enumerate(document.paragraphs) if p.style.name == "Heading 1"
    )  # the foreword
    assert found[start + 1 : start + 8] == [
        "Een alinea met vet en schuin.",
        "eerste punt",
        "tweede punt",
        "stap een",
        "stap twee",
        "Een kopje",
        "Regel een\nregel twee",
    ]
    styles = [p.style.name for p in document.paragraphs[start + 1 : start + 8]]
    assert styles == [
        "Normal",
        "List Bullet",
        "List Bullet",
        "List Number",
        "List Number",
        "Heading 3",
        "Normal",
    ]
    runs = document.paragraphs[start + 1].runs
    assert [r.text for r in runs if r.bold] == ["vet"]
    assert [r.text for r in runs if r.italic] == ["schuin"]
    assert "**" not in all_text(document)


def test_markdown_blocks():
    assert markdown_blocks("") == []
    assert markdown_blocks("a\nb\n\n* c\n  vervolg\n* d\n\n3) e") == [
        ("p", ["a", "b"]),
        ("ul", ["c vervolg", "d"]),
        ("ol", ["e"]),
    ]
    assert markdown_blocks("# Titel #\ntekst") == [("h", (1, "Titel")), ("p", ["tekst"])]


@pytest.mark.parametrize("role", ROLES)
def test_who_downloads_the_word_file(client, users, concept, board, role):
    client.force_login(users[role])
    expected = 200 if role in READS_CONCEPTS else 403
    assert client.get(_url(concept)).status_code == expected
    if role in READS_CONCEPTS:
        page = client.get(concept.get_absolute_url()).content.decode()
        assert _url(concept) in page  # the button beside the PDF's
    else:
        with pytest.raises(Refused):
            services.plan_docx(concept, by=users[role])


@pytest.mark.parametrize("role", ROLES)
def test_who_downloads_the_adopted_plans_word_file(client, users, adopted, role):
    client.force_login(users[role])
    expected = 200 if role in IN_PROGRAMME else 403
    assert client.get(_url(adopted)).status_code == expected
    if role in IN_PROGRAMME:
        page = client.get(adopted.get_absolute_url()).content.decode()
        assert _url(adopted) in page and "Word" in page


def test_nothing_across_programmes(client, users, concept, other_programme):
    client.force_login(users["other_team"])
    assert client.get(_url(concept, other_programme.slug)).status_code == 404
    client.force_login(users["programme_team"])
    assert client.get(_url(concept, other_programme.slug)).status_code == 404
    client.logout()
    response = client.get(_url(concept))
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_adopted_plans_word_file_is_the_plan_as_adopted(adopted, din, users, client):
    client.force_login(users["reader"])
    before = read(client.get(_url(adopted)).content)
    text = all_text(before)
    effort = din["efforts"][0]
    assert effort.title in text
    assert "CONCEPT" not in text
    assert "Vastgesteld door het bestuur op" in text
    din_services.effort_update(
        effort_id=effort.pk,
        version=effort.version,
        by=users["programme_team"],
        title="Een titel van later",
    )
    after = read(client.get(_url(adopted)).content)
    assert all_text(after) == text  # the same document, whatever the DIN says now
    assert "Een titel van later" not in all_text(after)
    # a concept drawn up now reads the DIN as it is
    second = services.plan_create(
        programme=adopted.programme, by=users["programme_team"], copy_from=adopted, number=2,
        title="Faseplan 2", valid_from=date(2024, 8, 1), valid_until=date(2025, 8, 31),
    )  # fmt: skip
    with override("nl"):
        assert "Een titel van later" in all_text(read(services.render_docx(second)))


def test_the_shared_word_response_takes_a_document_or_its_bytes():
    from avk.exports import docx_response

    document = docx.Document()
    document.add_heading("Kop", level=1)
    response = docx_response(document, filename="plan.docx")
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="plan.docx"'
    assert read(response.content).paragraphs[0].text == "Kop"
    again = docx_response(response.content, filename="plan.docx")
    assert again.content == response.content
