"""Read-side queries for partners. List pages get their rows from one selector each.

A package of modules along what they hold; the names used elsewhere are re-exported here.
"""

from .commitments import (
    commitments_for_period,
    contributions_for_period,
    contributions_for_year,
    prorate,
    steering_group,
    year_days,
)
from .detail import (
    Check,
    ItemCheck,
    Missing,
    Seat,
    commitment_history,
    current_package,
    delegation_missing,
    delegation_seats,
    package_item_checks,
    partner_detail,
    register_rule_check,
)
from .history import partner_history
from .home import (
    contact_organisations,
    partner_of_contact,
    recent_changes_by_programme,
)
from .lists import (
    COMPLETE,
    SORTS,
    PartnerFilters,
    complete_delegations,
    in_force,
    list_summary,
    municipalities,
    packages,
    partner_rows,
    partners_in_programme,
    with_commitment_state,
    with_delegation,
)

__all__ = [
    "COMPLETE",
    "SORTS",
    "Check",
    "ItemCheck",
    "Missing",
    "PartnerFilters",
    "Seat",
    "commitment_history",
    "commitments_for_period",
    "complete_delegations",
    "contact_organisations",
    "contributions_for_period",
    "contributions_for_year",
    "current_package",
    "delegation_missing",
    "delegation_seats",
    "in_force",
    "list_summary",
    "municipalities",
    "package_item_checks",
    "packages",
    "partner_detail",
    "partner_history",
    "partner_of_contact",
    "partner_rows",
    "partners_in_programme",
    "prorate",
    "recent_changes_by_programme",
    "register_rule_check",
    "steering_group",
    "with_commitment_state",
    "with_delegation",
    "year_days",
]
