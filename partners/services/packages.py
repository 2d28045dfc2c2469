"""Commitment packages (A, B, C) of a programme and what they ask and give."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import delete_with_history, lock, save_with_history
from programme.core.models import Programme

from .. import events  # noqa: F401 - the events below are registered
from ..models import CommitmentPackage, PackageItem
from .partners import check_fields


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
    require(by, "partners.change_packages", programme)
    package = CommitmentPackage(
        programme=programme,
        code=code,
        name=name,
        description=description,
        yearly_contribution=yearly_contribution,
        steering_group_seat=steering_group_seat,
        order=order,
    )
    save_with_history(package, by=by, event="package.created", details={"code": code})
    for number, (text, gives, rule) in enumerate(items, start=1):
        package_item_add(package=package, by=by, text=text, gives=gives, rule=rule, order=number)
    return package


@transaction.atomic
def package_update(*, package_id: int, by, event: str = "package.edited", **fields):
    """Change a package's code, name, description, contribution, seat or order. Commitments
    keep the contribution they were recorded with."""
    package = CommitmentPackage.objects.select_related("programme").get(pk=package_id)
    require(by, "partners.change_packages", package)
    check_fields(fields, CommitmentPackage.EDITABLE_FIELDS, "package")
    package = lock(package)
    for name, value in fields.items():
        setattr(package, name, value)
    save_with_history(package, by=by, event=event)
    return package


@transaction.atomic
def package_delete(*, package_id: int, by) -> None:
    """Remove a package no commitment uses (the history keeps it and its items)."""
    package = CommitmentPackage.objects.select_related("programme").get(pk=package_id)
    require(by, "partners.change_packages", package)
    package = lock(package)
    if package.commitments.exists():
        raise ValidationError(
            _("Commitments use this package; it cannot be removed."), code="protected"
        )
    for item in package.items.all():
        delete_with_history(item, by=by, event="package_item.removed")
    delete_with_history(package, by=by, event="package.removed")


@transaction.atomic
def package_item_add(*, package: CommitmentPackage, by, **fields) -> PackageItem:
    require(by, "partners.change_packages", package)
    check_fields(fields, PackageItem.EDITABLE_FIELDS, "package item")
    item = PackageItem(package=package, **fields)
    save_with_history(item, by=by, event="package_item.created")
    return item


@transaction.atomic
def package_item_update(*, item_id: int, by, **fields) -> PackageItem:
    item = PackageItem.objects.select_related("package__programme").get(pk=item_id)
    require(by, "partners.change_packages", item.package)
    check_fields(fields, PackageItem.EDITABLE_FIELDS, "package item")
    item = lock(item)
    for name, value in fields.items():
        setattr(item, name, value)
    save_with_history(item, by=by, event="package_item.edited")
    return item


@transaction.atomic
def package_item_remove(*, item_id: int, by) -> None:
    item = PackageItem.objects.select_related("package__programme").get(pk=item_id)
    require(by, "partners.change_packages", item.package)
    delete_with_history(lock(item), by=by, event="package_item.removed")
