"""The partner list and its export: one query for the rows, whatever the number of partners."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from programme.core.models import Programme

from ..models import (
    DELEGATION_SEATS,
    Commitment,
    CommitmentPackage,
    DelegationLevel,
    DelegationMember,
    Partner,
)

ZERO = Decimal("0.00")


def partners_in_programme(*, programme: Programme) -> QuerySet[Partner]:
    """The organisations taking part in the programme (active ones), by name."""
    return Partner.objects.filter(
        participations__programme=programme, participations__left_on__isnull=True, active=True
    ).order_by("name")


def packages(*, programme: Programme, items: bool = True) -> QuerySet[CommitmentPackage]:
    """The programme's packages, with what each asks and gives (`items=False`: without, for
    the lists that show only their codes and names)."""
    queryset = CommitmentPackage.objects.filter(programme=programme)
    return queryset.prefetch_related("items") if items else queryset


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
    current = (
        Commitment.objects.in_force(day)
        .filter(programme=programme, partner=OuterRef("pk"))
        .order_by("-valid_from")
    )
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


def in_force(*, programme: Programme, on: date | None = None) -> FilteredRelation:
    """A partner's commitment in force on the day, as a join: there is at most one per partner
    and programme on any day (the exclusion constraint commitment_no_overlap on PostgreSQL, the
    service elsewhere), so the join keeps one row per partner."""
    day = on or timezone.localdate()
    return FilteredRelation(
        "commitments",
        condition=Q(commitments__programme=programme, commitments__valid_from__lte=day)
        & (Q(commitments__valid_until__isnull=True) | Q(commitments__valid_until__gte=day)),
    )


def complete_delegations(*, programme: Programme) -> QuerySet:
    """The ids of the partners whose delegation fills every seat (`COMPLETE`), in one
    uncorrelated query to filter on."""
    seats = {
        name: Count("pk", filter=Q(level=level))
        for name, level in (
            ("executives", DelegationLevel.EXECUTIVE),
            ("managers", DelegationLevel.MANAGER),
            ("front_line", DelegationLevel.FRONT_LINE),
        )
    }
    return (
        DelegationMember.objects.filter(programme=programme)
        .order_by()
        .values("partner")
        .annotate(**seats)
        .filter(COMPLETE)
        .values("partner")
    )


def _delegation_size(*, programme: Programme):
    """The number of the partner's delegation members in the programme, to sort on: the
    partner's members counted for the programme, so the subquery goes by the partner's index
    whatever the planner knows of the tables."""
    members = DelegationMember.objects.filter(partner=OuterRef("pk")).order_by().values("partner")
    size = members.annotate(n=Count("pk", filter=Q(programme=programme))).values("n")[:1]
    return Coalesce(Subquery(size, output_field=IntegerField()), Value(0))


def partner_rows(*, programme: Programme, filters: PartnerFilters | None = None):
    """The partner list and its export: one query, whatever the number of partners. Each row
    carries its commitment in force (package and contribution, through `in_force`); the
    delegation and its point of contact come from `with_delegation` for the rows shown."""
    filters = filters or PartnerFilters()
    if filters.include_inactive:
        queryset = Partner.objects.filter(participations__programme=programme)
    else:  # active, and still taking part in this programme (one join for both conditions)
        queryset = Partner.objects.filter(
            participations__programme=programme, participations__left_on__isnull=True, active=True
        )
    queryset = queryset.annotate(
        left_on=F("participations__left_on"),  # the join above: one per partner and programme
        current=in_force(programme=programme),
        package_code=F("current__package__code"),
        package_name=F("current__package__name"),
        contribution=F("current__yearly_contribution"),
        commitment_from=F("current__valid_from"),
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
        queryset = queryset.filter(pk__in=complete_delegations(programme=programme))
    elif filters.delegation == "incomplete":
        queryset = queryset.exclude(pk__in=complete_delegations(programme=programme))
    if filters.sort == "package":
        queryset = queryset.annotate(package_order=F("current__package__order"))
    elif filters.sort == "delegation":
        queryset = queryset.annotate(delegation_size=_delegation_size(programme=programme))
    terms = SORTS.get(filters.sort, SORTS["name"])
    order = [
        term.desc(nulls_last=True) if filters.descending else term.asc(nulls_last=True)
        for term in terms
    ]
    return queryset.order_by(*order, Lower("name"), "pk")


def with_delegation(partners: list[Partner], *, programme: Programme) -> list[Partner]:
    """Set on each of the partners (rows of `partner_rows`: a page, the export) what
    `with_commitment_state` annotates of its delegation: the members per level, their number
    and the point of contact's name, e-mail and phone. One query for just these partners."""
    ids = [partner.pk for partner in partners]
    levels: dict[int, dict[str, int]] = {pk: {} for pk in ids}
    contacts: dict[int, tuple] = {}
    members = (
        DelegationMember.objects.filter(programme=programme, partner_id__in=ids)
        .order_by()
        .values_list("partner_id", "level", "is_contact", "name", "email", "phone")
    )
    for partner_id, level, is_contact, *contact in members:
        counts = levels[partner_id]
        counts[level] = counts.get(level, 0) + 1
        if is_contact:  # one per partner and programme (delegation_one_point_of_contact)
            contacts[partner_id] = contact
    for partner in partners:
        counts = levels[partner.pk]
        partner.executives = counts.get(DelegationLevel.EXECUTIVE, 0)
        partner.managers = counts.get(DelegationLevel.MANAGER, 0)
        partner.front_line = counts.get(DelegationLevel.FRONT_LINE, 0)
        partner.delegation_size = sum(counts.values())
        partner.contact_name, partner.contact_email, partner.contact_phone = contacts.get(
            partner.pk, (None, None, None)
        )
    return partners


def list_summary(rows) -> dict:
    """Counts per package code and the total of yearly contributions, for the filtered rows of
    `partner_rows` (one query, grouped on the commitment in force joined to each row)."""
    groups = list(
        rows.order_by()
        .values("package_code")
        .annotate(n=Count("pk", distinct=True), total=Sum("contribution"))
    )
    per_package = {row["package_code"]: row["n"] for row in groups}
    total = sum((row["total"] for row in groups if row["total"] is not None), ZERO)
    return {"per_package": per_package, "total": total, "count": sum(per_package.values())}


def municipalities(*, programme: Programme) -> list[str]:
    return list(
        Partner.objects.filter(participations__programme=programme)
        .exclude(municipality="")
        .order_by("municipality")
        .values_list("municipality", flat=True)
        .distinct()
    )
