"""Every change to a budget goes through these functions (pages, admin, imports, demo). Each
asks the gate first (`avk.policy.require`), so they cannot differ."""

from .adoption import budget_adopt, budget_check, budget_submit
from .budgets import budget_amend, budget_close, budget_create, budget_update
from .contributions import contributions_invoice, payment_record
from .imports import lines_import
from .ledger import ledger_import_write, ledger_map
from .lines import line_add, line_remove, line_update
from .realisation import realisation_record, realisation_remove

__all__ = [
    "budget_adopt",
    "budget_amend",
    "budget_check",
    "budget_close",
    "budget_create",
    "budget_submit",
    "budget_update",
    "contributions_invoice",
    "ledger_import_write",
    "ledger_map",
    "line_add",
    "line_remove",
    "line_update",
    "lines_import",
    "payment_record",
    "realisation_record",
    "realisation_remove",
]
