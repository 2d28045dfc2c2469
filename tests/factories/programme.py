"""Factories for users, programmes and roles."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from avk.access import Role
from programme.models import Programme, ProgrammePhase, ProgrammeSteeringForm, RoleAssignment

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Programma {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")
    ambition = "Geen enkel kind leeft langdurig in armoede."
    start_date = date(2023, 1, 1)
    horizon_years = 20
    phase = factory.RelatedFactory(
        "tests.factories.programme.ProgrammePhaseFactory", factory_related_name="programme"
    )
    steering_form = factory.RelatedFactory(
        "tests.factories.programme.ProgrammeSteeringFormFactory", factory_related_name="programme"
    )


class ProgrammePhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammePhase

    phase = "uitvoering"
    valid_from = factory.LazyAttribute(lambda o: o.programme.start_date)


class ProgrammeSteeringFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeSteeringForm

    steering_form = "regie"
    valid_from = factory.LazyAttribute(lambda o: o.programme.start_date)


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    programme = factory.SubFactory(ProgrammeFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.PROGRAMME_TEAM
    valid_from = date(2023, 1, 1)
