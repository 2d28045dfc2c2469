"""Kept PDFs of the decision list (besluitenlijst).

A decision list of many years takes seconds to render (WeasyPrint), so its PDF is kept, keyed
by a fingerprint of everything it shows (`governance.services.documents`): while the list is
unchanged every download is the same file, byte for byte, at once; a new or changed decision
gives a new fingerprint and so a new document. A long one is rendered by a background task
(`governance.tasks`) while the person sees a progress page.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentStatus(models.TextChoices):
    PENDING = "bezig", _("being made")
    READY = "klaar", _("ready")
    FAILED = "mislukt", _("failed")


def document_path(document, filename: str) -> str:
    return f"decision-lists/{document.programme_id}/{document.pk}.pdf"


class DecisionListDocument(models.Model):
    """One rendering of a decision list: its programme, body and filters (`query`), in one
    language, as `requested_by` could see it. Served only through the decision-list PDF view,
    which checks the reader's access and that the list they see now has this fingerprint."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("programme"),
    )
    body = models.ForeignKey(  # none: a programme without bodies (an empty list)
        "governance.Body",
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        verbose_name=_("body"),
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    list_key = models.CharField(_("list"), max_length=64, db_index=True)
    query = models.JSONField(_("filters"), default=dict)
    language = models.CharField(_("language"), max_length=8)
    rows = models.PositiveIntegerField(_("decisions"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    file = models.FileField(_("PDF"), upload_to=document_path, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision list PDF")
        verbose_name_plural = _("decision list PDFs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.body} ({self.fingerprint[:12]}, {self.get_status_display()})"

    @property
    def ready(self) -> bool:
        return self.status == DocumentStatus.READY
