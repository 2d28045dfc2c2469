from django.utils.translation import gettext as _

from avk.access import Role
from avk.home import Panel

from . import selectors
from .permissions import contact_partner_ids


def panels(request, programme, roles):
    found = []
    if Role.PROGRAMME_TEAM in roles or Role.SECRETARIAT in roles:
        changes = selectors.recent_changes(programme=programme)
        if changes:
            found.append(
                Panel(
                    _("Recent changes by partners"),
                    "partners/_panel_changes.html",
                    {"changes": changes, "programme": programme},
                )
            )
    if Role.PARTNER_CONTACT in roles and contact_partner_ids(request.user, programme):
        partner = selectors.partner_of_contact(user=request.user, programme=programme)
        members = list(
            partner.delegation.filter(programme=programme).only("level", "name", "is_contact")
        )
        missing = selectors.delegation_missing(members)
        found.append(
            Panel(
                _("My organisation: %(partner)s") % {"partner": partner},
                "partners/_panel_mine.html",
                {"missing": missing, "programme": programme, "partner": partner},
            )
        )
    return found
