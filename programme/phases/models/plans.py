"""A phase plan (faseplan): the yearly plan the programme team writes and the board adopts.

It holds its texts (vooraf, context and phasing, reading guide, people and organisation, the
budget's explanation, colophon and thanks), links the budget of its period, and selects the
DIN's goals and efforts taken up in the period (`selection`). A plan is a concept until
governance's decide step adopts it (`avk.adoption`); adopting freezes its contents as they were
that day (`frozen`, a JSON snapshot), so later DIN edits do not change an adopted plan, and its
PDF is rendered once and kept (`PhasePlanDocument`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.formats import months
from avk.history import history_records
from avk.models import DatedPeriod, DatedQuerySet, VersionedModel
from programme.core.models import Programme

#: A phase plan covers a period of at most this many months (phase plan 1 ran 13).
MAX_MONTHS = 24


class PhasePlanStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    ADOPTED = "vastgesteld", _("adopted by the board")
    CLOSED = "afgesloten", _("closed")


class PhasePlan(VersionedModel, DatedPeriod):
    """One phase plan of a programme, numbered 1, 2, 3 ..."""

    #: The chapters' texts, in the order of the document.
    TEXT_FIELDS = (
        "foreword",
        "context",
        "reading_guide",
        "people",
        "budget_explanation",
        "colophon",
        "thanks",
    )
    #: What people edit on a concept (the form, the admin and `plan_update`).
    EDITABLE_FIELDS = ("number", "title", "subtitle", "valid_from", "valid_until", "budget")
    EDITABLE_FIELDS = EDITABLE_FIELDS + TEXT_FIELDS

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="phase_plans", verbose_name=_("programme")
    )
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    title = models.CharField(_("title"), max_length=200)
    subtitle = models.CharField(
        _("subtitle"),
        max_length=300,
        blank=True,
        help_text=_("The document's theme on the cover, e.g. the programme's task."),
    )
    valid_from = models.DateField(_("period from"))
    valid_until = models.DateField(_("period until"))
    budget = models.ForeignKey(
        "budget.Budget",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("budget of the period"),
    )
    foreword = models.TextField(_("foreword (vooraf)"), blank=True)
    context = models.TextField(_("context and phasing"), blank=True)
    reading_guide = models.TextField(_("reading guide"), blank=True)
    people = models.TextField(
        _("people and organisation"),
        blank=True,
        help_text=_("Who directs, organises and does the work, and their tasks."),
    )
    budget_explanation = models.TextField(_("explanation of the budget"), blank=True)
    colophon = models.TextField(
        _("colophon"), blank=True, help_text=_("Address, website, contact and editors.")
    )
    thanks = models.TextField(_("thanks"), blank=True, help_text=_("Who we thank (met dank aan)."))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PhasePlanStatus.choices,
        default=PhasePlanStatus.CONCEPT,
        editable=False,
    )
    adopted_by = models.ForeignKey(
        "governance.ProposedDecision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("adopted by decision"),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True, editable=False)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    frozen = models.JSONField(
        _("contents as adopted"), null=True, blank=True, editable=False, encoder=DjangoJSONEncoder
    )
    history = history_records(excluded_fields=["frozen"])

    objects = DatedQuerySet.as_manager()

    class Meta(DatedPeriod.Meta):
        ordering = ["programme", "-number"]
        verbose_name = _("phase plan")
        verbose_name_plural = _("phase plans")
        constraints = [
            *DatedPeriod.Meta.constraints,
            models.UniqueConstraint(
                fields=["programme", "number"],
                name="phaseplan_number_once",
                violation_error_message=_(
                    "This programme already has a phase plan with this number."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:phaseplan-detail", args=[self.programme.slug, self.pk])

    @property
    def period_label(self) -> str:
        """ "aug. 2023 – aug. 2024"."""
        return months(self.valid_from, self.valid_until)

    @property
    def is_concept(self) -> bool:
        return self.status == PhasePlanStatus.CONCEPT

    @property
    def is_frozen(self) -> bool:
        return self.status != PhasePlanStatus.CONCEPT and self.frozen is not None

    def clean(self):
        super().clean()
        errors = {}
        start, end = self.valid_from, self.valid_until
        if start and end and end >= start:
            span = (end.year - start.year) * 12 + end.month - start.month + 1
            if span > MAX_MONTHS:
                errors["valid_until"] = _(
                    "A phase plan covers at most %(n)s months; this period has %(span)s."
                ) % {"n": MAX_MONTHS, "span": span}
        if self.budget_id and self.programme_id and self.budget.programme_id != self.programme_id:
            errors["budget"] = _("This budget belongs to another programme.")
        if errors:
            raise ValidationError(errors)


class PhasePlanDocument(models.Model):
    """The PDF of an adopted phase plan, rendered once from its frozen contents and kept, so
    every download is the same document, byte for byte."""

    plan = models.OneToOneField(
        PhasePlan, on_delete=models.CASCADE, related_name="document", verbose_name=_("phase plan")
    )
    content = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    rendered_at = models.DateTimeField(_("rendered at"))

    class Meta:
        verbose_name = _("phase plan document")
        verbose_name_plural = _("phase plan documents")

    def __str__(self):
        return f"{self.plan} ({self.sha256[:12]})"
