"""The history page of a partner: its own changes, its commitments' and its delegation's in the
programme (removed members too), newest first, as people read them (`avk.history.entries`).

The organisation's row is shared by every programme it takes part in, so its history holds
events of other programmes too (deactivated in Landerd, with the note Landerd's staff typed).
Such events carry the programme's id in their details (`details["programme_id"]`) and are
shown only in that programme's history; the organisation's own edits are shown everywhere.
"""

from __future__ import annotations

from django.db.models import Q

from avk.history import entries

from ..models import Commitment, DelegationMember, Partner

#: The most entries one page shows.
LIMIT = 100

#: The organisation's events that belong to one programme (recorded with its id).
PROGRAMME_EVENTS = frozenset(
    {"partner.deactivated", "partner.left_programme", "partner.reactivated"}
)


def other_programmes_events(partner: Partner, programme) -> set:
    """When the organisation's events of other programmes were recorded (their history dates):
    those with another programme's id in their details, and, recorded before the id was kept,
    programme events naming another programme."""
    hidden = set()
    records = partner.history.filter(
        Q(history_details__has_key="programme_id") | Q(history_change_reason__in=PROGRAMME_EVENTS)
    ).values_list("history_date", "history_details")
    for when, details in records:
        details = details or {}
        if "programme_id" in details:
            here = details["programme_id"] == programme.pk
        else:
            here = details.get("programme") == str(programme)
        if not here:
            hidden.add(when)
    return hidden


def partner_history(*, programme, partner: Partner, limit: int = LIMIT) -> list[dict]:
    """Every change to the organisation (but other programmes' events) and, in this programme,
    to its commitments and delegation members, merged and newest first."""
    hidden = other_programmes_events(partner, programme)
    # the changes are read in full (each against the one before it), then the hidden left out
    found = [e for e in entries(partner, limit=limit + len(hidden)) if e["when"] not in hidden]
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
