from django.utils.translation import gettext as _

from avk.access import Role
from avk.home import Panel

from . import selectors


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
