"""Home panels of governance: what waits for the person (their vote, their action items, and for
the programme team and secretariat the proposals in draft or submitted) and what is coming (the
meetings of the bodies they follow, the open written rounds with their progress and deadline).
The rows of all the person's programmes are fetched once per request, so the home page's query
count does not grow with the number of programmes; which programme's rows are shown is the
policy's answer."""

from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.access import programme_ids_with_role
from avk.home import COMING, WAITING, Panel

from . import selectors
from .selectors.home import own_open_action_items

_CACHE = "_governance_home"
#: Meetings shown per programme.
MEETINGS = 4


def _per_programme(rows, key=lambda row: row.programme_id) -> dict[int, list]:
    found: dict[int, list] = {}
    for row in rows:
        found.setdefault(key(row), []).append(row)
    return found


def _for_request(request) -> dict:
    """The panels' rows for all the person's programmes, fetched once per request."""
    cached = getattr(request, _CACHE, None)
    if cached is None:
        user = request.user
        mine = sorted(programme_ids_with_role(user))
        awaiting = _per_programme(selectors.awaiting_vote(user=user))
        pipeline = _per_programme(selectors.team_pipeline(programmes=mine)) if mine else {}
        rounds = _per_programme(selectors.open_rounds(user=user, programmes=mine))
        meetings = _per_programme(
            selectors.upcoming_meetings(
                user=user, programmes=mine, limit=MEETINGS * max(len(mine), 1)
            ),
            key=lambda meeting: meeting.body.programme_id,
        )
        cached = {
            "awaiting": awaiting,
            "pipeline": pipeline,
            "rounds": rounds,
            "meetings": meetings,
            "actions": own_open_action_items(user=user, programme_ids=mine),
        }
        setattr(request, _CACHE, cached)
    return cached


def _waiting(request, programme, rows) -> list[Panel]:
    found = []
    user = request.user
    awaiting = rows["awaiting"].get(programme.pk)
    if awaiting:
        found.append(
            Panel(
                _("Awaiting your vote"),
                "governance/_panel_to_vote.html",
                {"awaiting": awaiting},
                section=WAITING,
                count=len(awaiting),
                url=reverse("governance:to-decide", args=[programme.slug]),
            )
        )
    actions = rows["actions"].get(programme.pk)
    if actions:
        overview = policy.allowed(user, "governance.view_action_overview", programme)
        found.append(
            Panel(
                _("Your action items"),
                "governance/_panel_actions.html",
                {"items": actions},
                section=WAITING,
                count=len(actions),
                url=reverse("governance:action-items", args=[programme.slug]) + "?mine=1"
                if overview
                else "",
            )
        )
    pipeline = rows["pipeline"].get(programme.pk)
    if pipeline and policy.allowed(user, "governance.manage_governance", programme):
        found.append(
            Panel(
                _("Proposals in draft or submitted"),
                "governance/_panel_pipeline.html",
                {"pipeline": pipeline},
                section=WAITING,
                count=len(pipeline),
                url=reverse("governance:proposal-list", args=[programme.slug]),
            )
        )
    return found


def _coming(request, programme, rows) -> list[Panel]:
    found = []
    meetings = rows["meetings"].get(programme.pk)
    if meetings:
        # Only bodies the person follows are in the rows, so each meeting is theirs to read.
        shows_list = policy.allowed(request.user, "governance.view_meetings", programme)
        found.append(
            Panel(
                _("Meetings"),
                "governance/_panel_meetings.html",
                {"meetings": meetings[:MEETINGS]},
                section=COMING,
                url=reverse("governance:meeting-list", args=[programme.slug]) if shows_list else "",
            )
        )
    voting = {p.pk for p in rows["awaiting"].get(programme.pk, [])}
    rounds = [p for p in rows["rounds"].get(programme.pk, []) if p.pk not in voting]
    if rounds:
        found.append(
            Panel(
                _("Written rounds"),
                "governance/_panel_rounds.html",
                {"rounds": rounds},
                section=COMING,
                count=len(rounds),
                url=reverse("governance:to-decide", args=[programme.slug])
                if policy.allowed(request.user, "governance.view_to_decide", programme)
                else "",
            )
        )
    return found


def panels(request, programme, roles):
    rows = _for_request(request)
    return _waiting(request, programme, rows) + _coming(request, programme, rows)
