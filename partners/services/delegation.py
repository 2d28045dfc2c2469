"""The delegation ("AVK team") of a partner: 1 executive, 2 managers, 2 front-line seats."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.concurrency import ensure_fresh
from avk.services import save_with_history
from programme.core.models import Programme

from ..models import DELEGATION_SEATS, DelegationLevel, DelegationMember, Participation, Partner
from .notify import notify_programme_team

MEMBER_FIELDS = {"level", "name", "function", "email", "phone", "is_contact", "user"}


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
        member.is_contact = False
        member.version += 1
        save_with_history(member, by=by, reason="no longer point of contact")


@transaction.atomic
def delegation_member_add(
    *, programme: Programme, partner: Partner, by, is_demo: bool = False, **fields
) -> DelegationMember:
    """A person in the delegation of a partner that takes part in the programme."""
    unknown = set(fields) - MEMBER_FIELDS
    if unknown:
        raise TypeError(f"Not a delegation field: {', '.join(sorted(unknown))}")
    Partner.objects.select_for_update().get(pk=partner.pk)  # seats are counted per partner
    check_takes_part(programme, partner)
    check_seat(programme, partner, fields.get("level"))
    member = DelegationMember(programme=programme, partner=partner, is_demo=is_demo, **fields)
    if member.is_contact:
        _release_contact(programme, partner, by)
    save_with_history(member, by=by, reason="delegation member added")
    notify_programme_team(
        programme=programme,
        partner=partner,
        by=by,
        what=_("Delegation: %(name)s added (%(level)s)")
        % {"name": member.name, "level": member.get_level_display()},
    )
    return member


@transaction.atomic
def delegation_member_update(*, member_id: int, version: int, by, **fields) -> DelegationMember:
    """Edit a member (never its programme or partner). The partner must have a participation
    in the programme; a partner that has left it can still have its delegation corrected."""
    unknown = set(fields) - MEMBER_FIELDS
    if unknown:
        raise TypeError(f"Not a delegation field: {', '.join(sorted(unknown))}")
    member = DelegationMember.objects.select_for_update().get(pk=member_id)
    Partner.objects.select_for_update().get(pk=member.partner_id)
    ensure_fresh(member, version)
    check_takes_part(member.programme, member.partner, still=False)
    if "level" in fields and fields["level"] != member.level:
        check_seat(member.programme, member.partner, fields["level"], exclude_pk=member.pk)
    for name, value in fields.items():
        setattr(member, name, value)
    if member.is_contact:
        _release_contact(member.programme, member.partner, by, exclude_pk=member.pk)
    member.version += 1
    save_with_history(member, by=by, reason="delegation member edited")
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
    member = DelegationMember.objects.select_for_update().get(pk=member_id)
    ensure_fresh(member, version)
    member._history_user = by
    member._change_reason = "delegation member removed"
    programme, partner, name = member.programme, member.partner, member.name
    member.delete()
    notify_programme_team(
        programme=programme,
        partner=partner,
        by=by,
        what=_("Delegation: %(name)s removed") % {"name": name},
    )
