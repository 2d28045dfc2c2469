"""Read-side queries for partners. List pages get their rows from one selector each."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programme.core.models import Programme

from .models import (
    DELEGATION_SEATS,
    Commitment,
    CommitmentPackage,
    DelegationLevel,
    DelegationMember,
    PackageItem,
    Participation,
    Partner,
)

ZERO = Decimal("0.00")


def partners_in_programme(*, programme: Programme) -> QuerySet[Partner]:
    """The organisations taking part in the programme (active ones), by name."""
    return Partner.objects.filter(
        participations__programme=programme, participations__left_on__isnull=True, active=True
    ).order_by("name")


def packages(*, programme: Programme) -> QuerySet[CommitmentPackage]:
    return CommitmentPackage.objects.filter(programme=programme).prefetch_related("items")


# The partner list --------------------------------------------------------------------------

#: Sortable columns: the expressions to order by (rows without a value always come last).
SORTS = {
    "name": [Lower("name")],
    "kind": [F("kind")],
    "municipality": [Lower("municipality")],
    "package": [F("package_order"), F("package_code")],
    "contribution": [F("contribution")],
    "delegation": [F("delegation_size")],
}


def _in_force(queryset, day):
    return queryset.filter(valid_from__lte=day).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )


def _count(queryset) -> Subquery:
    return Coalesce(
        Subquery(
            queryset.order_by().values("partner").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def with_commitment_state(queryset, *, programme: Programme, on: date | None = None):
    """Annotate the commitment in force on the day and the delegation's size per level."""
    day = on or timezone.localdate()
    current = _in_force(
        Commitment.objects.filter(programme=programme, partner=OuterRef("pk")), day
    ).order_by("-valid_from")
    members = DelegationMember.objects.filter(programme=programme, partner=OuterRef("pk"))
    contact = members.filter(is_contact=True)
    return queryset.annotate(
        package_code=Subquery(current.values("package__code")[:1]),
        package_name=Subquery(current.values("package__name")[:1]),
        package_order=Subquery(current.values("package__order")[:1]),
        package_seat=Subquery(current.values("package__steering_group_seat")[:1]),
        contribution=Subquery(
            current.values("yearly_contribution")[:1],
            output_field=DecimalField(max_digits=12, decimal_places=2),
        ),
        commitment_from=Subquery(current.values("valid_from")[:1]),
        executives=_count(members.filter(level=DelegationLevel.EXECUTIVE)),
        managers=_count(members.filter(level=DelegationLevel.MANAGER)),
        front_line=_count(members.filter(level=DelegationLevel.FRONT_LINE)),
        delegation_size=_count(members),
        contact_name=Subquery(contact.values("name")[:1]),
        contact_email=Subquery(contact.values("email")[:1]),
        contact_phone=Subquery(contact.values("phone")[:1]),
    )


COMPLETE = (
    Q(executives__gte=DELEGATION_SEATS[DelegationLevel.EXECUTIVE])
    & Q(managers__gte=DELEGATION_SEATS[DelegationLevel.MANAGER])
    & Q(front_line__gte=DELEGATION_SEATS[DelegationLevel.FRONT_LINE])
)


@dataclass
class PartnerFilters:
    search: str = ""
    kind: str = ""
    package: str = ""  # a package code, or "none" for partners without a commitment in force
    municipality: str = ""
    delegation: str = ""  # "complete" / "incomplete"
    include_inactive: bool = False
    sort: str = "name"
    descending: bool = False


def partner_rows(*, programme: Programme, filters: PartnerFilters | None = None):
    """The partner list and its export: one query, whatever the number of partners."""
    filters = filters or PartnerFilters()
    if filters.include_inactive:
        queryset = Partner.objects.filter(participations__programme=programme)
    else:  # active, and still taking part in this programme (one join for both conditions)
        queryset = Partner.objects.filter(
            participations__programme=programme, participations__left_on__isnull=True, active=True
        )
    left_on = Participation.objects.filter(programme=programme, partner=OuterRef("pk"))
    queryset = with_commitment_state(queryset, programme=programme).annotate(
        left_on=Subquery(left_on.values("left_on")[:1])
    )
    if filters.search:
        term = filters.search.strip()
        queryset = queryset.filter(
            Q(name__icontains=term)
            | Q(short_name__icontains=term)
            | Q(municipality__icontains=term)
            | Q(email__icontains=term)
        )
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.municipality:
        queryset = queryset.filter(municipality__iexact=filters.municipality)
    if filters.package == "none":
        queryset = queryset.filter(package_code__isnull=True)
    elif filters.package:
        queryset = queryset.filter(package_code=filters.package)
    if filters.delegation == "complete":
        queryset = queryset.filter(COMPLETE)
    elif filters.delegation == "incomplete":
        queryset = queryset.exclude(COMPLETE)
    terms = SORTS.get(filters.sort, SORTS["name"])
    order = [
        term.desc(nulls_last=True) if filters.descending else term.asc(nulls_last=True)
        for term in terms
    ]
    return queryset.order_by(*order, Lower("name"), "pk")


def list_summary(rows) -> dict:
    """Counts per package code and the total of yearly contributions, for the filtered rows."""
    per_package = {
        row["package_code"]: row["n"]
        for row in rows.order_by().values("package_code").annotate(n=Count("pk", distinct=True))
    }
    total = rows.order_by().aggregate(total=Coalesce(Sum("contribution"), ZERO))["total"]
    return {"per_package": per_package, "total": total, "count": sum(per_package.values())}


def municipalities(*, programme: Programme) -> list[str]:
    return list(
        Partner.objects.filter(participations__programme=programme)
        .exclude(municipality="")
        .order_by("municipality")
        .values_list("municipality", flat=True)
        .distinct()
    )


# One partner ---------------------------------------------------------------------------------


def partner_detail(*, programme: Programme, partner_id: int) -> Partner:
    queryset = with_commitment_state(
        Partner.objects.filter(participations__programme=programme), programme=programme
    ).prefetch_related(
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
        Prefetch(
            "participations",
            queryset=Participation.objects.filter(programme=programme),
            to_attr="programme_participation",
        ),
    )
    return queryset.get(pk=partner_id)


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


def package_item_checks(*, package: CommitmentPackage | None, members) -> list[ItemCheck]:
    """Which of the package's items the partner meets today.

    Delegation and point of contact are checked from the delegation. Working group seats and
    local experiments cannot be checked until the DIN holds them; payment of the contribution
    is not recorded in the portal, so it is shown as "not checked automatically".
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


# The steering group --------------------------------------------------------------------------


def steering_group(*, programme: Programme, on: date | None = None) -> QuerySet[Commitment]:
    """The commitments in force on the day whose package carries a seat, by partner name."""
    return (
        Commitment.objects.in_force(on)
        .filter(programme=programme, package__steering_group_seat=True)
        .select_related("partner", "package")
        .order_by(Lower("partner__name"))
    )


# Money ----------------------------------------------------------------------------------------


def contributions_for_year(*, programme: Programme, year: int) -> list[dict]:
    """What each partner owed for `year`: every commitment in force during the year counts for
    the share of the year's days it was in force (a change on 1 July halves both).

    Returns one dict per partner with `partner`, `amount` (rounded to cents) and `commitments`,
    ordered by partner name; partners without a commitment that year are left out.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    days_in_year = 366 if calendar.isleap(year) else 365
    commitments = (
        Commitment.objects.filter(programme=programme, valid_from__lte=end)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
        .select_related("partner", "package")
        .order_by(Lower("partner__name"), "valid_from")
    )
    rows: dict[int, dict] = {}
    for commitment in commitments:
        first = max(commitment.valid_from, start)
        last = min(commitment.valid_until or end, end)
        days = (last - first).days + 1
        share = commitment.yearly_contribution * Decimal(days) / Decimal(days_in_year)
        row = rows.setdefault(
            commitment.partner_id,
            {"partner": commitment.partner, "amount": Decimal("0"), "commitments": []},
        )
        row["amount"] += share
        row["commitments"].append(commitment)
    for row in rows.values():
        row["amount"] = row["amount"].quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return list(rows.values())


# Recent changes, for the programme team's home page ------------------------------------------


def recent_changes(*, programme: Programme, days: int = 14, limit: int = 10) -> list[dict]:
    """The latest changes to the programme's partners, commitments and delegations."""
    return recent_changes_by_programme(programme_ids=[programme.pk], days=days, limit=limit).get(
        programme.pk, []
    )


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
            _("organisation"),
            lambda r: (r.id, programmes_of.get(r.id, set())),
        ),
        (
            Commitment.history.filter(programme_id__in=programme_ids),
            _("commitment"),
            lambda r: (r.partner_id, {r.programme_id}),
        ),
        (
            DelegationMember.history.filter(programme_id__in=programme_ids),
            _("delegation"),
            lambda r: (r.partner_id, {r.programme_id}),
        ),
    ]
    found: dict[int, list[dict]] = {pid: [] for pid in programme_ids}
    for queryset, label, where in sources:
        for record in (
            queryset.filter(history_date__gte=since)
            .select_related("history_user")
            .order_by("-history_date")[:cap]
        ):
            partner_id, in_programmes = where(record)
            for pid in in_programmes:
                found[pid].append({"record": record, "what": label, "partner_id": partner_id})
    for pid, entries in found.items():
        entries.sort(key=lambda entry: entry["record"].history_date, reverse=True)
        found[pid] = entries[:limit]
    wanted = {e["partner_id"] for entries in found.values() for e in entries}
    names = dict(Partner.objects.filter(pk__in=wanted).values_list("pk", "name")) if wanted else {}
    for entries in found.values():
        for entry in entries:
            entry["partner_name"] = names.get(entry["partner_id"], "?")
    return found


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
    from .permissions import contact_partner_ids

    ids = contact_partner_ids(user, programme)
    if not ids:
        return None
    return Partner.objects.filter(pk__in=ids).order_by("name").first()
