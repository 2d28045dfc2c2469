"""The member contributions received: invoice a year's contributions (each partner's pro rata
amount from its commitments) and record the payments."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.formats import money
from avk.policy import require
from avk.services import bulk_create_with_events, update_versioned
from partners.selectors import contributions_for_year

from ..models import MemberContribution


@transaction.atomic
def contributions_invoice(*, programme, year: int, by, invoiced_on=None) -> list:
    """Record the invoices of `year` for every partner that owes a contribution and has no
    invoice for that year yet (each partner's pro rata amount). Returns the new invoices."""
    require(by, "budget.manage_contributions", programme)
    day = invoiced_on or timezone.localdate()
    done = set(
        MemberContribution.objects.filter(programme=programme, year=year).values_list(
            "partner_id", flat=True
        )
    )
    new = [
        MemberContribution(
            programme=programme,
            partner=row["partner"],
            year=year,
            invoiced_amount=row["amount"],
            invoiced_on=day,
        )
        for row in contributions_for_year(programme=programme, year=year)
        if row["partner"].pk not in done and row["amount"] > 0
    ]
    return bulk_create_with_events(
        new, MemberContribution, by=by, event="contribution.invoiced", details={"year": year}
    )


@transaction.atomic
def payment_record(
    *, contribution_id: int, version: int, by, amount: Decimal, on, note: str = ""
) -> MemberContribution:
    """Add a payment of `amount` on `on` to the invoice."""
    contribution = MemberContribution.objects.select_related("programme").get(pk=contribution_id)
    require(by, "budget.manage_contributions", contribution.programme)
    if amount is None or amount <= 0:
        raise ValidationError({"amount": _("Give an amount above zero.")})
    if on is None:
        raise ValidationError({"paid_on": _("Give the date of the payment.")})
    if on > timezone.localdate():
        raise ValidationError({"paid_on": _("A payment cannot lie in the future.")})
    return update_versioned(
        contribution,
        version=version,
        by=by,
        event="contribution.paid",
        details={"amount": money(amount), "on": on},
        paid_amount=contribution.paid_amount + amount,
        paid_on=on,
        note=note or contribution.note,
    )
