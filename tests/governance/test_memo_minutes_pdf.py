"""The memo PDF keeps the memo's own numbers (a list that goes on at 6 after 1-5, the proposed
decisions by their number) and has the memo's head: Aan, Van, Datum, Onderwerp, Bijlagen, and a
written round's deadline. The minutes PDF names the chair, the minute taker and who attended."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.markdown import render_for_print
from tests.factories import MeetingFactory, UserFactory
from tests.factories.documents import pdf_bytes
from tests.governance.test_exports_pdf import pdf_text

pytestmark = pytest.mark.django_db

CONTENT = """\
## Sturingsvormen

**Samengevat**

1. We willen flexibiliteit in de vorm houden;
2. het is belangrijk dat we voorbij het organisatiebelang denken.

## Programma-organisatie

**Samengevat**

6. We willen ervaringsdeskundigen toevoegen aan de programma-organisatie;
7. hou jaarlijks een eiland van reflectie op alle betrokken niveaus.
"""


def test_a_list_that_goes_on_keeps_its_numbers_in_print():
    html = render_for_print(CONTENT)
    assert '<ol start="6" style="counter-reset: list-item 5">' in html


def test_memo_pdf_head_numbers_and_deadline(client, programme, board, users, tmp_path):
    team = users["programme_team"]
    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Randvoorwaarden",
        drafter=team,
        drafter_function="projectleider",
        content=CONTENT,
        decisions=[
            {"kind": "kennisnemen", "text": "kennis te nemen van dit voorstel"},
            {"kind": "instemmen", "text": "in te stemmen met de regievorm"},
        ],
        by=team,
    )
    services.attachment_add(
        proposal=proposal,
        upload=SimpleUploadedFile("figuren.pdf", pdf_bytes(), "application/pdf"),
        title="Bijlage 1: figuren 1 t/m 6",
        by=team,
    )
    services.proposal_submit(proposal_id=proposal.pk, by=team)
    deadline = (timezone.localtime() + timedelta(days=5)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    services.round_open(proposal_id=proposal.pk, deadline=deadline, by=team)
    client.force_login(users["board"])
    text = pdf_text(client.get(reverse("governance:proposal-pdf", args=[proposal.pk])), tmp_path)
    head = text[: text.index("Sturingsvormen")]
    assert head.index("Aan:") < head.index("Van:") < head.index("Datum:")
    assert head.index("Datum:") < head.index("Onderwerp: Randvoorwaarden") < head.index("Bijlagen:")
    assert "Bijlagen: Bijlage 1: figuren 1 t/m 6" in head
    assert "Termijn:" in head and "17:00" in head
    # the memo's own numbering: 1, 2 and then 6, 7
    assert "6. We willen ervaringsdeskundigen" in text
    assert "7. hou jaarlijks een eiland" in text
    assert "1. Het dagelijks bestuur wordt gevraagd kennis te nemen van dit voorstel" in text
    assert "2. Het dagelijks bestuur wordt gevraagd in te stemmen met de regievorm" in text


def test_minutes_pdf_names_chair_minute_taker_and_attendance(client, board, users, tmp_path):
    meeting = MeetingFactory(body=board, starts_at=timezone.now() - timedelta(hours=2))
    services.meeting_mark_held(meeting_id=meeting.pk, by=users["secretary"])
    chair = UserFactory(username="chair")
    meeting.refresh_from_db()
    services.meeting_attendance_set(
        meeting_id=meeting.pk,
        version=meeting.version,
        by=users["secretary"],
        chair=chair,
        minute_taker=users["secretary"],
        attendance={
            chair.pk: "aanwezig",
            users["board"].pk: "aanwezig",
            UserFactory(username="member2").pk: "afgemeld",
        },
    )
    client.force_login(users["board"])
    text = pdf_text(client.get(reverse("governance:meeting-pdf", args=[meeting.pk])), tmp_path)
    head = text[: text.index("Agenda ")]
    assert f"Voorzitter {chair}" in head
    assert f"Notulist {users['secretary']}" in head
    assert str(users["board"]) in head[head.index("Aanwezig") :]
    assert "Afwezig met kennisgeving" in head
