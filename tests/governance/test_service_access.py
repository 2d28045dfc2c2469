"""The access matrix at the service level: each workflow service asks the gate itself, so the
admin, the demo and commands meet the same refusals as the pages. Per service and role (in the
proposal's programme, and the other programme's team): `Refused` for exactly those the pages
refuse (tests/governance/test_permissions.py holds the policy's matrix)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from avk.access import Role
from avk.policy import Refused
from governance import services
from tests.factories import MeetingFactory, RoleAssignmentFactory, UserFactory
from tests.governance.conftest import DECISIONS

pytestmark = pytest.mark.django_db

WHO = ["programme_team", "secretary", "drafter", "board", "partner_contact", "reader", "other_team"]


@pytest.fixture
def people(programme, users):
    """The conftest's users, plus a drafter: a reader of the programme who drafted the
    proposal (the programme team wrote it down for them)."""
    drafter = UserFactory(username="drafter")
    RoleAssignmentFactory(programme=programme, user=drafter, role=Role.READER)
    return {**users, "drafter": drafter}


def proposal_in(status, programme, board, people):
    team = people["programme_team"]
    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Voorstel",
        drafter=people["drafter"],
        by=team,
        decisions=DECISIONS,
    )
    if status == "concept":
        return proposal
    services.proposal_submit(proposal_id=proposal.pk, by=team)
    if status in ("geagendeerd", "besloten"):
        meeting = MeetingFactory(body=board, starts_at=timezone.now() - timedelta(hours=1))
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
    if status == "schriftelijke_ronde":
        services.round_open(
            proposal_id=proposal.pk, deadline=timezone.now() + timedelta(days=3), by=team
        )
    proposal.refresh_from_db()
    return proposal


def _agree(proposal):
    return proposal.decisions.filter(kind="instemmen").order_by("position")


STEPS = {
    "submit": ("concept", lambda p, b, by: services.proposal_submit(proposal_id=p.pk, by=by)),
    "schedule": (
        "ingediend",
        lambda p, b, by: services.proposal_schedule(
            proposal_id=p.pk,
            meeting=MeetingFactory(body=b, starts_at=timezone.now() + timedelta(days=2)),
            by=by,
        ),
    ),
    "open_round": (
        "ingediend",
        lambda p, b, by: services.round_open(
            proposal_id=p.pk, deadline=timezone.now() + timedelta(days=3), by=by
        ),
    ),
    "close_round": (
        "schriftelijke_ronde",
        lambda p, b, by: services.round_close(proposal_id=p.pk, by=by),
    ),
    "vote": (
        "schriftelijke_ronde",
        lambda p, b, by: services.vote_cast(
            proposal_id=p.pk, by=by, votes={d.pk: ("voor", "") for d in _agree(p)}
        ),
    ),
    "record": (
        "geagendeerd",
        lambda p, b, by: services.meeting_record(
            proposal_id=p.pk,
            by=by,
            outcomes={
                d.pk: {"outcome": "kennisgenomen" if d.kind == "kennisnemen" else "verworpen"}
                for d in p.decisions.all()
            },
        ),
    ),
    "withdraw": ("ingediend", lambda p, b, by: services.proposal_withdraw(proposal_id=p.pk, by=by)),
    "correct": (
        "besloten",
        lambda p, b, by: services.decision_correct(
            decision_id=_agree(p).first().pk, text="verbeterd", by=by
        ),
    ),
}

# service -> who may (everyone else in WHO is refused); as the pages (test_pages.py) and the
# policy's matrix (test_permissions.py) say
MAY = {
    "submit": {"programme_team", "secretary", "drafter"},
    "schedule": {"programme_team", "secretary"},
    "open_round": {"programme_team", "secretary"},
    "close_round": {"programme_team", "secretary"},
    "vote": {"board"},
    "record": {"programme_team", "secretary"},
    "withdraw": {"programme_team", "secretary", "drafter"},
    "correct": {"programme_team", "secretary"},
}

CASES = [(step, who) for step in STEPS for who in WHO]


@pytest.mark.parametrize("step, who", CASES, ids=[f"{s}-{w}" for s, w in CASES])
def test_each_service_refuses_exactly_those_the_pages_refuse(programme, board, people, step, who):
    status, run = STEPS[step]
    proposal = proposal_in(status, programme, board, people)
    before = (proposal.status, proposal.version, proposal.transitions.count())
    if who in MAY[step]:
        if step == "close_round":  # the gate lets them; the workflow waits for the votes
            with pytest.raises(ValidationError, match="zodra alle leden hebben gestemd"):
                run(proposal, board, people[who])
        else:
            run(proposal, board, people[who])
        return
    with pytest.raises(Refused):
        run(proposal, board, people[who])
    proposal.refresh_from_db()
    assert (proposal.status, proposal.version, proposal.transitions.count()) == before


def test_the_other_programmes_team_is_refused_by_every_service(
    programme, board, people, other_board
):
    other = people["other_team"]
    meeting = MeetingFactory(body=board)
    for call in [
        lambda: services.body_create(
            programme=programme,
            kind="stuurgroep",
            name="S",
            code="S",
            steering_level="richten",
            by=other,
        ),
        lambda: services.meeting_create(body=board, starts_at=timezone.now(), by=other),
        lambda: services.meeting_update(meeting_id=meeting.pk, version=1, by=other, place="x"),
        lambda: services.agenda_item_add(meeting=meeting, title="x", by=other),
        lambda: services.action_item_create(
            body=board, meeting=meeting, description="x", owner_text="x", by=other
        ),
        lambda: services.proposal_create(
            programme=programme, body=board, title="x", drafter=other, by=other
        ),
    ]:
        with pytest.raises(Refused):
            call()


@pytest.mark.parametrize("who", ["board", "partner_contact", "reader", "drafter"])
def test_only_managers_plan_meetings_and_keep_minutes(board, people, who):
    meeting = MeetingFactory(body=board)
    with pytest.raises(Refused):
        services.meeting_create(body=board, starts_at=timezone.now(), by=people[who])
    with pytest.raises(Refused):
        services.meeting_update(meeting_id=meeting.pk, version=1, by=people[who], minutes="x")
    meeting.refresh_from_db()
    assert meeting.minutes == "" and meeting.version == 1
