"""The one import pipeline keeps an upload on the server behind a signed token bound to the
person, the programme and the kind of import; it refuses what is too large, expired or not yours."""

import os
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from avk import staging
from tests.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def who():
    return UserFactory(), ProgrammeFactory()


def _upload(content=b"naam;soort\nNoorderpoort;onderwijs\n", name="partners.csv"):
    return SimpleUploadedFile(name, content)


def test_staged_file_comes_back_for_the_same_person_programme_and_kind(who):
    user, programme = who
    staged = staging.stage(_upload(), user=user, programme=programme, kind="partners")
    again = staging.load(staged.token, user=user, programme=programme, kind="partners")
    assert again.content == b"naam;soort\nNoorderpoort;onderwijs\n"
    assert again.name == "partners.csv"
    assert staged.content == again.content


@pytest.mark.parametrize("other", ["user", "programme", "kind"])
def test_a_token_is_bound_to_person_programme_and_kind(who, other):
    user, programme = who
    staged = staging.stage(_upload(), user=user, programme=programme, kind="partners")
    kwargs = {"user": user, "programme": programme, "kind": "partners"}
    kwargs[other] = {"user": UserFactory(), "programme": ProgrammeFactory(), "kind": "din"}[other]
    with pytest.raises(ValidationError) as error:
        staging.load(staged.token, **kwargs)
    assert error.value.code == "missing"


def test_a_tampered_token_is_refused(who):
    user, programme = who
    staged = staging.stage(_upload(), user=user, programme=programme, kind="partners")
    with pytest.raises(ValidationError):
        staging.load(staged.token[:-2] + "xx", user=user, programme=programme, kind="partners")


def test_an_expired_token_is_refused(who, monkeypatch):
    user, programme = who
    staged = staging.stage(_upload(), user=user, programme=programme, kind="partners")
    monkeypatch.setattr(staging, "MAX_AGE_SECONDS", -1)  # every token is older than that
    with pytest.raises(ValidationError) as error:
        staging.load(staged.token, user=user, programme=programme, kind="partners")
    assert error.value.code == "expired"


def test_too_large_is_refused_before_anything_is_kept(who, settings):
    user, programme = who
    settings.IMPORT_MAX_UPLOAD_SIZE = 10
    before = set(staging.folder().iterdir())
    with pytest.raises(ValidationError) as error:
        staging.stage(_upload(b"x" * 11), user=user, programme=programme, kind="partners")
    assert error.value.code == "too_large"
    assert set(staging.folder().iterdir()) == before


def test_discard_and_replace_remove_the_file(who):
    user, programme = who
    first = staging.stage(_upload(), user=user, programme=programme, kind="partners")
    second = staging.stage(
        _upload(b"a;b\n"), user=user, programme=programme, kind="partners", replaces=first.token
    )
    with pytest.raises(ValidationError):
        staging.load(first.token, user=user, programme=programme, kind="partners")
    staging.discard(second.token)
    with pytest.raises(ValidationError):
        staging.load(second.token, user=user, programme=programme, kind="partners")


def test_clean_staged_removes_only_old_files(who):
    user, programme = who
    old = staging.stage(_upload(b"old;1\n"), user=user, programme=programme, kind="partners")
    fresh = staging.stage(_upload(b"fresh;2\n"), user=user, programme=programme, kind="partners")
    two_days_ago = time.time() - 48 * 3600
    for path in staging.folder().iterdir():
        if path.read_bytes() == b"old;1\n":
            os.utime(path, (two_days_ago, two_days_ago))
    assert staging.clean_staged(older_than_hours=24) >= 1
    with pytest.raises(ValidationError):
        staging.load(old.token, user=user, programme=programme, kind="partners")
    assert staging.load(fresh.token, user=user, programme=programme, kind="partners").content


def test_discard_with_someone_elses_binding_removes_nothing(who):
    user, programme = who
    staged = staging.stage(_upload(), user=user, programme=programme, kind="partners")
    staging.discard(staged.token, user=UserFactory(), programme=programme, kind="partners")
    staging.discard(staged.token, user=user, programme=programme, kind="din")
    assert staging.load(staged.token, user=user, programme=programme, kind="partners").content
    staging.discard(staged.token, user=user, programme=programme, kind="partners")
    with pytest.raises(ValidationError):
        staging.load(staged.token, user=user, programme=programme, kind="partners")
