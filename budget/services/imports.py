"""Writing an import of budget lines: the staged file is checked again (the budget may have
changed since the preview) and its plan written in one transaction, all or nothing: new lines
in a few queries, changed lines through the versioned bulk update, one event on the budget."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from avk.services import bulk_create_with_events, bulk_update_versioned, lock, touch

from .. import line_import
from ..models import Budget, BudgetLine
from .lines import next_order


@transaction.atomic
def lines_import(*, budget_id: int, content: bytes, filename: str, by) -> line_import.Plan:
    budget = lock(Budget, pk=budget_id)
    plan = line_import.check(content=content, filename=filename, budget=budget, by=by)
    if not plan.ok:
        return plan
    new, changes = [], {}
    order = {side: next_order(budget, side) for side in ("kosten", "dekking")}
    for row in plan.rows:
        if row.line is None:
            line = BudgetLine(budget=budget, order=order[row.values["side"]], **row.values)
            order[row.values["side"]] += 1
            try:
                line.clean_fields(exclude=["budget"])
                line.clean()
            except ValidationError as error:
                plan.problems.extend(f"{row.number}: {m}" for m in error.messages)
                continue
            new.append(line)
        elif row.action == "changed":
            changes[row.line.pk] = (row.line.version, row.values)
    if plan.problems:
        transaction.set_rollback(True)
        plan.rows = []
        return plan
    bulk_create_with_events(new, BudgetLine, by=by, event="line.imported")
    bulk_update_versioned(BudgetLine, changes, by=by, event="line.imported")
    if new or changes:
        touch(
            budget, by=by, event="budget.lines_imported", details={"count": len(new) + len(changes)}
        )
    return plan
