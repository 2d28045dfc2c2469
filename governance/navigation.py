from django.urls import reverse
from django.utils.translation import gettext as _

from avk.access import Role, has_role
from avk.navigation import NavItem

from . import permissions as policy
from .models import Membership


def items(request, programme):
    user = request.user
    if not policy.can_view_governance(user, programme):
        return []
    found = []
    group = _("Decision-making")
    if has_role(user, programme, Role.BOARD) or (
        Membership.objects.current().voting().filter(user=user, body__programme=programme).exists()
    ):
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
    if policy.can_view_meetings(user, programme):
        found.append(
            NavItem(
                _("Meetings"),
                reverse("governance:meeting-list", args=[programme.slug]),
                group=group,
            )
        )
    return found
