"""Factories for partners, packages, commitments and delegations."""

import factory


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Partner"

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = "welzijn"
    municipality = "Emmen"
