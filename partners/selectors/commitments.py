"""Programme-wide views of the commitments: the steering group on a day, and money per year."""

from __future__ import annotations

import calendar
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
    start, end = date(year, 1, 1), date(year, 12, 31)
    days_in_year = 366 if calendar.isleap(year) else 365
    commitments = (
        Commitment.objects.filter(programme=programme, valid_from__lte=end)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
        .select_related("partner", "package")
        .order_by(Lower("partner__name"), "valid_from")
    )
    rows: dict[int, dict] = {}
    for commitment in commitments:
        first = max(commitment.valid_from, start)
        last = min(commitment.valid_until or end, end)
        days = (last - first).days + 1
        share = commitment.yearly_contribution * Decimal(days) / Decimal(days_in_year)
        row = rows.setdefault(
            commitment.partner_id,
            {"partner": commitment.partner, "amount": Decimal("0"), "commitments": []},
        )
        row["amount"] += share
        row["commitments"].append(commitment)
    for row in rows.values():
        row["amount"] = row["amount"].quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return list(rows.values())
