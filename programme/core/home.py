"""Home panel of the programme itself: the programme team sees whose invitation is still open.
The open invitations of all the programmes where the person is on the programme team are read
once per request (one grouped query), so the home page's query count does not grow with the
number of programmes."""

from django.utils.translation import gettext as _

from avk.access import Role, programme_ids_with_role
from avk.home import Panel

from . import selectors

_PENDING_CACHE = "_programme_home_pending"


def _pending(request, programme) -> list:
    """The open invitations of `programme`, read with those of the person's other team
    programmes."""
    cached = getattr(request, _PENDING_CACHE, None)
    if cached is None:
        ids = programme_ids_with_role(request.user, [Role.PROGRAMME_TEAM])
        cached = selectors.pending_invitations_by_programme(ids)
        setattr(request, _PENDING_CACHE, cached)
    if programme.pk not in cached:  # a team role the cache did not know about: ask for it alone
        cached.update(selectors.pending_invitations_by_programme([programme.pk]))
    return cached[programme.pk]


def panels(request, programme, roles):
    """The programme team sees whose invitation is still open."""
    if Role.PROGRAMME_TEAM not in roles:
        return []
    pending = _pending(request, programme)
    if not pending:
        return []
    return [
        Panel(
            _("Invitations not yet accepted"),
            "programme/_panel_invitations.html",
            {"pending": pending, "programme": programme},
        )
    ]
