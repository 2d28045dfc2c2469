"""What the home page shows: recent changes for the back office, a contact's organisation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programme.core.models import Programme

from ..models import Commitment, DelegationMember, Participation, Partner
from .detail import Missing, delegation_missing


def recent_changes_by_programme(
    *, programme_ids, days: int = 14, limit: int = 10
) -> dict[int, list[dict]]:
    """Per programme, the latest changes (newest first, at most `limit`) to its partners'
    details, commitments and delegations: five bounded queries on the history tables, however
    many programmes are asked for (the home page asks for all of a person's programmes)."""
    programme_ids = list(programme_ids)
    if not programme_ids:
        return {}
    since = timezone.now() - timedelta(days=days)
    cap = limit * len(programme_ids)
    programmes_of: dict[int, set[int]] = {}
    for partner_id, programme_id in Participation.objects.filter(
        programme_id__in=programme_ids
    ).values_list("partner_id", "programme_id"):
        programmes_of.setdefault(partner_id, set()).add(programme_id)
    sources = [
        (
            Partner.history.filter(id__in=list(programmes_of)),
            "partner",
            _("organisation"),
            lambda r: (r.id, programmes_of.get(r.id, set())),
        ),
        (
            Commitment.history.filter(programme_id__in=programme_ids),
            "commitment",
            _("commitment"),
            lambda r: (r.partner_id, {r.programme_id}),
        ),
        (
            DelegationMember.history.filter(programme_id__in=programme_ids),
            "delegation",
            _("delegation"),
            lambda r: (r.partner_id, {r.programme_id}),
        ),
    ]
    found: dict[int, list[dict]] = {pid: [] for pid in programme_ids}
    for queryset, kind, label, where in sources:
        for record in (
            queryset.filter(history_date__gte=since)
            .select_related("history_user")
            .order_by("-history_date")[:cap]
        ):
            partner_id, in_programmes = where(record)
            for pid in in_programmes:
                found[pid].append(
                    {"record": record, "kind": kind, "what": label, "partner_id": partner_id}
                )
    for pid, entries in found.items():
        entries.sort(key=lambda entry: entry["record"].history_date, reverse=True)
        found[pid] = entries[:limit]
    wanted = {e["partner_id"] for entries in found.values() for e in entries}
    names = dict(Partner.objects.filter(pk__in=wanted).values_list("pk", "name")) if wanted else {}
    for entries in found.values():
        for entry in entries:
            entry["partner_name"] = names.get(entry["partner_id"], "?")
    return found


#: The feed's name where a person's dismissals are kept (programme.core's HomeDismissal).
CHANGES_FEED = "partners"


@dataclass
class ChangeGroup:
    """What changed at one partner on one day: how many of each kind of change
    ({(kind, history type): n}, kind "partner", "commitment" or "delegation", type "+", "~"
    or "-"), by whom (None: the system), and the newest moment (up to where it is put away)."""

    partner_id: int
    partner_name: str
    day: date
    latest: datetime
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    people: list = field(default_factory=list)


def group_changes(entries, *, dismissed: dict | None = None) -> list[ChangeGroup]:
    """The entries of `recent_changes_by_programme` (newest first) grouped per partner and day,
    newest group first, leaving out what the person has put away: `dismissed` maps (feed, key)
    to a moment, the key "" for the whole feed or a partner's id for that partner."""
    dismissed = dismissed or {}
    everything = dismissed.get((CHANGES_FEED, ""))
    groups: dict[tuple[int, date], ChangeGroup] = {}
    for entry in entries:
        record, partner_id = entry["record"], entry["partner_id"]
        moment = record.history_date
        until = [t for t in (everything, dismissed.get((CHANGES_FEED, str(partner_id)))) if t]
        if until and moment <= max(until):
            continue
        day = timezone.localtime(moment).date()
        group = groups.get((partner_id, day))
        if group is None:
            group = groups[(partner_id, day)] = ChangeGroup(
                partner_id, entry.get("partner_name", "?"), day, moment
            )
        group.latest = max(group.latest, moment)
        key = (entry["kind"], record.history_type)
        group.counts[key] = group.counts.get(key, 0) + 1
        person = record.history_user
        if person not in group.people:
            group.people.append(person)
    return sorted(groups.values(), key=lambda g: g.latest, reverse=True)


def contact_organisations(*, user) -> dict[int, tuple[Partner, Missing]]:
    """Per programme where the user is a partner contact today: the organisation and what its
    delegation misses. Two queries, however many programmes."""
    from avk.access import Role
    from programme.core.models import RoleAssignment

    pairs = {
        a.programme_id: a.partner
        for a in RoleAssignment.objects.current()
        .filter(user=user, role=Role.PARTNER_CONTACT, partner__isnull=False)
        .select_related("partner")
        .order_by("-partner__name")
    }
    if not pairs:
        return {}
    condition = Q()
    for programme_id, partner in pairs.items():
        condition |= Q(programme_id=programme_id, partner_id=partner.pk)
    members: dict[tuple[int, int], list] = {}
    for member in DelegationMember.objects.filter(condition).only(
        "programme_id", "partner_id", "level", "name", "is_contact"
    ):
        members.setdefault((member.programme_id, member.partner_id), []).append(member)
    return {
        pid: (partner, delegation_missing(members.get((pid, partner.pk), [])))
        for pid, partner in pairs.items()
    }


def partner_of_contact(*, user, programme: Programme) -> Partner | None:
    """The organisation a partner contact speaks for in the programme (the first, if several)."""
    from ..permissions import contact_partner_ids

    ids = contact_partner_ids(user, programme)
    if not ids:
        return None
    return Partner.objects.filter(pk__in=ids).order_by("name").first()
