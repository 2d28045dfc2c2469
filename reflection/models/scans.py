"""The partner quick scan ("Is de organisatie AVK-proof?"): a short questionnaire of a
programme, once a round, that each partner contact fills in for their own organisation with
yes / partly / no per item; the programme team sees the answers aggregated."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme

from .rounds import Round


class QuickScan(VersionedModel):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="quick_scans", verbose_name=_("programme")
    )
    round = models.ForeignKey(
        Round,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quick_scans",
        verbose_name=_("round"),
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    is_open = models.BooleanField(
        _("open"), default=True, help_text=_("Partners can fill it in while it is open.")
    )
    history = history_records()

    EDITABLE_FIELDS = ("title", "introduction", "round", "is_open")

    class Meta:
        ordering = ["programme", "-pk"]
        verbose_name = _("quick scan")
        verbose_name_plural = _("quick scans")

    def __str__(self):
        return f"{self.title} ({self.round})" if self.round_id else self.title

    def get_absolute_url(self):
        return reverse("reflection:scan-detail", args=[self.pk])


class ScanItem(models.Model):
    """A question of the quick scan, answered with yes, partly or no."""

    scan = models.ForeignKey(
        QuickScan, on_delete=models.CASCADE, related_name="items", verbose_name=_("quick scan")
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("explanation"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = history_records()

    EDITABLE_FIELDS = ("text", "help_text", "order")

    class Meta:
        ordering = ["scan", "order", "pk"]
        verbose_name = _("quick scan item")
        verbose_name_plural = _("quick scan items")

    def __str__(self):
        return self.text

    @property
    def programme(self):
        return self.scan.programme


class Answer(models.TextChoices):
    YES = "ja", _("yes")
    PARTLY = "deels", _("partly")
    NO = "nee", _("no")


#: What an answer scores: a partner meeting every item scores 100%.
ANSWER_SCORE = {Answer.YES: 2, Answer.PARTLY: 1, Answer.NO: 0}
MAX_SCORE = 2


class ScanResponse(VersionedModel):
    """One partner's answers to a quick scan (filled in by its contact)."""

    scan = models.ForeignKey(
        QuickScan, on_delete=models.CASCADE, related_name="responses", verbose_name=_("quick scan")
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.CASCADE,
        related_name="scan_responses",
        verbose_name=_("partner"),
    )
    remark = models.TextField(_("remark"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("filled in by"),
    )
    submitted_at = models.DateTimeField(_("filled in on"), null=True, blank=True)
    history = history_records()

    class Meta:
        ordering = ["scan", "partner__name"]
        verbose_name = _("quick scan response")
        verbose_name_plural = _("quick scan responses")
        constraints = [
            models.UniqueConstraint(
                fields=["scan", "partner"],
                name="reflection_scan_response_once",
                violation_error_message=_("This partner has filled in this quick scan already."),
            )
        ]

    def __str__(self):
        return f"{self.partner} - {self.scan}"

    @property
    def programme(self):
        return self.scan.programme


class ScanAnswer(models.Model):
    response = models.ForeignKey(
        ScanResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    item = models.ForeignKey(
        ScanItem, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    note = models.CharField(_("explanation"), max_length=500, blank=True)
    history = history_records()

    class Meta:
        ordering = ["response", "item__order", "item__pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="reflection_scan_answer_once")
        ]

    def __str__(self):
        return self.get_answer_display()
