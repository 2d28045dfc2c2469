"""The lines of a concept budget: add, change, remove. Each change is recorded on the line and
on its budget (so the budget's history lists it, and an open form of the budget is stale)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import delete_with_history, lock, save_with_history, touch, update_versioned

from ..models import Budget, BudgetLine, Realisation, Side


def _check_fields(fields: dict) -> dict:
    unknown = set(fields) - set(BudgetLine.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a budget line field: {', '.join(sorted(unknown))}")
    if fields.get("side") == Side.COSTS:
        # a cost line has no source and is never derived
        fields = {**fields, "source_kind": "", "derived": False}
    return fields


def next_order(budget: Budget, side: str) -> int:
    highest = budget.lines.filter(side=side).aggregate(n=Max("order"))["n"]
    return (highest or 0) + 1


@transaction.atomic
def line_add(*, budget_id: int, by, **fields) -> BudgetLine:
    budget = lock(Budget, pk=budget_id)
    require(by, "budget.change", budget)
    fields = _check_fields(fields)
    if not fields.get("order"):
        fields["order"] = next_order(budget, fields.get("side", ""))
    line = BudgetLine(budget=budget, **fields)
    save_with_history(line, by=by, event="line.created")
    touch(budget, by=by, event="budget.line_added", details={"line": line.description})
    return line


@transaction.atomic
def line_update(*, line_id: int, version: int, by, **fields) -> BudgetLine:
    line = BudgetLine.objects.select_related("budget").get(pk=line_id)
    budget = lock(line.budget)
    require(by, "budget.change", budget)
    fields = _check_fields({"side": line.side, **fields})
    line = update_versioned(line, version=version, by=by, event="line.edited", **fields)
    touch(budget, by=by, event="budget.line_edited", details={"line": line.description})
    return line


@transaction.atomic
def line_remove(*, line_id: int, by) -> None:
    """Remove a concept's line; refused when realisation was recorded on it (or on the line it
    continues in an earlier version)."""
    line = BudgetLine.objects.select_related("budget").get(pk=line_id)
    budget = lock(line.budget)
    require(by, "budget.change", budget)
    if Realisation.objects.filter(
        programme_id=budget.programme_id, line__lineage=line.lineage
    ).exists():
        raise ValidationError(
            _(
                "Realisation has been recorded on '%(line)s', so it cannot be removed; set "
                "its amount to zero instead."
            )
            % {"line": line.description}
        )
    description = line.description
    delete_with_history(line, by=by, event="line.removed")
    touch(budget, by=by, event="budget.line_removed", details={"line": description})
