"""Backup and restore (`manage.py backup`, `manage.py restore`): a round trip on PostgreSQL.

The demo data and an uploaded attachment are backed up, restored by the `restore` command (run
as a separate process, as an administrator would) into a fresh database with its own name and
an empty MEDIA_ROOT, and compared: the row count of every table and a few records exactly (a
decided proposal with its decisions, the adopted phase plan with its snapshot and kept PDF,
the attachment's bytes). On SQLite the round trip is skipped with a reason; the refusals are
tested on both.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
import uuid
from io import StringIO
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.utils import translation
from pypdf import PdfWriter

from governance import services as governance
from governance.models import Proposal, ProposalStatus
from programme.models import Programme
from programme.phases.models import PhasePlan, PhasePlanDocument, PhasePlanStatus
from programme.phases.services import plan_pdf
from tests.factories.governance import ProposalFactory

ROOT = Path(settings.BASE_DIR)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="backup and restore use pg_dump/pg_restore: PostgreSQL only (DATABASE_URL)",
)


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Begroting toelichting"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def tables() -> list[str]:
    names = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return sorted(names)


def counts(cursor) -> dict[str, int]:
    result = {}
    for table in tables():
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        result[table] = cursor.fetchone()[0]
    return result


def rows(cursor, table: str, where: str, params) -> list[dict]:
    cursor.execute(
        f'SELECT row_to_json(t)::text FROM "{table}" t WHERE {where} ORDER BY id', params
    )
    return [row[0] for row in cursor.fetchall()]


def bytes_of(cursor, sql: str, params) -> bytes:
    cursor.execute(sql, params)
    return bytes(cursor.fetchone()[0])


def connect(name: str):
    db = connection.settings_dict
    return psycopg2.connect(
        dbname=name,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
    )


@pytest.fixture
def fresh_database():
    """A new, empty database with a unique name, dropped afterwards."""
    name = f"avk_restore_{uuid.uuid4().hex[:10]}"
    admin = connect("postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def restore_command(archive: Path, *, database: str, media: Path) -> subprocess.CompletedProcess:
    db = connection.settings_dict
    auth = db["USER"] or "postgres"
    if db["PASSWORD"]:
        auth += f":{db['PASSWORD']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "avk.settings",
        "DEBUG": "true",
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{database}",
        "MEDIA_ROOT": str(media),
        "LANGUAGE": "nl",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@on_postgresql
@pytest.mark.django_db(transaction=True)  # pg_dump reads what is committed
def test_backup_and_restore_round_trip(settings, tmp_path, fresh_database):
    User = get_user_model()

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", force=True, stdout=StringIO())
    team = User.objects.get(username="programmateam")
    avk = Programme.objects.get(slug="avk")
    concept = ProposalFactory(programme=avk, body=avk.bodies.first(), drafter=team)
    content = pdf_bytes()
    attachment = governance.attachment_add(
        proposal=concept,
        upload=SimpleUploadedFile("toelichting.pdf", content),
        by=team,
        title="Toelichting",
    )
    plan = PhasePlan.objects.get(programme=avk, status=PhasePlanStatus.ADOPTED)
    kept_pdf = plan_pdf(plan, by=team)  # the kept document of the adopted plan
    assert PhasePlanDocument.objects.filter(plan=plan).exists()
    decided = (  # the memo of 19 June 2023 with its six decisions
        Proposal.objects.filter(programme=avk, status=ProposalStatus.DECIDED)
        .annotate(n=Count("decisions"))
        .order_by("-n", "pk")
        .first()
    )
    assert decided is not None and decided.decisions.count() >= 2

    out = StringIO()
    call_command("backup", directory=str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip().splitlines()[-1])
    assert archive.parent == tmp_path / "backups"
    assert archive.name.startswith("avk-backup-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert "database.dump" in names and "manifest.json" in names
    assert f"media/{attachment.file.name}" in names
    assert archive.stat().st_mode & 0o777 == 0o600  # only the owner reads it
    assert [p.name for p in archive.parent.iterdir()] == [archive.name]  # no .partial left

    restored_media = tmp_path / "restored-media"
    result = restore_command(archive, database=fresh_database, media=restored_media)
    assert result.returncode == 0, result.stderr
    assert "1" in result.stdout  # one uploaded file put back

    target = connect(fresh_database)
    try:
        with connection.cursor() as source, target.cursor() as restored:
            before, after = counts(source), counts(restored)
            assert sum(before.values()) > 1000  # the demo data, not an empty database
            assert after == before
            for table, where, params in [
                ("governance_proposal", "id = %s", [decided.pk]),
                ("governance_proposeddecision", "proposal_id = %s", [decided.pk]),
                ("programme_phaseplan", "id = %s", [plan.pk]),
                ("governance_attachment", "id = %s", [attachment.pk]),
                ("avk_user", "username = %s", ["bestuur"]),
            ]:
                original = rows(source, table, where, params)
                assert original, table
                assert rows(restored, table, where, params) == original, table
            sql = "SELECT content FROM programme_phaseplandocument WHERE plan_id = %s"
            assert bytes_of(restored, sql, [plan.pk]) == kept_pdf
            # The sequences came along: the next row gets a new id, not one already taken.
            restored.execute("SELECT nextval(pg_get_serial_sequence('governance_proposal', 'id'))")
            assert restored.fetchone()[0] > Proposal.objects.order_by("-pk").first().pk
    finally:
        target.close()
    assert (restored_media / attachment.file.name).read_bytes() == content
    assert not (restored_media / "imports").exists()


@on_postgresql
@pytest.mark.django_db
def test_a_file_removed_while_the_backup_runs_is_skipped(settings, tmp_path, monkeypatch):
    from avk import backup

    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "bijlagen").mkdir(parents=True)
    (tmp_path / "media" / "bijlagen" / "blijft.pdf").write_bytes(b"%PDF-1.4 blijft")
    listed = backup._media_files
    monkeypatch.setattr(  # listed, then removed before it was read (a replaced PDF)
        backup, "_media_files", lambda root: [*listed(root), root / "bijlagen" / "weg.pdf"]
    )
    archive = backup.create(tmp_path / "backups")
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = opened.extractfile("manifest.json").read()
    assert "media/bijlagen/blijft.pdf" in names and "media/bijlagen/weg.pdf" not in names
    assert b'"media_files": 1' in manifest


@on_postgresql
@pytest.mark.django_db
def test_a_failed_backup_leaves_no_half_archive(settings, tmp_path, monkeypatch):
    from avk import backup

    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pg_dump").write_text("#!/bin/sh\necho 'connection refused' >&2\nexit 1\n")
    (fake / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:{os.environ['PATH']}")
    with pytest.raises(backup.BackupError, match="connection refused"):
        backup.create(tmp_path / "backups")
    assert list((tmp_path / "backups").iterdir()) == []


@on_postgresql
@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "avk-backup-20240101-120000.tar.gz"
    with tarfile.open(archive, "w:gz") as opened:
        for name in ("database.dump", "manifest.json"):
            info = tarfile.TarInfo(name)
            info.size = 2
            opened.addfile(info, io.BytesIO(b"{}"))
    with translation.override("nl"), pytest.raises(CommandError) as refused:
        call_command("restore", str(archive))
    message = str(refused.value)
    assert connection.settings_dict["NAME"] in message
    assert "niet leeg" in message or "not empty" in message


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    if connection.vendor != "postgresql":
        with pytest.raises(CommandError, match="PostgreSQL"):
            call_command("restore", str(tmp_path / "x.tar.gz"))
        return
    missing = tmp_path / "avk-backup.tar.gz"
    with pytest.raises(CommandError, match=str(missing)):
        call_command("restore", str(missing))
    text = tmp_path / "notes.tar.gz"
    text.write_text("not an archive")
    with pytest.raises(CommandError, match="notes.tar.gz"):
        call_command("restore", str(text))


@pytest.mark.django_db
def test_backup_on_sqlite_says_it_needs_postgresql(tmp_path):
    if connection.vendor == "postgresql":
        pytest.skip("this database is PostgreSQL: the round trip above covers backup")
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("backup", directory=str(tmp_path))
    assert "only on PostgreSQL" in str(refused.value)
    assert not list(tmp_path.iterdir())


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_media_folder_that_is_not_empty(settings, tmp_path, fresh_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()
    call_command("backup", directory=str(tmp_path), stdout=out)
    archive = Path(out.getvalue().strip().splitlines()[-1])
    media = tmp_path / "other-media"
    (media / "governance").mkdir(parents=True)
    (media / "governance" / "old.pdf").write_bytes(b"%PDF-1.4")
    result = restore_command(archive, database=fresh_database, media=media)
    assert result.returncode != 0
    assert "MEDIA_ROOT" in result.stderr
    target = connect(fresh_database)
    try:
        with target.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            assert cursor.fetchone()[0] == 0  # nothing loaded
    finally:
        target.close()
