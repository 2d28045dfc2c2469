"""Money coming in: each partner's yearly member contribution as invoiced and paid, and the
mapping of the accounting system's ledger accounts to budget lines (remembered per programme)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.history import history_records
from avk.models import VersionedModel
from partners.models import Partner
from programme.core.models import Programme

from .budgets import NOT_NEGATIVE, ZERO, BudgetLine


class MemberContribution(VersionedModel):
    """What a partner was invoiced for its yearly contribution in a year, and what it paid."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="member_contributions",
        verbose_name=_("programme"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="member_contributions",
        verbose_name=_("partner"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    invoiced_amount = models.DecimalField(
        _("invoiced"), max_digits=12, decimal_places=2, default=ZERO, validators=[NOT_NEGATIVE]
    )
    invoiced_on = models.DateField(_("invoiced on"), null=True, blank=True)
    paid_amount = models.DecimalField(
        _("paid"), max_digits=12, decimal_places=2, default=ZERO, validators=[NOT_NEGATIVE]
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = history_records()

    EDITABLE_FIELDS = ("invoiced_amount", "invoiced_on", "paid_amount", "paid_on", "note")

    class Meta:
        ordering = ["programme", "-year", "partner__name"]
        verbose_name = _("member contribution")
        verbose_name_plural = _("member contributions")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "partner", "year"],
                name="budget_contribution_once_per_year",
                violation_error_message=_(
                    "This partner's contribution for this year has been invoiced already."
                ),
            )
        ]

    def __str__(self):
        return f"{self.partner} {self.year}"

    @property
    def outstanding(self) -> Decimal:
        return max(self.invoiced_amount - self.paid_amount, ZERO)

    @property
    def is_paid(self) -> bool:
        return self.paid_amount >= self.invoiced_amount

    def clean(self):
        super().clean()
        if self.paid_amount and self.paid_amount > 0 and self.paid_on is None:
            raise ValidationError({"paid_on": _("Give the date of the payment.")})


class LedgerMapping(models.Model):
    """A ledger account of the accounting system counts for a budget line. Remembered per
    programme: a later budget finds the line with the same side and description."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    account = models.CharField(_("ledger account"), max_length=50)
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.CASCADE,
        related_name="ledger_mappings",
        verbose_name=_("budget line"),
    )
    history = history_records()

    class Meta:
        ordering = ["programme", "account"]
        verbose_name = _("ledger account mapping")
        verbose_name_plural = _("ledger account mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "account"], name="budget_ledger_account_once"
            )
        ]

    def __str__(self):
        return f"{self.account} → {self.line}"
