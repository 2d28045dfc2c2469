"""The partner list's rows: the commitment in force joined to each row (`in_force`) and the
delegation set on the rows shown (`with_delegation`) give what `with_commitment_state`
annotates, partner by partner; the delegation's filter and sort count only the programme's
members."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from partners import selectors
from partners.models import Participation, Partner
from tests.factories import CommitmentFactory, DelegationMemberFactory, PartnerFactory

pytestmark = pytest.mark.django_db

COMPARED = (
    "package_code",
    "package_name",
    "contribution",
    "commitment_from",
    "executives",
    "managers",
    "front_line",
    "delegation_size",
    "contact_name",
    "contact_email",
    "contact_phone",
)


@pytest.fixture
def varied(programme, other_programme, packages, own, other):
    """Past, present and future commitments, members of both programmes, a partner that left."""
    today = timezone.localdate()
    past = PartnerFactory(name="Ooit Partner")
    Participation.objects.create(programme=programme, partner=past, left_on=date(2024, 1, 1))
    CommitmentFactory(
        programme=programme,
        partner=past,
        package=packages["C"],
        valid_from=date(2020, 1, 1),
        valid_until=date(2023, 12, 31),
    )
    future = PartnerFactory(name="Straks Partner", kind="zorg", municipality="Veendam")
    Participation.objects.create(programme=programme, partner=future)
    CommitmentFactory(
        programme=programme,
        partner=future,
        package=packages["A"],
        valid_from=today + timedelta(days=30),
    )
    changed = PartnerFactory(name="Gewisseld", kind="wonen")
    Participation.objects.create(programme=programme, partner=changed)
    CommitmentFactory(
        programme=programme,
        partner=changed,
        package=packages["A"],
        valid_from=date(2022, 1, 1),
        valid_until=today - timedelta(days=1),
    )
    CommitmentFactory(
        programme=programme,
        partner=changed,
        package=packages["C"],
        valid_from=today,
        yearly_contribution=Decimal("1234.50"),
    )
    Participation.objects.create(programme=other_programme, partner=changed)
    CommitmentFactory(programme=other_programme, partner=changed, valid_from=date(2022, 1, 1))
    for partner, level, n in [
        (other, "bestuurder", 1),
        (other, "manager", 2),
        (other, "uitvoering", 2),
        (changed, "manager", 3),
        (future, "uitvoering", 1),
    ]:
        for _ in range(n):
            DelegationMemberFactory(programme=programme, partner=partner, level=level)
    DelegationMemberFactory(
        programme=programme,
        partner=changed,
        level="bestuurder",
        is_contact=True,
        name="Fenna",
        email="fenna@example.org",
        phone="050 123",
    )
    DelegationMemberFactory(
        programme=programme, partner=future, level="manager", is_contact=True, name="Piet", email=""
    )
    for level in ("bestuurder", "manager", "manager", "uitvoering", "uitvoering", "uitvoering"):
        DelegationMemberFactory(
            programme=other_programme,
            partner=changed,
            level=level,
            is_contact=level == "bestuurder",
        )
    DelegationMemberFactory(programme=other_programme, partner=own, level="bestuurder")


def test_the_rows_carry_what_with_commitment_state_annotates(programme, varied):
    filters = selectors.PartnerFilters(include_inactive=True)
    rows = selectors.partner_rows(programme=programme, filters=filters)
    rows = selectors.with_delegation(list(rows), programme=programme)
    annotated = selectors.with_commitment_state(
        Partner.objects.filter(participations__programme=programme), programme=programme
    )
    expected = {partner.pk: partner for partner in annotated}
    assert len(rows) == len(expected) == 5
    for row in rows:
        for name in COMPARED:
            assert getattr(row, name) == getattr(expected[row.pk], name), (row.name, name)
    left = {row.name: row.left_on for row in rows}
    assert left == {
        "Gemeente Emmen": None,
        "Gewisseld": None,
        "Noorderpoort": None,
        "Ooit Partner": date(2024, 1, 1),
        "Straks Partner": None,
    }


def _names(programme, **filters):
    rows = selectors.partner_rows(programme=programme, filters=selectors.PartnerFilters(**filters))
    return [row.name for row in rows]


def test_the_delegation_filter_and_sort_count_the_programme_only(programme, varied):
    # Gewisseld fills every seat in the other programme, not in this one
    assert _names(programme, delegation="complete") == ["Gemeente Emmen"]
    assert _names(programme, delegation="incomplete") == [
        "Gewisseld",
        "Noorderpoort",
        "Straks Partner",
    ]
    # 5 members, 4, 2 and none (Noorderpoort's one member is in the other programme)
    assert _names(programme, sort="delegation", descending=True) == [
        "Gemeente Emmen",
        "Gewisseld",
        "Straks Partner",
        "Noorderpoort",
    ]
    assert _names(programme, sort="delegation") == [
        "Noorderpoort",
        "Straks Partner",
        "Gewisseld",
        "Gemeente Emmen",
    ]


def test_package_filter_sort_and_summary_follow_the_commitment_in_force(programme, varied):
    assert _names(programme, package="C") == ["Gewisseld"]
    assert _names(programme, package="A") == ["Gemeente Emmen"]  # Straks starts next month
    assert _names(programme, package="none") == ["Straks Partner"]
    assert _names(programme, sort="package") == [
        "Gemeente Emmen",  # A
        "Noorderpoort",  # B
        "Gewisseld",  # C
        "Straks Partner",  # none: last
    ]
    assert _names(programme, sort="contribution", descending=True) == [
        "Gemeente Emmen",
        "Noorderpoort",
        "Gewisseld",
        "Straks Partner",
    ]
    summary = selectors.list_summary(selectors.partner_rows(programme=programme))
    assert summary == {
        "per_package": {"A": 1, "B": 1, "C": 1, None: 1},
        "total": Decimal("10234.50"),
        "count": 4,
    }
