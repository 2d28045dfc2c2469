"""Attachments (type by content, size, protected download) and safe Markdown."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from avk.policy import Refused
from governance import services
from governance.markdown import render
from tests.factories.documents import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()  # a real one: avk.uploads parses it


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


def add(proposal, user, name, content):
    return services.attachment_add(
        proposal=proposal, upload=SimpleUploadedFile(name, content), by=user, title=""
    )


def test_pdf_and_docx_are_accepted(make, users):
    proposal = make("concept")
    pdf = add(proposal, users["programme_team"], "bijlage.pdf", PDF)
    docx = add(proposal, users["programme_team"], "notitie.docx", docx_bytes())
    assert pdf.content_type == "application/pdf" and pdf.size == len(PDF)
    assert docx.content_type.endswith("wordprocessingml.document")
    assert pdf.history.first().history_user == users["programme_team"]


@pytest.mark.parametrize(
    "name, content",
    [
        ("script.pdf", b"#!/bin/sh\nrm -rf /\n"),  # wrong type renamed to .pdf
        ("page.pdf", b"<html><script>alert(1)</script>"),
        ("fake.docx", PDF),  # a PDF is not a docx
        ("archive.docx", b"PK\x03\x04garbage"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(make, users, name, content):
    with pytest.raises(ValidationError) as refused:
        add(make("concept"), users["programme_team"], name, content)
    assert "past niet bij het type" in refused.value.message_dict["file"][0]


@pytest.mark.parametrize("name", ["virus.exe", "plaatje.png", "pagina.html", "geen_extensie"])
def test_other_types_are_refused(make, users, name):
    with pytest.raises(ValidationError) as refused:
        add(make("concept"), users["programme_team"], name, PDF)
    assert "Alleen PDF- en Office-bestanden" in refused.value.message_dict["file"][0]


@override_settings(GOVERNANCE_MAX_ATTACHMENT_BYTES=100)
def test_too_large_is_refused(make, users):
    with pytest.raises(ValidationError) as refused:
        add(make("concept"), users["programme_team"], "groot.pdf", PDF + b"0" * 200)
    assert "te groot" in refused.value.message_dict["file"][0]


def test_no_attachments_on_a_decided_proposal(make, users):
    with pytest.raises(Refused, match="geen nieuwe bijlagen"):
        add(make("besloten"), users["programme_team"], "x.pdf", PDF)


@pytest.mark.parametrize(
    "who, status",
    [
        ("programme_team", 200),
        ("secretary", 200),
        ("board", 200),
        ("superuser", 200),
        ("partner_contact", 403),
        ("reader", 403),
        ("other_team", 403),
        ("nobody", 403),
    ],
)
def test_download_asks_the_policy(client, make, users, who, status):
    proposal = make("concept")
    attachment = add(proposal, users["programme_team"], "bijlage.pdf", PDF)
    from governance.services import proposal_submit

    proposal_submit(proposal_id=proposal.pk, by=users["programme_team"])
    client.force_login(users[who])
    response = client.get(reverse("governance:attachment-download", args=[attachment.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]


def test_upload_through_the_page_refuses_a_renamed_file(client, make, users):
    proposal = make("concept")
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("governance:attachment-add", args=[proposal.pk]),
        {"title": "Bijlage", "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")},
        follow=True,
    )
    assert "past niet bij het type .pdf" in response.content.decode()
    assert proposal.attachments.count() == 0


def test_anonymous_download_redirects_to_login(client, make, users):
    attachment = add(make("concept"), users["programme_team"], "bijlage.pdf", PDF)
    response = client.get(reverse("governance:attachment-download", args=[attachment.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


HOSTILE = [
    "<script>alert('x')</script>",
    "[klik](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "<iframe src='https://evil.example'></iframe>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">a</a>',
    "<div style='background:url(javascript:alert(1))'>x</div>",
    "![x](javascript:alert(1))",
    "<svg onload=alert(1)>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_is_neutralised(text):
    html = str(render(text)).lower()
    for bad in (
        "<script",
        "javascript:",
        "onerror",
        "onload",
        "<iframe",
        "<img",
        "<svg",
        "data:text",
        "style=",
    ):
        assert bad not in html, (bad, html)


def test_markdown_keeps_lists_links_and_emphasis():
    html = str(render("# Kop\n\n- **een**\n- [AVK](https://alliantievankracht.nl)\n"))
    assert "<h3>Kop</h3>" in html
    assert '<ol start="6">' in str(render("6. zes\n7. zeven"))
    assert "<strong>een</strong>" in html
    assert 'href="https://alliantievankracht.nl"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_hostile_markdown_on_the_proposal_page(client, programme, board, users):
    team = users["programme_team"]
    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Kwaadaardig",
        drafter=team,
        by=team,
        introduction="<script>alert('intro')</script>[x](javascript:alert(2))",
        content="<img src=x onerror=alert(3)>**vet**",
        decisions=[{"kind": "instemmen", "text": "<script>alert(4)</script>"}],
    )
    client.force_login(team)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "javascript:alert" not in page
    assert "onerror" not in page
    assert "<strong>vet</strong>" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page


@override_settings(GOVERNANCE_MAX_ATTACHMENT_BYTES=10 * 1024 * 1024)
@pytest.mark.parametrize(
    "extra, shown",
    [
        (int(0.4 * 1024 * 1024), "(10,4 MB); hoogstens 10 MB"),
        (5_000, "(10,005 MB); hoogstens 10 MB"),
    ],
)
def test_too_large_shows_the_real_size(make, users, extra, shown):
    content = pdf_bytes() + b"0" * (10 * 1024 * 1024 + extra - len(pdf_bytes()))
    with pytest.raises(ValidationError) as refused:
        add(make("concept"), users["programme_team"], "groot.pdf", content)
    assert shown in refused.value.message_dict["file"][0].replace("\xa0", " ")


def test_the_two_crafted_files_of_the_review_are_refused_through_the_page(client, make, users):
    from tests.avk.test_uploads import CONTENT_TYPES, HTML
    from tests.factories.documents import zip_bytes

    proposal = make("concept")
    client.force_login(users["programme_team"])
    for name, content in [
        ("bijlage.pdf", b"%PDF-1.7\n" + b"%" + b"x" * 2000 + b"\n" + HTML),
        ("notitie.docx", zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "x.html": HTML})),
    ]:
        response = client.post(
            reverse("governance:attachment-add", args=[proposal.pk]),
            {"title": "Bijlage", "file": SimpleUploadedFile(name, content)},
            follow=True,
        )
        assert "past niet bij het type" in response.content.decode(), name
    assert proposal.attachments.count() == 0


def test_download_is_an_attachment_that_is_never_sniffed_nor_run(client, make, users):
    attachment = add(make("concept"), users["programme_team"], "notitie.docx", docx_bytes())
    client.force_login(users["programme_team"])
    response = client.get(reverse("governance:attachment-download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
