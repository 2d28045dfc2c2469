"""The effort page."""

from django.shortcuts import render

from avk import policy
from avk.history import entries
from avk.shortcuts import object_for

from .. import selectors
from ..models import Effort


def effort_detail(request, pk):
    effort = object_for(request, Effort.objects.select_related("programme"), "din.view_din", pk=pk)
    programme = effort.programme
    effort = selectors.effort_detail(pk)
    return render(
        request,
        "programme/effort_detail.html",
        {
            "programme": programme,
            "effort": effort,
            "can_change": policy.allowed(request.user, "din.change_din", programme),
            "history": entries(effort),
        },
    )
