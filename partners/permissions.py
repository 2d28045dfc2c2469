"""Who may do what with partners, their commitments and delegations. The only place that decides.

Every answer names the programme: a role in the AVK gives nothing in Landerd. The back office of
a programme (programme team and secretariat) sees and changes every partner in it; the board
reads partner pages and the steering group; a partner contact reads and changes only the
organisation they speak for (RoleAssignment.partner), while it takes part in the programme, and
changes its package only from today on. Readers see the steering group only. Superusers may do
everything.

Actions (`allowed(user, action, obj)`, registered as "partners.<action>"):
  view_list, export, import, create,
  view_steering_group, view_directory,
  view_partner_pages,
  view_mine, backdate_commitment,
  change_packages                     obj: a Programme (or anything with .programme)
  view, view_history, change,
  change_all, change_commitment,
  change_delegation, deactivate,
  reactivate, correct_commitment      obj: a Participation, Commitment or DelegationMember
                                      (anything with .programme and .partner; an unsaved
                                      Participation or a (programme, partner) tuple names a
                                      pair, refused when the partner never took part in the
                                      programme), or a bare Partner (in any programme it takes
                                      part in)
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from avk.access import BACK_OFFICE_ROLES, Role, has_role, is_superuser
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


def takes_part(obj, programme, partner) -> bool:
    """The organisation is active and has not left the programme (asked of the object when it
    is the participation itself, else of the database)."""
    from .models import Participation

    if not partner.active:
        return False
    if isinstance(obj, Participation):
        return obj.left_on is None
    return Participation.objects.filter(
        programme=programme, partner=partner, left_on__isnull=True
    ).exists()


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


def can_view_directory(user, programme) -> bool:
    """The partner directory (names, kinds, packages and points of contact of the programme's
    partners): everyone with a role in the programme."""
    return is_superuser(user) or has_role(user, programme)


def can_view_partner_pages(user, programme) -> bool:
    """Every partner's page (read-only for the board)."""
    return is_back_office(user, programme) or has_role(user, programme, Role.BOARD)


def can_view_mine(user, programme) -> bool:
    """'My organisation': only for someone who speaks for an organisation in the programme."""
    return bool(contact_partner_ids(user, programme))


def can_backdate_commitment(user, programme) -> bool:
    """Start a package before today (a contact changes its package from today on)."""
    return is_back_office(user, programme)


def can_change_packages(user, programme) -> bool:
    """The packages (A, B, C) a programme offers and their items."""
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


# Actions on one partner in one programme -----------------------------------------------------


def can_view_partner(user, programme, partner, obj=None) -> bool:
    return can_view_partner_pages(user, programme) or speaks_for(user, programme, partner)


def can_view_history(user, programme, partner, obj=None) -> bool:
    """Who changed what: the back office, which keeps the records."""
    return is_back_office(user, programme)


def in_programme(obj, programme, partner) -> bool:
    """The pair names a partner of the programme: one with a participation there (also one
    that has left it). A saved participation, commitment or delegation member is one; an
    unsaved participation or a (programme, partner) tuple is asked of the database, so the
    back office of one programme cannot act on a partner of another by naming the pair."""
    from .models import Participation

    if isinstance(obj, tuple) or (isinstance(obj, Participation) and obj.pk is None):
        return Participation.objects.filter(programme=programme, partner=partner).exists()
    return True


def _back_office_or_active_contact(user, programme, partner, obj) -> bool:
    if is_back_office(user, programme):
        return True
    return speaks_for(user, programme, partner) and takes_part(obj, programme, partner)


def can_change_partner(user, programme, partner, obj=None) -> bool:
    """The public details: the back office, or the organisation's own contact while it takes
    part in the programme."""
    return _back_office_or_active_contact(user, programme, partner, obj)


def can_change_all(user, programme, partner, obj=None) -> bool:
    """Every detail, including the kind and the internal notes."""
    return is_back_office(user, programme)


def can_change_commitment(user, programme, partner, obj=None) -> bool:
    """The back office records any commitment; a contact changes its own, from today on."""
    return _back_office_or_active_contact(user, programme, partner, obj)


def can_change_delegation(user, programme, partner, obj=None) -> bool:
    return _back_office_or_active_contact(user, programme, partner, obj)


def can_deactivate(user, programme, partner, obj=None) -> bool:
    """Deactivate or reactivate the organisation."""
    return is_back_office(user, programme)


def can_correct_commitment(user, programme, partner, obj=None) -> bool:
    """Correct the amount, signing date or motivation of a recorded commitment."""
    return is_back_office(user, programme)


PROGRAMME_RULES = {
    "view_list": can_view_list,
    "export": can_export,
    "import": can_import,
    "create": can_create,
    "view_steering_group": can_view_steering_group,
    "view_directory": can_view_directory,
    "view_partner_pages": can_view_partner_pages,
    "view_mine": can_view_mine,
    "backdate_commitment": can_backdate_commitment,
    "change_packages": can_change_packages,
}
PARTNER_RULES = {
    "view": can_view_partner,
    "view_history": can_view_history,
    "change": can_change_partner,
    "change_all": can_change_all,
    "change_commitment": can_change_commitment,
    "change_delegation": can_change_delegation,
    "deactivate": can_deactivate,
    "reactivate": can_deactivate,
    "correct_commitment": can_correct_commitment,
}
RULES = {**PROGRAMME_RULES, **PARTNER_RULES}

#: What a refusal says (shown on the 403 page); other actions get the portal's general text.
MESSAGES = {
    "view_mine": _("This page is for the contact person of a partner organisation."),
    "backdate_commitment": _(
        "Only the programme team and the secretariat can start a package before today."
    ),
    "change_all": _(
        "Only the programme team and the secretariat can change the kind and the notes of an "
        "organisation."
    ),
    "change_packages": _("Only the programme team can change the packages of a programme."),
}


def _pair(obj):
    if isinstance(obj, tuple):
        return obj
    if hasattr(obj, "programme_id") and hasattr(obj, "partner_id"):
        return obj.programme, obj.partner
    return None


def allowed(user, action: str, obj) -> bool:
    if action in PROGRAMME_RULES:
        if isinstance(obj, Programme):
            programme = obj
        elif isinstance(obj, tuple):
            programme = obj[0]
        else:
            programme = obj.programme
        return PROGRAMME_RULES[action](user, programme)
    if action in PARTNER_RULES:
        rule = PARTNER_RULES[action]
        pair = _pair(obj)
        if pair is not None:
            programme, partner = pair
            return rule(user, programme, partner, obj) and in_programme(obj, programme, partner)
        from .models import Partner

        if isinstance(obj, Partner):  # in any programme the partner takes part in
            return any(
                rule(user, participation.programme, obj, participation)
                for participation in obj.participations.select_related("programme")
            )
        raise TypeError(f"Cannot decide {action!r} for {obj!r}")
    raise ValueError(f"Unknown action for partners: {action!r}")
