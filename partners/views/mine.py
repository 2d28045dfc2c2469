"""'My organisation': the partner contact's own organisation, to read and keep up to date."""

from __future__ import annotations

from django.shortcuts import render

from avk.policy import Refused
from avk.shortcuts import programme_for

from .. import selectors
from .detail import partner_context


def my_organisation(request, slug):
    programme = programme_for(request, slug, "partners.view_mine")
    partner = selectors.partner_of_contact(user=request.user, programme=programme)
    if partner is None:
        raise Refused
    context = partner_context(request, programme, partner)
    context["mine"] = True
    return render(request, "partners/my_organisation.html", context)
