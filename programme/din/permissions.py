"""Who may do what with a programme's DIN (lines, goals, efforts, working groups, indicators,
measurements). The only place that decides it.

Actions: view_din, export_din, change_din, and on single objects enter_measurement,
review_measurement and resubmit_measurement. `allowed` answers the programme's own actions too
(programme.core.permissions), so it answers every action of the programme app. Every answer
names the programme: a role in one programme gives nothing in another. Superusers may do
everything.
"""

from __future__ import annotations

from django.db.models import Q

from avk.access import Role, has_role, is_superuser
from programme.core import permissions as core_policy
from programme.core.models import Programme
from programme.core.permissions import can_view_programme


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
    goals, efforts, working groups, indicators and measurements)? The programme's own actions
    (view, change, ...) are answered by programme.core.permissions."""
    if action in OBJECT_RULES:
        return OBJECT_RULES[action](user, obj)
    rule = RULES.get(action)
    if rule is None:
        return core_policy.allowed(user, action, obj)
    programme = obj if isinstance(obj, Programme) else obj.programme
    return rule(user, programme)
