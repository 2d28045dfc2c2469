"""Home panels: the programme team sees how many attention points of the latest round are still
open; a partner contact sees the open quick scan its organisation has not filled in. The data
for all the person's programmes is read once per request (a few queries whatever their number).
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from avk.access import Role, programme_ids_with_role
from avk.home import Panel
from avk.policy import allowed
from programme.core.models import Programme, RoleAssignment

from .models import FollowUpStatus, QuickScan, Round, ScanResponse

_CACHE = "_reflection_home"


def _latest_rounds(user) -> dict:
    """Per programme where the person is programme team: its latest round, with the number of
    attention points still open."""
    ids = [
        pid
        for pid in programme_ids_with_role(user)
        if allowed(user, "reflection.change", Programme(pk=pid))
    ]
    if not ids:
        return {}
    rounds = Round.objects.filter(programme_id__in=ids).annotate(
        open_points=Count(
            "sessions__attention_points",
            filter=Q(sessions__attention_points__status=FollowUpStatus.OPEN),
        )
    )
    latest = {}
    for round_ in rounds.order_by("programme_id", "-year", "-pk"):
        latest.setdefault(round_.programme_id, round_)
    return latest


def _scans_to_fill(user) -> dict:
    """Per programme where the person is a partner contact: the open quick scans that one of
    its organisations has not filled in yet."""
    if not programme_ids_with_role(user, [Role.PARTNER_CONTACT]):
        return {}
    pairs = list(
        RoleAssignment.objects.current()
        .filter(user=user, role=Role.PARTNER_CONTACT)
        .values_list("programme_id", "partner_id")
    )
    if not pairs:
        return {}
    own: dict[int, set] = {}
    for programme_id, partner_id in pairs:
        own.setdefault(programme_id, set()).add(partner_id)
    scans = list(QuickScan.objects.filter(programme_id__in=own, is_open=True))
    done = set(ScanResponse.objects.filter(scan__in=scans).values_list("scan_id", "partner_id"))
    waiting: dict[int, list] = {}
    for scan in scans:
        if any((scan.pk, partner) not in done for partner in own[scan.programme_id]):
            waiting.setdefault(scan.programme_id, []).append(scan)
    return waiting


def _data(request) -> dict:
    cached = getattr(request, _CACHE, None)
    if cached is None:
        user = request.user
        cached = {"rounds": _latest_rounds(user), "scans": _scans_to_fill(user)}
        setattr(request, _CACHE, cached)
    return cached


def panels(request, programme, roles):
    if not roles and not request.user.is_superuser:
        return []
    data = _data(request)
    found = []
    latest = data["rounds"].get(programme.pk)
    if latest is not None and latest.open_points:
        found.append(
            Panel(
                _("Reflection: open attention points"),
                "reflection/_panel_open_points.html",
                {"round": latest, "open_points": latest.open_points},
            )
        )
    scans = data["scans"].get(programme.pk)
    if scans:
        found.append(
            Panel(
                _("Quick scan to fill in"),
                "reflection/_panel_scan.html",
                {"scans": scans, "programme": programme},
            )
        )
    return found
