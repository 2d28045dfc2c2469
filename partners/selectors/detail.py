"""One partner's page: its commitments with who recorded them, its delegation's seats and what
its package asks that it meets today."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from programme.core.models import Programme

from ..models import (
    DELEGATION_SEATS,
    Commitment,
    CommitmentPackage,
    DelegationLevel,
    DelegationMember,
    PackageItem,
    Participation,
    Partner,
)


def partner_detail(
    *, programme: Programme, partner: Partner, participation: Participation | None = None
) -> Partner:
    """`partner` (the page's, already read) with its commitments, delegation and participation
    in `programme` (the page finds the commitment in force and the seats among them: no
    per-partner subqueries). `participation`: the one the page has read already, if any."""
    lookups = [
        Prefetch(
            "participations",
            queryset=Participation.objects.filter(programme=programme),
            to_attr="programme_participation",
        )
    ]
    if participation is not None:
        partner.programme_participation, lookups = [participation], []
    prefetch_related_objects(
        [partner],
        Prefetch(
            "commitments",
            queryset=Commitment.objects.filter(programme=programme)
            .select_related("package")
            .prefetch_related("package__items")
            .order_by("-valid_from"),
            to_attr="programme_commitments",
        ),
        Prefetch(
            "delegation",
            queryset=DelegationMember.objects.filter(programme=programme).select_related("user"),
            to_attr="programme_delegation",
        ),
        *lookups,
    )
    return partner


def commitment_history(commitments) -> dict[int, dict]:
    """Per commitment: who created it and when, and who changed it last (from the history)."""
    ids = [c.pk for c in commitments]
    found: dict[int, dict] = {}
    records = (
        Commitment.history.filter(id__in=ids)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    for record in records:
        entry = found.setdefault(record.id, {"created": record, "changed": None})
        if record.history_type == "~":
            entry["changed"] = record
    return found


@dataclass
class Seat:
    level: str
    label: str
    number: int
    member: DelegationMember | None


def delegation_seats(members) -> list[Seat]:
    """The five seats in order, each with its member or None (empty), plus any extra members."""
    seats: list[Seat] = []
    for level in DelegationLevel:
        at_level = sorted((m for m in members if m.level == level), key=lambda m: m.name.lower())
        for number in range(1, max(DELEGATION_SEATS[level], len(at_level)) + 1):
            member = at_level[number - 1] if number <= len(at_level) else None
            seats.append(Seat(level.value, level.label, number, member))
    return seats


@dataclass
class Missing:
    empty_seats: list[Seat] = field(default_factory=list)
    no_contact: bool = False

    def __bool__(self):
        return bool(self.empty_seats) or self.no_contact


def delegation_missing(members) -> Missing:
    seats = delegation_seats(members)
    return Missing(
        empty_seats=[s for s in seats if s.member is None],
        no_contact=not any(m.is_contact for m in members),
    )


class Check:
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    MANUAL = "manual"

    LABELS = {
        MET: _("met"),
        NOT_MET: _("not met"),
        UNKNOWN: _("cannot be checked yet"),
        MANUAL: _("not checked automatically"),
    }


@dataclass
class ItemCheck:
    item: PackageItem
    state: str

    @property
    def label(self):
        return Check.LABELS[self.state]


#: Rules an app above partners answers from its own data, registered in its AppConfig.ready()
#: (the budget answers "yearly contribution paid"): rule -> check(partner, programme) -> a
#: `Check` state. Partners imports no such app; the app registers here.
RULE_CHECKS: dict[str, Callable] = {}


def register_rule_check(rule: str, check: Callable) -> None:
    RULE_CHECKS[rule] = check


def package_item_checks(
    *, package: CommitmentPackage | None, members, partner=None, programme=None
) -> list[ItemCheck]:
    """Which of the package's items the partner meets today.

    Delegation and point of contact are checked from the delegation. Working group seats and
    local experiments cannot be checked until the DIN holds them. A rule another app checks
    (`RULE_CHECKS`: payment of the contribution, by the budget) is asked of it for `partner`
    in `programme`; without such an app it is shown as "not checked automatically".
    """
    if package is None:
        return []
    missing = delegation_missing(members)
    results = []
    for item in package.items.all():
        if item.gives:
            continue  # what the partner receives is not a requirement to check
        rule = item.rule
        if rule == PackageItem.Rule.DELEGATION_COMPLETE:
            state = Check.NOT_MET if missing.empty_seats else Check.MET
        elif rule == PackageItem.Rule.POINT_OF_CONTACT:
            state = Check.NOT_MET if missing.no_contact else Check.MET
        elif rule in RULE_CHECKS and partner is not None:
            state = RULE_CHECKS[rule](partner, programme)
        elif rule in (PackageItem.Rule.WORKING_GROUP, PackageItem.Rule.LOCAL_EXPERIMENT):
            state = Check.UNKNOWN
        else:
            state = Check.MANUAL
        results.append(ItemCheck(item, state))
    return results


def current_package(partner: Partner, programme: Programme, on: date | None = None):
    commitment = (
        Commitment.objects.in_force(on)
        .filter(programme=programme, partner=partner)
        .select_related("package")
        .order_by("-valid_from")
        .first()
    )
    return commitment
