"""Every change in reflection goes through these functions (views, admin, demo). Each asks the
gate first (`avk.policy.require`), so pages, the admin and the demo cannot differ."""

from .entries import (
    ingredient_add,
    ingredient_move,
    ingredient_remove,
    ingredient_update,
    observation_add,
    observation_remove,
    observation_update,
    statement_add,
    statement_remove,
    statement_update,
)
from .follow_up import follow_up_set, link_add, link_remove
from .frameworks import (
    framework_create,
    framework_delete,
    framework_part_remove,
    framework_part_save,
    framework_update,
)
from .points import point_add, point_move, point_remove, point_update, points_renumber
from .rounds import (
    round_create,
    round_update,
    session_create,
    session_delete,
    session_update,
    theme_add,
    theme_remove,
)
from .scans import scan_create, scan_fill, scan_item_remove, scan_item_save, scan_update

__all__ = [
    "follow_up_set",
    "framework_create",
    "framework_delete",
    "framework_part_remove",
    "framework_part_save",
    "framework_update",
    "ingredient_add",
    "ingredient_move",
    "ingredient_remove",
    "ingredient_update",
    "link_add",
    "link_remove",
    "observation_add",
    "observation_remove",
    "observation_update",
    "point_add",
    "point_move",
    "point_remove",
    "point_update",
    "points_renumber",
    "round_create",
    "round_update",
    "scan_create",
    "scan_fill",
    "scan_item_remove",
    "scan_item_save",
    "scan_update",
    "session_create",
    "session_delete",
    "session_update",
    "statement_add",
    "statement_remove",
    "statement_update",
    "theme_add",
    "theme_remove",
]
