from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.navigation import NavItem


def items(request, programme):
    """The programme's page and "Mensen en rollen", for those the policy lets open them."""
    user = request.user
    found = []
    if policy.allowed(user, "programme.view", programme):
        url = reverse("programme:detail", args=[programme.slug])
        found.append(NavItem(_("Programme"), url, group=_("Programme")))
    if policy.allowed(user, "programme.manage_roles", programme):
        found.append(
            NavItem(
                _("People and roles"),
                reverse("programme:people", args=[programme.slug]),
                group=_("Programme"),
            )
        )
    return found
