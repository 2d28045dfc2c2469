"""Indicators of operational goals, their measurements and the reminders that they are due."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from programme.core.models import Programme

from .tree import OperationalGoal


class Direction(models.TextChoices):
    HIGHER = "hoger", _("higher is better")
    LOWER = "lager", _("lower is better")


class Frequency(models.TextChoices):
    YEARLY = "jaarlijks", _("yearly")
    HALF_YEARLY = "halfjaarlijks", _("every half year")
    QUARTERLY = "kwartaal", _("every quarter")
    MONTHLY = "maandelijks", _("monthly")


class Indicator(VersionedModel):
    """What shows whether an operational goal is reached, with baseline and target."""

    #: What people edit (pages, admin, services, import); the goal is chosen on creation (the
    #: admin and a goal's removal may move it).
    EDITABLE_FIELDS = (
        "name",
        "unit",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "direction",
        "cumulative",
        "frequency",
        "owner",
    )

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("programme")
    )
    goal = models.ForeignKey(
        OperationalGoal,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("operational goal"),
    )
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    cumulative = models.BooleanField(_("cumulative"), default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_indicators",
        verbose_name=_("owner"),
    )
    frequency = models.CharField(
        _("measured"), max_length=15, choices=Frequency.choices, default=Frequency.YEARLY
    )
    history = history_records()

    class Meta:
        ordering = ["programme", "goal", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:indicator-detail", args=[self.pk])

    def clean(self):
        if self.goal_id and self.programme_id and self.goal.programme_id != self.programme_id:
            raise ValidationError({"goal": _("The goal belongs to another programme.")})
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            raise ValidationError(
                {"target_year": _("The target year cannot lie before the baseline year.")}
            )


class MeasurementStatus(models.TextChoices):
    DRAFT = "concept", _("draft")
    APPROVED = "goedgekeurd", _("approved")
    RETURNED = "teruggestuurd", _("sent back")


class Measurement(VersionedModel):
    """A value of an indicator over a period. Drafts by kartrekkers or partner contacts count
    only once the programme team approves them."""

    #: What the person entering or correcting a measurement fills in.
    EDITABLE_FIELDS = ("period_label", "period_end", "value", "narrative", "source")

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    period_label = models.CharField(
        _("period"), max_length=40, help_text=_("E.g. 2024 or 2024-Q2.")
    )
    period_end = models.DateField(_("end of the period"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    narrative = models.TextField(_("explanation"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=MeasurementStatus.choices,
        default=MeasurementStatus.DRAFT,
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entered_measurements",
        verbose_name=_("entered by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_measurements",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_remark = models.TextField(_("remark on review"), blank=True)
    history = history_records()

    class Meta:
        ordering = ["indicator", "period_end"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_end"],
                condition=~Q(status="teruggestuurd"),
                name="measurement_one_per_period",
                violation_error_message=_(
                    "This indicator already has a measurement for this period."
                ),
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period_label}"

    @property
    def programme(self):
        """A measurement belongs to its indicator's programme (for `allowed(user, action,
        obj)`)."""
        return self.indicator.programme


class MeasurementReminder(models.Model):
    """A reminder e-mail sent to an indicator's owner for one period; keeps the reminder
    command idempotent (one e-mail per indicator and period)."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("indicator"),
    )
    period_end = models.DateField(_("end of the period"))
    sent_to = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("measurement reminder")
        verbose_name_plural = _("measurement reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_end"], name="measurementreminder_once"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period_end}"
