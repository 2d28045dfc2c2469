"""The partner list and its export: one query for the rows, whatever the number of partners."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
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
    """Counts per package code and the total of yearly contributions, for the filtered rows
    (one query: the rows' annotations are costly to build and to run twice)."""
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
