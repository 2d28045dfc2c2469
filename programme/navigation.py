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
        din = _("DIN")
        slug = [programme.slug]
        found.append(NavItem(_("DIN overview"), reverse("programme:din", args=slug), group=din))
        found.append(NavItem(_("Diagram"), reverse("programme:din-diagram", args=slug), group=din))
        found.append(NavItem(_("Planning"), reverse("programme:planning", args=slug), group=din))
        found.append(
            NavItem(_("DIN health"), reverse("programme:din-health", args=slug), group=din)
        )
    if policy.can_manage_roles(user, programme):
        found.append(
            NavItem(
                _("People and roles"),
                reverse("programme:people", args=[programme.slug]),
                group=_("Programme"),
            )
        )
    return found
