"""Who may do what with a programme and the people in it. The only place that decides it.

Actions: view, change, manage_roles, export, administer (the Django admin). The DIN's actions
live in programme.din.permissions. Every answer names the programme: a role in one programme
gives nothing in another. Superusers may do everything.
"""

from __future__ import annotations

from django.db.models import QuerySet

from avk.access import BACK_OFFICE_ROLES, Role, has_role, is_superuser, programme_ids_with_role

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


RULES = {
    "view": can_view_programme,
    "change": can_change_programme,
    "manage_roles": can_manage_roles,
    "export": can_export,
    "administer": can_administer,
}


def allowed(user, action: str, obj) -> bool:
    """May `user` do `action` on `obj` (a programme, or anything with a `.programme`)? The DIN's
    actions are answered by programme.din.permissions.allowed, which asks here for the rest."""
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
