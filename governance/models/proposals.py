"""Proposals to a body, their attachments and their workflow steps."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel

from .bodies import Body


class ProposalStatus(models.TextChoices):
    CONCEPT = "concept", _("draft")
    SUBMITTED = "ingediend", _("submitted")
    SCHEDULED = "geagendeerd", _("on the agenda")
    WRITTEN_ROUND = "schriftelijke_ronde", _("in written round")
    DECIDED = "besloten", _("decided")
    WITHDRAWN = "ingetrokken", _("withdrawn")


class Proposal(VersionedModel):
    """A proposal (voorstel) to a body, laid out like the memo in seed 001: to (`body`), drafter
    (`drafter` + `drafter_function`, e.g. "projectleider"), `date`, `introduction` and `content`
    (Markdown, rendered through governance.markdown.render), attachments, and numbered
    `decisions` (ProposedDecision, position 1..n).

    Status: concept -> ingediend -> geagendeerd | schriftelijke_ronde -> besloten, or
    ingetrokken before it is decided. Each step leaves a `Transition`.
    """

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("programme"),
    )
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("to (body)")
    )
    title = models.CharField(_("title"), max_length=300)
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="drafted_proposals",
        verbose_name=_("drafter"),
    )
    drafter_function = models.CharField(
        _("drafter's function"), max_length=100, blank=True, help_text=_("E.g. project leader.")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    content = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ProposalStatus.choices,
        default=ProposalStatus.CONCEPT,
    )
    round_deadline = models.DateTimeField(_("written round deadline"), null=True, blank=True)
    round_opened_at = models.DateTimeField(_("written round opened"), null=True, blank=True)
    round_reminder_sent_at = models.DateTimeField(
        _("reminder sent"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = history_records()

    #: What people edit in a draft: the form, the admin and `proposal_update` take these.
    EDITABLE_FIELDS = (
        "title",
        "body",
        "drafter",
        "drafter_function",
        "date",
        "introduction",
        "content",
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:proposal-detail", args=[self.pk])

    @property
    def is_concept(self) -> bool:
        return self.status == ProposalStatus.CONCEPT

    @property
    def round_open(self) -> bool:
        return self.status == ProposalStatus.WRITTEN_ROUND

    @property
    def deadline_passed(self) -> bool:
        return self.round_deadline is not None and timezone.now() >= self.round_deadline


def attachment_path(instance, filename):
    return f"governance/proposals/{instance.proposal_id}/{filename}"


class Attachment(models.Model):
    """A file with a proposal: PDF or Office only, size-limited and checked by its content
    (services.attachment_add). Stored under MEDIA_ROOT, never served directly: the download
    view asks the policy (may the person see the proposal?)."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("proposal")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    title = models.CharField(_("title"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=120, editable=False)
    size = models.PositiveIntegerField(_("size (bytes)"), editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    history = history_records()

    class Meta:
        ordering = ["proposal", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:attachment-download", args=[self.pk])

    @property
    def programme(self):
        return self.proposal.programme


class RoundReminder(models.Model):
    """A reminder of a written round sent to the voting members who had not voted yet: by a
    person from the proposal's page (`sent_by`), or by the `close_written_rounds` command
    (`sent_by` empty). `recipients` are those it was sent to."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("proposal")
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name=_("sent to")
    )

    class Meta:
        ordering = ["proposal", "-sent_at", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self):
        return f"{self.proposal}: {self.sent_at:%Y-%m-%d %H:%M}"


class Transition(models.Model):
    """One workflow step of a proposal: who moved it from which status to which, and when."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("proposal")
    )
    from_status = models.CharField(
        _("from"), max_length=30, choices=ProposalStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=30, choices=ProposalStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["proposal", "at", "pk"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"
