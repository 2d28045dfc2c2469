"""Commitments: a package from a date. At most one in force per partner and programme a day.

The partner row is locked (select_for_update) for every change, so two requests for the same
partner queue up; on PostgreSQL an exclusion constraint guards the same rule in the database.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from avk.services import save_with_history
from programme.core.models import Programme

from ..models import Commitment, CommitmentPackage, Participation, Partner
from .notify import notify_programme_team


def _lock_partner(partner_id: int) -> Partner:
    return Partner.objects.select_for_update().get(pk=partner_id)


@transaction.atomic
def commitment_change(
    *,
    programme: Programme,
    partner: Partner | int,
    package: CommitmentPackage,
    valid_from: date,
    by,
    yearly_contribution: Decimal | None = None,
    signed_on: date | None = None,
    motivation: str = "",
    allow_backdating: bool = False,
    notify: bool = True,
) -> Commitment:
    """The partner holds `package` from `valid_from` on; the commitment in force that day ends
    the day before. A later commitment or one starting the same day is refused, so periods
    never overlap. Without `allow_backdating` (partner contacts) the date cannot lie in the past.
    """
    partner = _lock_partner(partner if isinstance(partner, int) else partner.pk)
    today = timezone.localdate()
    if package.programme_id != programme.pk:
        raise ValidationError({"package": _("This package belongs to another programme.")})
    if not partner.active:
        raise ValidationError(_("This partner is inactive; reactivate it first."))
    if Participation.objects.filter(
        programme=programme, partner=partner, left_on__isnull=False
    ).exists():
        raise ValidationError(_("This partner has left this programme; reactivate it first."))
    if not allow_backdating and valid_from < today:
        raise ValidationError(
            {
                "valid_from": _("The new package cannot start before today (%(today)s).")
                % {"today": date_format(today)}
            }
        )
    existing = Commitment.objects.select_for_update().filter(programme=programme, partner=partner)
    later = existing.filter(valid_from__gte=valid_from).order_by("valid_from").first()
    if later is not None:
        raise ValidationError(
            {
                "valid_from": _(
                    "A commitment from %(date)s (package %(code)s) already exists; choose a "
                    "date after it."
                )
                % {"date": date_format(later.valid_from), "code": later.package.code}
            }
        )
    previous = existing.in_force(valid_from).select_related("package").first()
    if (
        previous is not None
        and previous.package_id == package.pk
        and (yearly_contribution is None or yearly_contribution == previous.yearly_contribution)
    ):
        raise ValidationError(
            {"package": _("The partner already holds this package on that date.")}
        )
    if previous is not None:
        previous.valid_until = valid_from - timedelta(days=1)
        previous.version += 1
        save_with_history(
            previous, by=by, reason=f"ended: package {package.code} from {valid_from}"
        )
    commitment = Commitment(
        programme=programme,
        partner=partner,
        package=package,
        yearly_contribution=(
            package.yearly_contribution if yearly_contribution is None else yearly_contribution
        ),
        signed_on=signed_on,
        valid_from=valid_from,
        motivation=motivation,
    )
    reason = (
        f"package {previous.package.code} -> {package.code}"
        if previous is not None
        else f"commitment {package.code} started"
    )
    save_with_history(commitment, by=by, reason=reason)
    if notify:
        notify_programme_team(
            programme=programme,
            partner=partner,
            by=by,
            what=_("Package %(old)s → %(new)s from %(date)s. Motivation: %(motivation)s")
            % {
                "old": previous.package.code if previous else "-",
                "new": package.code,
                "date": date_format(valid_from),
                "motivation": motivation or "-",
            },
        )
    return commitment


@transaction.atomic
def commitment_update(
    *,
    commitment_id: int,
    version: int,
    by,
    yearly_contribution: Decimal,
    signed_on: date | None,
    motivation: str,
    reason: str = "commitment corrected",
) -> Commitment:
    """Correct the amount, signing date or motivation of a commitment (never its period)."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
    ensure_fresh(commitment, version)
    commitment.yearly_contribution = yearly_contribution
    commitment.signed_on = signed_on
    commitment.motivation = motivation
    commitment.version += 1
    save_with_history(commitment, by=by, reason=reason)
    return commitment


@transaction.atomic
def commitment_end(*, commitment_id: int, version: int, by, valid_until: date) -> Commitment:
    """End a commitment on a day (the partner keeps no package after it)."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
    _lock_partner(commitment.partner_id)
    ensure_fresh(commitment, version)
    if valid_until < commitment.valid_from:
        raise ValidationError({"valid_until": _("The end date cannot lie before the start date.")})
    if commitment.valid_until is not None and commitment.valid_until <= valid_until:
        raise ValidationError(_("This commitment has already ended."))
    commitment.valid_until = valid_until
    commitment.version += 1
    save_with_history(commitment, by=by, reason="commitment ended")
    return commitment
