"""Read-side querysets of reflection, with what their pages need."""

from .links import ShownLink, link_choices, shown, traced_to
from .rounds import (
    Block,
    Column,
    follow_up,
    frameworks,
    point_page,
    round_document,
    round_page,
    rounds,
    session_page,
    status_counts,
)
from .scans import own_responses, response_with_answers, scan_results, scans, score

__all__ = [
    "Block",
    "Column",
    "ShownLink",
    "follow_up",
    "frameworks",
    "link_choices",
    "own_responses",
    "point_page",
    "response_with_answers",
    "round_document",
    "round_page",
    "rounds",
    "scan_results",
    "scans",
    "score",
    "session_page",
    "shown",
    "status_counts",
    "traced_to",
]
