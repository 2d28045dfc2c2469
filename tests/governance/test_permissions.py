"""The access matrix: every role x action, in the own programme and in the other one.

Users (tests/conftest.py): programme_team, board (a voting member of the DB), secretary
(secretariat role + the DB's secretary, no vote), partner_contact, reader, other_team (the other
programme's team), nobody, superuser, former_team (team role ended yesterday)."""

import pytest

from governance import permissions as policy
from governance import selectors
from tests.governance.conftest import make_proposal

pytestmark = pytest.mark.django_db

WHO = [
    "programme_team",
    "board",
    "secretary",
    "partner_contact",
    "reader",
    "other_team",
    "nobody",
    "superuser",
    "former_team",
]


def row(*allowed):
    return {who: who in allowed for who in WHO}


# action, status of the proposal, who may (in the proposal's own programme)
OWN = [
    ("view", "concept", row("programme_team", "secretary", "superuser")),
    ("view", "ingediend", row("programme_team", "board", "secretary", "superuser")),
    ("view", "geagendeerd", row("programme_team", "board", "secretary", "superuser")),
    ("view", "schriftelijke_ronde", row("programme_team", "board", "secretary", "superuser")),
    (
        "view",
        "besloten",
        row("programme_team", "board", "secretary", "partner_contact", "reader", "superuser"),
    ),
    ("view", "ingetrokken", row("programme_team", "board", "secretary", "superuser")),
    ("edit", "concept", row("programme_team", "secretary", "superuser")),
    ("edit", "ingediend", row()),
    ("submit", "concept", row("programme_team", "secretary", "superuser")),
    ("schedule", "ingediend", row("programme_team", "secretary", "superuser")),
    ("open_round", "ingediend", row("programme_team", "secretary", "superuser")),
    ("close_round", "schriftelijke_ronde", row("programme_team", "secretary", "superuser")),
    ("withdraw", "ingediend", row("programme_team", "secretary", "superuser")),
    ("record", "geagendeerd", row("programme_team", "secretary", "superuser")),
    ("vote", "schriftelijke_ronde", row("board")),
    ("vote", "ingediend", row()),
    ("attach", "concept", row("programme_team", "secretary", "superuser")),
    ("attach", "besloten", row()),
]


@pytest.fixture
def proposals(programme, board, users):
    cache = {}

    def get(status):
        if status not in cache:
            cache[status] = make_proposal(programme, board, users, status=status)
        return cache[status]

    return get


@pytest.fixture
def other_proposals(other_programme, other_board, users):
    from tests.factories import MembershipFactory

    MembershipFactory(body=other_board, user=users["other_team"], role="voorzitter")
    cache = {}

    def get(status):
        if status not in cache:
            team = users["other_team"]
            fake = {"programme_team": team}
            cache[status] = make_proposal(other_programme, other_board, fake, status=status)
        return cache[status]

    return get


@pytest.mark.parametrize("action, status, expected", OWN, ids=[f"{a}-{s}" for a, s, _e in OWN])
def test_matrix_own_programme(users, proposals, action, status, expected):
    proposal = proposals(status)
    answers = {who: policy.allowed(users[who], action, proposal) for who in WHO}
    assert answers == expected


# In the OTHER programme nobody of ours may do anything; only its own team and superusers.
OTHER = [
    ("view", "concept", row("other_team", "superuser")),
    ("view", "besloten", row("other_team", "superuser")),
    ("edit", "concept", row("other_team", "superuser")),
    ("schedule", "ingediend", row("other_team", "superuser")),
    ("record", "geagendeerd", row("other_team", "superuser")),
    ("close_round", "schriftelijke_ronde", row("other_team", "superuser")),
    ("vote", "schriftelijke_ronde", row("other_team")),  # the chair of the other DB
]


@pytest.mark.parametrize("action, status, expected", OTHER, ids=[f"{a}-{s}" for a, s, _e in OTHER])
def test_matrix_other_programme(users, other_proposals, action, status, expected):
    proposal = other_proposals(status)
    answers = {who: policy.allowed(users[who], action, proposal) for who in WHO}
    assert answers == expected


def test_drafter_sees_and_edits_own_concept(programme, board, users):
    from avk.access import Role
    from tests.factories import RoleAssignmentFactory, UserFactory

    drafter = UserFactory(username="drafter")
    RoleAssignmentFactory(programme=programme, user=drafter, role=Role.READER)
    team = users["programme_team"]
    from governance import services

    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Eigen",
        drafter=drafter,
        by=team,
        decisions=[{"kind": "instemmen", "text": "x"}],
    )
    assert policy.allowed(drafter, "view", proposal)
    assert policy.allowed(drafter, "edit", proposal)
    assert policy.allowed(drafter, "submit", proposal)
    assert not policy.allowed(drafter, "schedule", proposal)


MEETING = [
    ("view_meeting", row("programme_team", "board", "secretary", "superuser")),
    ("manage_meeting", row("programme_team", "secretary", "superuser")),
]


@pytest.mark.parametrize("action, expected", MEETING, ids=[a for a, _e in MEETING])
def test_meeting_matrix(users, board, action, expected):
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(body=board)
    assert {who: policy.allowed(users[who], action, meeting) for who in WHO} == expected


@pytest.mark.parametrize("action, expected", MEETING, ids=[a for a, _e in MEETING])
def test_meeting_matrix_other_programme(users, other_board, action, expected):
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(body=other_board)
    assert {who: policy.allowed(users[who], action, meeting) for who in WHO} == row(
        "other_team", "superuser"
    )


PROGRAMME = [
    (
        "view_governance",
        row("programme_team", "board", "secretary", "partner_contact", "reader", "superuser"),
    ),
    ("create_proposal", row("programme_team", "secretary", "superuser")),
    ("manage_governance", row("programme_team", "secretary", "superuser")),
    ("view_meetings", row("programme_team", "board", "secretary", "superuser")),
]


@pytest.mark.parametrize("action, expected", PROGRAMME, ids=[a for a, _e in PROGRAMME])
def test_programme_level_matrix(users, programme, other_programme, action, expected):
    assert {who: policy.allowed(users[who], action, programme) for who in WHO} == expected
    assert {who: policy.allowed(users[who], action, other_programme) for who in WHO} == row(
        "other_team", "superuser"
    )


def test_selector_agrees_with_the_policy(users, programme, proposals):
    every = [
        proposals(s)
        for s in [
            "concept",
            "ingediend",
            "geagendeerd",
            "schriftelijke_ronde",
            "besloten",
            "ingetrokken",
        ]
    ]
    for who in WHO:
        visible = set(selectors.proposals_visible(user=users[who], programme=programme))
        assert visible == {p for p in every if policy.can_view_proposal(users[who], p)}, who


def test_non_voting_body_member_without_role_sees_submitted(programme, board, proposals):
    from tests.factories import MembershipFactory, UserFactory

    adviser = UserFactory(username="adviser")
    MembershipFactory(body=board, user=adviser, role="adviseur")
    assert policy.can_view_proposal(adviser, proposals("ingediend"))
    assert not policy.can_view_proposal(adviser, proposals("concept"))
    assert not policy.can_vote(adviser, proposals("schriftelijke_ronde"))
