"""Realisation from the books: the accounting system's transaction export (csv or xlsx with a
date, a ledger account, a description and an amount), read through `avk.spreadsheets`.

Each ledger account maps to a budget line once (`LedgerMapping`, remembered per programme; a
later budget finds the line with the same lineage, else the same side and description). Every
transaction gets a fingerprint (date, account, description, amount and how many identical ones
came before it in the file), so reading the same export again, or an export that overlaps an
earlier one, counts nothing twice. Transactions outside the budget's period are skipped;
those of an account without a mapping are kept unmapped and shown, to be mapped later.

`check()` plans the file and writes nothing; `services.ledger.ledger_import` writes the plan.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from avk import staging
from avk.policy import require
from avk.spreadsheets import Column, read_table
from avk.spreadsheets.cleaning import key

from .models import Budget, BudgetLine, LedgerMapping, Realisation

STAGING_KIND = "budget.ledger"
CENT = Decimal("0.01")


def columns() -> list[Column]:
    return [
        Column("booked_on", "Datum", aliases=("Boekdatum", "Date", "Transactiedatum",
               "Boekingsdatum"), required=True, kind="date"),
        Column("account", "Grootboekrekening", aliases=("Grootboek", "Rekening", "Grootboeknummer",
               "Ledger account", "Account"), required=True, max_length=50),
        Column("description", "Omschrijving", aliases=("Description", "Tekst", "Boekingstekst"),
               max_length=300),
        Column("amount", "Bedrag", aliases=("Amount", "Bedrag (EUR)", "Saldo"), required=True,
               kind="number"),
    ]  # fmt: skip


@dataclass
class Transaction:
    number: int
    booked_on: date
    account: str
    description: str
    amount: Decimal
    fingerprint: str
    line: BudgetLine | None = None


@dataclass
class Plan:
    mapped: list[Transaction] = field(default_factory=list)
    unmapped: list[Transaction] = field(default_factory=list)
    already: int = 0  # read before
    outside: int = 0  # outside the budget's period
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def transactions(self) -> list[Transaction]:
        return self.mapped + self.unmapped

    def per_line(self) -> list[dict]:
        found: dict = {}
        for t in self.mapped:
            entry = found.setdefault(t.line.pk, {"line": t.line, "count": 0, "total": Decimal(0)})
            entry["count"] += 1
            entry["total"] += t.amount
        return list(found.values())

    def unmapped_accounts(self) -> list[dict]:
        found: dict = {}
        for t in self.unmapped:
            entry = found.setdefault(
                t.account,
                {"account": t.account, "count": 0, "total": Decimal(0), "example": t.description},
            )
            entry["count"] += 1
            entry["total"] += t.amount
        return sorted(found.values(), key=lambda e: e["account"])


def fingerprint(booked_on: date, account: str, description: str, amount: Decimal, n: int) -> str:
    text = f"{booked_on.isoformat()}|{key(account)}|{' '.join(description.split())}|{amount}|{n}"
    return hashlib.sha256(text.encode()).hexdigest()


def resolve(mappings, lines: list[BudgetLine]) -> dict[str, BudgetLine]:
    """Per mapped account, the line of `lines` (one budget version) it stands for: the same
    line, a copy of it (same lineage), else a line with the same side and description."""
    by_lineage = {line.lineage: line for line in lines}
    by_name = {(line.side, key(line.description)): line for line in lines}
    found = {}
    for mapping in mappings:
        target = mapping.line
        line = by_lineage.get(target.lineage) or by_name.get((target.side, key(target.description)))
        if line is not None:
            found[key(mapping.account)] = line
    return found


def account_lines(budget: Budget) -> dict[str, BudgetLine]:
    mappings = LedgerMapping.objects.filter(programme_id=budget.programme_id).select_related("line")
    return resolve(mappings, list(budget.lines.all()))


def check(*, content: bytes, filename: str, budget: Budget, by) -> Plan:
    require(by, "budget.record_realisation", budget)
    try:
        staging.check_size(len(content))
    except ValidationError as too_large:
        return Plan(problems=too_large.messages)
    table = read_table(content, filename, columns=columns())
    plan = Plan(notes=list(table.notes))
    if table.header_row is None or not table.rows and table.errors:
        plan.problems = table.messages
        return plan
    if table.errors:
        plan.problems = table.messages
        return plan
    seen: Counter = Counter()
    transactions = []
    for row in table.rows:
        values = row.values
        amount = values["amount"].quantize(CENT, rounding=ROUND_HALF_UP)
        if amount == 0:
            continue
        account = str(values["account"]).strip()
        description = values.get("description") or ""
        identity = (values["booked_on"], key(account), " ".join(description.split()), amount)
        seen[identity] += 1
        if not budget.valid_from <= values["booked_on"] <= budget.valid_until:
            plan.outside += 1
            continue
        transactions.append(
            Transaction(
                row.number,
                values["booked_on"],
                account,
                description,
                amount,
                fingerprint(values["booked_on"], account, description, amount, seen[identity]),
            )
        )
    known = set(
        Realisation.objects.filter(
            programme_id=budget.programme_id,
            fingerprint__in=[t.fingerprint for t in transactions],
        ).values_list("fingerprint", flat=True)
    )
    lines = account_lines(budget)
    for transaction_ in transactions:
        if transaction_.fingerprint in known:
            plan.already += 1
            continue
        transaction_.line = lines.get(key(transaction_.account))
        (plan.mapped if transaction_.line else plan.unmapped).append(transaction_)
    if plan.outside:
        plan.notes.append(
            ngettext(
                "%(count)s transaction lies outside the budget's period and was skipped.",
                "%(count)s transactions lie outside the budget's period and were skipped.",
                plan.outside,
            )
            % {"count": plan.outside}
        )
    if plan.already:
        plan.notes.append(
            ngettext(
                "%(count)s transaction was read before and is not counted again.",
                "%(count)s transactions were read before and are not counted again.",
                plan.already,
            )
            % {"count": plan.already}
        )
    return plan


def unmapped_by_account(budget: Budget) -> list[dict]:
    """The transactions of the budget's period whose account has no line yet, per account."""
    found: dict = defaultdict(lambda: {"count": 0, "total": Decimal(0)})
    for account, amount in Realisation.objects.filter(
        programme_id=budget.programme_id, budget__valid_from=budget.valid_from, line__isnull=True
    ).values_list("account", "amount"):
        found[account]["count"] += 1
        found[account]["total"] += amount
    return [{"account": a, **v} for a, v in sorted(found.items())]
