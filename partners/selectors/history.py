"""The history page of a partner: its own changes, its commitments' and its delegation's in the
programme (removed members too), newest first, as people read them (`avk.history.entries`)."""

from __future__ import annotations

from avk.history import entries

from ..models import Commitment, DelegationMember, Partner

#: The most entries one page shows.
LIMIT = 100


def partner_history(*, programme, partner: Partner, limit: int = LIMIT) -> list[dict]:
    """Every change to the organisation and, in this programme, to its commitments and
    delegation members, merged and newest first."""
    found = list(entries(partner, limit=limit))
    for commitment in Commitment.objects.filter(programme=programme, partner=partner):
        found.extend(entries(commitment, limit=limit))
    member_ids = (
        DelegationMember.history.filter(programme_id=programme.pk, partner_id=partner.pk)
        .values_list("id", flat=True)
        .distinct()
    )
    for member_id in sorted(set(member_ids)):
        # a removed member has no row any more; its history is found by its id
        found.extend(entries(DelegationMember(pk=member_id), limit=limit))
    found.sort(key=lambda entry: entry["when"], reverse=True)
    return found[:limit]
