from django.urls import reverse
from django.utils.translation import gettext as _

from avk import policy
from avk.navigation import NavItem


def items(request, programme):
    """The governance entries of a programme's menu: only those the person may open."""
    user = request.user
    if not policy.allowed(user, "governance.view_governance", programme):
        return []
    found = []
    group = _("Decision-making")
    if policy.allowed(user, "governance.view_to_decide", programme):
        found.append(
            NavItem(_("To decide"), reverse("governance:to-decide", args=[programme.slug]))
        )
    found.append(
        NavItem(
            _("Proposals"), reverse("governance:proposal-list", args=[programme.slug]), group=group
        )
    )
    found.append(
        NavItem(
            _("Decision list"),
            reverse("governance:decision-list", args=[programme.slug]),
            group=group,
        )
    )
    if policy.allowed(user, "governance.view_meetings", programme):
        found.append(
            NavItem(
                _("Meetings"),
                reverse("governance:meeting-list", args=[programme.slug]),
                group=group,
            )
        )
    if policy.allowed(user, "governance.view_action_overview", programme):
        found.append(
            NavItem(
                _("Open action items"),
                reverse("governance:action-items", args=[programme.slug]),
                group=group,
            )
        )
    return found
