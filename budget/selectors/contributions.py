"""The member contributions received: per partner and year what it owes (pro rata from its
commitments), what was invoiced and what it paid; who is behind; and the check of the package
item "jaarlijkse bijdrage betaald" from these data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from partners.models import Commitment, Partner
from partners.selectors import Check, contributions_for_year, prorate
from programme.core.models import Programme

from ..models import MemberContribution

ZERO = Decimal("0.00")


class State:
    PAID = "paid"
    BEHIND = "behind"
    NOT_INVOICED = "not_invoiced"


@dataclass
class ContributionRow:
    partner: Partner
    year: int
    due: Decimal  # from the commitments, pro rata
    contribution: MemberContribution | None

    @property
    def invoiced(self) -> Decimal | None:
        return self.contribution.invoiced_amount if self.contribution else None

    @property
    def paid(self) -> Decimal:
        return self.contribution.paid_amount if self.contribution else ZERO

    @property
    def outstanding(self) -> Decimal:
        return self.contribution.outstanding if self.contribution else ZERO

    @property
    def state(self) -> str:
        if self.contribution is None:
            return State.NOT_INVOICED
        return State.PAID if self.contribution.is_paid else State.BEHIND


def contribution_rows(*, programme: Programme, year: int) -> list[ContributionRow]:
    """Every partner that owes something for `year` or was invoiced for it, by name. Two
    queries."""
    due = {row["partner"].pk: row for row in contributions_for_year(programme=programme, year=year)}
    invoiced = {
        c.partner_id: c
        for c in MemberContribution.objects.filter(programme=programme, year=year).select_related(
            "partner"
        )
    }
    rows = [
        ContributionRow(row["partner"], year, row["amount"], invoiced.get(pk))
        for pk, row in due.items()
    ]
    rows += [
        ContributionRow(c.partner, year, ZERO, c) for pk, c in invoiced.items() if pk not in due
    ]
    return sorted(rows, key=lambda r: r.partner.name.casefold())


@dataclass
class Summary:
    due: Decimal
    invoiced: Decimal
    paid: Decimal
    behind: int
    not_invoiced: int


def summarise(rows: list[ContributionRow]) -> Summary:
    return Summary(
        due=sum((r.due for r in rows), ZERO),
        invoiced=sum((r.invoiced or ZERO for r in rows), ZERO),
        paid=sum((r.paid for r in rows), ZERO),
        behind=sum(1 for r in rows if r.state == State.BEHIND),
        not_invoiced=sum(1 for r in rows if r.state == State.NOT_INVOICED and r.due),
    )


def partner_contributions(
    *, programme: Programme, partner: Partner, commitments: list[Commitment] | None = None
) -> list[ContributionRow]:
    """One partner's contributions over the years, newest first: what its commitments gave
    each year since its first, with what was invoiced and paid. Two queries, one when
    `commitments` (all of the partner's in the programme, as its page has read them) are
    given."""
    if commitments is None:
        commitments = Commitment.objects.filter(programme=programme, partner=partner)
        commitments = commitments.select_related("partner", "package")
    commitments = sorted(commitments, key=lambda c: c.valid_from)
    invoiced = {
        c.year: c for c in MemberContribution.objects.filter(programme=programme, partner=partner)
    }
    years = set(invoiced)
    if commitments:
        this_year = timezone.localdate().year
        last = max(
            (c.valid_until.year if c.valid_until else this_year for c in commitments),
            default=this_year,
        )
        years |= set(range(commitments[0].valid_from.year, max(last, this_year) + 1))
    rows = []
    for year in sorted(years, reverse=True):
        shares = prorate(commitments, start=date(year, 1, 1), end=date(year, 12, 31))
        due = shares[0]["amount"] if shares else ZERO
        rows.append(ContributionRow(partner, year, due, invoiced.get(year)))
    return rows


def contribution_paid_check(partner: Partner, programme: Programme) -> str:
    """The package item "jaarlijkse bijdrage betaald", from the contributions received: met when
    the latest invoiced year (this year or before) is paid in full, not met when something of it
    is still open, and unknown while nothing has been invoiced. One query."""
    latest = (
        MemberContribution.objects.filter(
            programme=programme, partner=partner, year__lte=timezone.localdate().year
        )
        .order_by("-year")
        .first()
    )
    if latest is None:
        return Check.UNKNOWN
    return Check.MET if latest.is_paid else Check.NOT_MET


def behind_counts(*, programme_ids: list[int]) -> dict[int, int]:
    """Per programme: how many partners have not paid an invoiced contribution in full. One
    query for all programmes (the home page)."""
    counts: dict[int, set] = {}
    for programme_id, partner_id in MemberContribution.objects.filter(
        programme_id__in=programme_ids,
        paid_amount__lt=F("invoiced_amount"),
        year__lte=timezone.localdate().year,
    ).values_list("programme_id", "partner_id"):
        counts.setdefault(programme_id, set()).add(partner_id)
    return {pid: len(partners) for pid, partners in counts.items()}
