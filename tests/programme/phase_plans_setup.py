"""Shared fixtures and helpers of the phase plan tests: a small DIN in `programme` (and an item
in the other programme), the Dagelijks Bestuur, a balanced budget for the plan's period, a
concept plan that takes up the DIN, and the board's decision that adopts it through governance's
one decide step. Test modules import the fixtures they use by name."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from budget import services as budget_services
from budget.models import Side, SourceKind
from governance import services as governance
from governance.models import DecisionKind
from partners.models import Participation
from programme.phases import services
from programme.phases.models import PhasePlan
from tests.factories import (
    BodyFactory,
    EffortFactory,
    EffortGoalFactory,
    EffortPartnerFactory,
    MeetingFactory,
    MembershipFactory,
    OperationalGoalFactory,
    PartnerFactory,
    ProgrammeLineFactory,
    StrategicGoalFactory,
    UserFactory,
    WorkingGroupFactory,
    WorkingGroupMemberFactory,
)

START, END = date(2023, 8, 1), date(2024, 8, 31)
COSTS = [("Programmaleiding", Decimal("97962")), ("Congres", Decimal("10000"))]
TOTAL = sum((amount for _d, amount in COSTS), Decimal(0))  # 107.962


def build_din(programme, *, efforts: int = 3, prefix: str = "") -> dict:
    """Two lines, two strategic goals, three operational goals, `efforts` efforts (each with
    two partners), a working group with a kartrekker."""
    line_1 = ProgrammeLineFactory(programme=programme, name=f"{prefix}De Doelgroep")
    line_2 = ProgrammeLineFactory(programme=programme, name=f"{prefix}Het Werkveld")
    sg_1 = StrategicGoalFactory(
        line=line_1, title=f"{prefix}Huishoudens ervaren een kansrijk toekomstperspectief"
    )
    sg_2 = StrategicGoalFactory(line=line_2, title=f"{prefix}Maatwerk vanuit het werkveld")
    og_1 = OperationalGoalFactory(strategic_goal=sg_1, title=f"{prefix}Vroegtijdig in beeld")
    og_2 = OperationalGoalFactory(strategic_goal=sg_1, title=f"{prefix}Beter bereikt")
    og_3 = OperationalGoalFactory(strategic_goal=sg_2, title=f"{prefix}Meer tijd en ruimte")
    found = []
    for n in range(efforts):
        effort = EffortFactory(
            programme=programme,
            title=f"{prefix}Inspanning {n + 1}",
            start_month=date(2023, 8, 1),
            end_month=date(2023, 12, 1),
        )
        EffortGoalFactory(effort=effort, goal=[og_1, og_2, og_3][n % 3])
        for name in (f"{prefix}Partner A{n}", f"{prefix}Partner B{n}"):
            partner = PartnerFactory(name=name)
            Participation.objects.get_or_create(programme=programme, partner=partner)
            EffortPartnerFactory(effort=effort, partner=partner)
        found.append(effort)
    group = WorkingGroupFactory(programme=programme, name=f"{prefix}Monitoring en evaluatie")
    WorkingGroupMemberFactory(
        working_group=group, partner=PartnerFactory(name=f"{prefix}CMO STAMM"), is_lead=True
    )
    return {
        "lines": [line_1, line_2],
        "strategic": [sg_1, sg_2],
        "operational": [og_1, og_2, og_3],
        "efforts": found,
        "group": group,
    }


@pytest.fixture
def din(programme):
    return build_din(programme)


@pytest.fixture
def foreign(other_programme):
    """An item of each kind in the other programme."""
    return build_din(other_programme, efforts=1, prefix="Landerd ")


@pytest.fixture
def board(programme, users):
    body = BodyFactory(programme=programme, code="DB", name="Dagelijks Bestuur")
    MembershipFactory(body=body, user=users["board"], role="lid")
    MembershipFactory(body=body, user=UserFactory(username="chair"), role="voorzitter")
    MembershipFactory(body=body, user=users["secretary"], role="secretaris")
    return body


def make_budget(programme, by, *, funds=TOTAL, start=START, end=date(2024, 7, 31)):
    budget = budget_services.budget_create(
        programme=programme, by=by, title="Programmabegroting faseplan", valid_from=start,
        valid_until=end,
    )  # fmt: skip
    for description, amount in COSTS:
        budget_services.line_add(
            budget_id=budget.pk, by=by, side=Side.COSTS, description=description, amount=amount
        )
    budget_services.line_add(
        budget_id=budget.pk,
        by=by,
        side=Side.COVERAGE,
        description="Bijdrage van fondsen/subsidies",
        amount=funds,
        source_kind=SourceKind.FUNDS,
    )
    budget.refresh_from_db()
    return budget


def make_plan(programme, by, din, *, number=1, budget=None, start=START, end=END) -> PhasePlan:
    """A concept that takes up the whole DIN `din`, with its efforts' own months."""
    plan = services.plan_create(
        programme=programme,
        by=by,
        number=number,
        title=f"Faseplan {number}",
        valid_from=start,
        valid_until=end,
        budget=budget,
        foreword="Samen doorbreken we generatiearmoede.",
        context="Het 1e faseplan loopt van augustus 2023 t/m augustus 2024.",
        colophon="Alliantie van Kracht",
        thanks="Noorderpoort, Cosis en CMO STAMM.",
    )
    services.selection_set(
        plan_id=plan.pk,
        version=None,
        by=by,
        strategic_goals=[g.pk for g in din["strategic"]],
        operational_goals=[g.pk for g in din["operational"]],
        efforts=dict.fromkeys(e.pk for e in din["efforts"]),
    )
    plan.refresh_from_db()
    return plan


@pytest.fixture
def budget(programme, users):
    return make_budget(programme, users["programme_team"])


@pytest.fixture
def concept(programme, users, din, budget):
    return make_plan(programme, users["programme_team"], din, budget=budget)


def put_before(plan, board, users, *, days_ago=1):
    """A proposal whose decision adopts `plan`, on the agenda of a meeting held `days_ago`."""
    team = users["programme_team"]
    proposal = governance.proposal_create(
        programme=plan.programme,
        body=board,
        title=f"{plan.title} vaststellen",
        drafter=team,
        by=team,
        decisions=[{"kind": DecisionKind.AGREE, "text": plan.title, "subject": plan}],
    )
    governance.proposal_submit(proposal_id=proposal.pk, by=team)
    meeting = MeetingFactory(body=board, starts_at=timezone.now() - timedelta(days=days_ago))
    governance.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    proposal.refresh_from_db()
    return proposal


def decide(proposal, users, outcome="aangenomen"):
    outcomes = {d.pk: {"outcome": outcome} for d in proposal.decisions.all()}
    governance.meeting_record(proposal_id=proposal.pk, by=users["secretary"], outcomes=outcomes)
    return proposal.decisions.order_by("position").last()


def adopt(plan, board, users) -> PhasePlan:
    decide(put_before(plan, board, users), users)
    plan.refresh_from_db()
    return plan


@pytest.fixture
def adopted(concept, board, users):
    return adopt(concept, board, users)
