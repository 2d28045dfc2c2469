"""The DIN's models: the tree (lines and goals), efforts, working groups, indicators."""

from .efforts import (
    CONTRIBUTION_WEIGHT,
    CapitalForm,
    Contribution,
    Effort,
    EffortCapital,
    EffortGoal,
    EffortPartner,
    EffortStatus,
    PartnerRole,
)
from .indicators import (
    Direction,
    Frequency,
    Indicator,
    Measurement,
    MeasurementReminder,
    MeasurementStatus,
)
from .tree import OperationalGoal, OrderedInProgramme, ProgrammeLine, StrategicGoal
from .working_groups import WorkingGroup, WorkingGroupMember

__all__ = [
    "CONTRIBUTION_WEIGHT",
    "CapitalForm",
    "Contribution",
    "Direction",
    "Effort",
    "EffortCapital",
    "EffortGoal",
    "EffortPartner",
    "EffortStatus",
    "Frequency",
    "Indicator",
    "Measurement",
    "MeasurementReminder",
    "MeasurementStatus",
    "OperationalGoal",
    "OrderedInProgramme",
    "PartnerRole",
    "ProgrammeLine",
    "StrategicGoal",
    "WorkingGroup",
    "WorkingGroupMember",
]
