"""The delegation ("AVK team") of a partner: 1 executive, 2 managers, 2 front-line seats."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from avk.policy import require
from avk.services import delete_with_history, lock, save_with_history, update_versioned
from programme.core.models import Programme

from .. import events  # noqa: F401 - the events below are registered
from ..models import DELEGATION_SEATS, DelegationLevel, DelegationMember, Participation, Partner
from .notify import notify_programme_team
from .partners import check_fields, participation_of


def check_seat(programme, partner, level, exclude_pk=None) -> None:
    taken = DelegationMember.objects.filter(programme=programme, partner=partner, level=level)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    seats = DELEGATION_SEATS[DelegationLevel(level)]
    if taken.count() >= seats:
        raise ValidationError(
            {
                "level": _("All %(seats)s seats at the level %(level)s are taken.")
                % {"seats": seats, "level": DelegationLevel(level).label}
            }
        )


def check_takes_part(programme, partner, *, still: bool = True) -> None:
    """A delegation belongs to a partner of the programme: refuse a partner without a
    participation there (with `still`, also one that has left the programme)."""
    participations = Participation.objects.filter(programme=programme, partner=partner)
    if still:
        participations = participations.filter(left_on__isnull=True)
    if not participations.exists():
        raise ValidationError(
            {
                "partner": _("%(partner)s does not take part in %(programme)s.")
                % {"partner": partner, "programme": programme}
            }
        )


def _release_contact(programme, partner, by, exclude_pk=None) -> None:
    """Only one point of contact: marking a new one unmarks the previous one."""
    current = DelegationMember.objects.filter(programme=programme, partner=partner, is_contact=True)
    if exclude_pk is not None:
        current = current.exclude(pk=exclude_pk)
    for member in current:
        update_versioned(
            member,
            version=None,
            by=by,
            event="delegation.contact_released",
            details={"name": member.name},
            is_contact=False,
        )


@transaction.atomic
def delegation_member_add(
    *,
    programme: Programme,
    partner: Partner,
    by,
    is_demo: bool = False,
    event: str = "delegation.added",
    **fields,
) -> DelegationMember:
    """A person in the delegation of a partner that takes part in the programme."""
    require(by, "partners.change_delegation", participation_of(programme, partner))
    check_fields(fields, DelegationMember.EDITABLE_FIELDS, "delegation")
    lock(partner)  # seats are counted per partner
    check_takes_part(programme, partner)
    check_seat(programme, partner, fields.get("level"))
    member = DelegationMember(programme=programme, partner=partner, is_demo=is_demo, **fields)
    if member.is_contact:
        _release_contact(programme, partner, by)
    save_with_history(
        member, by=by, event=event, details={"name": member.name, "level": member.level}
    )
    notify_programme_team(
        programme=programme,
        partner=partner,
        by=by,
        what=_("Delegation: %(name)s added (%(level)s)")
        % {"name": member.name, "level": member.get_level_display()},
    )
    return member


@transaction.atomic
def delegation_member_update(
    *, member_id: int, version: int, by, event: str = "delegation.edited", **fields
) -> DelegationMember:
    """Edit a member (never its programme or partner). The partner must have a participation
    in the programme; a partner that has left it can still have its delegation corrected."""
    member = DelegationMember.objects.select_related("programme", "partner").get(pk=member_id)
    require(by, "partners.change_delegation", member)
    check_fields(fields, DelegationMember.EDITABLE_FIELDS, "delegation")
    member = lock(member)
    lock(member.partner)
    ensure_fresh(member, version)
    check_takes_part(member.programme, member.partner, still=False)
    if "level" in fields and fields["level"] != member.level:
        check_seat(member.programme, member.partner, fields["level"], exclude_pk=member.pk)
    if fields.get("is_contact", member.is_contact):
        _release_contact(member.programme, member.partner, by, exclude_pk=member.pk)
    # the version was checked above, under the lock
    name = fields.get("name", member.name)
    member = update_versioned(
        member, version=None, by=by, event=event, details={"name": name}, **fields
    )
    notify_programme_team(
        programme=member.programme,
        partner=member.partner,
        by=by,
        what=_("Delegation: %(name)s edited") % {"name": member.name},
    )
    return member


@transaction.atomic
def delegation_member_remove(*, member_id: int, version: int, by) -> None:
    """Remove a person from the delegation. The history keeps who it was and who removed it."""
    member = DelegationMember.objects.select_related("programme", "partner").get(pk=member_id)
    require(by, "partners.change_delegation", member)
    member = lock(member)
    ensure_fresh(member, version)
    programme, partner, name = member.programme, member.partner, member.name
    delete_with_history(member, by=by, event="delegation.removed", details={"name": name})
    notify_programme_team(
        programme=programme,
        partner=partner,
        by=by,
        what=_("Delegation: %(name)s removed") % {"name": name},
    )
