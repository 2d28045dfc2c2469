"""The home panel of the budget: for the back office and the board, the budget in force this
year (balance, realisation against the share of the year gone) and how many partners are behind
with their contribution. The data for all the person's programmes is read once per request."""

from django.utils import timezone
from django.utils.translation import gettext as _

from avk.access import programme_ids_with_role
from avk.home import STATUS, Panel
from avk.policy import allowed
from programme.core.models import Programme

from . import selectors
from .models import Budget

_CACHE = "_budget_home"


def _data(request) -> dict:
    cached = getattr(request, _CACHE, None)
    if cached is None:
        user = request.user
        ids = [
            pid
            for pid in programme_ids_with_role(user)
            if allowed(user, "budget.view_contributions", Programme(pk=pid))
        ]
        today = timezone.localdate()
        budgets = {}
        for budget in (
            Budget.objects.in_force(today).filter(programme_id__in=ids).order_by("revision")
        ):
            if budget.status != "concept" or budget.programme_id not in budgets:
                budgets[budget.programme_id] = budget
        cached = {"behind": selectors.behind_counts(programme_ids=ids), "budgets": budgets}
        setattr(request, _CACHE, cached)
    return cached


def panels(request, programme, roles):
    if not allowed(request.user, "budget.view_contributions", programme):
        return []
    data = _data(request)
    budget = data["budgets"].get(programme.pk)
    behind = data["behind"].get(programme.pk, 0)
    if budget is None and not behind:
        return []
    return [
        Panel(
            _("Budget"),
            "budget/_panel_home.html",
            {"budget": budget, "behind": behind, "programme": programme},
            section=STATUS,
        )
    ]
