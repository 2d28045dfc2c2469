"""Partners in the header's search box (registered with avk.search in apps.py).

A person finds the partners whose page they may open: every partner of a programme where the
policy lets them read partner pages, and elsewhere the organisations they speak for. Each hit is
asked of the policy (`partners.view`) once more, which costs no query (roles are cached)."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk import policy
from avk.search import Group, Hit, Query, first, matching

from .models import Participation
from .permissions import contact_partner_ids

KIND = "partners"
FIELDS = {
    "partner__name": "A",
    "partner__short_name": "A",
    "partner__municipality": "B",
}


def _visible(query: Query) -> Q | None:
    """Which participations the person may open, as a filter (None: none at all)."""
    found = []
    for programme in query.programmes:
        if policy.allowed(query.user, "partners.view_partner_pages", programme):
            found.append(Q(programme=programme))
        elif spoken_for := contact_partner_ids(query.user, programme):
            found.append(Q(programme=programme, partner_id__in=spoken_for))
    if not found:
        return None
    combined = found[0]
    for condition in found[1:]:
        combined |= condition
    return combined


def search(query: Query) -> list[Group]:
    if not query.wants(KIND):
        return []
    visible = _visible(query)
    if visible is None:
        return []
    rows = Participation.objects.filter(visible, left_on__isnull=True).select_related(
        "partner", "programme"
    )
    rows, more = first(
        matching(rows, query.text, FIELDS, order_by=("partner__name", "programme__name")),
        query.limit,
    )
    hits = [
        Hit(
            title=row.partner.name,
            url=reverse("partners:partner-detail", args=[row.programme.slug, row.partner_id]),
            detail=" · ".join(
                str(part)
                for part in (row.partner.get_kind_display(), row.partner.municipality)
                if part
            ),
            programme=row.programme,
        )
        for row in rows
        if policy.allowed(query.user, "partners.view", row)
    ]
    return [Group(KIND, _("Partners"), hits, more)]
