from django.urls import reverse
from django.utils.translation import gettext as _

from avk.navigation import NavItem

from . import permissions as policy


def items(request, programme):
    user = request.user
    found = []
    if policy.can_view_programme(user, programme):
        url = reverse("programme:detail", args=[programme.slug])
        found.append(NavItem(_("Programme"), url, group=_("Programme")))
    if policy.can_manage_roles(user, programme):
        found.append(
            NavItem(
                _("People and roles"),
                reverse("programme:people", args=[programme.slug]),
                group=_("Programme"),
            )
        )
    return found
