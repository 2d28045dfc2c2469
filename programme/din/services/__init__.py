"""Every change to the DIN, one function per verb, one module per part of the DIN: the tree
(lines and goals), their ordering, efforts, working groups, indicators and measurements, and
the measurement reminders. Views, admin, the import and the demo all come here, so every change
leaves a history entry naming who did it and why. The Excel export and import live in
programme.din.transfer."""

from .efforts import effort_create, effort_delete, effort_update, first_of_month
from .measurements import (
    indicator_create,
    indicator_delete,
    indicator_update,
    measurement_approve,
    measurement_enter,
    measurement_resubmit,
    measurement_return,
)
from .ordering import DIN_MOVES, din_item_move
from .reminders import due_period_end, send_measurement_reminders
from .tree import (
    line_create,
    line_delete,
    line_move,
    line_update,
    operational_goal_create,
    operational_goal_delete,
    operational_goal_move,
    operational_goal_update,
    strategic_goal_create,
    strategic_goal_delete,
    strategic_goal_move,
    strategic_goal_update,
)
from .working_groups import (
    working_group_create,
    working_group_delete,
    working_group_member_add,
    working_group_member_remove,
    working_group_update,
)

__all__ = [
    "DIN_MOVES",
    "din_item_move",
    "due_period_end",
    "effort_create",
    "effort_delete",
    "effort_update",
    "first_of_month",
    "indicator_create",
    "indicator_delete",
    "indicator_update",
    "line_create",
    "line_delete",
    "line_move",
    "line_update",
    "measurement_approve",
    "measurement_enter",
    "measurement_resubmit",
    "measurement_return",
    "operational_goal_create",
    "operational_goal_delete",
    "operational_goal_move",
    "operational_goal_update",
    "send_measurement_reminders",
    "strategic_goal_create",
    "strategic_goal_delete",
    "strategic_goal_move",
    "strategic_goal_update",
    "working_group_create",
    "working_group_delete",
    "working_group_member_add",
    "working_group_member_remove",
    "working_group_update",
]
