from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.navigation import NavItem


def items(request, programme):
    """The reflection entries of a programme's menu: only those the person may open."""
    user = request.user
    if not policy.allowed(user, "reflection.view", programme):
        return []
    group = _("Reflection")
    found = [
        NavItem(
            _("Islands of reflection"),
            reverse("reflection:round-list", args=[programme.slug]),
            active_prefix=f"/reflection/{programme.slug}/",
            group=group,
        )
    ]
    if policy.allowed(user, "reflection.view_scans", programme):
        found.append(
            NavItem(
                _("Quick scan"),
                reverse("reflection:scan-list", args=[programme.slug]),
                group=group,
            )
        )
    return found
