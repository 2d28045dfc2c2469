"""The one decide step (services.decisions.decision_record): a decision that names an adoptable
subject adopts it in the same transaction, whichever way it is decided (a meeting, a written
round closed by a person or by the command); rejecting or deferring leaves it a concept; a
subject that cannot be adopted rolls the whole decision back. Uses the small adoptable test
model of tests/adoptable (installed by avk/settings_test.py only)."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from avk.policy import Refused
from governance import services
from governance.models import DecisionKind, Proposal, ProposedDecision
from tests.adoptable.models import Plan
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(programme):
    return Plan.objects.create(programme=programme, title="Faseplan 3")


def propose(programme, board, users, plan, *, status="ingediend"):
    """A proposal whose second decision adopts `plan`, brought to `status` by the team."""
    team = users["programme_team"]
    proposal = services.proposal_create(
        programme=programme,
        body=board,
        title="Vaststellen faseplan 3",
        drafter=team,
        by=team,
        decisions=[
            {"kind": DecisionKind.TAKE_NOTE, "text": "kennis te nemen van de toelichting"},
            {"kind": DecisionKind.AGREE, "text": "faseplan 3 vast te stellen", "subject": plan},
        ],
    )
    services.proposal_submit(proposal_id=proposal.pk, by=team)
    if status == "geagendeerd":
        meeting = MeetingFactory(body=board, starts_at=timezone.now() - timedelta(hours=1))
        services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    elif status == "schriftelijke_ronde":
        services.round_open(
            proposal_id=proposal.pk, deadline=timezone.now() + timedelta(days=3), by=team
        )
    proposal.refresh_from_db()
    return proposal


def record(proposal, by, outcome):
    note, agree = proposal.decisions.order_by("position")
    return services.meeting_record(
        proposal_id=proposal.pk,
        by=by,
        outcomes={note.pk: {"outcome": "kennisgenomen"}, agree.pk: {"outcome": outcome}},
    )


def test_the_subject_is_written_on_the_proposed_decision(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="concept")
    decision = proposal.decisions.get(position=2)
    assert decision.subject == plan
    assert proposal.decisions.get(position=1).subject is None


def test_adopted_in_a_meeting_adopts_the_plan_with_the_decision(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="geagendeerd")
    record(proposal, users["secretary"], "aangenomen")
    plan.refresh_from_db()
    decision = proposal.decisions.get(position=2)
    assert plan.status == Plan.Status.ADOPTED
    assert plan.adopted_by == decision
    assert decision.outcome == "aangenomen"
    assert decision.number == f"DB-{decision.decided_on.year}-001"  # numbering as always
    assert decision.history.first().history_change_reason == "decision.adopted"


def test_adopted_with_amendment_adopts_too(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="geagendeerd")
    note, agree = proposal.decisions.order_by("position")
    services.meeting_record(
        proposal_id=proposal.pk,
        by=users["programme_team"],
        outcomes={
            note.pk: {"outcome": "kennisgenomen"},
            agree.pk: {"outcome": "aangenomen_met_wijziging", "amended_text": "per 2025"},
        },
    )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ADOPTED and plan.adopted_by == agree


@pytest.mark.parametrize("by_command", [False, True])
def test_adopted_by_a_written_round_adopts_the_plan(programme, board, users, plan, by_command):
    from django.contrib.auth import get_user_model

    proposal = propose(programme, board, users, plan, status="schriftelijke_ronde")
    agree = proposal.decisions.get(position=2)
    for username in ["board", "chair", "member2"]:
        services.vote_cast(
            proposal_id=proposal.pk,
            by=get_user_model().objects.get(username=username),
            votes={agree.pk: ("voor", "")},
        )
    if by_command:
        Proposal.objects.filter(pk=proposal.pk).update(
            round_deadline=timezone.now() - timedelta(minutes=1)
        )
        call_command("close_written_rounds", stdout=io.StringIO())
    else:
        services.round_close(proposal_id=proposal.pk, by=users["programme_team"])
    plan.refresh_from_db()
    agree.refresh_from_db()
    assert agree.outcome == "aangenomen" and agree.number
    assert plan.status == Plan.Status.ADOPTED and plan.adopted_by == agree


@pytest.mark.parametrize("outcome", ["verworpen", "aangehouden"])
def test_rejected_or_deferred_leaves_the_plan_a_concept(programme, board, users, plan, outcome):
    proposal = propose(programme, board, users, plan, status="geagendeerd")
    record(proposal, users["secretary"], outcome)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.CONCEPT and plan.adopted_by is None
    assert proposal.decisions.get(position=2).outcome == outcome


def test_rejected_in_a_written_round_leaves_the_plan_a_concept(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="schriftelijke_ronde")
    Proposal.objects.filter(pk=proposal.pk).update(
        round_deadline=timezone.now() - timedelta(minutes=1)
    )
    services.round_close(proposal_id=proposal.pk, by=users["programme_team"])
    plan.refresh_from_db()
    assert proposal.decisions.get(position=2).outcome == "verworpen"
    assert plan.status == Plan.Status.CONCEPT


def test_a_refusing_adopter_rolls_the_whole_decision_back(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="geagendeerd")
    Plan.objects.filter(pk=plan.pk).update(title="")  # the plan's own check now refuses
    with pytest.raises(ValidationError) as refused:
        record(proposal, users["secretary"], "aangenomen")
    assert "Een plan zonder titel kan niet worden vastgesteld." in " ".join(refused.value.messages)
    proposal.refresh_from_db()
    plan.refresh_from_db()
    assert proposal.status == "geagendeerd"
    assert list(proposal.decisions.values_list("outcome", "number")) == [("", None), ("", None)]
    assert plan.status == Plan.Status.CONCEPT
    assert proposal.agenda_items.get().meeting.status == "gepland"


def test_putting_it_before_the_board_asks_the_adopter(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="ingediend")
    Plan.objects.filter(pk=plan.pk).update(title="")
    meeting = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=2))
    with pytest.raises(ValidationError, match="zonder titel"):
        services.proposal_schedule(
            proposal_id=proposal.pk, meeting=meeting, by=users["programme_team"]
        )
    with pytest.raises(ValidationError, match="zonder titel"):
        services.round_open(
            proposal_id=proposal.pk,
            deadline=timezone.now() + timedelta(days=3),
            by=users["programme_team"],
        )
    proposal.refresh_from_db()
    assert proposal.status == "ingediend"


def test_a_subject_that_is_not_adoptable_is_refused(programme, board, users):
    team = users["programme_team"]
    with pytest.raises(ValidationError) as refused:
        services.proposal_create(
            programme=programme,
            body=board,
            title="Een orgaan vaststellen?",
            drafter=team,
            by=team,
            decisions=[
                {"kind": "instemmen", "text": "het orgaan vast te stellen", "subject": board}
            ],
        )
    assert "kan niet door een besluit worden vastgesteld" in " ".join(refused.value.messages)
    assert not Proposal.objects.exists()


def test_a_subject_of_another_programme_is_refused(programme, other_programme, board, users):
    theirs = Plan.objects.create(programme=other_programme, title="Hun plan")
    team = users["programme_team"]
    concept = services.proposal_create(
        programme=programme, body=board, title="Concept", drafter=team, by=team
    )
    with pytest.raises(ValidationError) as refused:
        services.proposal_update(
            proposal_id=concept.pk,
            version=concept.version,
            by=team,
            decisions=[
                {"kind": "instemmen", "text": "hun plan vast te stellen", "subject": theirs}
            ],
        )
    assert [e.code for e in refused.value.error_list] == ["other_programme"]
    assert not ProposedDecision.objects.filter(subject_id=theirs.pk).exists()


def test_the_one_table_of_outcomes_holds_for_every_path(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="geagendeerd")
    note = proposal.decisions.get(position=1)
    with pytest.raises(ValidationError, match="kan niet de uitkomst"):
        services.decision_record(decision=note, outcome="aangenomen", by=users["secretary"])


def test_the_decide_step_asks_the_gate(programme, board, users, plan):
    proposal = propose(programme, board, users, plan, status="geagendeerd")
    agree = proposal.decisions.get(position=2)
    for who in ["board", "partner_contact", "reader", "other_team"]:
        with pytest.raises(Refused):
            services.decision_record(decision=agree, outcome="aangenomen", by=users[who])
    plan.refresh_from_db()
    assert plan.status == Plan.Status.CONCEPT


def test_numbers_continue_per_body_and_year_with_subjects(programme, board, users):
    first = Plan.objects.create(programme=programme, title="Plan een")
    second = Plan.objects.create(programme=programme, title="Plan twee")
    numbers = []
    for plan in (first, second):
        proposal = propose(programme, board, users, plan, status="geagendeerd")
        record(proposal, users["secretary"], "aangenomen")
        numbers.append(proposal.decisions.get(position=2).number)
    year = timezone.localdate().year
    assert numbers == [f"DB-{year}-001", f"DB-{year}-002"]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.adopted_by.number == numbers[0] and second.adopted_by.number == numbers[1]
