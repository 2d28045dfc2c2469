from django.utils.translation import gettext as _

from avk import policy
from avk.access import programme_ids_with_role
from avk.home import Panel

from . import selectors

_CACHE = "_governance_home"


def _for_request(request) -> dict:
    """Both panels' rows for all the person's programmes, fetched once per request, so the
    home page's query count does not grow with the number of programmes. Which programme's
    rows are shown is the policy's answer (`panels`)."""
    cached = getattr(request, _CACHE, None)
    if cached is None:
        user = request.user
        awaiting: dict[int, list] = {}
        for proposal in selectors.awaiting_vote(user=user):
            awaiting.setdefault(proposal.programme_id, []).append(proposal)
        pipeline: dict[int, list] = {}
        mine = programme_ids_with_role(user)
        if mine:
            for proposal in selectors.team_pipeline(programmes=mine):
                pipeline.setdefault(proposal.programme_id, []).append(proposal)
        cached = {"awaiting": awaiting, "pipeline": pipeline}
        setattr(request, _CACHE, cached)
    return cached


def panels(request, programme, roles):
    """Decisions awaiting the person's vote (with the deadline); for those who run the
    workflow (the programme team and the secretariat), proposals in concept or submitted."""
    found = []
    rows = _for_request(request)
    awaiting = rows["awaiting"].get(programme.pk)
    if awaiting:
        found.append(
            Panel(_("Awaiting your vote"), "governance/_panel_to_vote.html", {"awaiting": awaiting})
        )
    pipeline = rows["pipeline"].get(programme.pk)
    if pipeline and policy.allowed(request.user, "governance.manage_governance", programme):
        found.append(
            Panel(
                _("Proposals in draft or submitted"),
                "governance/_panel_pipeline.html",
                {"pipeline": pipeline},
            )
        )
    return found
