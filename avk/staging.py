"""One import pipeline: stage -> preview -> confirm, for every import of the portal.

An uploaded file is checked for size, kept on the server (never sent back through the browser)
under a random name in `MEDIA_ROOT/imports/`, and named to the browser by a signed token that
binds it to the person, the programme and the kind of import, and expires. The preview reads
the staged file and runs the import as a dry run; the confirmation reads the same file again and
imports it for real, then discards it. A token from someone else, for another programme, another
kind or past its age is refused with a Dutch message; `clean_staged` (the `clean_import_files`
command) removes files nobody confirmed.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from avk.formats import file_size

_SALT = "avk.staging"
#: How long a checked file waits for its confirmation.
MAX_AGE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Staged:
    token: str
    name: str  # the file name as uploaded, for the preview page
    content: bytes


def folder() -> Path:
    """Staged files wait here between preview and confirmation (never served)."""
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def max_upload_size() -> int:
    return settings.IMPORT_MAX_UPLOAD_SIZE


def check_size(size: int, *, limit: int | None = None) -> None:
    limit = limit or max_upload_size()
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s can be imported.")
            % {"size": file_size(size, above=limit), "limit": file_size(limit)},
            code="too_large",
        )


def stage(upload, *, user, programme, kind: str, replaces: str | None = None) -> Staged:
    """Keep an uploaded file (Django `UploadedFile` or bytes with `.name`) for its preview.

    `replaces` is the token of the file this upload replaces: that file is removed."""
    if replaces:
        discard(replaces)
    check_size(upload.size)
    content = upload.read()
    check_size(len(content))
    stored = secrets.token_hex(16)
    (folder() / stored).write_bytes(content)
    token = signing.dumps(
        {"f": stored, "u": user.pk, "p": programme.pk, "k": kind, "n": upload.name or ""},
        salt=_SALT,
        compress=True,
    )
    return Staged(token, upload.name or "", content)


def _payload(token: str, *, max_age: int | None = None) -> dict:
    try:
        return signing.loads(token or "", salt=_SALT, max_age=max_age or MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise ValidationError(
            _("The checked file has expired. Upload the file again."), code="expired"
        ) from None
    except signing.BadSignature:
        raise ValidationError(
            _("The checked file was not found. Upload the file again."), code="missing"
        ) from None


def load(token: str, *, user, programme, kind: str) -> Staged:
    """The staged file, if this token was given to this person for this programme and kind."""
    data = _payload(token)
    if (data.get("u"), data.get("p"), data.get("k")) != (user.pk, programme.pk, kind):
        raise ValidationError(
            _("The checked file was not found. Upload the file again."), code="missing"
        )
    path = folder() / Path(data["f"]).name
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(
            _("The checked file was not found. Upload the file again."), code="missing"
        ) from None
    return Staged(token, data.get("n", ""), content)


def discard(token: str | None, *, user=None, programme=None, kind: str | None = None) -> None:
    """Remove a staged file (after its import, or when a new upload replaces it). Given the
    person, programme or kind, a token bound to others removes nothing."""
    if not token:
        return
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return
    for key, given in (("u", getattr(user, "pk", None)), ("p", getattr(programme, "pk", None))):
        if given is not None and data.get(key) != given:
            return
    if kind is not None and data.get("k") != kind:
        return
    (folder() / Path(data["f"]).name).unlink(missing_ok=True)


def clean_staged(*, older_than_hours: float = 24) -> int:
    """Remove staged files nobody confirmed; returns how many were removed."""
    limit = time.time() - older_than_hours * 3600
    removed = 0
    for path in folder().iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
