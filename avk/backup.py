"""Backup and restore: the PostgreSQL database and the uploaded files in one dated archive.

`create(directory)` writes `avk-backup-YYYYMMDD-HHMMSS.tar.gz` holding
  - `database.dump`: `pg_dump --format=custom` of the whole database (schema, data, sequences);
  - `media/`: every file under MEDIA_ROOT (attachments), except staged imports (`imports/`),
    which are temporary and expire within a day;
  - `manifest.json`: when, from which database, what version of the portal, how many files.
`restore(archive)` loads it into an EMPTY database with `pg_restore` and puts the files back
into an empty MEDIA_ROOT; it refuses a database that holds tables, so it never mixes two
portals. PostgreSQL only: SQLite is the zero-setup demo (copy its file instead).

The `backup` and `restore` commands (and `make backup`, `make restore ARCHIVE=...`) call these.
pg_dump and pg_restore come from PostgreSQL's client tools (`postgresql-client`), at least the
server's major version.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

DUMP = "database.dump"
MEDIA = "media"
MANIFEST = "manifest.json"
SKIPPED_MEDIA = ("imports",)  # staged import files: temporary, never part of a backup


class BackupError(Exception):
    """A refusal or failure, with a message for the person running the command."""


@dataclass(frozen=True)
class Restored:
    database: str
    files: int


def default_directory() -> Path:
    return Path(settings.BACKUP_DIR)


def _database(alias: str) -> dict:
    db = connections[alias].settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            _(
                "Backup and restore work only on PostgreSQL; this database is %(engine)s. "
                "SQLite is only for the demo: copy its file instead."
            )
            % {"engine": db["ENGINE"].rsplit(".", 1)[-1]}
        )
    return db


def _pg_env(db: dict) -> dict:
    """libpq's environment for the client tools: no password on the command line."""
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if value:
            env[key] = str(value)
        else:
            env.pop(key, None)
    return env


def _run(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            _("%(tool)s was not found: install PostgreSQL's client tools (postgresql-client).")
            % {"tool": command[0]}
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            _("%(tool)s failed: %(error)s")
            % {"tool": command[0], "error": result.stderr.strip() or result.returncode}
        )


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] not in SKIPPED_MEDIA
    )


def create(directory: Path | str | None = None, *, alias: str = "default") -> Path:
    """Write one dated archive of the database and MEDIA_ROOT into `directory`; its path."""
    db = _database(alias)
    directory = Path(directory or default_directory())
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime()
    target = directory / f"avk-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    if target.exists():
        raise BackupError(_("%(path)s exists already.") % {"path": target})
    media_root = Path(settings.MEDIA_ROOT)
    partial = target.with_name(target.name + ".partial")
    try:
        with tempfile.TemporaryDirectory(prefix="avk-backup-") as work:
            dump = Path(work) / DUMP
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}"], _pg_env(db))
            # The files are listed after the dump, so every file a row of the dump names is in
            # the list (a file uploaded meanwhile is in the archive without its row: harmless).
            files = _media_files(media_root)
            # Only the owner may ever read it: it holds everything, personal data and password
            # hashes (created so, not narrowed afterwards).
            with (
                open(partial, "xb", opener=lambda path, flags: os.open(path, flags, 0o600)) as raw,
                tarfile.open(fileobj=raw, mode="w:gz") as archive,
            ):
                archive.add(dump, arcname=DUMP)
                added = 0
                for path in files:
                    arcname = f"{MEDIA}/{path.relative_to(media_root).as_posix()}"
                    try:
                        with open(path, "rb") as content:
                            info = archive.gettarinfo(arcname=arcname, fileobj=content)
                            archive.addfile(info, content)
                    except FileNotFoundError:  # removed since it was listed (a replaced PDF)
                        logger.warning("Backup: %s was removed meanwhile; skipped", path)
                        continue
                    added += 1
                manifest = {
                    "created": now.isoformat(),
                    "database": db["NAME"],
                    "media_files": added,
                    "format": 1,
                }
                (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
                archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)  # a failed run leaves no half archive behind
    return target


def _tables(alias: str) -> list[str]:
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT schemaname || '.' || tablename FROM pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
        )
        return [row[0] for row in cursor.fetchall()]


def _check_archive(archive: Path) -> None:
    if not archive.is_file():
        raise BackupError(_("%(path)s was not found.") % {"path": archive})
    try:
        with tarfile.open(archive, "r:gz") as opened:
            names = set(opened.getnames())
    except (tarfile.TarError, OSError, EOFError):
        raise BackupError(
            _("%(path)s is not a backup of the portal (not a .tar.gz archive).") % {"path": archive}
        ) from None
    if DUMP not in names or MANIFEST not in names:
        raise BackupError(
            _("%(path)s is not a backup of the portal (no database dump in it).")
            % {"path": archive}
        )


def restore(archive: Path | str, *, alias: str = "default") -> Restored:
    """Load `archive` into the EMPTY database `alias` and put its files into MEDIA_ROOT."""
    archive = Path(archive)
    db = _database(alias)
    _check_archive(archive)
    with tarfile.open(archive, "r:gz") as opened:
        tables = _tables(alias)
        if tables:
            raise BackupError(
                ngettext(
                    "The database %(name)s is not empty (%(count)s table). A backup is restored "
                    "only into an empty database: create a new one (createdb) and point "
                    "DATABASE_URL at it.",
                    "The database %(name)s is not empty (%(count)s tables). A backup is restored "
                    "only into an empty database: create a new one (createdb) and point "
                    "DATABASE_URL at it.",
                    len(tables),
                )
                % {"name": db["NAME"], "count": len(tables)}
            )
        media_root = Path(settings.MEDIA_ROOT)
        present = _media_files(media_root)
        if present:
            raise BackupError(
                ngettext(
                    "MEDIA_ROOT (%(path)s) already holds %(count)s file. A backup's files are "
                    "put back only into an empty folder: empty it or point MEDIA_ROOT elsewhere.",
                    "MEDIA_ROOT (%(path)s) already holds %(count)s files. A backup's files are "
                    "put back only into an empty folder: empty it or point MEDIA_ROOT elsewhere.",
                    len(present),
                )
                % {"path": media_root, "count": len(present)}
            )
        connections[alias].close()  # pg_restore works in its own session
        with tempfile.TemporaryDirectory(prefix="avk-restore-") as work:
            members = [
                m for m in opened.getmembers() if m.name == DUMP or m.name.startswith(MEDIA + "/")
            ]
            try:
                opened.extractall(work, members=members, filter="data")
            except tarfile.TarError as error:  # a member pointing outside, a device file
                raise BackupError(
                    _("%(path)s holds an unsafe entry: %(error)s")
                    % {"path": archive, "error": error}
                ) from None
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    f"--dbname={db['NAME']}",
                    str(Path(work) / DUMP),
                ],
                _pg_env(db),
            )
            count = 0
            source = Path(work) / MEDIA
            if source.is_dir():
                for path in sorted(source.rglob("*")):
                    if path.is_file():
                        destination = media_root / path.relative_to(source)
                        destination.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(path, destination)
                        count += 1
    return Restored(database=db["NAME"], files=count)
