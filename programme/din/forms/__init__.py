"""Forms of the DIN pages, one module per part of the DIN. The templates own the <form> tags
(htmx), so helpers have form_tag = False."""

from ._common import MONTH_FORMATS, HelperMixin, MonthInput
from .efforts import EffortForm, EffortProgressForm
from .indicators import IndicatorForm, MeasurementForm, MeasurementReturnForm
from .tree import (
    DinFilterForm,
    DinImportForm,
    GoalDeleteForm,
    LineForm,
    OperationalGoalForm,
    StrategicGoalForm,
)
from .working_groups import WorkingGroupForm, WorkingGroupMemberForm

__all__ = [
    "MONTH_FORMATS",
    "DinFilterForm",
    "DinImportForm",
    "EffortForm",
    "EffortProgressForm",
    "GoalDeleteForm",
    "HelperMixin",
    "IndicatorForm",
    "LineForm",
    "MeasurementForm",
    "MeasurementReturnForm",
    "MonthInput",
    "OperationalGoalForm",
    "StrategicGoalForm",
    "WorkingGroupForm",
    "WorkingGroupMemberForm",
]
