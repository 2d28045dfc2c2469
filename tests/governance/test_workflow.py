"""The proposal state machine: every legal step, every illegal one refused in Dutch."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from avk.policy import Refused
from governance import services
from governance.models import ProposalStatus, Transition
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db
S = ProposalStatus


def test_create_leaves_a_concept_with_numbered_decisions_and_history(make, users):
    proposal = make("concept")
    assert proposal.status == S.CONCEPT
    assert [d.position for d in proposal.decisions.order_by("position")] == [1, 2, 3]
    record = proposal.history.first()
    assert record.history_user == users["programme_team"]
    assert record.history_change_reason == "proposal.drafted"


@pytest.mark.parametrize(
    "status",
    ["concept", "ingediend", "geagendeerd", "schriftelijke_ronde", "besloten", "ingetrokken"],
)
def test_each_status_is_reached_through_the_services(make, status):
    assert make(status).status == status


def test_every_step_leaves_a_transition_with_who_and_when(make, users):
    proposal = make("besloten")
    steps = list(
        Transition.objects.filter(proposal=proposal).values_list(
            "from_status", "to_status", "by__username"
        )
    )
    assert steps == [
        ("", S.CONCEPT, "programme_team"),
        (S.CONCEPT, S.SUBMITTED, "programme_team"),
        (S.SUBMITTED, S.SCHEDULED, "programme_team"),
        (S.SCHEDULED, S.DECIDED, "programme_team"),
    ]
    assert all(t.at for t in proposal.transitions.all())
    latest = proposal.history.first()
    assert latest.history_user == users["programme_team"]
    assert latest.history_change_reason == "proposal.decided"


def test_submit_without_decisions_is_refused(programme, board, users):
    team = users["programme_team"]
    proposal = services.proposal_create(
        programme=programme, body=board, title="Leeg", drafter=team, by=team
    )
    with pytest.raises(ValidationError, match="ten minste één voorgesteld besluit"):
        services.proposal_submit(proposal_id=proposal.pk, by=team)


ILLEGAL = [
    # (status, step, expected Dutch fragment): the gate refuses (the step's rule answers for the
    # proposal's status), saying why
    ("concept", "record", "concept kan niet worden besloten"),
    ("concept", "schedule", "concept kan niet op de agenda"),
    ("concept", "round", "concept kan niet in een schriftelijke ronde"),
    ("concept", "close", "kan niet worden gesloten als schriftelijke ronde"),
    ("ingediend", "submit", "kan niet worden ingediend"),
    ("ingediend", "record", "kan niet worden besloten in een vergadering"),
    ("geagendeerd", "submit", "kan niet worden ingediend"),
    ("geagendeerd", "round", "kan niet in een schriftelijke ronde"),
    ("geagendeerd", "schedule", "kan niet op een agenda worden gezet"),
    ("schriftelijke_ronde", "schedule", "kan niet op een agenda worden gezet"),
    ("schriftelijke_ronde", "record", "kan niet worden besloten in een vergadering"),
    ("besloten", "record", "al besloten"),
    ("besloten", "close", "al besloten"),
    ("besloten", "withdraw", "kan niet worden ingetrokken"),
    ("besloten", "submit", "kan niet worden ingediend"),
    ("besloten", "round", "kan niet in een schriftelijke ronde"),
    ("ingetrokken", "submit", "kan niet worden ingediend"),
    ("ingetrokken", "withdraw", "kan niet worden ingetrokken"),
    ("ingetrokken", "round", "kan niet in een schriftelijke ronde"),
]


def _step(step, proposal, board, team):
    if step == "submit":
        services.proposal_submit(proposal_id=proposal.pk, by=team)
    elif step == "schedule":
        meeting = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=3))
        services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    elif step == "round":
        services.round_open(
            proposal_id=proposal.pk, deadline=timezone.now() + timedelta(days=3), by=team
        )
    elif step == "close":
        services.round_close(proposal_id=proposal.pk, by=team)
    elif step == "record":
        services.meeting_record(
            proposal_id=proposal.pk,
            by=team,
            outcomes={d.pk: {"outcome": "aangenomen"} for d in proposal.decisions.all()},
        )
    elif step == "withdraw":
        services.proposal_withdraw(proposal_id=proposal.pk, by=team)


@pytest.mark.parametrize("status, step, message", ILLEGAL)
def test_illegal_steps_are_refused_with_a_dutch_message(make, board, users, status, step, message):
    proposal = make(status)
    before = proposal.transitions.count()
    with pytest.raises(Refused) as refused:
        _step(step, proposal, board, users["programme_team"])
    assert message in str(refused.value)
    proposal.refresh_from_db()
    assert proposal.status == status
    assert proposal.transitions.count() == before


@pytest.mark.parametrize("status", ["concept", "ingediend", "geagendeerd", "schriftelijke_ronde"])
def test_withdraw_before_decided(make, users, status):
    proposal = services.proposal_withdraw(
        proposal_id=make(status).pk, by=users["programme_team"], note="niet meer nodig"
    )
    assert proposal.status == S.WITHDRAWN
    assert proposal.transitions.last().note == "niet meer nodig"


def test_round_needs_a_deadline_in_the_future(make, users):
    proposal = make("ingediend")
    with pytest.raises(ValidationError, match="in de toekomst"):
        services.round_open(
            proposal_id=proposal.pk,
            deadline=timezone.now() - timedelta(minutes=1),
            by=users["programme_team"],
        )


def test_schedule_refuses_a_meeting_of_another_body(make, users, other_board):
    proposal = make("ingediend")
    meeting = MeetingFactory(body=other_board, starts_at=timezone.now() + timedelta(days=2))
    with pytest.raises(ValidationError, match="ander orgaan"):
        services.proposal_schedule(
            proposal_id=proposal.pk, meeting=meeting, by=users["programme_team"]
        )


def test_recording_before_the_meeting_took_place_is_refused(make, board, users):
    proposal = make("ingediend")
    meeting = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=2))
    services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=users["programme_team"])
    with pytest.raises(ValidationError, match="nog niet plaatsgevonden"):
        _step("record", proposal, board, users["programme_team"])


def _record(proposal, by, outcomes):
    by_position = {d.position: d.pk for d in proposal.decisions.all()}
    return services.meeting_record(
        proposal_id=proposal.pk,
        by=by,
        outcomes={by_position[n]: data for n, data in outcomes.items()},
    )


def test_meeting_outcomes_all_kinds_and_numbers(make, users):
    proposal = make("geagendeerd")
    _record(
        proposal,
        users["programme_team"],
        {
            1: {"outcome": "kennisgenomen"},
            2: {
                "outcome": "aangenomen_met_wijziging",
                "amended_text": "met de regievorm, per 2024",
                "votes_for": 3,
                "votes_against": 1,
                "votes_abstain": 0,
            },
            3: {"outcome": "verworpen", "votes_for": 1, "votes_against": 3},
        },
    )
    proposal.refresh_from_db()
    assert proposal.status == S.DECIDED
    d1, d2, d3 = proposal.decisions.order_by("position")
    assert (d1.outcome, d1.number) == ("kennisgenomen", None)
    year = d2.decided_on.year
    assert d2.number == f"DB-{year}-001"
    assert d2.final_text == "met de regievorm, per 2024"
    assert (d2.votes_for, d2.votes_against, d2.votes_abstain) == (3, 1, 0)
    assert d2.decided_in is not None and d2.decided_via == "vergadering"
    assert (d3.outcome, d3.number) == ("verworpen", None)
    assert d2.decided_in.status == "gehouden"


def test_amended_outcome_needs_the_amended_text(make, users):
    proposal = make("geagendeerd")
    with pytest.raises(ValidationError, match="gewijzigde tekst"):
        _record(
            proposal,
            users["programme_team"],
            {
                1: {"outcome": "kennisgenomen"},
                2: {"outcome": "aangenomen_met_wijziging"},
                3: {"outcome": "aangenomen"},
            },
        )


def test_take_note_decision_cannot_be_adopted(make, users):
    proposal = make("geagendeerd")
    with pytest.raises(ValidationError, match="kan niet de uitkomst"):
        _record(
            proposal,
            users["programme_team"],
            {
                1: {"outcome": "aangenomen"},
                2: {"outcome": "aangenomen"},
                3: {"outcome": "aangenomen"},
            },
        )


def test_every_pending_decision_needs_an_outcome(make, users):
    proposal = make("geagendeerd")
    with pytest.raises(ValidationError, match="uitkomst voor besluit 3"):
        _record(
            proposal,
            users["programme_team"],
            {
                1: {"outcome": "kennisgenomen"},
                2: {"outcome": "aangenomen"},
            },
        )


def test_deferred_decisions_carry_to_a_later_meeting(make, board, users):
    team = users["programme_team"]
    proposal = make("geagendeerd")
    _record(
        proposal,
        team,
        {
            1: {"outcome": "kennisgenomen"},
            2: {"outcome": "aangenomen"},
            3: {"outcome": "aangehouden"},
        },
    )
    proposal.refresh_from_db()
    assert proposal.status == S.SUBMITTED
    assert proposal.transitions.last().note.startswith("aangehouden")
    later = MeetingFactory(body=board, starts_at=timezone.now() - timedelta(minutes=5))
    services.proposal_schedule(proposal_id=proposal.pk, meeting=later, by=team)
    d3 = proposal.decisions.get(position=3)
    # decided ones are final: giving them again is refused
    with pytest.raises(ValidationError, match="definitief"):
        _record(proposal, team, {2: {"outcome": "verworpen"}, 3: {"outcome": "aangenomen"}})
    services.meeting_record(
        proposal_id=proposal.pk, by=team, outcomes={d3.pk: {"outcome": "aangenomen"}}
    )
    proposal.refresh_from_db()
    d3.refresh_from_db()
    assert proposal.status == S.DECIDED
    assert d3.decided_in == later
    year = d3.decided_on.year
    assert d3.number == f"DB-{year}-002"


def test_numbers_continue_per_body_and_year(make, users):
    first = make("besloten")
    second = make("besloten")
    numbers = sorted(d.number for p in (first, second) for d in p.decisions.all() if d.number)
    year = timezone.localdate().year
    assert numbers == [f"DB-{year}-00{n}" for n in (1, 2, 3, 4)]


def test_editing_is_only_for_concepts(make, users):
    team = users["programme_team"]
    concept = make("concept")
    updated = services.proposal_update(
        proposal_id=concept.pk,
        version=concept.version,
        by=team,
        title="Nieuwe titel",
        decisions=[{"kind": "instemmen", "text": "alleen dit"}],
    )
    assert updated.title == "Nieuwe titel"
    assert list(updated.decisions.values_list("position", "text")) == [(1, "alleen dit")]
    submitted = make("ingediend")
    with pytest.raises(Refused, match="alleen een concept"):
        services.proposal_update(
            proposal_id=submitted.pk,
            version=submitted.version,
            by=team,
            decisions=[{"kind": "instemmen", "text": "stiekem"}],
        )
    assert submitted.decisions.count() == 3


def test_concurrent_edit_is_refused(make, users):
    from avk.concurrency import StaleEdit

    team = users["programme_team"]
    proposal = make("concept")
    services.proposal_update(
        proposal_id=proposal.pk, version=proposal.version, by=team, title="Eerst"
    )
    with pytest.raises(StaleEdit):
        services.proposal_update(
            proposal_id=proposal.pk, version=proposal.version, by=team, title="Daarna"
        )


def test_correction_is_a_new_decision_referring_to_the_old(make, users):
    proposal = make("besloten")
    old = proposal.decisions.get(position=2)
    new = services.decision_correct(
        decision_id=old.pk,
        text="in te stemmen met de regievorm vanaf 2024",
        by=users["secretary"],
    )
    old.refresh_from_db()
    assert new.corrects == old
    assert list(old.corrected_by.all()) == [new]
    assert new.position == 4 and new.outcome == "aangenomen"
    assert new.number.endswith("-003")
    assert old.outcome == "aangenomen" and old.text == "in te stemmen met de regievorm"
    with pytest.raises(Refused, match="genomen besluit"):
        services.decision_correct(
            decision_id=make("ingediend").decisions.first().pk, text="x", by=users["secretary"]
        )


def test_each_body_has_its_own_number_series(make, users, other_programme, other_board):
    from tests.governance.conftest import make_proposal

    ours = make("besloten")
    theirs = make_proposal(
        other_programme, other_board, {"programme_team": users["other_team"]}, status="besloten"
    )
    year = timezone.localdate().year
    assert ours.decisions.get(position=2).number == f"DB-{year}-001"
    assert theirs.decisions.get(position=2).number == f"DB-{year}-001"
    assert theirs.decisions.get(position=2).numbered_body == other_board
