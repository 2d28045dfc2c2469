"""Home panel of the programme itself: those who manage its roles see whose invitation is still
open. The open invitations of all the programmes where the person manages roles are read once
per request (one grouped query), so the home page's query count does not grow with the number
of programmes."""

from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.home import WAITING, Panel

from . import selectors
from .permissions import programme_ids_managing_roles

_PENDING_CACHE = "_programme_home_pending"


def _pending(request, programme) -> list:
    """The open invitations of `programme`, read with those of the person's other programmes."""
    cached = getattr(request, _PENDING_CACHE, None)
    if cached is None:
        ids = programme_ids_managing_roles(request.user)
        cached = selectors.pending_invitations_by_programme(ids)
        setattr(request, _PENDING_CACHE, cached)
    if programme.pk not in cached:  # a programme the batch did not know about: ask for it alone
        cached.update(selectors.pending_invitations_by_programme([programme.pk]))
    return cached[programme.pk]


def panels(request, programme, roles):
    """Those who may manage the programme's roles see whose invitation is still open."""
    if not policy.allowed(request.user, "programme.manage_roles", programme):
        return []
    pending = _pending(request, programme)
    if not pending:
        return []
    return [
        Panel(
            _("Invitations not yet accepted"),
            "programme/_panel_invitations.html",
            {"pending": pending, "programme": programme},
            section=WAITING,
            count=len(pending),
            url=reverse("programme:people", args=[programme.slug]),
        )
    ]
