from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.navigation import NavItem


def items(request, programme):
    """ "Phase plans" in the programme's menu, for everyone who may read them."""
    if not policy.allowed(request.user, "phaseplans.view_list", programme):
        return []
    url = reverse("programme:phaseplans", args=[programme.slug])
    return [NavItem(_("Phase plans"), url, group=_("Programme"))]
