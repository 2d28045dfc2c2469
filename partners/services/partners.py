"""Organisations and their participation in programmes."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from programme.models import Programme

from ..models import Commitment, Participation, Partner
from ._common import save
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
def partner_create(*, programme: Programme, by, joined_on: date | None = None, **fields) -> Partner:
    """A new organisation, taking part in `programme` from `joined_on` (today by default)."""
    _check_fields(fields)
    partner = Partner(**fields)
    save(partner, by=by, reason="partner created")
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
        save(participation, by=by, reason="joined the programme")
    elif participation.left_on is not None:
        participation.left_on = None
        save(participation, by=by, reason="rejoined the programme")
    return participation


@transaction.atomic
def partner_update(
    *, partner_id: int, version: int, by, programme: Programme | None = None, **fields
) -> Partner:
    """Edit an organisation's details. `programme` (where the edit was made) gets the e-mail."""
    _check_fields(fields)
    partner = Partner.objects.select_for_update().get(pk=partner_id)
    ensure_fresh(partner, version)
    before = {name: getattr(partner, name) for name in fields}
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.version += 1
    save(partner, by=by, reason="partner details edited")
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
    *, partner_id: int, version: int, by, on: date | None = None, reason: str = ""
) -> Partner:
    """The organisation stops: it leaves its programmes and its open commitments end on `on`
    (today by default). Nothing is deleted: its history stays."""
    on = on or timezone.localdate()
    partner = Partner.objects.select_for_update().get(pk=partner_id)
    ensure_fresh(partner, version)
    if not partner.active:
        raise ValidationError(_("This partner is already inactive."))
    for commitment in Commitment.objects.select_for_update().filter(partner=partner):
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
            save(commitment, by=by, reason="ended: partner deactivated")
    for participation in partner.participations.filter(left_on__isnull=True):
        participation.left_on = on
        save(participation, by=by, reason="left the programme")
    partner.active = False
    partner.version += 1
    save(partner, by=by, reason=f"partner deactivated{': ' + reason if reason else ''}")
    return partner


@transaction.atomic
def partner_reactivate(*, partner_id: int, version: int, by, programme: Programme) -> Partner:
    partner = Partner.objects.select_for_update().get(pk=partner_id)
    ensure_fresh(partner, version)
    partner.active = True
    partner.version += 1
    save(partner, by=by, reason="partner reactivated")
    participation_ensure(programme=programme, partner=partner, by=by)
    return partner
