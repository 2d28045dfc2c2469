"""Attachments: PDF and Office files only, checked by their whole content (avk.uploads),
size-limited."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk import policy
from avk.formats import file_size
from avk.services import save_with_history
from avk.uploads import DOCUMENTS, check_document

from ..models import Attachment, Proposal

#: The types a proposal takes (by extension); avk.uploads checks that the content is that type.
ALLOWED = DOCUMENTS


def max_bytes() -> int:
    return getattr(settings, "GOVERNANCE_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)


def check_upload(upload) -> str:
    """The content type to store, or ValidationError (Dutch) for the `file` field: a type not
    allowed, a file too large (its real size, precise enough to differ from the limit), or
    content that is not what its name says (avk.uploads)."""
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in ALLOWED:
        raise ValidationError(
            {"file": _("Only PDF and Office files (Word, Excel, PowerPoint) can be attached.")}
        )
    if upload.size > max_bytes():
        raise ValidationError(
            {
                "file": _("The file is too large (%(size)s); at most %(max)s is allowed.")
                % {"size": file_size(upload.size, above=max_bytes()), "max": file_size(max_bytes())}
            }
        )
    return check_document(upload, allowed=ALLOWED)


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
