"""Checked import files do not stay on disk: removed after the confirmation, replaced by a new
upload, and the ones left behind removed by `clean_import_files`."""

import os
import time
from io import StringIO

import pytest
from django.core.management import call_command

from tests.partners.test_import import confirm, csv_bytes, upload

CONTENT = csv_bytes([["name", "kind"], ["Stichting Proef", "welzijn"]])


@pytest.fixture
def folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path / "imports"


def files(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_file_is_removed_after_the_confirmation(client, users, programme, folder):
    client.force_login(users["secretary"])
    preview = upload(client, programme, "partners", "p.csv", CONTENT)
    assert preview.context["outcome"].ok
    assert len(files(folder)) == 1
    confirm(client, programme, preview)
    assert files(folder) == []


def test_a_new_upload_removes_the_previous_file(client, users, programme, folder):
    client.force_login(users["secretary"])
    upload(client, programme, "partners", "p.csv", CONTENT)
    first = files(folder)
    assert len(first) == 1
    upload(client, programme, "partners", "q.csv", CONTENT)
    second = files(folder)
    assert len(second) == 1 and second != first
    upload(client, programme, "partners", "bad.txt", b"no spreadsheet")  # refused: none kept
    assert files(folder) == []


def test_clean_import_files_removes_files_older_than_a_day(folder):
    folder.mkdir(parents=True)
    old, new = folder / "old", folder / "new"
    old.write_bytes(b"x")
    new.write_bytes(b"y")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    out = StringIO()
    call_command("clean_import_files", stdout=out)
    assert files(folder) == ["new"]
    assert "1 import file(s) removed." in out.getvalue()
