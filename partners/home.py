"""Home panels: the back office sees recent partner changes, a partner contact what its
delegation misses. The data for all the person's programmes is read once per request, so the
home page's query count does not grow with the number of programmes."""

from django.utils.translation import gettext as _

from avk.access import BACK_OFFICE_ROLES, Role, programme_ids_with_role
from avk.home import Panel

from . import selectors

_CACHE = "_partners_home"


def _data(request) -> dict:
    cached = getattr(request, _CACHE, None)
    if cached is None:
        user = request.user
        cached = {
            "changes": selectors.recent_changes_by_programme(
                programme_ids=programme_ids_with_role(user, BACK_OFFICE_ROLES)
            ),
            "contacts": selectors.contact_organisations(user=user),
        }
        setattr(request, _CACHE, cached)
    return cached


def panels(request, programme, roles):
    found = []
    if roles.isdisjoint(BACK_OFFICE_ROLES) and Role.PARTNER_CONTACT not in roles:
        return found
    data = _data(request)
    changes = data["changes"].get(programme.pk)
    if changes:
        found.append(
            Panel(
                _("Recent changes by partners"),
                "partners/_panel_changes.html",
                {"changes": changes, "programme": programme},
            )
        )
    contact = data["contacts"].get(programme.pk)
    if contact is not None:
        partner, missing = contact
        found.append(
            Panel(
                _("My organisation: %(partner)s") % {"partner": partner},
                "partners/_panel_mine.html",
                {"missing": missing, "programme": programme, "partner": partner},
            )
        )
    return found
