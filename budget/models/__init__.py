"""Where Django finds the budget's models: the budgets with their lines and realisation
(`budgets`), and the member contributions invoiced and paid with the ledger mapping
(`money_in`)."""

from .budgets import (
    Budget,
    BudgetLine,
    BudgetStatus,
    Realisation,
    RealisationSource,
    Side,
    SourceKind,
)
from .money_in import LedgerMapping, MemberContribution

__all__ = [
    "Budget",
    "BudgetLine",
    "BudgetStatus",
    "LedgerMapping",
    "MemberContribution",
    "Realisation",
    "RealisationSource",
    "Side",
    "SourceKind",
]
