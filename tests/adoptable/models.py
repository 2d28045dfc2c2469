"""A plan a board decision adopts: concept until a decision adopts it, then vastgesteld with
the decision that did. Its check refuses a plan without a title, or one adopted already."""

from django.core.exceptions import ValidationError
from django.db import models


class Plan(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", "concept"
        ADOPTED = "vastgesteld", "vastgesteld"

    programme = models.ForeignKey("programme.Programme", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    adopted_by = models.ForeignKey(
        "governance.ProposedDecision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    def __str__(self):
        return self.title or f"plan {self.pk}"


def plan_check(plan: Plan) -> None:
    if not plan.title.strip():
        raise ValidationError("Een plan zonder titel kan niet worden vastgesteld.")
    if plan.status == Plan.Status.ADOPTED:
        raise ValidationError("Dit plan is al vastgesteld.")


def plan_adopt(plan: Plan, *, decision, by) -> None:
    plan.status = Plan.Status.ADOPTED
    plan.adopted_by = decision
    plan.save(update_fields=["status", "adopted_by"])
