"""What the DIN adds to a partner's page and to "Mijn organisatie"."""

from django.utils.translation import gettext as _

from avk import policy
from avk.home import Panel

from . import selectors


def partner_din_section(request, partner, programme):
    """The efforts (with the partner's role) and working groups the partner is in (two
    queries), for whoever may read the programme's DIN."""
    if programme is None or not policy.allowed(request.user, "din.view_din", programme):
        return []
    found = selectors.partner_din(partner, programme)
    return [
        Panel(
            _("Efforts and working groups"),
            "programme/_partner_din.html",
            {**found, "partner": partner, "programme": programme},
        )
    ]
