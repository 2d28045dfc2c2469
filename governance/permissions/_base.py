"""What the governance rules share: who works in the back office of a programme, who sits on a
body, who drafted a proposal."""

from __future__ import annotations

from avk.access import BACK_OFFICE_ROLES, has_role, is_superuser

from ..models import MemberRole, Membership, Proposal, ProposalStatus

S = ProposalStatus
BACK_OFFICE = BACK_OFFICE_ROLES
RECORDERS = (MemberRole.CHAIR, MemberRole.SECRETARY)


def back_office(user, programme) -> bool:
    """The programme team and the secretariat (and superusers)."""
    return is_superuser(user) or has_role(user, programme, *BACK_OFFICE)


def is_member(user, body, *, voting: bool = False, roles=None) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    queryset = Membership.objects.current().filter(body=body, user=user)
    if voting:
        queryset = queryset.voting()
    if roles:
        queryset = queryset.filter(role__in=roles)
    return queryset.exists()


def is_drafter(user, proposal: Proposal) -> bool:
    return getattr(user, "pk", None) is not None and proposal.drafter_id == user.pk
