"""Organisations and their participation in programmes."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from avk.services import save_with_history
from programme.core.models import Programme

from ..models import Commitment, Participation, Partner
from .notify import notify_programme_team

PARTNER_FIELDS = {
    "name",
    "short_name",
    "kind",
    "municipality",
    "website",
    "phone",
    "email",
    "notes",
}


def _check_fields(fields) -> None:
    unknown = set(fields) - PARTNER_FIELDS
    if unknown:
        raise TypeError(f"Not a partner field: {', '.join(sorted(unknown))}")


@transaction.atomic
def partner_create(
    *,
    programme: Programme,
    by,
    joined_on: date | None = None,
    reason: str = "partner created",
    **fields,
) -> Partner:
    """A new organisation, taking part in `programme` from `joined_on` (today by default)."""
    _check_fields(fields)
    partner = Partner(**fields)
    save_with_history(partner, by=by, reason=reason)
    participation_ensure(programme=programme, partner=partner, by=by, joined_on=joined_on)
    return partner


@transaction.atomic
def participation_ensure(
    *, programme: Programme, partner: Partner, by, joined_on: date | None = None
) -> Participation:
    participation = Participation.objects.filter(programme=programme, partner=partner).first()
    if participation is None:
        participation = Participation(
            programme=programme, partner=partner, joined_on=joined_on or timezone.localdate()
        )
        save_with_history(participation, by=by, reason="joined the programme")
    elif participation.left_on is not None:
        participation.left_on = None
        save_with_history(participation, by=by, reason="rejoined the programme")
    return participation


@transaction.atomic
def partner_update(
    *,
    partner_id: int,
    version: int,
    by,
    programme: Programme | None = None,
    reason: str = "partner details edited",
    **fields,
) -> Partner:
    """Edit an organisation's details. `programme` (where the edit was made) gets the e-mail."""
    _check_fields(fields)
    partner = Partner.objects.select_for_update().get(pk=partner_id)
    ensure_fresh(partner, version)
    before = {name: getattr(partner, name) for name in fields}
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.version += 1
    save_with_history(partner, by=by, reason=reason)
    changed = [
        str(Partner._meta.get_field(name).verbose_name)
        for name, value in fields.items()
        if before[name] != value
    ]
    if programme is not None and changed:
        notify_programme_team(
            programme=programme,
            partner=partner,
            by=by,
            what=_("Organisation details changed: %(fields)s") % {"fields": ", ".join(changed)},
        )
    return partner


@transaction.atomic
def partner_deactivate(
    *,
    programme: Programme,
    partner_id: int,
    version: int,
    by,
    on: date | None = None,
    reason: str = "",
) -> Partner:
    """The organisation stops taking part in `programme`: its open commitments in that
    programme end on `on` (today by default) and its participation there gets `left_on`.
    Commitments and participations in other programmes are left alone.

    The rule for the organisation's own `active` flag: it is inactive when it takes part in no
    programme any more, so it becomes inactive only when this was its last open participation.
    Nothing is deleted: its history stays.
    """
    on = on or timezone.localdate()
    partner = Partner.objects.select_for_update().get(pk=partner_id)
    ensure_fresh(partner, version)
    participation = (
        Participation.objects.select_for_update()
        .filter(programme=programme, partner=partner)
        .first()
    )
    if participation is None:
        raise ValidationError(_("This partner does not take part in this programme."))
    if participation.left_on is not None or not partner.active:
        raise ValidationError(_("This partner is already inactive in this programme."))
    for commitment in Commitment.objects.select_for_update().filter(
        programme=programme, partner=partner
    ):
        if commitment.valid_from > on:
            raise ValidationError(
                _(
                    "A commitment of this partner starts on %(date)s, after the end date; "
                    "choose a later end date."
                )
                % {"date": commitment.valid_from}
            )
        if commitment.valid_until is None or commitment.valid_until > on:
            commitment.valid_until = on
            commitment.version += 1
            save_with_history(commitment, by=by, reason="ended: partner deactivated")
    participation.left_on = on
    save_with_history(participation, by=by, reason="left the programme")
    partner.active = (
        Participation.objects.filter(partner=partner, left_on__isnull=True)
        .exclude(pk=participation.pk)
        .exists()
    )
    partner.version += 1
    what = "partner deactivated" if not partner.active else f"partner left {programme}"
    save_with_history(partner, by=by, reason=f"{what}{': ' + reason if reason else ''}")
    return partner


@transaction.atomic
def partner_reactivate(*, partner_id: int, version: int, by, programme: Programme) -> Partner:
    """The mirror of `partner_deactivate`: the organisation takes part in `programme` again
    (its participation there is reopened) and is active; other programmes are left alone."""
    partner = Partner.objects.select_for_update().get(pk=partner_id)
    ensure_fresh(partner, version)
    open_here = Participation.objects.filter(
        programme=programme, partner=partner, left_on__isnull=True
    ).exists()
    if open_here and partner.active:
        raise ValidationError(_("This partner is already active in this programme."))
    partner.active = True
    partner.version += 1
    save_with_history(partner, by=by, reason="partner reactivated")
    participation_ensure(programme=programme, partner=partner, by=by)
    return partner
