from django.urls import reverse
from django.utils.translation import gettext as _

from avk.navigation import NavItem
from avk.policy import allowed


def items(request, programme):
    """The partners entries of the menu: only pages the person may open."""
    user = request.user
    found = []
    if allowed(user, "partners.view_list", programme):
        found.append(
            NavItem(
                _("Partners"), reverse("partners:list", args=[programme.slug]), group=_("Partners")
            )
        )
    if allowed(user, "partners.view_mine", programme):
        found.append(NavItem(_("My organisation"), reverse("partners:mine", args=[programme.slug])))
    if allowed(user, "partners.view_directory", programme):
        found.append(
            NavItem(
                _("Partner directory"),
                reverse("partners:directory", args=[programme.slug]),
                group=_("Partners"),
            )
        )
    if allowed(user, "partners.view_steering_group", programme):
        found.append(
            NavItem(
                _("Steering group"),
                reverse("partners:steering-group", args=[programme.slug]),
                group=_("Partners"),
            )
        )
    return found
