"""Realisation from the books: write a checked transaction export (all or nothing), and map a
ledger account to a budget line (remembered; the account's unmapped transactions of the period
then count for the line)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from avk.policy import require
from avk.services import bulk_create_with_events, bulk_update_versioned, lock, save_with_history

from .. import ledger_import
from ..models import Budget, BudgetLine, LedgerMapping, Realisation, RealisationSource


def ledger_import_write(*, budget_id: int, content: bytes, filename: str, by) -> ledger_import.Plan:
    """Check the staged export again and record its new transactions as realisation of the
    budget (mapped ones on their line, the others unmapped). Nothing when a problem is found."""
    with transaction.atomic():
        budget = lock(Budget, pk=budget_id)
        plan = ledger_import.check(content=content, filename=filename, budget=budget, by=by)
        if not plan.ok:
            return plan
        rows = [
            Realisation(
                programme_id=budget.programme_id,
                budget=budget,
                line=t.line,
                booked_on=t.booked_on,
                amount=t.amount,
                note=t.description[:300],
                source=RealisationSource.LEDGER,
                account=t.account,
                fingerprint=t.fingerprint,
            )
            for t in plan.transactions
        ]
        try:
            with transaction.atomic():
                bulk_create_with_events(rows, Realisation, by=by, event="realisation.imported")
        except IntegrityError:
            plan.problems.append(
                _("Someone read (part of) this export at the same moment; upload it again.")
            )
            plan.mapped, plan.unmapped = [], []
    return plan


@transaction.atomic
def ledger_map(*, budget_id: int, account: str, line_id: int, by) -> LedgerMapping:
    """Map `account` to a line of the budget, for this and later imports; the account's
    transactions of this period that had no line get it."""
    budget = lock(Budget, pk=budget_id)
    require(by, "budget.record_realisation", budget)
    account = (account or "").strip()
    if not account:
        raise ValidationError({"account": _("Give the ledger account.")})
    line = BudgetLine.objects.filter(pk=line_id, budget=budget).first()
    if line is None:
        raise ValidationError({"line": _("Choose a line of this budget.")})
    mapping = (
        LedgerMapping.objects.select_for_update()
        .filter(programme_id=budget.programme_id, account__iexact=account)
        .first()
    )
    details = {"account": account, "line": line.description}
    if mapping is None:
        mapping = LedgerMapping(programme_id=budget.programme_id, account=account, line=line)
        save_with_history(mapping, by=by, event="ledger.mapped", details=details)
    elif mapping.line_id != line.pk:
        mapping.line = line
        save_with_history(mapping, by=by, event="ledger.remapped", details=details)
    waiting = Realisation.objects.filter(
        programme_id=budget.programme_id,
        budget__valid_from=budget.valid_from,
        line__isnull=True,
        account__iexact=account,
    ).values_list("pk", "version")
    bulk_update_versioned(
        Realisation,
        {pk: (version, {"line": line, "budget": budget}) for pk, version in waiting},
        by=by,
        event="realisation.mapped",
        details={"account": account},
    )
    return mapping
