"""The partner directory: who takes part in the programme, of what kind, with which package and
whom to contact. For everyone with a role in the programme (the back office's partner list, with
contributions and delegations, stays its own page)."""

from __future__ import annotations

from django.shortcuts import render

from avk.policy import allowed
from avk.shortcuts import programme_for

from .. import selectors
from ..forms import FilterForm
from ..permissions import contact_partner_ids


def partner_directory(request, slug):
    programme = programme_for(request, slug, "partners.view_directory")
    packages = list(selectors.packages(programme=programme, items=False))
    form = FilterForm(request.GET or None, packages=packages, municipalities=[])
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.PartnerFilters(
        search=data.get("q", ""), kind=data.get("kind", ""), package=data.get("package", "")
    )
    rows = selectors.partner_rows(programme=programme, filters=filters)
    rows = selectors.with_delegation(list(rows), programme=programme)
    user = request.user
    return render(
        request,
        "partners/directory.html",
        {
            "programme": programme,
            "form": form,
            "rows": rows,
            "filtered": any((filters.search, filters.kind, filters.package)),
            "links_all": allowed(user, "partners.view_partner_pages", programme),
            "own": contact_partner_ids(user, programme),
            "sees_list": allowed(user, "partners.view_list", programme),
        },
    )
