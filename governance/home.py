from django.utils.translation import gettext as _

from avk.access import Role
from avk.home import Panel

from . import selectors


def panels(request, programme, roles):
    """Decisions awaiting the person's vote (with the deadline); for the programme team and the
    secretariat, proposals in concept or submitted. A fixed number of queries."""
    found = []
    awaiting = selectors.awaiting_vote(user=request.user, programme=programme)
    if awaiting:
        found.append(
            Panel(_("Awaiting your vote"), "governance/_panel_to_vote.html", {"awaiting": awaiting})
        )
    if roles & {Role.PROGRAMME_TEAM, Role.SECRETARIAT}:
        pipeline = list(selectors.team_pipeline(programme=programme))
        if pipeline:
            found.append(
                Panel(
                    _("Proposals in draft or submitted"),
                    "governance/_panel_pipeline.html",
                    {"pipeline": pipeline},
                )
            )
    return found
