"""Every change to partners, commitments and delegations.

Views, admin, imports and the demo data call these; nothing else writes partners rows.
"""

from .commitments import (
    commitment_change,
    commitment_end,
    commitment_update,
    commitments_seen,
)
from .delegation import (
    delegation_member_add,
    delegation_member_remove,
    delegation_member_update,
)
from .imports import import_partner_rows
from .notify import notify_programme_team
from .packages import (
    package_create,
    package_delete,
    package_item_add,
    package_item_remove,
    package_item_update,
    package_update,
)
from .partners import (
    participation_ensure,
    partner_create,
    partner_deactivate,
    partner_reactivate,
    partner_update,
)

__all__ = [
    "commitment_change",
    "commitments_seen",
    "commitment_end",
    "commitment_update",
    "delegation_member_add",
    "delegation_member_remove",
    "delegation_member_update",
    "import_partner_rows",
    "notify_programme_team",
    "package_create",
    "package_delete",
    "package_item_add",
    "package_item_remove",
    "package_item_update",
    "package_update",
    "participation_ensure",
    "partner_create",
    "partner_deactivate",
    "partner_reactivate",
    "partner_update",
]
