"""Who may do what with a programme and the people in it. The only place that decides it.

Actions: view, change, manage_roles, export, administer (the Django admin); for the DIN:
view_din, export_din, change_din, and on single objects enter_measurement, review_measurement
and resubmit_measurement. Every answer names the programme: a role in one programme gives
nothing in another. Superusers may do everything.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from avk.access import (
    BACK_OFFICE_ROLES,
    Role,
    has_role,
    is_superuser,
    programme_ids_with_role,
)

from .models import Programme


def can_view_programme(user, programme: Programme) -> bool:
    """Everyone with any role in the programme reads it."""
    return is_superuser(user) or has_role(user, programme)


def can_change_programme(user, programme: Programme) -> bool:
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


def can_manage_roles(user, programme: Programme) -> bool:
    """Only the programme's own team assigns roles in it ("Mensen en rollen")."""
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


def can_export(user, programme: Programme) -> bool:
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE_ROLES)


def can_administer(user, programme: Programme) -> bool:
    """Back-office work in the Django admin: staff with a programme-team or secretariat role."""
    if is_superuser(user):
        return True
    return bool(user.is_staff) and has_role(user, programme, *BACK_OFFICE_ROLES)


# --- The DIN (lines, goals, efforts, working groups, indicators, measurements) -----------------


def can_view_din(user, programme: Programme) -> bool:
    """Everyone with a role in the programme reads its DIN."""
    return can_view_programme(user, programme)


def can_export_din(user, programme: Programme) -> bool:
    """Downloading the DIN as Excel: everyone who reads the DIN (every role in the programme),
    on purpose. The export holds nothing the DIN pages do not already show to them. (Not the
    back-office rule `can_export`: the DIN is no back-office list.)"""
    return can_view_din(user, programme)


def can_change_din(user, programme: Programme) -> bool:
    """Only the programme's own team (and superusers) builds and keeps the DIN."""
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


def is_kartrekker(user, programme: Programme) -> bool:
    """Lead member (kartrekker) of a working group of this programme, through a delegation
    seat or as a user. One query, deliberately not cached on the user object: a page that
    needs it for many rows asks once (see the indicator page), and the answer must change as
    soon as someone becomes kartrekker."""
    from .models import WorkingGroupMember

    if not user.is_authenticated:
        return False
    return (
        WorkingGroupMember.objects.filter(working_group__programme=programme, is_lead=True)
        .filter(Q(user=user) | Q(person__user=user))
        .exists()
    )


def partner_ids_spoken_for(user, programme: Programme) -> frozenset[int]:
    """The partners this user is a partner contact for in this programme today (cached per
    request user by the partners app's policy)."""
    from partners.permissions import contact_partner_ids

    return contact_partner_ids(user, programme)


def can_enter_measurement(user, indicator) -> bool:
    """Who may enter a measurement for an indicator: the programme team (approved at once),
    and, as a draft, the indicator's owner, kartrekkers of the programme's working groups (as
    a person, or the contact of a kartrekker partner) and partner contacts of a partner
    involved in an effort serving the indicator's goal. All of them need a role in the
    programme."""
    programme = indicator.programme
    if can_change_din(user, programme):
        return True
    if not has_role(user, programme):
        return False
    if indicator.owner_id and indicator.owner_id == user.pk:
        return True
    if is_kartrekker(user, programme):
        return True
    partner_ids = partner_ids_spoken_for(user, programme)
    if not partner_ids:
        return False
    from .models import EffortPartner, WorkingGroupMember

    if WorkingGroupMember.objects.filter(
        working_group__programme=programme, is_lead=True, partner_id__in=partner_ids
    ).exists():
        return True  # the contact of a partner that is kartrekker of a working group
    return EffortPartner.objects.filter(
        effort__goal_links__goal_id=indicator.goal_id, partner_id__in=partner_ids
    ).exists()


def can_review_measurement(user, measurement) -> bool:
    """Approving or sending back a measurement: the programme team."""
    return can_change_din(user, measurement.indicator.programme)


def can_resubmit_measurement(user, measurement, *, may_enter: bool | None = None) -> bool:
    """A measurement sent back is corrected by whoever entered it (or the programme team).
    `may_enter`: the answer of can_enter_measurement for the measurement's indicator, when the
    caller already has it (a page listing an indicator's measurements asks once, not per row)."""
    programme = measurement.indicator.programme
    if can_change_din(user, programme):
        return True
    if measurement.entered_by_id != user.pk or not has_role(user, programme):
        return False
    if may_enter is None:
        may_enter = can_enter_measurement(user, measurement.indicator)
    return bool(may_enter)


RULES = {
    "view": can_view_programme,
    "change": can_change_programme,
    "manage_roles": can_manage_roles,
    "export": can_export,
    "administer": can_administer,
    "view_din": can_view_din,
    "export_din": can_export_din,
    "change_din": can_change_din,
}

#: Rules that look at the object itself, not only at its programme.
OBJECT_RULES = {
    "enter_measurement": can_enter_measurement,  # obj: an Indicator
    "review_measurement": can_review_measurement,  # obj: a Measurement
    "resubmit_measurement": can_resubmit_measurement,  # obj: a Measurement
}


def allowed(user, action: str, obj) -> bool:
    """May `user` do `action` on `obj` (a programme, or anything with a `.programme`: DIN lines,
    goals, efforts, working groups, indicators and measurements)?"""
    if action in OBJECT_RULES:
        return OBJECT_RULES[action](user, obj)
    try:
        rule = RULES[action]
    except KeyError:
        raise ValueError(f"Unknown action for programmes: {action!r}") from None
    programme = obj if isinstance(obj, Programme) else obj.programme
    return rule(user, programme)


def programmes_visible_to(user) -> QuerySet[Programme]:
    if is_superuser(user):
        return Programme.objects.all()
    return Programme.objects.filter(pk__in=programme_ids_with_role(user))


def programmes_administered_by(user) -> QuerySet[Programme]:
    if is_superuser(user):
        return Programme.objects.all()
    if not user.is_staff:
        return Programme.objects.none()
    return Programme.objects.filter(pk__in=programme_ids_with_role(user, BACK_OFFICE_ROLES))
