"""Factories for partners, packages, commitments and delegations."""

from datetime import date
from decimal import Decimal

import factory


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Partner"

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = "welzijn"
    municipality = "Emmen"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Participation"

    programme = factory.SubFactory("tests.factories.programme.ProgrammeFactory")
    partner = factory.SubFactory(PartnerFactory)
    joined_on = date(2017, 1, 1)


class CommitmentPackageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.CommitmentPackage"
        django_get_or_create = ["programme", "code"]

    programme = factory.SubFactory("tests.factories.programme.ProgrammeFactory")
    code = "B"
    name = factory.LazyAttribute(lambda o: f"Pakket {o.code}")
    yearly_contribution = Decimal("3000.00")
    steering_group_seat = False


class PackageItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.PackageItem"

    package = factory.SubFactory(CommitmentPackageFactory)
    text = factory.Sequence(lambda n: f"Onderdeel {n}")
    rule = ""


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Commitment"

    programme = factory.SubFactory("tests.factories.programme.ProgrammeFactory")
    partner = factory.SubFactory(PartnerFactory)
    package = factory.SubFactory(
        CommitmentPackageFactory, programme=factory.SelfAttribute("..programme")
    )
    yearly_contribution = factory.LazyAttribute(lambda o: o.package.yearly_contribution)
    valid_from = date(2023, 1, 1)


class DelegationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.DelegationMember"

    programme = factory.SubFactory("tests.factories.programme.ProgrammeFactory")
    partner = factory.SubFactory(PartnerFactory)
    level = "uitvoering"
    name = factory.Sequence(lambda n: f"Persoon {n}")
    email = factory.Sequence(lambda n: f"persoon{n}@example.org")


__all__ = [
    "CommitmentFactory",
    "CommitmentPackageFactory",
    "DelegationMemberFactory",
    "PackageItemFactory",
    "ParticipationFactory",
    "PartnerFactory",
]
