"""Home panels of the DIN. The data for all the programmes where the person is on the
programme team is read once per request (grouped queries), so the home page's query count
does not grow with the number of programmes."""

from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.access import programme_ids_with_role
from avk.home import WAITING, Panel
from programme.core.models import Programme

from . import selectors

_TEAM_CACHE = "_din_home_team"
_DUE_CACHE = "_din_due"


def _keeps_din(request, programme) -> bool:
    return policy.allowed(request.user, "din.change_din", programme)


def _team_data(request) -> dict:
    """{programme_id: {"counts", "awaiting"}} for the programmes whose DIN the person keeps
    (asked of the policy once per programme they are in, read in one go)."""
    cached = getattr(request, _TEAM_CACHE, None)
    if cached is None:
        programmes = [Programme(pk=pid) for pid in programme_ids_with_role(request.user)]
        ids = [p.pk for p in programmes if _keeps_din(request, p)]
        cached = selectors.din_team_data(ids)
        setattr(request, _TEAM_CACHE, cached)
    return cached


def _team_entry(request, programme) -> dict:
    data = _team_data(request)
    if programme.pk not in data:  # a programme the cache did not know about: ask for it alone
        data.update(selectors.din_team_data([programme.pk]))
    return data[programme.pk]


def din_panels(request, programme, roles):
    """Who keeps the DIN (the programme team) sees the measurements awaiting approval and the
    points of the DIN's health, each count leading to its list on the health page; indicator
    owners see their indicators whose measurement is due."""
    found = []
    health = reverse("programme:din-health", args=[programme.slug])
    if _keeps_din(request, programme):
        entry = _team_entry(request, programme)
        counts, awaiting = entry["counts"], entry["awaiting"]
        if awaiting:
            found.append(
                Panel(
                    _("Measurements awaiting approval"),
                    "programme/_panel_din_awaiting.html",
                    {"awaiting": awaiting, "programme": programme},
                    section=WAITING,
                    count=len(awaiting),
                    url=f"{health}#h-awaiting",
                )
            )
        total = sum(counts.values())
        if total:
            found.append(
                Panel(
                    _("DIN: points of attention"),
                    "programme/_panel_din_health.html",
                    {"counts": counts, "programme": programme, "health": health},
                    section=WAITING,
                    url=health,
                )
            )
    if not hasattr(request, _DUE_CACHE):  # once per request, for all programmes
        setattr(request, _DUE_CACHE, selectors.indicators_due_for(request.user))
    due = getattr(request, _DUE_CACHE).get(programme.pk, [])
    if due:
        found.append(
            Panel(
                _("Measurements due"),
                "programme/_panel_din_due.html",
                {"due": due, "programme": programme},
                section=WAITING,
                count=len(due),
            )
        )
    return found
