"""What a phase plan takes up from the DIN: strategic and operational goals, and efforts with
their planning in the period (start and end month). Rows of the plan's own programme only
(`programme.phases.services.selection_set` checks it); an operational goal brings its strategic
goal along."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .plans import PhasePlan


class PlanStrategicGoal(models.Model):
    plan = models.ForeignKey(
        PhasePlan, on_delete=models.CASCADE, related_name="strategic_goals", verbose_name=_("plan")
    )
    goal = models.ForeignKey(
        "programme.StrategicGoal",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("strategic goal"),
    )

    class Meta:
        verbose_name = _("strategic goal taken up")
        verbose_name_plural = _("strategic goals taken up")
        constraints = [
            models.UniqueConstraint(fields=["plan", "goal"], name="planstrategicgoal_once")
        ]

    def __str__(self):
        return str(self.goal)


class PlanOperationalGoal(models.Model):
    plan = models.ForeignKey(
        PhasePlan,
        on_delete=models.CASCADE,
        related_name="operational_goals",
        verbose_name=_("plan"),
    )
    goal = models.ForeignKey(
        "programme.OperationalGoal",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("operational goal"),
    )

    class Meta:
        verbose_name = _("operational goal taken up")
        verbose_name_plural = _("operational goals taken up")
        constraints = [
            models.UniqueConstraint(fields=["plan", "goal"], name="planoperationalgoal_once")
        ]

    def __str__(self):
        return str(self.goal)


class PlanEffort(models.Model):
    """An effort taken up in the plan, with its planning in the plan's period (the first day
    of the start and end months; empty when not planned yet)."""

    plan = models.ForeignKey(
        PhasePlan, on_delete=models.CASCADE, related_name="efforts", verbose_name=_("plan")
    )
    effort = models.ForeignKey(
        "programme.Effort", on_delete=models.CASCADE, related_name="+", verbose_name=_("effort")
    )
    start_month = models.DateField(_("start month"), null=True, blank=True)
    end_month = models.DateField(_("end month"), null=True, blank=True)

    class Meta:
        verbose_name = _("effort taken up")
        verbose_name_plural = _("efforts taken up")
        constraints = [
            models.UniqueConstraint(fields=["plan", "effort"], name="planeffort_once"),
            models.CheckConstraint(
                condition=Q(start_month__isnull=True)
                | Q(end_month__isnull=True)
                | Q(end_month__gte=models.F("start_month")),
                name="planeffort_period_order",
                violation_error_message=_("The end month cannot lie before the start month."),
            ),
        ]

    def __str__(self):
        return str(self.effort)

    def clean(self):
        if self.start_month and self.end_month and self.end_month < self.start_month:
            raise ValidationError(
                {"end_month": _("The end month cannot lie before the start month.")}
            )
