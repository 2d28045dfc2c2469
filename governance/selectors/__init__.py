"""Read-side querysets for governance pages (and the decision list, PDFs and exports).

List pages get their rows from one function here, with the select_related/prefetch_related
they need, so query counts stay flat as the data grows."""

from .decisions import (
    MAX_SEARCH,
    ActionItems,
    DecisionFilter,
    action_item_rows,
    decision_list,
    decision_rows,
    decision_year_counts,
    decision_years,
    default_body,
    outcome_choices,
)
from .meetings import (
    AttendanceList,
    action_items,
    attendance_list,
    bodies,
    body_detail,
    current_memberships,
    meeting_detail,
    meetings,
    members_on,
    note_takers,
    open_action_items,
    upcoming_meetings,
)
from .proposals import (
    awaiting_vote,
    decided_count,
    my_votes,
    proposal_detail,
    proposal_rows,
    proposals_visible,
    team_pipeline,
    to_decide,
)
from .rounds import RoundProgress, open_rounds, reminders, round_progress

__all__ = [
    "AttendanceList",
    "attendance_list",
    "RoundProgress",
    "decision_year_counts",
    "open_action_items",
    "open_rounds",
    "reminders",
    "round_progress",
    "upcoming_meetings",
    "MAX_SEARCH",
    "ActionItems",
    "DecisionFilter",
    "action_item_rows",
    "action_items",
    "awaiting_vote",
    "bodies",
    "body_detail",
    "current_memberships",
    "decided_count",
    "decision_list",
    "decision_rows",
    "decision_years",
    "default_body",
    "meeting_detail",
    "members_on",
    "note_takers",
    "meetings",
    "my_votes",
    "outcome_choices",
    "proposal_detail",
    "proposal_rows",
    "proposals_visible",
    "team_pipeline",
    "to_decide",
]
