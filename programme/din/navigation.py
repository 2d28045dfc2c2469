from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.navigation import NavItem


def items(request, programme):
    if not policy.allowed(request.user, "din.view_din", programme):
        return []
    din = _("DIN")
    slug = [programme.slug]
    return [
        NavItem(_("DIN overview"), reverse("programme:din", args=slug), group=din),
        NavItem(_("Diagram"), reverse("programme:din-diagram", args=slug), group=din),
        NavItem(_("Planning"), reverse("programme:planning", args=slug), group=din),
        NavItem(_("DIN health"), reverse("programme:din-health", args=slug), group=din),
    ]
