from django.utils.translation import gettext as _

from avk.access import Role
from avk.home import Panel

from . import selectors


def din_panels(request, programme, roles):
    """The programme team sees the DIN's health and the measurements awaiting approval;
    indicator owners see their indicators whose measurement is due. Bounded queries: one
    count per health check, one list of at most 10 drafts, one of at most 10 indicators."""
    found = []
    if Role.PROGRAMME_TEAM in roles:
        counts = selectors.din_health_counts(programme)
        awaiting = list(selectors.measurements_awaiting_approval(programme)[:10])
        if any(counts.values()) or awaiting:
            found.append(
                Panel(
                    _("DIN: needs attention"),
                    "programme/_panel_din_health.html",
                    {"counts": counts, "awaiting": awaiting, "programme": programme},
                )
            )
    if not hasattr(request, "_din_due"):  # once per request, for all programmes
        request._din_due = selectors.indicators_due_for(request.user)
    due = request._din_due.get(programme.pk, [])
    if due:
        found.append(
            Panel(
                _("Measurements due"),
                "programme/_panel_din_due.html",
                {"due": due, "programme": programme},
            )
        )
    return found


def panels(request, programme, roles):
    """The programme team sees who joined recently and whose invitation is still open."""
    if Role.PROGRAMME_TEAM not in roles:
        return []
    pending = selectors.pending_invitations(programme=programme)
    if not pending:
        return []
    return [
        Panel(
            _("Invitations not yet accepted"),
            "programme/_panel_invitations.html",
            {"pending": pending, "programme": programme},
        )
    ]
