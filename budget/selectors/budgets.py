"""One budget as its page shows it: the cost and coverage lines with planned, realised and the
difference, the totals and the balance, the member contributions derived from the commitments
with their breakdown, and how far the period has gone. A fixed number of queries, whatever the
number of lines, partners or realisation entries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from governance.models import Outcome, ProposalStatus, ProposedDecision
from partners.selectors import commitments_for_period, prorate
from programme.core.models import Programme

from ..models import Budget, BudgetLine, BudgetStatus, Realisation, Side

ZERO = Decimal("0.00")


def budgets_of(programme: Programme) -> QuerySet[Budget]:
    return Budget.objects.filter(programme=programme).select_related("programme")


def chain_of(budget: Budget) -> list[Budget]:
    """Every version of the budget's period, oldest first."""
    return list(
        Budget.objects.filter(programme_id=budget.programme_id, valid_from=budget.valid_from)
        .select_related("programme")
        .order_by("revision")
    )


def current_version(versions: list[Budget]) -> Budget:
    """The version in force among one period's versions: the latest adopted (or closed) one,
    else the latest concept."""
    adopted = [b for b in versions if b.status != BudgetStatus.CONCEPT]
    return max(adopted or versions, key=lambda b: b.revision)


def budget_in_force(*, programme: Programme, on: date) -> Budget | None:
    """The version in force of the budget whose period holds the day `on` (for a phase plan:
    the budget of its period), or None. One query."""
    versions = list(
        Budget.objects.in_force(on).filter(programme=programme).select_related("programme")
    )
    return current_version(versions) if versions else None


@dataclass
class Row:
    line: BudgetLine
    planned: Decimal
    realised: Decimal

    @property
    def difference(self) -> Decimal:
        return self.planned - self.realised

    @property
    def share(self) -> float:
        return float(self.realised / self.planned) if self.planned else 0.0


@dataclass
class SideTable:
    side: str
    rows: list[Row] = field(default_factory=list)

    @property
    def planned(self) -> Decimal:
        return sum((r.planned for r in self.rows), ZERO)

    @property
    def realised(self) -> Decimal:
        return sum((r.realised for r in self.rows), ZERO)

    @property
    def difference(self) -> Decimal:
        return self.planned - self.realised


@dataclass
class Derived:
    """The member contributions from the commitments in force in the period."""

    total: Decimal
    partners: list[dict]  # {partner (pk, name), amount, packages: "A, B"}
    packages: list[dict]  # {code, name, amount, partners}
    line: BudgetLine | None = None

    @property
    def difference(self) -> Decimal | None:
        """Fixed amount minus what the commitments give now (adopted budgets)."""
        if self.line is None:
            return None
        return self.line.amount - self.total


@dataclass
class Sheet:
    budget: Budget
    costs: SideTable
    coverage: SideTable
    derived: Derived | None
    elapsed: float  # the share of the period gone by today (0..1)
    unmapped: dict  # {count, total} of transactions whose ledger account has no line yet
    versions: list[Budget]
    current: Budget
    pending: list[ProposedDecision]

    @property
    def balance(self) -> Decimal:
        """Coverage minus costs: zero when the budget balances."""
        return self.coverage.planned - self.costs.planned

    @property
    def gap(self) -> Decimal:
        return abs(self.balance)

    @property
    def balanced(self) -> bool:
        return self.balance == 0 and bool(self.costs.rows)

    @property
    def superseded(self) -> bool:
        return self.current.pk != self.budget.pk and self.current.revision > self.budget.revision

    @property
    def amendment(self) -> Budget | None:
        """A concept amendment drafted on top of this version."""
        later = [b for b in self.versions if b.revision > self.budget.revision]
        return later[-1] if later and later[-1].is_concept else None

    @property
    def elapsed_percent(self) -> int:
        return round(self.elapsed * 100)

    @property
    def chart(self):
        from ..chart import planned_against_realised

        return planned_against_realised(self)


def pending_decisions(budget: Budget) -> QuerySet[ProposedDecision]:
    """The decisions that would adopt this budget and have not been taken yet (also deferred
    ones), in proposals that were not withdrawn."""
    return ProposedDecision.objects.filter(
        subject_type=ContentType.objects.get_for_model(Budget),
        subject_id=budget.pk,
        outcome__in=("", Outcome.DEFERRED),
    ).exclude(proposal__status=ProposalStatus.WITHDRAWN)


def elapsed_share(budget: Budget, today: date | None = None) -> float:
    today = today or timezone.localdate()
    if today < budget.valid_from:
        return 0.0
    if today >= budget.valid_until:
        return 1.0
    days = (budget.valid_until - budget.valid_from).days + 1
    return ((today - budget.valid_from).days + 1) / days


class _Named(NamedTuple):
    """What the budget reads of a commitment's partner (pk, name) or package (code, name)."""

    pk: int
    name: str
    code: str = ""


class _Commitment(NamedTuple):
    """A commitment as `partners.selectors.prorate` and the breakdown read it."""

    partner_id: int
    partner: _Named
    package: _Named
    yearly_contribution: Decimal
    valid_from: date
    valid_until: date | None


def _commitments(budget: Budget) -> list[_Commitment]:
    """The commitments in force in the budget's period, as plain rows (one query): a budget of
    ten times the AVK's size has 500 of them, and three model instances each were a third of
    its page's time (issue 15)."""
    partners: dict[int, _Named] = {}
    packages: dict[int, _Named] = {}
    rows = commitments_for_period(
        programme=budget.programme, start=budget.valid_from, end=budget.valid_until
    ).values_list(
        "partner_id", "partner__name", "package_id", "package__code", "package__name",
        "yearly_contribution", "valid_from", "valid_until",
    )  # fmt: skip
    commitments = []
    for partner_id, name, package_id, code, package_name, yearly, start, until in rows:
        partner = partners.setdefault(partner_id, _Named(partner_id, name))
        package = packages.setdefault(package_id, _Named(package_id, package_name, code))
        commitments.append(_Commitment(partner_id, partner, package, yearly, start, until))
    return commitments


def derived_contributions(budget: Budget, rows: list[dict] | None = None) -> Derived:
    """The member contributions for the budget's period, per partner and per package, from the
    commitments (pro rata for partners who join or change package in the period). The package
    totals add up to the total exactly. Each partner is its pk and name."""
    if rows is None:
        rows = prorate(_commitments(budget), start=budget.valid_from, end=budget.valid_until)
    packages: dict[str, dict] = {}
    partners = []
    for row in rows:
        codes = []
        for commitment, share in row["shares"]:
            package = commitment.package
            entry = packages.setdefault(
                package.code,
                {"code": package.code, "name": package.name, "amount": ZERO, "partners": set()},
            )
            entry["amount"] += share
            entry["partners"].add(row["partner"].pk)
            if package.code not in codes:
                codes.append(package.code)
        partners.append(
            {"partner": row["partner"], "amount": row["amount"], "packages": ", ".join(codes)}
        )
    for entry in packages.values():
        entry["partners"] = len(entry["partners"])
    return Derived(
        total=sum((row["amount"] for row in rows), ZERO),
        partners=partners,
        packages=sorted(packages.values(), key=lambda e: e["code"]),
    )


def planned_amount(line: BudgetLine, budget: Budget, derived: Derived | None) -> Decimal:
    """A derived line's amount follows the commitments while the budget is a concept."""
    if line.derived and budget.is_concept and derived is not None:
        return derived.total
    return line.amount


#: Every field of a line: the sheet's lines go on to forms and exports. Of the effort and the
#: working group a line belongs to, the sheet reads only the name it links to.
LINE_FIELDS = tuple(f.name for f in BudgetLine._meta.concrete_fields)


def budget_sheet(budget: Budget, *, today: date | None = None) -> Sheet:
    versions = chain_of(budget)
    # for the policy's questions about later versions on the same page (budget.permissions)
    budget.period_versions = versions
    # The version this one amends has the same period (budget_amend): it is among `versions`.
    amended = {version.pk: version for version in versions}.get(budget.amends_id)
    if amended is not None:
        budget.amends = amended
    lines = list(
        budget.lines.select_related("effort", "working_group")
        .only(*LINE_FIELDS, "effort__title", "working_group__name")
        .order_by("side", "order", "pk")
    )
    chain = [b.pk for b in versions]
    # realised per line (its lineage), and the entries without a line (lineage None): one query
    realised, unmapped = {}, {"count": 0, "total": None}
    for lineage, total, count in (
        Realisation.objects.filter(budget_id__in=chain)
        .values_list("line__lineage")
        .annotate(total=Sum("amount"), count=Count("pk"))
    ):
        if lineage is None:
            unmapped = {"count": count, "total": total}
        else:
            realised[lineage] = total
    derived = None
    derived_line = next((line for line in lines if line.derived), None)
    if derived_line is not None:
        derived = derived_contributions(budget)
        if not budget.is_concept:
            derived.line = derived_line
    sides = {Side.COSTS: SideTable(Side.COSTS), Side.COVERAGE: SideTable(Side.COVERAGE)}
    for line in lines:
        sides[line.side].rows.append(
            Row(line, planned_amount(line, budget, derived), realised.get(line.lineage, ZERO))
        )
    # Only a concept is put before the board (`budget_submit`), and adopting it takes the
    # decision: an adopted or closed budget has no pending decision to look for.
    pending = []
    if budget.is_concept:
        pending = list(pending_decisions(budget).select_related("proposal__body"))
    return Sheet(
        budget=budget,
        costs=sides[Side.COSTS],
        coverage=sides[Side.COVERAGE],
        derived=derived,
        elapsed=elapsed_share(budget, today),
        unmapped=unmapped,
        versions=versions,
        current=current_version(versions),
        pending=pending,
    )


def balance_of(budget: Budget) -> tuple[Decimal, Decimal]:
    """(costs, coverage) of a budget as planned: two queries (the lines, and the commitments
    when a line is derived)."""
    lines = list(budget.lines.all())
    derived = None
    if any(line.derived for line in lines):
        derived = derived_contributions(budget)
    totals = defaultdict(lambda: ZERO)
    for line in lines:
        totals[line.side] += planned_amount(line, budget, derived)
    return totals[Side.COSTS], totals[Side.COVERAGE]


#: What the page and the export show of an entry and of its line: the rest (the line's
#: explanation, the entry's fingerprint) would be read and turned into Python for nothing.
ENTRY_FIELDS = ("booked_on", "amount", "note", "source", "account", "line__description")


def realisation_entries(budget: Budget, *, limit: int = 50) -> list[Realisation]:
    """The latest realisation entries of the budget's period (all its versions), with what
    `ENTRY_FIELDS` names."""
    return list(
        Realisation.objects.filter(
            programme_id=budget.programme_id, budget__valid_from=budget.valid_from
        )
        .select_related("line")
        .only(*ENTRY_FIELDS)
        .order_by("-booked_on", "-pk")[:limit]
    )
