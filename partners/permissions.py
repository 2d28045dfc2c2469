"""Who may do what with partners, their commitments and delegations. The only place that decides.

Every answer names the programme: a role in the AVK gives nothing in Landerd. The back office of
a programme (programme team and secretariat) sees and changes every partner in it; the board
reads partner pages and the steering group; a partner contact reads and changes only the
organisation they speak for (RoleAssignment.partner), and changes its package only from today
on. Readers see the steering group only. Superusers may do everything.

Actions (`allowed(user, action, obj)`):
  view_list, export, import, create   obj: a programme
  view_steering_group                 obj: a programme
  view, change, change_commitment,
  change_delegation, deactivate,
  correct_commitment                  obj: a Participation, Commitment or DelegationMember
                                      (anything with .programme and .partner), or a
                                      (programme, partner) pair
"""

from __future__ import annotations

from django.db.models import QuerySet

from avk.access import BACK_OFFICE_ROLES, Role, has_role, is_superuser, programme_ids_with_role
from programme.core.models import Programme

_CACHE_ATTR = "_avk_partner_contacts"


def contact_partner_ids(user, programme: Programme | int) -> frozenset[int]:
    """The partners this user speaks for in the programme today (cached per request user)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    pid = programme if isinstance(programme, int) else programme.pk
    if not has_role(user, pid, Role.PARTNER_CONTACT):
        return frozenset()
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE_ATTR, cache)
    if pid not in cache:
        from programme.core.models import RoleAssignment

        cache[pid] = frozenset(
            RoleAssignment.objects.current()
            .filter(user=user, programme_id=pid, role=Role.PARTNER_CONTACT)
            .values_list("partner_id", flat=True)
        )
    return cache[pid]


def is_back_office(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE_ROLES)


def speaks_for(user, programme, partner) -> bool:
    partner_id = partner if isinstance(partner, int) else partner.pk
    return partner_id in contact_partner_ids(user, programme)


# Programme-wide actions ---------------------------------------------------------------------


def can_view_list(user, programme) -> bool:
    return is_back_office(user, programme)


def can_export(user, programme) -> bool:
    return is_back_office(user, programme)


def can_import(user, programme) -> bool:
    return is_back_office(user, programme)


def can_create(user, programme) -> bool:
    return is_back_office(user, programme)


def can_view_steering_group(user, programme) -> bool:
    """Who sits in the steering group is no secret inside the programme."""
    return is_superuser(user) or has_role(user, programme)


# Actions on one partner in one programme -----------------------------------------------------


def can_view_partner_pages(user, programme) -> bool:
    """Every partner's page (read-only for the board)."""
    return is_back_office(user, programme) or has_role(user, programme, Role.BOARD)


def can_view_partner(user, programme, partner) -> bool:
    return can_view_partner_pages(user, programme) or speaks_for(user, programme, partner)


def can_change_partner(user, programme, partner) -> bool:
    return is_back_office(user, programme) or speaks_for(user, programme, partner)


def can_change_commitment(user, programme, partner) -> bool:
    """The back office records any commitment; a contact changes its own, from today on."""
    return is_back_office(user, programme) or speaks_for(user, programme, partner)


def can_backdate_commitment(user, programme) -> bool:
    return is_back_office(user, programme)


def can_change_delegation(user, programme, partner) -> bool:
    return is_back_office(user, programme) or speaks_for(user, programme, partner)


def can_deactivate(user, programme, partner) -> bool:
    """Deactivate or reactivate the organisation."""
    return is_back_office(user, programme)


def can_correct_commitment(user, programme, partner) -> bool:
    """Correct the amount, signing date or motivation of a recorded commitment."""
    return is_back_office(user, programme)


PROGRAMME_RULES = {
    "view_list": can_view_list,
    "export": can_export,
    "import": can_import,
    "create": can_create,
    "view_steering_group": can_view_steering_group,
}
PARTNER_RULES = {
    "view": can_view_partner,
    "change": can_change_partner,
    "change_commitment": can_change_commitment,
    "change_delegation": can_change_delegation,
    "deactivate": can_deactivate,
    "correct_commitment": can_correct_commitment,
}
RULES = {**PROGRAMME_RULES, **PARTNER_RULES}


def allowed(user, action: str, obj) -> bool:
    if action in PROGRAMME_RULES:
        programme = obj if isinstance(obj, Programme) else obj.programme
        return PROGRAMME_RULES[action](user, programme)
    if action in PARTNER_RULES:
        if isinstance(obj, tuple):
            programme, partner = obj
        elif hasattr(obj, "programme") and hasattr(obj, "partner"):
            programme, partner = obj.programme, obj.partner
        else:
            from .models import Partner

            if isinstance(obj, Partner):  # in any programme the partner takes part in
                return any(
                    PARTNER_RULES[action](user, participation.programme, obj)
                    for participation in obj.participations.select_related("programme")
                )
            raise TypeError(f"Cannot decide {action!r} for {obj!r}")
        return PARTNER_RULES[action](user, programme, partner)
    raise ValueError(f"Unknown action for partners: {action!r}")


def programmes_with_back_office(user) -> QuerySet[Programme]:
    if is_superuser(user):
        return Programme.objects.all()
    return Programme.objects.filter(pk__in=programme_ids_with_role(user, BACK_OFFICE_ROLES))
