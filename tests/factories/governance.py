"""Factories for governance: bodies, memberships, meetings, proposals and decisions.

Proposals are built directly (status as given) for speed; workflow tests call the services."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from governance.models import (
    ActionItem,
    Body,
    DecisionKind,
    Meeting,
    Membership,
    Proposal,
    ProposedDecision,
)
from tests.factories.programme import ProgrammeFactory, UserFactory


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ["programme", "code"]

    programme = factory.SubFactory(ProgrammeFactory)
    kind = "dagelijks_bestuur"
    name = factory.LazyAttribute(lambda o: f"Dagelijks Bestuur {o.code}")
    code = "DB"
    steering_level = "richten"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    user = factory.SubFactory(UserFactory)
    role = "lid"
    valid_from = date(2023, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    place = "Veendam"


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    programme = factory.SubFactory(ProgrammeFactory)
    body = factory.LazyAttribute(lambda o: BodyFactory(programme=o.programme))
    title = factory.Sequence(lambda n: f"Voorstel {n}")
    drafter = factory.SubFactory(UserFactory)
    drafter_function = "projectleider"
    introduction = "Inleiding."
    content = "Tekst."


class ProposedDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedDecision

    proposal = factory.SubFactory(ProposalFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = DecisionKind.AGREE
    text = factory.Sequence(lambda n: f"in te stemmen met punt {n}")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    body = factory.SubFactory(BodyFactory)
    description = factory.Sequence(lambda n: f"Actie {n}")
    owner_text = "Saskia"
