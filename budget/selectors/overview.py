"""The multi-year overview: per period the version in force with its totals and realisation,
the totals per category and per source over the years, and the member contributions over time.
Five queries, whatever the number of years, lines or partners."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from partners.models import Commitment
from partners.selectors import prorate
from programme.core.models import Programme

from ..models import Budget, BudgetLine, Realisation, Side, SourceKind
from .budgets import ZERO, budgets_of, current_version, derived_contributions, planned_amount


@dataclass
class Period:
    budget: Budget  # the version in force
    versions: list[Budget]
    costs: Decimal = ZERO
    coverage: Decimal = ZERO
    realised_costs: Decimal = ZERO
    realised_coverage: Decimal = ZERO
    members_budgeted: Decimal | None = None  # the member contributions line
    members_committed: Decimal = ZERO  # what the commitments give for the period

    @property
    def balance(self) -> Decimal:
        return self.coverage - self.costs

    @property
    def pending_amendment(self) -> Budget | None:
        latest = self.versions[-1]
        return latest if latest.pk != self.budget.pk and latest.is_concept else None


@dataclass
class Overview:
    periods: list[Period] = field(default_factory=list)
    #: (category, [amount per period]) for the costs, and (source, [...]) for the coverage
    cost_categories: list[tuple[str, list[Decimal]]] = field(default_factory=list)
    sources: list[tuple[str, list[Decimal]]] = field(default_factory=list)


def _pivot(amounts: dict, periods: list[Period]) -> list[tuple[str, list[Decimal]]]:
    return [
        (name, [amounts[name].get(p.budget.valid_from, ZERO) for p in periods])
        for name in sorted(amounts, key=str.casefold)
    ]


def budget_overview(*, programme: Programme) -> Overview:
    grouped: dict = defaultdict(list)
    for budget in budgets_of(programme).order_by("valid_from", "revision"):
        grouped[budget.valid_from].append(budget)
    if not grouped:
        return Overview()
    periods = [
        Period(budget=current_version(versions), versions=versions) for versions in grouped.values()
    ]
    by_start = {p.budget.valid_from: p for p in periods}
    start = min(p.budget.valid_from for p in periods)
    end = max(p.budget.valid_until for p in periods)
    commitments = list(
        Commitment.objects.filter(programme=programme, valid_from__lte=end)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
        .select_related("partner", "package")
        .order_by(Lower("partner__name"), "valid_from")
    )
    derived = {}
    for period in periods:
        budget = period.budget
        rows = prorate(commitments, start=budget.valid_from, end=budget.valid_until)
        derived[budget.pk] = derived_contributions(budget, rows)
        period.members_committed = derived[budget.pk].total
    categories: dict = defaultdict(dict)
    sources: dict = defaultdict(dict)
    source_labels = dict(SourceKind.choices)
    lines = BudgetLine.objects.filter(budget__in=[p.budget for p in periods]).select_related(
        "budget"
    )
    for line in lines:
        period = by_start[line.budget.valid_from]
        amount = planned_amount(line, period.budget, derived[period.budget.pk])
        if line.side == Side.COSTS:
            period.costs += amount
            name = line.category or _("(no category)")
            categories[name][period.budget.valid_from] = (
                categories[name].get(period.budget.valid_from, ZERO) + amount
            )
        else:
            period.coverage += amount
            name = str(source_labels.get(line.source_kind, line.source_kind))
            sources[name][period.budget.valid_from] = (
                sources[name].get(period.budget.valid_from, ZERO) + amount
            )
            if line.source_kind == SourceKind.MEMBERS:
                period.members_budgeted = (period.members_budgeted or ZERO) + amount
    realised = (
        Realisation.objects.filter(programme=programme, line__isnull=False)
        .values_list("budget__valid_from", "line__side")
        .annotate(total=Sum("amount"))
    )
    for valid_from, side, total in realised:
        period = by_start.get(valid_from)
        if period is None:
            continue
        if side == Side.COSTS:
            period.realised_costs += total
        else:
            period.realised_coverage += total
    return Overview(
        periods=periods,
        cost_categories=_pivot(categories, periods),
        sources=_pivot(sources, periods),
    )
