"""Governance fixtures: the AVK's daily board with members, and a proposal in each state."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from governance import services
from governance.models import DecisionKind
from tests.factories import BodyFactory, MeetingFactory, MembershipFactory, UserFactory


@pytest.fixture
def board(programme, users):
    """The DB of `programme`: chair + 2 members (users['board'] among them) + a secretary
    (users['secretary'], no vote)."""
    body = BodyFactory(programme=programme, code="DB", name="Dagelijks Bestuur")
    MembershipFactory(body=body, user=users["board"], role="lid")
    MembershipFactory(body=body, user=UserFactory(username="chair"), role="voorzitter")
    MembershipFactory(body=body, user=UserFactory(username="member2"), role="lid")
    MembershipFactory(body=body, user=users["secretary"], role="secretaris")
    return body


@pytest.fixture
def other_board(other_programme):
    return BodyFactory(programme=other_programme, code="DB", name="Dagelijks Bestuur Landerd")


DECISIONS = [
    {"kind": DecisionKind.TAKE_NOTE, "text": "kennis te nemen van dit voorstel"},
    {"kind": DecisionKind.AGREE, "text": "in te stemmen met de regievorm"},
    {"kind": DecisionKind.AGREE, "text": "in te stemmen met een nadere uitwerking"},
]


def make_proposal(programme, body, users, *, status="concept", deadline_days=3):
    team = users["programme_team"]
    proposal = services.proposal_create(
        programme=programme,
        body=body,
        title="Randvoorwaarden en programma-organisatie",
        drafter=team,
        drafter_function="projectleider",
        date=date(2023, 6, 19),
        introduction="Inleiding",
        content="Tekst",
        decisions=DECISIONS,
        by=team,
    )
    if status == "concept":
        return proposal
    services.proposal_submit(proposal_id=proposal.pk, by=team)
    if status == "ingediend":
        proposal.refresh_from_db()
        return proposal
    if status in ("geagendeerd", "besloten"):
        meeting = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(hours=2))
        services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
        if status == "besloten":
            services.meeting_record(
                proposal_id=proposal.pk,
                by=team,
                outcomes={
                    d.pk: {"outcome": "kennisgenomen" if d.kind == "kennisnemen" else "aangenomen"}
                    for d in proposal.decisions.all()
                },
            )
    elif status == "schriftelijke_ronde":
        services.round_open(
            proposal_id=proposal.pk,
            deadline=timezone.now() + timedelta(days=deadline_days),
            by=team,
        )
    elif status == "ingetrokken":
        services.proposal_withdraw(proposal_id=proposal.pk, by=team)
    proposal.refresh_from_db()
    return proposal


@pytest.fixture
def make(programme, board, users):
    def factory(status="concept", **kwargs):
        return make_proposal(programme, board, users, status=status, **kwargs)

    return factory
