"""The budget's section on a partner's page and on "Mijn organisatie": its yearly contribution,
invoiced and paid, for those who may see it (the back office, the board, the partner itself)."""

from django.utils.translation import gettext as _

from avk.home import Panel
from avk.policy import allowed

from . import selectors


def partner_contribution_section(request, partner, programme):
    if not allowed(request.user, "budget.view_contribution", (programme, partner)):
        return []
    # the partner's page has read its commitments in the programme (partners.selectors.
    # partner_detail): the contributions are reckoned from those, not read again
    commitments = getattr(partner, "programme_commitments", None)
    rows = selectors.partner_contributions(
        programme=programme, partner=partner, commitments=commitments
    )[:3]
    if not rows:
        return []
    return [
        Panel(
            _("Contribution"),
            "budget/_section_contribution.html",
            {"rows": rows, "programme": programme, "partner": partner},
        )
    ]
