"""What the budget's views share: the budget a URL names, if the person may act on it."""

from __future__ import annotations

from avk.shortcuts import object_for, remember_programme

from ..models import Budget, BudgetLine


def budget_for(request, slug: str, pk: int, action: str) -> Budget:
    """The budget `pk` of the programme `slug`: 404 when unknown, 403 when refused. The
    version it amends comes with its sheet (`selectors.budget_sheet`)."""
    queryset = Budget.objects.filter(programme__slug=slug).select_related("programme", "adopted_by")
    return object_for(request, queryset, action, pk=pk)


def line_for(request, slug: str, pk: int, action: str) -> BudgetLine:
    queryset = BudgetLine.objects.filter(budget__programme__slug=slug).select_related(
        "budget__programme"
    )
    line = object_for(request, queryset, action, pk=pk)
    remember_programme(request, line.budget.programme)
    return line
