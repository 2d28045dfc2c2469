"""Programme-wide views of the commitments: the steering group on a day, and money per year."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from programme.core.models import Programme

from ..models import Commitment


def steering_group(*, programme: Programme, on: date | None = None) -> QuerySet[Commitment]:
    """The commitments in force on the day whose package carries a seat, by partner name."""
    return (
        Commitment.objects.in_force(on)
        .filter(programme=programme, package__steering_group_seat=True)
        .select_related("partner", "package")
        .order_by(Lower("partner__name"))
    )


def contributions_for_year(*, programme: Programme, year: int) -> list[dict]:
    """What each partner owed for `year`: every commitment in force during the year counts for
    the share of the year's days it was in force (a change on 1 July halves both).

    Returns one dict per partner with `partner`, `amount` (rounded to cents) and `commitments`,
    ordered by partner name; partners without a commitment that year are left out.
    """
    return contributions_for_period(
        programme=programme, start=date(year, 1, 1), end=date(year, 12, 31)
    )


def commitments_for_period(*, programme: Programme, start: date, end: date) -> QuerySet:
    """The commitments in force at some day of `start`..`end`, ordered as `prorate` takes
    them: by partner name, then from when."""
    return (
        Commitment.objects.filter(programme=programme, valid_from__lte=end)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
        .order_by(Lower("partner__name"), "valid_from")
    )


def contributions_for_period(*, programme: Programme, start: date, end: date) -> list[dict]:
    """What each partner owes for the period `start`..`end` (both inclusive, at most a year,
    e.g. a phase plan's August to July): `prorate` over the commitments in force in it."""
    commitments = commitments_for_period(programme=programme, start=start, end=end)
    return prorate(commitments.select_related("partner", "package"), start=start, end=end)


def year_days(start: date) -> int:
    """The days of the year that begins on `start` (366 when it holds a 29 February)."""
    try:
        next_start = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        next_start = date(start.year + 1, 3, 1)
    return (next_start - start).days


def prorate(commitments, *, start: date, end: date) -> list[dict]:
    """Each partner's share of its yearly contributions for `start`..`end` (no queries: the
    commitments come with their partner and package, ordered by partner name). A commitment
    counts for the days it is in force in the period, out of the days of the year that begins
    on `start`, so a calendar year gives `contributions_for_year`.

    One dict per partner: `partner`, `amount` (the exact sum rounded to cents, half up),
    `commitments`, and `shares`: (commitment, amount in cents) whose amounts add up to `amount`
    exactly (the last takes the rounding difference), so totals per package never drift."""
    whole_year = year_days(start)
    days_in_year = Decimal(whole_year)
    rows: dict[int, dict] = {}
    for commitment in commitments:
        first = max(commitment.valid_from, start)
        last = min(commitment.valid_until or end, end)
        if last < first:
            continue
        days = (last - first).days + 1
        share = commitment.yearly_contribution
        if days != whole_year:  # (most commitments hold the whole year: no division for them)
            share = share * Decimal(days) / days_in_year
        row = rows.setdefault(
            commitment.partner_id,
            {"partner": commitment.partner, "amount": Decimal("0"), "commitments": [], "exact": []},
        )
        row["amount"] += share
        row["commitments"].append(commitment)
        row["exact"].append(share)
    cent = Decimal("0.01")
    for row in rows.values():
        row["amount"] = row["amount"].quantize(cent, rounding=ROUND_HALF_UP)
        shares = [share.quantize(cent, rounding=ROUND_HALF_UP) for share in row.pop("exact")]
        shares[-1] = row["amount"] - sum(shares[:-1], Decimal("0"))
        row["shares"] = list(zip(row["commitments"], shares, strict=True))
    return list(rows.values())
