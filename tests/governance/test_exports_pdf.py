"""The PDFs: decision list, meeting (agenda before, minutes after) and proposal (the memo of
seed 001), read back with pdftotext; and who may download them."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from governance import services
from tests.factories import ActionItemFactory, MeetingFactory, UserFactory
from tests.governance import test_decision_list as shared
from tests.governance.test_decision_list import YEAR, url

pytestmark = pytest.mark.django_db

# the decision list's fixtures: a decided proposal (with amendment and correction), a deferred one
decided = shared.decided
deferred = shared.deferred


def pdf_text(response, tmp_path) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) not installed: PDF text not checked")
    path = tmp_path / "out.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # one line: wrapping in cells does not matter, nor hyphenation (U+2010) at a line end
    return " ".join(text.replace("\u2010\n", "").split())


# --- decision list ---------------------------------------------------------------------------


def test_decision_list_pdf_contents(client, users, board, decided, tmp_path):
    ActionItemFactory(body=board, description="Notulen rondsturen", owner_text="Ria")
    client.force_login(users["board"])
    response = client.get(url("decision-list-pdf", year=YEAR))
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="besluitenlijst-avk-db-{YEAR}.pdf"'
    )
    text = pdf_text(response, tmp_path)
    assert "Besluitenlijst Dagelijks Bestuur" in text
    assert "alliantie van kracht" in text.lower()  # the programme
    assert f"Jaar {YEAR}" in text and "Uitkomst alle uitkomsten" in text
    assert f"Afgedrukt op {date_format(timezone.localdate())}" in text
    for number in (f"DB-{YEAR}-001", f"DB-{YEAR}-002", f"DB-{YEAR}-003"):
        assert number in text
    # as decided, not as asked ("Het DB stemt in met ...")
    assert "Het DB stemt in met de regievorm." in text
    assert "Het DB neemt kennis van dit voorstel." in text
    assert "wordt gevraagd" not in text
    assert "in te stemmen, gewijzigd" in text  # the amended text
    assert "Gewijzigd aangenomen. Zoals voorgesteld: in te stemmen met een nadere" in text
    assert f"Corrigeert DB-{YEAR}-001" in text and f"Gecorrigeerd door DB-{YEAR}-003" in text
    assert "3 voor, 0 tegen, 1" in text and "onthouding" in text
    assert "Actiepunten" in text and "Notulen rondsturen" in text
    assert "Pagina 1 van 1" in text


def test_decision_list_pdf_repeats_the_table_header_on_every_page(client, users, board, tmp_path):
    shared._decisions(board.programme, board, 60)
    client.force_login(users["board"])
    response = client.get(url("decision-list-pdf"))
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) not installed")
    path = tmp_path / "long.pdf"
    path.write_bytes(response.content)
    pages = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    with_decisions = [p for p in pages if "DB-2022-" in p]
    assert len(with_decisions) >= 2
    for page in with_decisions:
        assert "Nummer" in page and "Uitkomst" in page  # the header row repeats
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} van {len(pages)}" in page


def test_partner_contact_pdf_has_decided_only_and_no_action_items(
    client, users, board, decided, deferred, tmp_path
):
    ActionItemFactory(body=board, description="Intern punt")
    client.force_login(users["partner_contact"])
    text = pdf_text(client.get(url("decision-list-pdf")), tmp_path)
    assert f"DB-{YEAR}-001" in text
    assert "Uitgesteld voorstel" not in text
    assert "Intern punt" not in text and "Actiepunten" not in text


# --- meeting ---------------------------------------------------------------------------------


@pytest.fixture
def planned(programme, board, users):
    team = users["programme_team"]
    meeting = MeetingFactory(
        body=board, starts_at=timezone.now() + timedelta(days=7), place="Veendam, Raadhuis"
    )
    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Regievorm uitwerken",
        drafter=team,
        by=team,
        decisions=[
            {"kind": "kennisnemen", "text": "kennis te nemen van de uitwerking"},
            {"kind": "instemmen", "text": "in te stemmen met de ontwerpuitgangspunten"},
        ],
    )
    services.proposal_submit(proposal_id=proposal.pk, by=team)
    services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    services.agenda_item_add(meeting=meeting, title="Rondvraag", by=team)
    return meeting


def test_meeting_pdf_before_the_meeting_is_the_agenda(client, users, planned, tmp_path):
    client.force_login(users["board"])
    response = client.get(reverse("governance:meeting-pdf", args=[planned.pk]))
    assert 'filename="agenda-db-' in response["Content-Disposition"]
    text = pdf_text(response, tmp_path)
    assert "Agenda: vergadering Dagelijks Bestuur" in text
    assert "Veendam, Raadhuis" in text
    assert date_format(timezone.localtime(planned.starts_at), "j F Y, H:i") in text
    assert "1. Regievorm uitwerken" in text and "2. Rondvraag" in text
    assert "1. kennis te nemen van de uitwerking" in text
    assert "2. in te stemmen met de ontwerpuitgangspunten" in text
    assert "Verslag" not in text and "Uitkomst" not in text
    assert "Pagina 1 van 1" in text


def test_meeting_pdf_once_held_has_minutes_outcomes_and_action_items(
    client, users, board, decided, tmp_path
):
    meeting = decided.decisions.get(position=2).decided_in
    meeting.refresh_from_db()
    services.meeting_update(
        meeting_id=meeting.pk,
        version=meeting.version,
        by=users["secretary"],
        minutes="## Besproken\n\nHet bestuur **stemt in**.\n\n<script>alert('x')</script>",
    )
    services.action_item_create(
        body=board,
        meeting=meeting,
        by=users["secretary"],
        owner_text="Saskia",
        description="Uitgangspunten uitwerken",
        due_date=timezone.localdate() + timedelta(days=30),
    )
    client.force_login(users["board"])
    response = client.get(reverse("governance:meeting-pdf", args=[meeting.pk]))
    assert 'filename="verslag-db-' in response["Content-Disposition"]
    text = pdf_text(response, tmp_path)
    assert "Verslag: vergadering Dagelijks Bestuur" in text
    assert "Besproken" in text and "Het bestuur stemt in." in text
    assert "alert" not in text and "<script" not in text
    assert f"Uitkomst: aangenomen · DB-{YEAR}-001 · 3 voor, 0 tegen, 1 onthouding" in text
    assert "Uitkomst: kennisgenomen" in text
    assert "in te stemmen, gewijzigd" in text
    assert "Actiepunten" in text and "Uitgangspunten uitwerken" in text and "Saskia" in text


MEETING_ACCESS = [
    ("programme_team", 200),
    ("secretary", 200),
    ("board", 200),
    ("superuser", 200),
    ("partner_contact", 403),
    ("reader", 403),
    ("other_team", 403),
    ("nobody", 403),
    ("former_team", 403),
]


@pytest.mark.parametrize("who, status", MEETING_ACCESS)
def test_meeting_pdf_access(client, users, planned, who, status):
    client.force_login(users[who])
    assert client.get(reverse("governance:meeting-pdf", args=[planned.pk])).status_code == status


def test_meeting_pdf_for_a_member_of_the_body_without_a_role(client, planned):
    from tests.factories import MembershipFactory

    member = UserFactory(username="lid-zonder-rol")
    MembershipFactory(body=planned.body, user=member, role="lid")
    client.force_login(member)
    assert client.get(reverse("governance:meeting-pdf", args=[planned.pk])).status_code == 200


# --- proposal --------------------------------------------------------------------------------


def test_proposal_pdf_is_laid_out_like_the_memo(client, users, board, decided, tmp_path):
    client.force_login(users["reader"])
    response = client.get(reverse("governance:proposal-pdf", args=[decided.pk]))
    assert 'filename="voorstel-2023-06-19-randvoorwaarden' in response["Content-Disposition"]
    text = pdf_text(response, tmp_path)
    head = text[: text.index("Inleiding")]
    assert "Memo Dagelijks Bestuur AVK" in head
    # Aan, Van, Datum, Onderwerp, Bijlagen: the memo's own head (seed 001)
    assert head.index("Aan: Dagelijks Bestuur AVK") < head.index("Van:") < head.index("Datum:")
    assert "(projectleider)" in head
    assert "Datum: 19 juni 2023" in head
    assert "Onderwerp: Randvoorwaarden en programma-organisatie" in head
    assert "Bijlagen: geen" in head
    assert text.index("Inleiding") < text.index("Tekst") < text.index("Voorgestelde besluiten")
    assert "1. Het dagelijks bestuur wordt gevraagd kennis te nemen van dit voorstel" in text
    assert "2. Het dagelijks bestuur wordt gevraagd in te stemmen met de regievorm" in text
    # outcomes once decided
    assert f"Uitkomst: aangenomen · DB-{YEAR}-001" in text
    assert "Uitkomst: aangenomen met wijziging" in text
    assert "Gewijzigde tekst: in te stemmen, gewijzigd" in text
    assert "3 voor, 0 tegen, 1 onthouding" in text
    assert "in de vergadering van" in text
    assert f"Corrigeert DB-{YEAR}-001" in text and f"Gecorrigeerd door DB-{YEAR}-003" in text
    assert "Pagina 1 van" in text


def test_proposal_pdf_of_a_written_round_shows_the_votes(client, users, board, make, tmp_path):
    proposal = make("schriftelijke_ronde")
    agree = [d for d in proposal.decisions.order_by("position") if d.kind == "instemmen"]
    for username in ("board", "chair", "member2"):
        from django.contrib.auth import get_user_model

        voter = get_user_model().objects.get(username=username)
        services.vote_cast(
            proposal_id=proposal.pk,
            by=voter,
            votes={d.pk: ("voor", "Prima" if username == "chair" else "") for d in agree},
        )
    services.round_close(proposal_id=proposal.pk, by=users["programme_team"])
    client.force_login(users["board"])
    text = pdf_text(client.get(reverse("governance:proposal-pdf", args=[proposal.pk])), tmp_path)
    assert "in een schriftelijke ronde" in text
    assert "3 voor, 0 tegen, 0 onthouding" in text
    assert "Lid Stem" in text and "Toelichting" in text and "Prima" in text


def test_proposal_pdf_renders_hostile_markdown_safely(client, users, programme, board, tmp_path):
    team = users["programme_team"]
    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Onveilig",
        drafter=team,
        by=team,
        introduction='<img src="http://example.org/x.png"><script>alert(1)</script>**Vet**',
        content="[klik](javascript:alert(1)) <iframe src='file:///etc/passwd'></iframe>",
        decisions=[{"kind": "instemmen", "text": "iets"}],
    )
    client.force_login(team)
    text = pdf_text(client.get(reverse("governance:proposal-pdf", args=[proposal.pk])), tmp_path)
    assert "Vet" in text and "klik" in text
    assert "alert" not in text and "root:" not in text
    assert "CONCEPT" in text  # a draft says so


PROPOSAL_ACCESS = {
    # who: (concept, decided)
    "programme_team": (200, 200),
    "secretary": (200, 200),
    "board": (403, 200),
    "partner_contact": (403, 200),
    "reader": (403, 200),
    "superuser": (200, 200),
    "other_team": (403, 403),
    "nobody": (403, 403),
    "former_team": (403, 403),
}


@pytest.mark.parametrize("who", PROPOSAL_ACCESS)
def test_proposal_pdf_access(client, users, make, decided, who):
    concept = make("concept")
    client.force_login(users[who])
    expected_concept, expected_decided = PROPOSAL_ACCESS[who]
    assert (
        client.get(reverse("governance:proposal-pdf", args=[concept.pk])).status_code
        == expected_concept
    )
    assert (
        client.get(reverse("governance:proposal-pdf", args=[decided.pk])).status_code
        == expected_decided
    )


def test_pdf_links_on_the_pages(client, users, decided):
    client.force_login(users["programme_team"])
    page = client.get(decided.get_absolute_url()).content.decode()
    # a clear secondary button, not a small grey one that reads as disabled
    pdf = reverse("governance:proposal-pdf", args=[decided.pk])
    assert f'<a class="btn btn-outline-primary" href="{pdf}" download>' in page
    assert "Memo downloaden (pdf)" in page
    meeting = decided.decisions.get(position=2).decided_in
    page = client.get(meeting.get_absolute_url()).content.decode()
    pdf = reverse("governance:meeting-pdf", args=[meeting.pk])
    assert f'<a class="btn btn-outline-primary" href="{pdf}" download>' in page
    assert "Verslag downloaden (pdf)" in page
