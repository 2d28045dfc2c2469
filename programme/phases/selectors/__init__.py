"""Read-side queries of the phase plans: a plan's contents (`contents`, live or frozen), as its
page and PDF show them (`document`), the comparison of two plans (`compare`), and the lists and
lookups of the pages (`plans`)."""

from .compare import Comparison, compare
from .contents import SCHEMA, contents, live_contents
from .document import Document, PlanningGroup, thaw
from .plans import (
    attention_choices,
    home_data,
    neighbours,
    pending_decisions,
    plan_for_page,
    plans_of,
)
from .selection import EffortGroup, EffortRow, selection_screen

__all__ = [
    "SCHEMA",
    "Comparison",
    "Document",
    "EffortGroup",
    "EffortRow",
    "PlanningGroup",
    "attention_choices",
    "compare",
    "contents",
    "home_data",
    "live_contents",
    "neighbours",
    "pending_decisions",
    "plan_for_page",
    "plans_of",
    "selection_screen",
    "thaw",
]
