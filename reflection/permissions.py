"""Who may do what with reflection: rounds, sessions, what they bring forth, the follow-up and
the quick scan. The only place that decides it; registered as the "reflection" policy.

| who (in the programme)   | reads     | edits | quick scan results | fills in a quick scan |
|---------------------------|-----------|-------|--------------------|-----------------------|
| programme team            | yes       | yes   | every partner's    | no                    |
| secretariat               | + history | no    | no                 | no                    |
| board member, reader      | yes       | no    | no                 | no                    |
| partner contact           | yes       | no    | its own only       | own organisation *    |
| other programme / no role | no        | no    | no                 | no                    |

* while the scan is open and the organisation takes part in the programme.

Superusers may do everything (filling in a closed scan aside). A framework shared by every
programme (no programme) is kept by superusers only; a programme's own by its programme team.

Verbs (`allowed(user, verb, obj)`, registered as "reflection.<verb>"):
  view, change, view_history, view_scans,
  view_scan_results, export_scan             obj: a Programme, or anything with `.programme`
  manage_framework                           obj: a Framework (or a programme: its own ones)
  fill_scan, view_scan_response              obj: a ScanResponse, or a (QuickScan, Partner) pair
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from avk.access import BACK_OFFICE_ROLES, Role, has_role, is_superuser
from partners.permissions import speaks_for, takes_part
from programme.core.models import Programme

from .models import Framework, ScanResponse


def programme_of(obj) -> Programme:
    if isinstance(obj, Programme):
        return obj
    if isinstance(obj, tuple):
        return programme_of(obj[0])
    return obj.programme


def is_team(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme, Role.PROGRAMME_TEAM)


def can_view(user, programme) -> bool:
    """Every role in the programme reads its reflection."""
    return is_superuser(user) or has_role(user, programme)


def can_change(user, programme) -> bool:
    """The programme team records rounds and sessions and keeps the follow-up."""
    return is_team(user, programme)


def can_view_history(user, programme) -> bool:
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE_ROLES)


def can_view_scans(user, programme) -> bool:
    """The list of quick scans: the programme team, and partner contacts (to fill in theirs)."""
    return is_team(user, programme) or has_role(user, programme, Role.PARTNER_CONTACT)


def can_view_scan_results(user, programme) -> bool:
    """Every partner's answers, aggregated: the programme team."""
    return is_team(user, programme)


def can_manage_framework(user, framework) -> bool:
    if isinstance(framework, Programme):
        return is_team(user, framework)
    if framework.programme_id is None:
        return is_superuser(user)
    return is_team(user, framework.programme)


def _scan_and_partner(obj):
    if isinstance(obj, ScanResponse):
        return obj.scan, obj.partner
    scan, partner = obj
    return scan, partner


def can_fill_scan(user, obj) -> bool:
    """A partner contact fills in the scan for their own organisation while the scan is open
    and the organisation takes part in the programme."""
    scan, partner = _scan_and_partner(obj)
    if not scan.is_open:
        return False
    programme = scan.programme
    if is_superuser(user):
        return True
    return speaks_for(user, programme, partner) and takes_part(obj, programme, partner)


def can_view_scan_response(user, obj) -> bool:
    """One partner's answers: its own contact, and the programme team."""
    scan, partner = _scan_and_partner(obj)
    programme = scan.programme
    return can_view_scan_results(user, programme) or speaks_for(user, programme, partner)


PROGRAMME_RULES = {
    "view": can_view,
    "change": can_change,
    "view_history": can_view_history,
    "view_scans": can_view_scans,
    "view_scan_results": can_view_scan_results,
    "export_scan": can_view_scan_results,
}
OBJECT_RULES = {
    "manage_framework": can_manage_framework,
    "fill_scan": can_fill_scan,
    "view_scan_response": can_view_scan_response,
}

MESSAGES = {
    "change": _("Only the programme team records and changes the reflection of a programme."),
    "view_scan_results": _("Only the programme team sees every partner's quick scan answers."),
    "export_scan": _("Only the programme team sees every partner's quick scan answers."),
    "fill_scan": _(
        "You can fill in the quick scan only for the organisation you speak for, while the quick "
        "scan is open."
    ),
    "view_scan_response": _("You can see the quick scan answers of your own organisation only."),
    "manage_framework": _(
        "A framework shared by every programme is kept by the administrators; a programme's own "
        "by its programme team."
    ),
}


def refusal(user, verb: str, obj):
    if verb == "fill_scan":
        scan, _partner = _scan_and_partner(obj)
        if not scan.is_open:
            return _("This quick scan is closed; it can no longer be filled in.")
    return MESSAGES.get(verb)


def allowed(user, verb: str, obj) -> bool:
    if verb in OBJECT_RULES:
        if verb == "manage_framework" and not isinstance(obj, Framework | Programme):
            raise TypeError(f"Cannot decide {verb!r} for {obj!r}")
        if verb in ("fill_scan", "view_scan_response") and not isinstance(
            obj, ScanResponse | tuple
        ):
            raise TypeError(f"Cannot decide {verb!r} for {obj!r}")
        return OBJECT_RULES[verb](user, obj)
    try:
        rule = PROGRAMME_RULES[verb]
    except KeyError:
        raise ValueError(f"Unknown action for reflection: {verb!r}") from None
    return rule(user, programme_of(obj))
