"""Who may do what with a programme's DIN (lines, goals, efforts, working groups, indicators,
measurements). The only place that decides it; registered as the "din" policy, so everything
asks `avk.policy.allowed(user, "din.<verb>", obj)` or `require(...)`.

Verbs: view_din, export_din, change_din (lines, goals, efforts, working groups and their
members, indicators), import_din, and on single objects enter_measurement (an indicator),
review_measurement and resubmit_measurement (a measurement, in the state that allows it),
report_progress (an effort: its status, progress and a short update).
Only DIN verbs: a programme's own verbs are asked as "programme.<verb>". Every answer names
the programme: a role in one programme gives nothing in another. Superusers may do everything
a measurement's state allows.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avk.access import Role, has_role, is_superuser
from programme.core.models import Programme
from programme.core.permissions import can_view_programme

from .models import MeasurementStatus, WorkingGroupMember


def programme_of(obj) -> Programme:
    """A programme, or the programme of a DIN item (anything with a `.programme`, or a working
    group's member)."""
    if isinstance(obj, Programme):
        return obj
    if isinstance(obj, WorkingGroupMember):
        return obj.working_group.programme
    return obj.programme


def can_view_din(user, programme: Programme) -> bool:
    """Everyone with a role in the programme reads its DIN."""
    return can_view_programme(user, programme)


def can_export_din(user, programme: Programme) -> bool:
    """Downloading the DIN as Excel: everyone who reads the DIN (every role in the programme),
    on purpose. The export holds nothing the DIN pages do not already show to them. (Not the
    back-office rule `programme.export`: the DIN is no back-office list.)"""
    return can_view_din(user, programme)


def can_change_din(user, programme: Programme) -> bool:
    """Only the programme's own team (and superusers) builds and keeps the DIN, also by an
    import."""
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


def is_kartrekker(user, programme: Programme) -> bool:
    """Lead member (kartrekker) of a working group of this programme, through a delegation
    seat or as a user. One query, deliberately not cached on the user object: a page that
    needs it for many rows asks once (see the indicator page), and the answer must change as
    soon as someone becomes kartrekker."""
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
    from .models import EffortPartner

    if WorkingGroupMember.objects.filter(
        working_group__programme=programme, is_lead=True, partner_id__in=partner_ids
    ).exists():
        return True  # the contact of a partner that is kartrekker of a working group
    return EffortPartner.objects.filter(
        effort__goal_links__goal_id=indicator.goal_id, partner_id__in=partner_ids
    ).exists()


def can_review_measurement(user, measurement) -> bool:
    """Approving or sending back a measurement: the programme team, and only while it is a
    draft (an approved measurement is final; one sent back waits for its correction)."""
    return measurement.status == MeasurementStatus.DRAFT and can_change_din(
        user, measurement.indicator.programme
    )


def can_resubmit_measurement(user, measurement, *, may_enter: bool | None = None) -> bool:
    """A measurement sent back (and only then) is corrected by whoever entered it (or the
    programme team). `may_enter`: the answer of can_enter_measurement for the measurement's
    indicator, when the caller already has it (a page listing an indicator's measurements
    asks once, not per row)."""
    if measurement.status != MeasurementStatus.RETURNED:
        return False
    programme = measurement.indicator.programme
    if can_change_din(user, programme):
        return True
    if measurement.entered_by_id != user.pk or not has_role(user, programme):
        return False
    if may_enter is None:
        may_enter = can_enter_measurement(user, measurement.indicator)
    return bool(may_enter)


def can_report_progress(user, effort) -> bool:
    """Reporting an effort's progress (status, percentage and a short update): the programme
    team, and the partner contacts of a partner that leads the effort (trekker), in that
    effort's programme."""
    programme = effort.programme
    if can_change_din(user, programme):
        return True
    partner_ids = partner_ids_spoken_for(user, programme)
    if not partner_ids:
        return False
    from .models import EffortPartner, PartnerRole

    return EffortPartner.objects.filter(
        effort=effort, role=PartnerRole.LEAD, partner_id__in=partner_ids
    ).exists()


#: Rules asked of the object's programme (obj: a programme or any DIN item).
RULES = {
    "view_din": can_view_din,
    "export_din": can_export_din,
    "change_din": can_change_din,
    "import_din": can_change_din,
}

#: Rules that look at the object itself, not only at its programme.
OBJECT_RULES = {
    "enter_measurement": can_enter_measurement,  # obj: an Indicator
    "review_measurement": can_review_measurement,  # obj: a Measurement
    "resubmit_measurement": can_resubmit_measurement,  # obj: a Measurement
    "report_progress": can_report_progress,  # obj: an Effort
}

#: What a refusal says (Dutch through the catalogue); `refusal` names the state when the
#: state is the reason.
MESSAGES = {
    "enter_measurement": gettext_lazy("You may not enter measurements for this indicator."),
    "review_measurement": gettext_lazy("Only the programme team reviews measurements."),
    "resubmit_measurement": gettext_lazy("You may not correct this measurement."),
    "report_progress": gettext_lazy(
        "Only the programme team and the contacts of the effort's lead partner report its progress."
    ),
}


def allowed(user, verb: str, obj) -> bool:
    """May `user` do the DIN `verb` to `obj` (a programme, or anything with a `.programme`:
    DIN lines, goals, efforts, working groups, indicators and measurements), now? An unknown
    verb is a programming error."""
    if verb in OBJECT_RULES:
        return OBJECT_RULES[verb](user, obj)
    try:
        rule = RULES[verb]
    except KeyError:
        raise ValueError(f"Unknown DIN action: {verb!r}") from None
    return rule(user, programme_of(obj))


def refusal(user, verb: str, obj):
    """The message of a refusal of `verb` on `obj`: the measurement's state when that is what
    stands in the way, else the verb's own message (None: the policy's default)."""
    if verb == "review_measurement" and obj.status != MeasurementStatus.DRAFT:
        return _("Only a draft can be approved or sent back; this one is %(status)s.") % {
            "status": obj.get_status_display()
        }
    if verb == "resubmit_measurement" and obj.status != MeasurementStatus.RETURNED:
        return _("Only a measurement that was sent back can be corrected and offered again.")
    return MESSAGES.get(verb)
