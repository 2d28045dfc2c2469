from django.urls import reverse
from django.utils.translation import gettext as _

from avk.navigation import NavItem

from . import permissions as policy


def items(request, programme):
    user = request.user
    found = []
    if policy.can_view_list(user, programme):
        found.append(
            NavItem(
                _("Partners"), reverse("partners:list", args=[programme.slug]), group=_("Partners")
            )
        )
    if policy.contact_partner_ids(user, programme):
        found.append(NavItem(_("My organisation"), reverse("partners:mine", args=[programme.slug])))
    if policy.can_view_steering_group(user, programme):
        found.append(
            NavItem(
                _("Steering group"),
                reverse("partners:steering-group", args=[programme.slug]),
                group=_("Partners"),
            )
        )
    return found
