from django.urls import reverse
from django.utils.translation import gettext as _

from avk.navigation import NavItem

from . import permissions as policy


def items(request, programme):
    if not policy.can_view_din(request.user, programme):
        return []
    din = _("DIN")
    slug = [programme.slug]
    return [
        NavItem(_("DIN overview"), reverse("programme:din", args=slug), group=din),
        NavItem(_("Diagram"), reverse("programme:din-diagram", args=slug), group=din),
        NavItem(_("Planning"), reverse("programme:planning", args=slug), group=din),
        NavItem(_("DIN health"), reverse("programme:din-health", args=slug), group=din),
    ]
