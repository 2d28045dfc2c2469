"""What the partners views share: the partner of a programme named in the URL, and where to go
after a change."""

from __future__ import annotations

from django.shortcuts import redirect

from avk.policy import allowed
from avk.shortcuts import object_for

from ..models import Participation


def participation_for(request, slug: str, pk: int, action: str) -> Participation:
    """The partner `pk` in the programme `slug`, as its participation (it carries both), if
    the person may do `action` to it now: 404 when the partner takes no part in the programme,
    403 when refused."""
    participations = Participation.objects.select_related("programme", "partner").filter(
        programme__slug=slug
    )
    return object_for(request, participations, action, partner_id=pk)


def after_change(request, programme, partner):
    """Back to the partner's page for the back office, to 'My organisation' for its contact."""
    if allowed(request.user, "partners.view_list", programme):
        return redirect("partners:partner-detail", programme.slug, partner.pk)
    return redirect("partners:mine", programme.slug)
