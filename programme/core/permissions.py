"""Who may do what with a programme and the people in it. The only place that decides it.

Registered as the policy "programme" (programme/apps.py); everything asks it through
`avk.policy`: `allowed(user, "programme.change", programme)`, `require(...)` in the services,
`programme_for(request, slug, "programme.view")` in the views, `{% may %}` in templates.

Actions: view, view_history, change, manage_roles, export, administer (the Django admin) and
create (a new programme: superusers only; asked with no object). The DIN's actions live in
programme.din.permissions. Every answer names the programme: a role in one programme gives
nothing in another. Superusers may do everything.
"""

from __future__ import annotations

from django.db.models import QuerySet

from avk.access import (
    BACK_OFFICE_ROLES,
    Role,
    has_role,
    is_superuser,
    programme_ids_with_role,
)
from avk.admin import can_administer

from .models import Programme


def can_view_programme(user, programme: Programme) -> bool:
    """Everyone with any role in the programme reads it, and its history."""
    return is_superuser(user) or has_role(user, programme)


def can_change_programme(user, programme: Programme) -> bool:
    """The programme team edits the programme and records its phases and steering forms."""
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


def can_manage_roles(user, programme: Programme) -> bool:
    """Only the programme's own team assigns roles in it ("Mensen en rollen"), ends them, sends
    invitations and reads the history of the roles."""
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


def can_export(user, programme: Programme) -> bool:
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE_ROLES)


def can_create_programme(user, _obj=None) -> bool:
    """A new programme is set up by a superuser (in the admin, or the demo data)."""
    return is_superuser(user)


RULES = {
    "view": can_view_programme,
    "view_history": can_view_programme,
    "change": can_change_programme,
    "manage_roles": can_manage_roles,
    "export": can_export,
    # Back-office work in the Django admin: staff with a programme-team or secretariat role.
    "administer": can_administer,
}


def allowed(user, action: str, obj) -> bool:
    """May `user` do `action` on `obj` (a programme, or anything with a `.programme`)? The DIN's
    actions are answered by programme.din.permissions.allowed, which asks here for the rest."""
    if action == "create":
        return can_create_programme(user, obj)
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


def programme_ids_managing_roles(user) -> set[int]:
    """The ids of the programmes where `user` may manage roles (`can_manage_roles`), read at
    once: the home page reads their open invitations in one query."""
    if is_superuser(user):
        return set(Programme.objects.values_list("pk", flat=True))
    return programme_ids_with_role(user, [Role.PROGRAMME_TEAM])
