"""Commitment packages (A, B, C) of a programme and what they ask and give."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from avk.services import save_with_history
from programme.models import Programme

from ..models import CommitmentPackage, PackageItem


@transaction.atomic
def package_create(
    *,
    programme: Programme,
    by,
    code: str,
    name: str,
    yearly_contribution: Decimal,
    description: str = "",
    steering_group_seat: bool = False,
    order: int = 0,
    items: list[tuple[str, bool, str]] = (),
) -> CommitmentPackage:
    """A package with its items: (text, gives, rule) each."""
    package = CommitmentPackage(
        programme=programme,
        code=code,
        name=name,
        description=description,
        yearly_contribution=yearly_contribution,
        steering_group_seat=steering_group_seat,
        order=order,
    )
    save_with_history(package, by=by, reason="package created")
    for number, (text, gives, rule) in enumerate(items, start=1):
        item = PackageItem(package=package, text=text, gives=gives, rule=rule, order=number)
        save_with_history(item, by=by, reason="package item created")
    return package
