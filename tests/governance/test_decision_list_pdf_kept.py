"""The decision list's PDF is kept by the list's last change: an unchanged list downloads at
once and byte-identical, a new decision makes a new one; a long list is made in the background
(a task) with a progress page; only who may read the list now gets the kept file."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from avk.policy import Refused
from governance.models import DecisionListDocument, DocumentStatus
from governance.selectors.listing import decision_list_data
from governance.services import documents
from tests.factories import ActionItemFactory
from tests.governance import test_decision_list as shared
from tests.governance.conftest import make_proposal
from tests.governance.test_decision_list import YEAR, decide, url

pytestmark = pytest.mark.django_db

decided = shared.decided
deferred = shared.deferred


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def in_background(settings):
    """Every list goes to the background, and the task waits for a worker (none in tests)."""
    settings.GOVERNANCE_PDF_BACKGROUND_ROWS = 1
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _refuse_rendering(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("rendered again although the list did not change")

    monkeypatch.setattr(documents, "render_pdf", refuse)


def _pdf(response) -> bytes:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; ")
    assert response.content.startswith(b"%PDF-")
    return response.content


def test_an_unchanged_list_downloads_the_kept_pdf_byte_for_byte(
    client, users, board, decided, monkeypatch
):
    client.force_login(users["board"])
    first = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    assert DecisionListDocument.objects.get().status == DocumentStatus.READY
    _refuse_rendering(monkeypatch)
    again = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    assert again == first
    client.force_login(users["secretary"])  # another reader of the same rows: the same file
    assert _pdf(client.get(url("decision-list-pdf", year=YEAR))) == first
    assert DecisionListDocument.objects.count() == 1


def test_a_new_decision_or_a_done_action_item_makes_a_new_pdf(client, users, board, decided):
    client.force_login(users["board"])
    first = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    proposal = make_proposal(board.programme, board, users, status="ingediend")
    decide(proposal, users, [{"outcome": "kennisgenomen"}] + [{"outcome": "aangenomen"}] * 2)
    second = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    assert second != first
    assert DecisionListDocument.objects.count() == 2
    item = ActionItemFactory(body=board, description="Notulen rondsturen")
    third = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    assert third != second
    item.status = "afgerond"
    item.save()
    assert _pdf(client.get(url("decision-list-pdf", year=YEAR))) != third


def test_another_language_or_other_filters_is_another_pdf(client, users, board, decided):
    client.force_login(users["board"])
    dutch = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    adopted = _pdf(client.get(url("decision-list-pdf", year=YEAR, outcome="aangenomen")))
    assert adopted != dutch
    assert DecisionListDocument.objects.count() == 2


def test_the_pdf_prints_its_day_so_a_new_day_is_a_new_pdf(
    client, users, board, decided, monkeypatch
):
    client.force_login(users["board"])
    today = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    next_day = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    assert next_day != today
    assert DecisionListDocument.objects.count() == 2
    _refuse_rendering(monkeypatch)  # and all that day the same file
    assert _pdf(client.get(url("decision-list-pdf", year=YEAR))) == next_day


def test_documents_of_days_gone_by_are_removed_with_their_files_after_commit(
    client, users, board, decided, django_capture_on_commit_callbacks
):
    client.force_login(users["board"])
    _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    old = DecisionListDocument.objects.get()
    storage, name = old.file.storage, old.file.name
    DecisionListDocument.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - documents.KEEP_FOR - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _pdf(client.get(url("decision-list-pdf", year=YEAR, outcome="aangenomen")))
        assert not DecisionListDocument.objects.filter(pk=old.pk).exists()
        assert storage.exists(name)  # the file goes only once the removal is committed
    assert len(callbacks) == 1
    assert not storage.exists(name)
    assert DecisionListDocument.objects.count() == 1


def test_readers_of_the_same_list_do_not_remove_each_others_pdf(
    client, users, board, decided, deferred, monkeypatch
):
    client.force_login(users["partner_contact"])
    partner_pdf = _pdf(client.get(url("decision-list-pdf")))
    client.force_login(users["board"])  # the same list, other rows: renders of their own
    for n in range(4):
        ActionItemFactory(body=board, description=f"Actie {n}")
        _pdf(client.get(url("decision-list-pdf")))
    assert DecisionListDocument.objects.count() == 5
    _refuse_rendering(monkeypatch)
    client.force_login(users["partner_contact"])
    assert _pdf(client.get(url("decision-list-pdf"))) == partner_pdf


def test_a_kept_pdf_whose_file_went_missing_is_made_again(client, users, board, decided):
    client.force_login(users["board"])
    first = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    document = DecisionListDocument.objects.get()
    document.file.storage.delete(document.file.name)
    again = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    assert _text(again) == _text(first)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert document.file.storage.exists(document.file.name)
    assert _pdf(client.get(url("decision-list-pdf", year=YEAR))) == again


@override_settings(GOVERNANCE_PDF_BACKGROUND_ROWS=1)
def test_a_long_kept_pdf_whose_file_went_missing_is_made_again(client, users, board, decided):
    client.force_login(users["board"])
    _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    document = DecisionListDocument.objects.get()
    document.file.storage.delete(document.file.name)
    # the test settings run the task at once: rendered again and served
    assert _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert document.file.storage.exists(document.file.name)


def test_the_service_refuses_who_may_not_read_the_list(users, board, decided):
    data = decision_list_data(user=users["board"], programme=board.programme, params={})
    for who in ("nobody", "other_team", "former_team"):
        with pytest.raises(Refused):
            documents.decision_list_document(data=data, by=users[who])
    assert not DecisionListDocument.objects.exists()


def test_each_reader_gets_only_the_rows_they_may_see(client, users, board, decided, deferred):
    client.force_login(users["board"])
    board_pdf = _text(_pdf(client.get(url("decision-list-pdf"))))
    client.force_login(users["partner_contact"])  # sees decided proposals only
    partner_pdf = _text(_pdf(client.get(url("decision-list-pdf"))))
    assert "Uitgesteld voorstel" in board_pdf
    assert "Uitgesteld voorstel" not in partner_pdf
    for both in ("Randvoorwaarden", "Dagelijks Bestuur"):  # the decided proposal, the body
        assert both in board_pdf and both in partner_pdf
    assert DecisionListDocument.objects.count() == 2


# --- the background path ---------------------------------------------------------------------


@override_settings(GOVERNANCE_PDF_BACKGROUND_ROWS=1)
def test_a_long_list_is_made_by_a_task_with_a_progress_page(client, users, board, decided):
    client.force_login(users["board"])
    # the test settings run the task at once, so the PDF the task made is served right away
    first = _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    document = DecisionListDocument.objects.get()
    assert document.status == DocumentStatus.READY and document.rows > 1
    progress = reverse("governance:decision-list-pdf-progress", args=["avk", document.pk])
    page = client.get(progress).content.decode()  # the progress page offers the download
    assert "De PDF is klaar." in page
    download = url("decision-list-pdf", body=board.pk, year=YEAR)
    assert f'href="{download}"' in page.replace("&amp;", "&")
    assert "<script>" not in page and " style=" not in page
    assert _pdf(client.get(download)) == first
    with open(document.file.path, "rb") as kept:
        assert kept.read() == first


def test_the_progress_page_polls_while_the_pdf_is_being_made(
    client, users, board, decided, in_background
):
    client.force_login(users["board"])
    response = client.get(url("decision-list-pdf", year=YEAR))
    document = DecisionListDocument.objects.get()
    assert document.status == DocumentStatus.PENDING
    page = client.get(response["Location"]).content.decode()
    assert "De PDF wordt gemaakt…" in page
    status_url = reverse("governance:decision-list-pdf-status", args=["avk", document.pk])
    assert f'hx-get="{status_url}"' in page and 'hx-trigger="every 2s"' in page
    # asking again does not queue a second rendering
    assert client.get(url("decision-list-pdf", year=YEAR))["Location"] == response["Location"]
    assert DecisionListDocument.objects.count() == 1
    # the worker's task renders it; the next poll shows the link and stops polling
    documents.decision_list_render(document_id=str(document.pk))
    fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    assert "De PDF is klaar." in fragment and "hx-trigger" not in fragment
    assert _pdf(client.get(url("decision-list-pdf", year=YEAR)))


@pytest.mark.django_db(transaction=True)
@override_settings(
    GOVERNANCE_PDF_BACKGROUND_ROWS=1,
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_the_database_worker_renders_the_long_pdf(client, users, board, decided):
    from django_tasks_db.models import DBTaskResult

    client.force_login(users["board"])
    client.get(url("decision-list-pdf", year=YEAR))
    document = DecisionListDocument.objects.get()
    assert document.status == DocumentStatus.PENDING
    assert DBTaskResult.objects.get().task_path == "governance.tasks.render_decision_list"
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert _pdf(client.get(url("decision-list-pdf", year=YEAR))).startswith(b"%PDF-")


def test_a_list_changed_while_waiting_and_kept_meanwhile_is_ready(
    client, users, board, decided, in_background, settings
):
    client.force_login(users["board"])
    waiting = client.get(url("decision-list-pdf", year=YEAR))["Location"]
    document = DecisionListDocument.objects.get()
    ActionItemFactory(body=board, description="Notulen rondsturen")  # the list changes
    settings.GOVERNANCE_PDF_BACKGROUND_ROWS = 100
    kept = _pdf(client.get(url("decision-list-pdf", year=YEAR)))  # and is kept at once
    assert documents.decision_list_render(document_id=str(document.pk)) == DocumentStatus.READY
    page = client.get(waiting).content.decode()
    assert "De PDF is klaar." in page and "niet worden gemaakt" not in page
    download = url("decision-list-pdf", body=board.pk, year=YEAR)
    assert f'href="{download}"' in page.replace("&amp;", "&")
    assert _pdf(client.get(download)) == kept
    assert DecisionListDocument.objects.filter(file="").get().pk == document.pk


# --- access ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, status",
    [
        ("board", 200),  # who asked for it
        ("secretary", 200),  # another reader of exactly these rows
        ("reader", 403),  # reads the list, but other rows (no action items): not this one
        ("other_team", 403),
        ("nobody", 403),
    ],
)
def test_the_progress_page_only_for_who_asked_or_reads_the_same_rows(
    client, users, board, decided, in_background, who, status
):
    client.force_login(users["board"])
    client.get(url("decision-list-pdf", year=YEAR))
    document = DecisionListDocument.objects.get()
    client.force_login(users[who])
    for name in ("decision-list-pdf-progress", "decision-list-pdf-status"):
        assert client.get(reverse(f"governance:{name}", args=["avk", document.pk])).status_code == (
            status
        )


def test_another_programmes_slug_does_not_reach_the_document(client, users, board, decided):
    client.force_login(users["board"])
    client.get(url("decision-list-pdf", year=YEAR))
    document = DecisionListDocument.objects.get()
    client.force_login(users["other_team"])  # team of Landerd: may read Landerd's list
    landerd = reverse("governance:decision-list-pdf-progress", args=["landerd", document.pk])
    assert client.get(landerd).status_code == 404
    # and asking Landerd's PDF never serves the AVK's kept file
    response = client.get(url("decision-list-pdf", slug="landerd", body=board.pk))
    assert response.status_code == 200
    assert DecisionListDocument.objects.filter(programme=board.programme).count() == 1


def test_a_former_member_gets_no_kept_pdf(client, users, board, decided):
    client.force_login(users["board"])
    _pdf(client.get(url("decision-list-pdf", year=YEAR)))
    client.force_login(users["former_team"])
    assert client.get(url("decision-list-pdf", year=YEAR)).status_code == 403


def test_a_kept_pdf_is_served_in_few_queries_whatever_the_list_size(
    client, users, board, decided, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.governance.test_decision_list import _decisions

    client.force_login(users["board"])
    _pdf(client.get(url("decision-list-pdf")))
    with CaptureQueriesContext(connection) as small:
        _pdf(client.get(url("decision-list-pdf")))
    kept_queries = len(small.captured_queries)  # read now: the next request resets the log
    _decisions(board.programme, board, 60)
    _pdf(client.get(url("decision-list-pdf")))  # rendered and kept
    with django_assert_max_num_queries(kept_queries):
        _pdf(client.get(url("decision-list-pdf")))
