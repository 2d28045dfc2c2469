"""The access helpers every app's policy is built from.

A role is a dated assignment of a user to one programme (the model named by the setting
`AVK_ROLE_MODEL`, `programme.RoleAssignment`, read without importing its app). A role in
one programme gives nothing in another. Superusers administer everything. Each app's
`permissions.py` combines these helpers into its own readable rules; nothing else decides access.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROGRAMME_TEAM = "programmateam", _("programme team")
    BOARD = "bestuur", _("board member")
    SECRETARIAT = "secretariaat", _("secretariat")
    PARTNER_CONTACT = "partnercontact", _("partner contact")
    READER = "lezer", _("reader")


ALL_ROLES = frozenset(Role.values)
#: The back office of a programme: its programme team and its secretariat.
BACK_OFFICE_ROLES = (Role.PROGRAMME_TEAM, Role.SECRETARIAT)

_CACHE_ATTR = "_avk_roles"


def roles_by_programme(user) -> dict[int, frozenset[str]]:
    """Programme id -> the roles the user holds there today.

    One query per request: the answer is cached on the user object, which Django builds anew
    for every request. Call `forget_roles(user)` after changing someone's roles in a request.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    assignments = apps.get_model(settings.AVK_ROLE_MODEL)._default_manager
    found: dict[int, set[str]] = {}
    for programme_id, role in (
        assignments.current().filter(user=user).values_list("programme_id", "role")
    ):
        found.setdefault(programme_id, set()).add(role)
    result = {pid: frozenset(roles) for pid, roles in found.items()}
    setattr(user, _CACHE_ATTR, result)
    return result


def forget_roles(user) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _programme_id(programme: models.Model | int) -> int:
    return programme if isinstance(programme, int) else programme.pk


def roles_in(user, programme: models.Model | int) -> frozenset[str]:
    return roles_by_programme(user).get(_programme_id(programme), frozenset())


def has_role(user, programme: models.Model | int, *roles: str) -> bool:
    """Does the user hold one of `roles` (any role when none are named) in this programme today?"""
    held = roles_in(user, programme)
    if not roles:
        return bool(held)
    return not held.isdisjoint(roles)


def is_superuser(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def programme_ids_with_role(user, roles: Iterable[str] = ALL_ROLES) -> set[int]:
    wanted = set(roles)
    return {pid for pid, held in roles_by_programme(user).items() if not held.isdisjoint(wanted)}


def today():
    return timezone.localdate()
