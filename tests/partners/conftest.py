"""Partners in `programme`: packages A (with a steering group seat), B and C, the partner contact's
own organisation (Noorderpoort) and another partner, each with a commitment in force."""

from datetime import date
from decimal import Decimal

import pytest

from partners.models import PackageItem, Participation, Partner
from tests.factories import (
    CommitmentFactory,
    CommitmentPackageFactory,
    PackageItemFactory,
    PartnerFactory,
)


@pytest.fixture
def packages(programme):
    a = CommitmentPackageFactory(
        programme=programme,
        code="A",
        name="Kernpartner",
        yearly_contribution=Decimal("6000.00"),
        steering_group_seat=True,
        order=1,
    )
    b = CommitmentPackageFactory(
        programme=programme,
        code="B",
        name="Partner",
        yearly_contribution=Decimal("3000.00"),
        order=2,
    )
    c = CommitmentPackageFactory(
        programme=programme,
        code="C",
        name="Netwerkpartner",
        yearly_contribution=Decimal("1000.00"),
        order=3,
    )
    for package in (a, b):
        PackageItemFactory(
            package=package, text="Volledige delegatie", rule=PackageItem.Rule.DELEGATION_COMPLETE
        )
        PackageItemFactory(
            package=package, text="Aanspreekpunt", rule=PackageItem.Rule.POINT_OF_CONTACT
        )
        PackageItemFactory(package=package, text="Werkgroep", rule=PackageItem.Rule.WORKING_GROUP)
        PackageItemFactory(
            package=package, text="Bijdrage betaald", rule=PackageItem.Rule.CONTRIBUTION_PAID
        )
    return {"A": a, "B": b, "C": c}


@pytest.fixture
def own(users, programme, packages):
    """Noorderpoort: the partner the `partner_contact` user speaks for, on package B."""
    partner = Partner.objects.get(name="Noorderpoort")
    CommitmentFactory(
        programme=programme, partner=partner, package=packages["B"], valid_from=date(2023, 1, 1)
    )
    return partner


@pytest.fixture
def other(users, programme, packages):
    """Another partner in the same programme, on package A."""
    partner = PartnerFactory(name="Gemeente Emmen", kind="gemeente", municipality="Emmen")
    Participation.objects.create(programme=programme, partner=partner, joined_on=date(2017, 1, 1))
    CommitmentFactory(
        programme=programme, partner=partner, package=packages["A"], valid_from=date(2023, 1, 1)
    )
    return partner


@pytest.fixture
def elsewhere(other_programme):
    """A partner of the other programme only."""
    partner = PartnerFactory(name="Gemeente Landerd", kind="gemeente", municipality="Landerd")
    Participation.objects.create(programme=other_programme, partner=partner)
    return partner
