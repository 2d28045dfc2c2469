"""A programme's budget for a year (or a phase plan's period): cost and coverage lines that
balance, adopted by a board decision, and what was actually spent and received (realisation).

A budget is a concept until the decide step of governance adopts it (`avk.adoption`); from then
on it is read-only: a change is a new version of the same period, a begrotingswijziging
(`revision` 1, 2, ...; `amends` the version it changes), adopted by a decision of its own. The
lines of a new version keep the `lineage` of the lines they copy, so the realisation recorded
on the earlier version counts for the same line in the next.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from avk.formats import months
from avk.history import history_records
from avk.models import DatedPeriod, DatedQuerySet, VersionedModel
from programme.core.models import Programme

ZERO = Decimal("0.00")
NOT_NEGATIVE = MinValueValidator(ZERO, message=_("An amount cannot be negative."))


class BudgetStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    ADOPTED = "vastgesteld", _("adopted by the board")
    CLOSED = "afgesloten", _("closed")


class Side(models.TextChoices):
    COSTS = "kosten", _("costs")
    COVERAGE = "dekking", _("coverage")


class SourceKind(models.TextChoices):
    """Where coverage comes from."""

    MEMBERS = "ledenbijdragen", _("member contributions")
    FUNDS = "fondsen", _("funds and subsidies")
    MUNICIPAL = "gemeentelijk", _("municipal contribution")
    OTHER = "overig", _("other")


class Budget(VersionedModel, DatedPeriod):
    """One version of a programme's budget for a period of at most a year."""

    #: What people edit on a concept (form, admin, import and `budget_update`).
    EDITABLE_FIELDS = ("title", "valid_from", "valid_until", "explanation")

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="budgets", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=200)
    valid_from = models.DateField(_("period from"))
    valid_until = models.DateField(_("period until"))
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("The explanation (toelichting) of the budget.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=BudgetStatus.choices,
        default=BudgetStatus.CONCEPT,
        editable=False,
    )
    revision = models.PositiveSmallIntegerField(_("amendment"), default=0, editable=False)
    amends = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="amendments",
        verbose_name=_("amends"),
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
    history = history_records()

    objects = DatedQuerySet.as_manager()

    class Meta(DatedPeriod.Meta):
        ordering = ["programme", "-valid_from", "-revision"]
        verbose_name = _("programme budget")
        verbose_name_plural = _("programme budgets")
        constraints = [
            *DatedPeriod.Meta.constraints,
            models.UniqueConstraint(
                fields=["programme", "valid_from", "revision"],
                name="budget_one_version_per_period",
                violation_error_message=_("This programme already has a budget for this period."),
            ),
        ]

    def __str__(self):
        return str(self.label)

    @property
    def label(self) -> str:
        if not self.revision:
            return self.title
        return _("%(title)s, amendment %(n)s") % {"title": self.title, "n": self.revision}

    @property
    def period_label(self) -> str:
        """ "2026", or "aug. 2023 – jul. 2024" for a period that is not a calendar year."""
        start, end = self.valid_from, self.valid_until
        if start.month == 1 and start.day == 1 and end == start.replace(month=12, day=31):
            return str(start.year)
        return months(start, end)

    @property
    def is_concept(self) -> bool:
        return self.status == BudgetStatus.CONCEPT

    def get_absolute_url(self):
        return reverse("budget:detail", args=[self.programme.slug, self.pk])

    def clean(self):
        from partners.selectors import year_days

        super().clean()
        if self.valid_from and self.valid_until and self.valid_until >= self.valid_from:
            last = self.valid_from + timedelta(days=year_days(self.valid_from) - 1)
            if self.valid_until > last:
                raise ValidationError(
                    {
                        "valid_until": _(
                            "A budget covers at most one year: end it on %(last)s at the latest."
                        )
                        % {"last": date_format(last)}
                    }
                )


class BudgetLine(VersionedModel):
    """A cost line (kosten) or coverage line (dekking) of a budget. The member contributions
    line can be `derived` from the commitments: its amount follows them while the budget is a
    concept and is fixed when the budget is adopted."""

    #: What people edit (the line form, the import and `line_add`/`line_update`).
    EDITABLE_FIELDS = (
        "side",
        "category",
        "description",
        "amount",
        "source_kind",
        "derived",
        "effort",
        "working_group",
        "explanation",
        "order",
    )

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="lines", verbose_name=_("programme budget")
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    category = models.CharField(_("category"), max_length=100, blank=True)
    description = models.CharField(_("description"), max_length=200)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, default=ZERO, validators=[NOT_NEGATIVE]
    )
    source_kind = models.CharField(
        _("source"), max_length=20, choices=SourceKind.choices, blank=True, default=""
    )
    derived = models.BooleanField(
        _("derived from the commitments"),
        default=False,
        help_text=_(
            "The amount is the sum of the partners' yearly contributions in force in the "
            "period (pro rata); it is fixed when the budget is adopted."
        ),
    )
    effort = models.ForeignKey(
        "programme.Effort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name=_("effort"),
    )
    working_group = models.ForeignKey(
        "programme.WorkingGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name=_("working group"),
    )
    explanation = models.TextField(_("explanation"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    history = history_records()

    class Meta:
        ordering = ["budget", "side", "order", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(
                fields=["budget"],
                condition=Q(derived=True),
                name="budget_one_derived_line",
                violation_error_message=_(
                    "This budget already has a line derived from the commitments."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budget_line_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.description

    def clean(self):
        super().clean()
        errors = {}
        if self.side == Side.COVERAGE and not self.source_kind:
            errors["source_kind"] = _("Choose where this coverage comes from.")
        if self.side == Side.COSTS and self.source_kind:
            errors["source_kind"] = _("Only a coverage line has a source.")
        if self.derived and (self.side != Side.COVERAGE or self.source_kind != SourceKind.MEMBERS):
            errors["derived"] = _(
                "Only a coverage line of member contributions can be derived from the commitments."
            )
        programme_id = self.budget.programme_id if self.budget_id else None
        for name in ("effort", "working_group"):
            linked = getattr(self, name)
            if linked is not None and linked.programme_id != programme_id:
                errors[name] = _("This %(kind)s belongs to another programme.") % {
                    "kind": self._meta.get_field(name).verbose_name
                }
        if errors:
            raise ValidationError(errors)


class RealisationSource(models.TextChoices):
    MANUAL = "handmatig", _("recorded by hand")
    LEDGER = "boekhouding", _("from the books")


class Realisation(VersionedModel):
    """What was actually spent or received on a line, on a date: recorded by hand, or read
    from the accounting system's export (then `account` and `fingerprint` name the
    transaction, so the same export read twice counts once). A transaction whose ledger account
    is not mapped to a line yet has no `line`."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="+", verbose_name=_("programme")
    )
    budget = models.ForeignKey(
        Budget,
        on_delete=models.PROTECT,
        related_name="realisations",
        verbose_name=_("programme budget"),
    )
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="realisations",
        verbose_name=_("budget line"),
    )
    booked_on = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=RealisationSource.choices,
        default=RealisationSource.MANUAL,
        editable=False,
    )
    account = models.CharField(_("ledger account"), max_length=50, blank=True, editable=False)
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    history = history_records()

    EDITABLE_FIELDS = ("line", "booked_on", "amount", "note")

    class Meta:
        ordering = ["budget", "booked_on", "pk"]
        verbose_name = _("realisation")
        verbose_name_plural = _("realisation")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "fingerprint"],
                condition=~Q(fingerprint=""),
                name="budget_realisation_transaction_once",
            )
        ]

    def __str__(self):
        return f"{self.booked_on:%d-%m-%Y} {self.amount}"

    def clean(self):
        super().clean()
        errors = {}
        if self.amount is not None and self.amount == 0:
            errors["amount"] = _("Give an amount other than zero.")
        budget = self.budget if self.budget_id else None
        outside = budget is not None and self.booked_on is not None
        if outside and not budget.valid_from <= self.booked_on <= budget.valid_until:
            errors["booked_on"] = _(
                "The date lies outside the budget's period (%(from)s to %(until)s)."
            ) % {
                "from": date_format(budget.valid_from),
                "until": date_format(budget.valid_until),
            }
        if budget is not None and self.line_id and self.line.budget_id != budget.pk:
            errors["line"] = _("Choose a line of this budget.")
        if errors:
            raise ValidationError(errors)
