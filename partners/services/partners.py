"""Organisations and their participation in programmes.

Every service asks the partners policy first (`avk.policy.require`), so the pages, the admin,
the import and the demo data are refused alike.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from avk.policy import require
from avk.services import end_period, lock, save_with_history, update_versioned
from programme.core.models import Programme

from .. import events  # noqa: F401 - the events below are registered
from ..models import Commitment, Participation, Partner
from .notify import notify_programme_team


def check_fields(fields, allowed, what: str) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Not a {what} field: {', '.join(sorted(unknown))}")


def participation_of(programme, partner) -> Participation:
    """The partner's participation in the programme (also when it has left it). A partner that
    never took part in the programme is refused with a Dutch message, as the pages answer 404
    for it: only `partner_create` and `participation_ensure` bring a partner into a programme."""
    found = (
        Participation.objects.select_related("programme", "partner")
        .filter(programme=programme, partner=partner)
        .first()
    )
    if found is None:
        raise ValidationError(
            {
                "partner": _("%(partner)s does not take part in %(programme)s.")
                % {"partner": partner, "programme": programme}
            }
        )
    return found


@transaction.atomic
def partner_create(
    *,
    programme: Programme,
    by,
    joined_on: date | None = None,
    event: str = "partner.created",
    **fields,
) -> Partner:
    """A new organisation, taking part in `programme` from `joined_on` (today by default)."""
    require(by, "partners.create", programme)
    check_fields(fields, Partner.EDITABLE_FIELDS, "partner")
    partner = Partner(**fields)
    save_with_history(partner, by=by, event=event, details={"programme": programme})
    participation_ensure(programme=programme, partner=partner, by=by, joined_on=joined_on)
    return partner


@transaction.atomic
def participation_ensure(
    *, programme: Programme, partner: Partner, by, joined_on: date | None = None
) -> Participation:
    """The partner takes part in the programme (again, if it had left)."""
    require(by, "partners.create", programme)
    participation = Participation.objects.filter(programme=programme, partner=partner).first()
    if participation is None:
        participation = Participation(
            programme=programme, partner=partner, joined_on=joined_on or timezone.localdate()
        )
        save_with_history(participation, by=by, event="participation.joined")
    elif participation.left_on is not None:
        participation.left_on = None
        save_with_history(participation, by=by, event="participation.rejoined")
    return participation


@transaction.atomic
def partner_update(
    *,
    partner_id: int,
    version: int,
    by,
    programme: Programme | None = None,
    event: str = "partner.edited",
    **fields,
) -> Partner:
    """Edit an organisation's details. `programme` (where the edit was made) gets the e-mail;
    without it (the admin) the person must be allowed in one of the partner's programmes.
    A partner contact changes the public details only (Partner.CONTACT_EDITABLE_FIELDS)."""
    partner = Partner.objects.get(pk=partner_id)
    scope = partner if programme is None else participation_of(programme, partner)
    require(by, "partners.change", scope)
    check_fields(fields, Partner.EDITABLE_FIELDS, "partner")
    if set(fields) - set(Partner.CONTACT_EDITABLE_FIELDS):
        require(by, "partners.change_all", scope)
    current = lock(partner)
    before = {name: getattr(current, name) for name in fields}
    partner = update_versioned(current, version=version, by=by, event=event, **fields)
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
    note: str = "",
) -> Partner:
    """The organisation stops taking part in `programme`: its open commitments in that
    programme end on `on` (today by default) and its participation there gets `left_on`.
    Commitments and participations in other programmes are left alone. `note` is the reason
    the person typed; the history keeps it as the event's note.

    The rule for the organisation's own `active` flag: it is inactive when it takes part in no
    programme any more, so it becomes inactive only when this was its last open participation.
    Nothing is deleted: its history stays.
    """
    on = on or timezone.localdate()
    partner = Partner.objects.get(pk=partner_id)
    require(by, "partners.deactivate", participation_of(programme, partner))
    partner = lock(partner)
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
    for commitment in (
        Commitment.objects.select_for_update(of=("self",))
        .filter(programme=programme, partner=partner)
        .select_related("package")
    ):
        if commitment.valid_from > on:
            raise ValidationError(
                _(
                    "A commitment of this partner starts on %(date)s, after the end date; "
                    "choose a later end date."
                )
                % {"date": commitment.valid_from}
            )
        end_period(
            commitment,
            on=on,
            by=by,
            event="commitment.ended_by_deactivation",
            details={"package": commitment.package.code},
        )
    participation.left_on = on
    save_with_history(participation, by=by, event="participation.left", details={"on": on})
    still_active = (
        Participation.objects.filter(partner=partner, left_on__isnull=True)
        .exclude(pk=participation.pk)
        .exists()
    )
    details = {"programme": programme, "programme_id": programme.pk, "on": on}
    if note:
        details["note"] = note
    return update_versioned(
        partner,
        version=None,  # checked above, under the same lock
        by=by,
        event="partner.left_programme" if still_active else "partner.deactivated",
        details=details,
        active=still_active,
    )


@transaction.atomic
def partner_reactivate(*, partner_id: int, version: int, by, programme: Programme) -> Partner:
    """The mirror of `partner_deactivate`: the organisation takes part in `programme` again
    (its participation there is reopened) and is active; other programmes are left alone."""
    partner = Partner.objects.get(pk=partner_id)
    require(by, "partners.reactivate", participation_of(programme, partner))
    partner = lock(partner)
    ensure_fresh(partner, version)
    open_here = Participation.objects.filter(
        programme=programme, partner=partner, left_on__isnull=True
    ).exists()
    if open_here and partner.active:
        raise ValidationError(_("This partner is already active in this programme."))
    partner = update_versioned(
        partner,
        version=None,  # checked above, under the same lock
        by=by,
        event="partner.reactivated",
        details={"programme": programme, "programme_id": programme.pk},
        active=True,
    )
    participation_ensure(programme=programme, partner=partner, by=by)
    return partner
