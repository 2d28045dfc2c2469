"""The person's roles in a programme, with their dates, on their profile page (a section of
avk's profile, registered as `sections.register("profile", ...)` in programme/apps.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from avk.home import Panel

from .models import RoleAssignment


def roles_section(request, user, programme) -> list[Panel]:
    assignments = list(
        RoleAssignment.objects.current()
        .filter(user=user, programme=programme)
        .select_related("partner")
        .order_by("role", "valid_from")
    )
    if not assignments:
        return []
    return [Panel(_("Roles"), "programme/_profile_roles.html", {"assignments": assignments})]
