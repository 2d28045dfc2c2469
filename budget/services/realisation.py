"""Realisation recorded by hand: what was actually spent or received on a line, on a date.
(Realisation read from the books is in `ledger`.)"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import delete_with_history, save_with_history

from ..models import Budget, BudgetLine, Realisation, RealisationSource
from ..selectors import chain_of, current_version


@transaction.atomic
def realisation_record(
    *, budget_id: int, by, line: BudgetLine | None, booked_on, amount, note: str = ""
) -> Realisation:
    """Record an amount spent (on a cost line) or received (on a coverage line). A negative
    amount corrects an earlier one."""
    budget = Budget.objects.select_for_update().get(pk=budget_id)
    require(by, "budget.record_realisation", budget)
    if line is None:
        raise ValidationError({"line": _("Choose a line of this budget.")})
    realisation = Realisation(
        programme_id=budget.programme_id,
        budget=budget,
        line=line,
        booked_on=booked_on,
        amount=amount,
        note=note,
    )
    return save_with_history(realisation, by=by, event="realisation.recorded")


@transaction.atomic
def realisation_remove(*, realisation_id: int, by) -> None:
    """Remove an entry recorded by hand (one read from the books is corrected in the books)."""
    realisation = Realisation.objects.select_related("budget").get(pk=realisation_id)
    current = current_version(chain_of(realisation.budget))
    require(by, "budget.record_realisation", current)
    if realisation.source != RealisationSource.MANUAL:
        raise ValidationError(
            _("This entry was read from the books; correct it in the accounting system.")
        )
    delete_with_history(realisation, by=by, event="realisation.removed")
