"""Read-side queries of the DIN, one module per part: the overview's tree and roll-up, health
(and the home panels), detail pages, and the diagram and planning (visuals)."""

from .details import (
    effort_detail,
    indicator_detail,
    partner_din,
    working_group_detail,
    working_groups,
)
from .health import (
    HEALTH_CHECKS,
    din_health,
    din_health_counts,
    din_home_data,
    din_size,
    din_team_data,
    indicators_due_for,
    measurements_awaiting_approval,
)
from .overview import (
    DinFilters,
    DinTree,
    din_efforts,
    din_tree,
    indicator_achievement,
    operational_goal_progress,
    weighted_effort_progress,
)
from .planning import (
    PhaseRange,
    PlanningData,
    add_months,
    month_span,
    phase_ranges,
    planning_data,
    planning_default_range,
)
from .visuals import (
    DiagramData,
    din_diagram_data,
    effort_url,
    goal_url,
    partner_url,
    visual_filter_lines,
    visual_filter_partners,
)

__all__ = [
    "HEALTH_CHECKS",
    "DiagramData",
    "DinFilters",
    "DinTree",
    "PhaseRange",
    "PlanningData",
    "add_months",
    "din_diagram_data",
    "din_efforts",
    "din_health",
    "din_health_counts",
    "din_home_data",
    "din_size",
    "din_team_data",
    "din_tree",
    "effort_detail",
    "effort_url",
    "goal_url",
    "indicator_achievement",
    "indicator_detail",
    "indicators_due_for",
    "measurements_awaiting_approval",
    "month_span",
    "operational_goal_progress",
    "partner_din",
    "partner_url",
    "phase_ranges",
    "planning_data",
    "planning_default_range",
    "visual_filter_lines",
    "visual_filter_partners",
    "weighted_effort_progress",
    "working_group_detail",
    "working_groups",
]
