"""Commitment packages (A, B, C) of a programme and what they ask and give."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.services import save_with_history
from programme.core.models import Programme

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
        package_item_add(package=package, by=by, text=text, gives=gives, rule=rule, order=number)
    return package


PACKAGE_FIELDS = {
    "code",
    "name",
    "description",
    "yearly_contribution",
    "steering_group_seat",
    "order",
}
ITEM_FIELDS = {"text", "gives", "rule", "order"}


def _check(fields, allowed, what) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Not a {what} field: {', '.join(sorted(unknown))}")


@transaction.atomic
def package_update(*, package_id: int, by, reason: str = "package edited", **fields):
    """Change a package's code, name, description, contribution, seat or order. Commitments
    keep the contribution they were recorded with."""
    _check(fields, PACKAGE_FIELDS, "package")
    package = CommitmentPackage.objects.select_for_update().get(pk=package_id)
    for name, value in fields.items():
        setattr(package, name, value)
    save_with_history(package, by=by, reason=reason)
    return package


@transaction.atomic
def package_delete(*, package_id: int, by) -> None:
    """Remove a package no commitment uses (the history keeps it and its items)."""
    package = CommitmentPackage.objects.select_for_update().get(pk=package_id)
    if package.commitments.exists():
        raise ValidationError(
            _("Commitments use this package; it cannot be removed."), code="protected"
        )
    for item in package.items.all():
        item._history_user = by
        item._change_reason = "package removed"
        item.delete()
    package._history_user = by
    package._change_reason = "package removed"
    package.delete()


@transaction.atomic
def package_item_add(*, package: CommitmentPackage, by, **fields) -> PackageItem:
    _check(fields, ITEM_FIELDS, "package item")
    item = PackageItem(package=package, **fields)
    save_with_history(item, by=by, reason="package item created")
    return item


@transaction.atomic
def package_item_update(*, item_id: int, by, **fields) -> PackageItem:
    _check(fields, ITEM_FIELDS, "package item")
    item = PackageItem.objects.select_for_update().get(pk=item_id)
    for name, value in fields.items():
        setattr(item, name, value)
    save_with_history(item, by=by, reason="package item edited")
    return item


@transaction.atomic
def package_item_remove(*, item_id: int, by) -> None:
    item = PackageItem.objects.select_for_update().get(pk=item_id)
    item._history_user = by
    item._change_reason = "package item removed"
    item.delete()
