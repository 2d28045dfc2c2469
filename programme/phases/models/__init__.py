"""The phase plans' models: the plan with its texts and frozen contents, its PDF, and what it
takes up from the DIN."""

from .plans import MAX_MONTHS, PhasePlan, PhasePlanDocument, PhasePlanStatus
from .selection import PlanEffort, PlanOperationalGoal, PlanStrategicGoal

__all__ = [
    "MAX_MONTHS",
    "PhasePlan",
    "PhasePlanDocument",
    "PhasePlanStatus",
    "PlanEffort",
    "PlanOperationalGoal",
    "PlanStrategicGoal",
]
