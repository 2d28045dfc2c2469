"""The effort page."""

from django.shortcuts import get_object_or_404, render

from avk.views import programme_for

from .. import permissions as policy
from .. import selectors
from ..models import Effort


def effort_detail(request, pk):
    effort = get_object_or_404(Effort.objects.select_related("programme"), pk=pk)
    programme = programme_for(request, effort.programme.slug, policy.can_view_din)
    effort = selectors.effort_detail(pk)
    return render(
        request,
        "programme/effort_detail.html",
        {
            "programme": programme,
            "effort": effort,
            "can_change": policy.can_change_din(request.user, programme),
            "history": selectors.history_entries(effort),
        },
    )
