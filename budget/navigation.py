from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.navigation import NavItem


def items(request, programme):
    """The budget entries of a programme's menu: only pages the person may open."""
    user = request.user
    found = []
    group = _("Budget")
    if policy.allowed(user, "budget.view_list", programme):
        found.append(
            NavItem(_("Budgets"), reverse("budget:list", args=[programme.slug]), group=group)
        )
    if policy.allowed(user, "budget.view_contributions", programme):
        found.append(
            NavItem(
                _("Contributions received"),
                reverse("budget:contributions", args=[programme.slug]),
                group=group,
            )
        )
    elif policy.allowed(user, "budget.view_mine", programme):
        found.append(
            NavItem(
                _("Our contribution"),
                reverse("budget:mine", args=[programme.slug]),
                group=group,
            )
        )
    return found
