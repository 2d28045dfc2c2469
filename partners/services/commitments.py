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

from avk.concurrency import StaleEdit, ensure_fresh
from avk.policy import allowed, require
from avk.services import end_period, lock, save_with_history, update_versioned
from programme.core.models import Programme

from .. import events  # noqa: F401 - the events below are registered
from ..models import Commitment, CommitmentPackage, Participation, Partner
from .notify import notify_programme_team
from .partners import participation_of


def _lock_partner(partner_id: int) -> Partner:
    return Partner.objects.select_for_update().get(pk=partner_id)


def _newest(programme, partner) -> Commitment | None:
    return (
        Commitment.objects.filter(programme=programme, partner=partner)
        .select_related("package")
        .order_by("-valid_from", "-pk")
        .first()
    )


def commitments_seen(programme, partner) -> str:
    """What a form to change the package holds of the partner's commitments when it is opened:
    the newest commitment and its version ("0" without any). `commitment_change` refuses a save
    from a form opened before another change (StaleEdit)."""
    newest = _newest(programme, partner)
    return f"{newest.pk}.{newest.version}" if newest is not None else "0"


def _refuse_stale(programme, partner) -> None:
    """StaleEdit naming the commitment saved after the form was opened, and who saved it."""
    newest = _newest(programme, partner)
    record = newest.history.order_by("-history_date", "-history_id").first() if newest else None
    label = str(Commitment._meta.get_field("package").verbose_name)
    now = (
        _("%(code)s from %(date)s")
        % {"code": newest.package.code, "date": date_format(newest.valid_from)}
        if newest is not None
        else "-"
    )
    raise StaleEdit(
        newest or partner,
        [(label, "", now)],
        changed_by=getattr(record, "history_user", None),
        changed_at=getattr(record, "history_date", None),
    )


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
    notify: bool = True,
    event: str | None = None,
    seen: str | None = None,
) -> Commitment:
    """The partner holds `package` from `valid_from` on; the commitment in force that day ends
    the day before. A later commitment or one starting the same day is refused, so periods
    never overlap. Only who may `partners.backdate_commitment` (the back office) starts a
    package before today; a partner contact gets a Dutch message naming today. `event`
    replaces the recorded event of the new commitment ("imported" for an import). `seen` is
    what the form held when it was opened (`commitments_seen`): a save after another change of
    the partner's commitments is refused with StaleEdit, naming it; nothing is saved.
    """
    if isinstance(partner, int):
        partner = Partner.objects.get(pk=partner)
    require(by, "partners.change_commitment", participation_of(programme, partner))
    partner = _lock_partner(partner.pk)
    if seen and seen != commitments_seen(programme, partner):
        _refuse_stale(programme, partner)
    # read again under the partner's lock: a deactivation may have ended it meanwhile
    participation = (
        Participation.objects.select_for_update()
        .filter(programme=programme, partner=partner)
        .first()
    )
    today = timezone.localdate()
    if package.programme_id != programme.pk:
        raise ValidationError({"package": _("This package belongs to another programme.")})
    if participation is None:
        raise ValidationError(_("This partner does not take part in this programme."))
    if not partner.active:
        raise ValidationError(_("This partner is inactive; reactivate it first."))
    if participation.left_on is not None:
        raise ValidationError(_("This partner has left this programme; reactivate it first."))
    if valid_from < today and not allowed(by, "partners.backdate_commitment", participation):
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
        end_period(
            previous,
            on=valid_from - timedelta(days=1),
            by=by,
            event="commitment.ended_by_change",
            details={"package": package.code, "from": valid_from},
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
    if previous is not None:
        default = "commitment.changed"
        details = {"old": previous.package.code, "package": package.code, "from": valid_from}
    else:
        default = "commitment.started"
        details = {"code": package.code, "date": valid_from}
    if motivation:
        details["note"] = motivation
    save_with_history(commitment, by=by, event=event or default, details=details)
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
    event: str = "commitment.corrected",
) -> Commitment:
    """Correct the amount, signing date or motivation of a commitment (never its period)."""
    commitment = Commitment.objects.select_related("programme", "partner", "package").get(
        pk=commitment_id
    )
    require(by, "partners.correct_commitment", commitment)
    return update_versioned(
        commitment,
        version=version,
        by=by,
        event=event,
        details={"package": commitment.package.code, "from": commitment.valid_from},
        yearly_contribution=yearly_contribution,
        signed_on=signed_on,
        motivation=motivation,
    )


@transaction.atomic
def commitment_end(*, commitment_id: int, version: int, by, valid_until: date) -> Commitment:
    """End a commitment on a day (the partner keeps no package after it)."""
    commitment = Commitment.objects.select_related("programme", "partner", "package").get(
        pk=commitment_id
    )
    require(by, "partners.correct_commitment", commitment)
    code = commitment.package.code
    _lock_partner(commitment.partner_id)
    commitment = lock(commitment)
    ensure_fresh(commitment, version)
    if valid_until < commitment.valid_from:
        raise ValidationError({"valid_until": _("The end date cannot lie before the start date.")})
    if commitment.valid_until is not None and commitment.valid_until <= valid_until:
        raise ValidationError(_("This commitment has already ended."))
    return end_period(
        commitment, on=valid_until, by=by, event="commitment.ended", details={"package": code}
    )
