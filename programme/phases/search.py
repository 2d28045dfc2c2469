"""Phase plans in the header's search box (registered with avk.search in `setup.py`): their
titles and texts, only the plans the person may open (the policy's `view` rule as a filter,
`permissions.readable`), one query whatever the number of programmes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from avk.search import Group, Hit, Query, first, matching

from .models import PhasePlan
from .permissions import readable

KIND = "phase_plans"
FIELDS = {
    "title": "A",
    "subtitle": "B",
    "foreword": "C",
    "context": "C",
    "reading_guide": "D",
    "people": "D",
    "budget_explanation": "D",
    "colophon": "D",
    "thanks": "D",
}


def _hit(plan: PhasePlan) -> Hit:
    detail = " · ".join([str(plan.get_status_display()), plan.period_label])
    return Hit(plan.title, plan.get_absolute_url(), detail, plan.programme)


def search(query: Query) -> list[Group]:
    if not query.wants(KIND) or not query.programmes:
        return []
    plans = (
        PhasePlan.objects.filter(readable(query.user, query.programmes))
        .select_related("programme")
        .defer("frozen")
    )
    rows, more = first(
        matching(plans, query.text, FIELDS, order_by=("programme__name", "-number", "pk")),
        query.limit,
    )
    return [Group(KIND, _("Phase plans"), [_hit(plan) for plan in rows], more)]
