"""The bodies a person sits on in a programme, on their profile page (a section of avk's
profile, registered as `sections.register("profile", ...)` in apps.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from avk import policy
from avk.home import Panel

from .models import Membership


def memberships_section(request, user, programme) -> list[Panel]:
    memberships = list(
        Membership.objects.current()
        .filter(user=user, body__programme=programme)
        .select_related("body", "body__programme")
        .order_by("body__name")
    )
    if not memberships:
        return []
    for membership in memberships:
        membership.linked = policy.allowed(user, "governance.view", membership.body)
    return [
        Panel(_("Bodies"), "governance/_profile_memberships.html", {"memberships": memberships})
    ]
