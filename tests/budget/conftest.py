"""Budget fixtures: packages A/B/C with partners on them in `programme`, the programme's
Dagelijks Bestuur, and helpers that draw up a budget and have the board adopt it through the
one decide step of governance."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from budget import services
from budget.models import Budget, Side, SourceKind
from governance import services as governance
from governance.models import DecisionKind
from partners.models import Participation, Partner
from tests.factories import (
    BodyFactory,
    CommitmentFactory,
    CommitmentPackageFactory,
    MeetingFactory,
    MembershipFactory,
    PartnerFactory,
    UserFactory,
)

YEAR = 2025
COSTS = [
    ("Programmaorganisatie", "Programmaleiding", Decimal("97962")),
    ("Programmaorganisatie", "Programmaondersteuning en -communicatie", Decimal("42840")),
    ("Monitoring en evaluatie", "Monitoring en evaluatie - evidence based", Decimal("33033")),
]
TOTAL_COSTS = sum((amount for _c, _d, amount in COSTS), Decimal(0))  # 173.835


@pytest.fixture
def packages(programme):
    return {
        code: CommitmentPackageFactory(
            programme=programme, code=code, name=name, yearly_contribution=Decimal(amount)
        )
        for code, name, amount in [
            ("A", "Kernpartner", "6000.00"),
            ("B", "Partner", "3000.00"),
            ("C", "Netwerkpartner", "1000.00"),
        ]
    }


def member(programme, package, name, valid_from=date(2023, 1, 1), partner=None):
    partner = partner or PartnerFactory(name=name)
    Participation.objects.get_or_create(programme=programme, partner=partner)
    CommitmentFactory(programme=programme, partner=partner, package=package, valid_from=valid_from)
    return partner


@pytest.fixture
def members(users, programme, packages):
    """Noorderpoort (the partner contact's organisation) on B, Gemeente Emmen on A, Cosis on C:
    EUR 10.000 a year together."""
    own = Partner.objects.get(name="Noorderpoort")
    return {
        "Noorderpoort": member(programme, packages["B"], "Noorderpoort", partner=own),
        "Gemeente Emmen": member(programme, packages["A"], "Gemeente Emmen"),
        "Cosis": member(programme, packages["C"], "Cosis"),
    }


@pytest.fixture
def board(programme, users):
    body = BodyFactory(programme=programme, code="DB", name="Dagelijks Bestuur")
    MembershipFactory(body=body, user=users["board"], role="lid")
    MembershipFactory(body=body, user=UserFactory(username="chair"), role="voorzitter")
    MembershipFactory(body=body, user=users["secretary"], role="secretaris")
    return body


def draw_up(programme, by, *, year=YEAR, funds=None, costs=COSTS) -> Budget:
    """A concept for `year` with `costs` and, as coverage, the derived member contributions and
    `funds` (by default what makes it balance with the members' EUR 10.000)."""
    budget = services.budget_create(
        programme=programme,
        by=by,
        title=f"Programmabegroting {year}",
        valid_from=date(year, 1, 1),
        valid_until=date(year, 12, 31),
    )
    for category, description, amount in costs:
        services.line_add(
            budget_id=budget.pk,
            by=by,
            side=Side.COSTS,
            category=category,
            description=description,
            amount=amount,
        )
    total = sum((amount for _c, _d, amount in costs), Decimal(0))
    services.line_add(
        budget_id=budget.pk,
        by=by,
        side=Side.COVERAGE,
        description="Bijdrage van fondsen/subsidies",
        amount=total - Decimal("10000") if funds is None else funds,
        source_kind=SourceKind.FUNDS,
    )
    budget.refresh_from_db()
    return budget


@pytest.fixture
def concept(programme, users, members):
    return draw_up(programme, users["programme_team"])


def put_before(budget, board, users, *, decided_days_ago=1):
    """A proposal whose decision adopts `budget`, on the agenda of a meeting held yesterday."""
    team = users["programme_team"]
    proposal = governance.proposal_create(
        programme=budget.programme,
        body=board,
        title=f"{budget.label} vaststellen",
        drafter=team,
        by=team,
        decisions=[{"kind": DecisionKind.AGREE, "text": "de begroting", "subject": budget}],
    )
    governance.proposal_submit(proposal_id=proposal.pk, by=team)
    meeting = MeetingFactory(
        body=board, starts_at=timezone.now() - timedelta(days=decided_days_ago)
    )
    governance.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    proposal.refresh_from_db()
    return proposal


def decide(proposal, users, outcome="aangenomen"):
    decision = proposal.decisions.get()
    governance.meeting_record(
        proposal_id=proposal.pk, by=users["secretary"], outcomes={decision.pk: {"outcome": outcome}}
    )
    decision.refresh_from_db()
    return decision


def adopt(budget, board, users) -> Budget:
    decide(put_before(budget, board, users), users)
    budget.refresh_from_db()
    return budget


@pytest.fixture
def adopted(concept, board, users):
    return adopt(concept, board, users)
