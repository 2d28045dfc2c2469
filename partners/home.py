"""Home panels: who may see the partner list (the back office) sees recent partner changes, a
partner contact what its delegation misses. The panels ask the partners policy; the data for all
the person's programmes is read once per request, so the home page's query count does not grow
with the number of programmes."""

from django.utils.translation import gettext as _

from avk.access import programme_ids_with_role
from avk.home import Panel
from avk.policy import allowed
from programme.core.models import Programme

from . import selectors

_CACHE = "_partners_home"


def _data(request) -> dict:
    cached = getattr(request, _CACHE, None)
    if cached is None:
        user = request.user
        # the rule needs only the programme's id: no query for the programmes themselves
        programmes = [Programme(pk=pid) for pid in programme_ids_with_role(user)]
        cached = {
            "changes": selectors.recent_changes_by_programme(
                programme_ids=[p.pk for p in programmes if allowed(user, "partners.view_list", p)]
            ),
            "contacts": selectors.contact_organisations(user=user),
        }
        setattr(request, _CACHE, cached)
    return cached


def panels(request, programme, roles):
    found = []
    user = request.user
    sees_changes = allowed(user, "partners.view_list", programme)
    sees_mine = allowed(user, "partners.view_mine", programme)
    if not (sees_changes or sees_mine):
        return found
    data = _data(request)
    changes = data["changes"].get(programme.pk) if sees_changes else None
    if changes:
        found.append(
            Panel(
                _("Recent changes by partners"),
                "partners/_panel_changes.html",
                {"changes": changes, "programme": programme},
            )
        )
    contact = data["contacts"].get(programme.pk) if sees_mine else None
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
