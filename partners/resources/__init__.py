"""django-import-export resources for partners, commitments and delegation members.

Each resource works inside one programme (passed as `programme=`) and for one acting user
(`by=`, or the `user` the admin passes to import_data). Natural keys: a partner by its name, a
commitment by partner and start date, a delegation member by partner and name. Rows are
validated with the model's full_clean (clean_model_instances); every row is written through the
services, so the policy and the rules (one commitment in force, five seats, one point of
contact) hold for imports too, and every row leaves an "imported" history entry with the user.
"""

from .base import ProgrammeResource, other_programme_message
from .commitments import CommitmentResource
from .delegation import DelegationMemberResource
from .partners import PartnerResource

RESOURCES = {
    "partners": PartnerResource,
    "commitments": CommitmentResource,
    "delegation": DelegationMemberResource,
}

__all__ = [
    "RESOURCES",
    "CommitmentResource",
    "DelegationMemberResource",
    "PartnerResource",
    "ProgrammeResource",
    "other_programme_message",
]
