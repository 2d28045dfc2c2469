"""Factories for the DIN: lines, goals, efforts, working groups, indicators, measurements."""

import factory

from programme.models import (
    Effort,
    EffortGoal,
    EffortPartner,
    Indicator,
    Measurement,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
    WorkingGroupMember,
)

from .programme import ProgrammeFactory


class ProgrammeLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeLine

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Programmalijn {n}")
    order = factory.LazyAttribute(
        lambda o: ProgrammeLine.objects.filter(programme=o.programme).count()
    )


class StrategicGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicGoal

    line = factory.SubFactory(ProgrammeLineFactory)
    programme = factory.LazyAttribute(lambda o: o.line.programme)
    title = factory.Sequence(lambda n: f"Strategisch doel {n}")
    order = factory.LazyAttribute(lambda o: StrategicGoal.objects.filter(line=o.line).count())


class OperationalGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OperationalGoal

    strategic_goal = factory.SubFactory(StrategicGoalFactory)
    programme = factory.LazyAttribute(lambda o: o.strategic_goal.programme)
    title = factory.Sequence(lambda n: f"Operationeel doel {n}")
    order = factory.LazyAttribute(
        lambda o: OperationalGoal.objects.filter(strategic_goal=o.strategic_goal).count()
    )


class EffortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Effort

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Inspanning {n}")
    status = "lopend"
    progress = 50


class EffortGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EffortGoal

    effort = factory.SubFactory(EffortFactory)
    goal = factory.SubFactory(OperationalGoalFactory)
    contribution = "middel"


class EffortPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EffortPartner

    effort = factory.SubFactory(EffortFactory)
    partner = factory.SubFactory("tests.factories.partners.PartnerFactory")
    role = "deelnemer"


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Werkgroep {n}")


class WorkingGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroupMember

    working_group = factory.SubFactory(WorkingGroupFactory)
    is_lead = False


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    goal = factory.SubFactory(OperationalGoalFactory)
    programme = factory.LazyAttribute(lambda o: o.goal.programme)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    frequency = "jaarlijks"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period_label = "2024"
    period_end = factory.LazyFunction(lambda: __import__("datetime").date(2024, 12, 31))
    value = 1
    status = "goedgekeurd"
