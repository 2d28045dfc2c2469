"""Attachments: PDF and Office files only, checked by their content, size-limited."""

from __future__ import annotations

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from avk import policy
from avk.services import save_with_history

from ..models import Attachment, Proposal

#: extension -> (family the content must show, content type to serve it with)
ALLOWED = {
    ".pdf": ("pdf", "application/pdf"),
    ".docx": (
        "ooxml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": ("ooxml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pptx": (
        "ooxml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ".doc": ("ole", "application/msword"),
    ".xls": ("ole", "application/vnd.ms-excel"),
    ".ppt": ("ole", "application/vnd.ms-powerpoint"),
    ".odt": ("odf", "application/vnd.oasis.opendocument.text"),
    ".ods": ("odf", "application/vnd.oasis.opendocument.spreadsheet"),
    ".odp": ("odf", "application/vnd.oasis.opendocument.presentation"),
}
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def max_bytes() -> int:
    return getattr(settings, "GOVERNANCE_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)


def sniff(upload) -> str | None:
    """The file family its content shows: pdf, ooxml, odf, ole, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if "[Content_Types].xml" in names:
                    return "ooxml"
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument"
                ):
                    return "odf"
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
    return None


def check_upload(upload) -> str:
    """The content type to store, or ValidationError (Dutch) for the `file` field."""
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in ALLOWED:
        raise ValidationError(
            {"file": _("Only PDF and Office files (Word, Excel, PowerPoint) can be attached.")}
        )
    if upload.size > max_bytes():
        raise ValidationError(
            {
                "file": _("The file is too large (%(size)s); at most %(max)s is allowed.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes())}
            }
        )
    family, content_type = ALLOWED[extension]
    if sniff(upload) != family:
        raise ValidationError(
            {
                "file": _(
                    "The content of this file does not match its type %(ext)s; it is refused."
                )
                % {"ext": extension}
            }
        )
    return content_type


@transaction.atomic
def attachment_add(*, proposal: Proposal, upload, by, title: str = "") -> Attachment:
    """Attach a file to a proposal in concept or submitted ("governance.attach")."""
    policy.require(by, "governance.attach", proposal)
    content_type = check_upload(upload)
    upload.name = os.path.basename(upload.name)
    attachment = Attachment(
        proposal=proposal,
        file=upload,
        title=title.strip() or upload.name,
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    attachment.full_clean(exclude=["file"])  # the file itself was checked above
    return save_with_history(
        attachment,
        by=by,
        event="attachment.added",
        details={"title": attachment.title},
        validate=False,
    )
