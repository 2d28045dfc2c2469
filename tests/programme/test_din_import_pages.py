"""The DIN import through the pages, on the one import pipeline (avk.staging): the file stays on
the server behind a signed token bound to the person, the programme and the kind; the preview
is a dry run; the confirmation imports and discards the file. A tampered, expired or foreign
token, or a file over the size limit, imports nothing and says so in Dutch."""

import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from avk import staging
from avk.access import Role
from partners.models import Participation
from programme.din import transfer
from programme.models import OperationalGoal
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.programme.test_din_transfer import build

pytestmark = pytest.mark.django_db

NOT_FOUND = "Het gecontroleerde bestand is niet gevonden. Upload het bestand opnieuw."
EXPIRED = "Het gecontroleerde bestand is verlopen. Upload het bestand opnieuw."


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def workbook(programme, other_programme, users):
    """The AVK's DIN as a workbook, and the other programme ready to take it (same partners)."""
    build(programme, users["programme_team"])
    for p in Participation.objects.filter(programme=programme):
        Participation.objects.get_or_create(programme=other_programme, partner=p.partner)
    return transfer.din_export_workbook(programme)


def preview(client, programme, content, name="din.xlsx"):
    url = reverse("programme:din-import", args=[programme.slug])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def token_of(response) -> str:
    found = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    return found.group(1) if found else ""


def confirm(client, programme, token):
    url = reverse("programme:din-import", args=[programme.slug])
    return client.post(url, {"token": token, "confirm": "1"})


def staged_files(media):
    folder = media / "imports"
    return list(folder.iterdir()) if folder.exists() else []


def test_dry_run_then_confirm_through_the_pages(
    client, programme, users, other_programme, workbook, media
):
    client.force_login(users["other_team"])
    page = preview(client, other_programme, workbook)
    html = page.content.decode()
    assert "Voorbeeld: er is nog niets opgeslagen" in html
    assert not OperationalGoal.objects.filter(programme=other_programme).exists()
    token = token_of(page)
    assert token and 'name="payload"' not in html
    assert len(token) < 400  # a name for the file, not the file
    assert len(staged_files(media)) == 1
    response = confirm(client, other_programme, token)
    assert response.status_code == 302
    assert OperationalGoal.objects.filter(programme=other_programme).count() == 2
    assert staged_files(media) == []  # discarded after the import
    again = confirm(client, other_programme, token)
    assert again.status_code == 400 and NOT_FOUND in again.content.decode()
    export = client.get(reverse("programme:din-export", args=[other_programme.slug]))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert export["Content-Disposition"].startswith('attachment; filename="din-landerd-')
    client.force_login(users["programme_team"])  # not in the other programme's team
    url = reverse("programme:din-import", args=[other_programme.slug])
    assert client.get(url).status_code == 403


def _tampered(token: str) -> str:
    return token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")


@pytest.mark.parametrize("kind", ["garbage", "edited", "empty", "forged-file"])
def test_confirm_with_a_tampered_token_imports_nothing(
    client, users, other_programme, workbook, media, kind
):
    client.force_login(users["other_team"])
    token = token_of(preview(client, other_programme, workbook))
    bad = {
        "garbage": "!!!geen token!!!",
        "edited": _tampered(token),
        "empty": "",
        # a payload naming a file, not signed with the portal's key
        "forged-file": signing.dumps({"f": "x", "u": 1, "p": 1, "k": "din"}, key="not-the-key"),
    }[kind]
    response = confirm(client, other_programme, bad)
    assert response.status_code == 400
    assert NOT_FOUND in response.content.decode()
    assert not OperationalGoal.objects.filter(programme=other_programme).exists()


def test_confirm_with_an_expired_token_imports_nothing(
    client, users, other_programme, workbook, media, monkeypatch
):
    client.force_login(users["other_team"])
    token = token_of(preview(client, other_programme, workbook))
    monkeypatch.setattr(staging, "MAX_AGE_SECONDS", -1)  # the day has passed
    response = confirm(client, other_programme, token)
    assert response.status_code == 400
    assert EXPIRED in response.content.decode()
    assert not OperationalGoal.objects.filter(programme=other_programme).exists()


def test_a_token_of_another_person_or_programme_imports_nothing(
    client, users, programme, other_programme, workbook, media
):
    colleague = UserFactory(username="colleague")
    RoleAssignmentFactory(programme=other_programme, user=colleague, role=Role.PROGRAMME_TEAM)
    client.force_login(users["other_team"])
    token = token_of(preview(client, other_programme, workbook))
    client.force_login(colleague)  # the same programme's team, but not who uploaded it
    response = confirm(client, other_programme, token)
    assert response.status_code == 400 and NOT_FOUND in response.content.decode()
    RoleAssignmentFactory(programme=programme, user=users["other_team"], role=Role.PROGRAMME_TEAM)
    client.force_login(users["other_team"])  # the uploader, now also in the AVK's team
    response = confirm(client, programme, token)  # ... but the file was for the other programme
    assert response.status_code == 400 and NOT_FOUND in response.content.decode()
    assert not OperationalGoal.objects.filter(programme=other_programme).exists()
    assert OperationalGoal.objects.filter(programme=programme).count() == 2  # as it was


def test_a_file_over_the_size_limit_is_not_kept(
    client, users, other_programme, workbook, media, settings
):
    settings.IMPORT_MAX_UPLOAD_SIZE = 1000
    client.force_login(users["other_team"])
    page = preview(client, other_programme, workbook)
    html = page.content.decode()
    assert "er kan hoogstens" in html and "worden geïmporteerd" in html
    assert not token_of(page) and staged_files(media) == []


def test_a_file_that_is_no_workbook_shows_the_error_and_is_not_kept(
    client, users, programme, media
):
    client.force_login(users["programme_team"])
    page = preview(client, programme, b"hallo", name="din.xlsx")
    assert page.status_code == 200
    assert "geen Excel-werkmap" in page.content.decode()
    assert not token_of(page) and staged_files(media) == []


@pytest.mark.parametrize("who", ["board", "secretary", "partner_contact", "reader", "other_team"])
def test_only_the_programme_team_imports(client, users, programme, who, media):
    client.force_login(users[who])
    url = reverse("programme:din-import", args=[programme.slug])
    assert client.get(url).status_code == 403
    assert confirm(client, programme, "x").status_code == 403


def test_a_second_upload_replaces_the_first(client, users, programme, media):
    """The file checked before is not kept when another is uploaded; its token is refused."""
    team = users["programme_team"]
    build(programme, team)
    client.force_login(team)
    content = transfer.din_export_workbook(programme)
    first = preview(client, programme, content)
    second = preview(client, programme, content)
    assert token_of(first) and token_of(second) and token_of(first) != token_of(second)
    assert len(staged_files(media)) == 1
    refused = confirm(client, programme, token_of(first))
    assert refused.status_code == 400
    assert confirm(client, programme, token_of(second)).status_code == 302
