"""Phase plans: the selection (only the programme's own items), concept -> vastgesteld only
through a board decision (refused otherwise), read-only once adopted, -> afgesloten, freezing
(later DIN and budget edits leave an adopted plan as it was), putting a plan before the board,
and the reflection's attention points it takes up."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from avk.policy import Refused
from budget import services as budget_services
from programme.din import services as din_services
from programme.phases import selectors, services
from programme.phases.models import PhasePlan, PhasePlanStatus
from reflection.models import FollowUpStatus
from tests.programme.phase_plans_setup import decide, make_budget, make_plan, put_before

pytestmark = pytest.mark.django_db


# The selection ---------------------------------------------------------------------------------


def test_a_new_plan_is_a_concept_that_takes_up_what_was_selected(concept, din):
    assert concept.status == PhasePlanStatus.CONCEPT and concept.frozen is None
    data = selectors.contents(concept)
    titles = [g["title"] for line in data["lines"] for g in line["strategic_goals"]]
    assert titles == [g.title for g in din["strategic"]]
    assert {e["title"] for e in data["efforts"]} == {e.title for e in din["efforts"]}
    effort = data["efforts"][0]
    assert effort["start"] == "2023-08-01" and len(effort["partners"]) == 2
    assert concept.history.last().history_change_reason == "phaseplan.created"
    assert concept.history.first().history_change_reason == "phaseplan.selection"


def test_an_operational_goal_brings_its_strategic_goal_along(programme, users, din):
    plan = services.plan_create(
        programme=programme, by=users["secretary"], number=3, title="Faseplan 3",
        valid_from=date(2025, 8, 1), valid_until=date(2026, 7, 31),
    )  # fmt: skip
    services.selection_set(
        plan_id=plan.pk,
        version=None,
        by=users["secretary"],
        operational_goals=[din["operational"][2].pk],
    )
    assert list(plan.strategic_goals.values_list("goal_id", flat=True)) == [din["strategic"][1].pk]


@pytest.mark.parametrize("kind", ["strategic_goals", "operational_goals", "efforts"])
def test_items_of_another_programme_are_refused(concept, users, foreign, kind):
    items = {
        "strategic_goals": [foreign["strategic"][0].pk],
        "operational_goals": [foreign["operational"][0].pk],
        "efforts": {foreign["efforts"][0].pk: None},
    }
    with pytest.raises(ValidationError) as refused:
        services.selection_set(
            plan_id=concept.pk, version=None, by=users["programme_team"], **{kind: items[kind]}
        )
    assert kind in refused.value.message_dict
    assert concept.efforts.count() == 3  # nothing changed


def test_a_planning_outside_the_period_or_backwards_is_refused(concept, users, din):
    effort = din["efforts"][0]
    with pytest.raises(ValidationError) as outside:
        services.selection_set(
            plan_id=concept.pk,
            version=None,
            by=users["programme_team"],
            efforts={effort.pk: (date(2022, 1, 1), date(2022, 6, 1))},
        )
    assert effort.title in " ".join(outside.value.message_dict["efforts"])
    with pytest.raises(ValidationError):
        services.selection_set(
            plan_id=concept.pk,
            version=None,
            by=users["programme_team"],
            efforts={effort.pk: (date(2024, 6, 1), date(2024, 1, 1))},
        )


def test_a_stale_selection_is_refused(concept, users):
    from avk.concurrency import StaleEdit

    with pytest.raises(StaleEdit):
        services.selection_set(
            plan_id=concept.pk, version=concept.version - 1, by=users["programme_team"]
        )


def test_copying_a_plan_takes_its_texts_and_selection(concept, programme, users):
    copy = services.plan_create(
        programme=programme, by=users["programme_team"], copy_from=concept, number=2,
        title="Faseplan 2", valid_from=date(2024, 8, 1), valid_until=date(2025, 8, 31),
    )  # fmt: skip
    assert copy.foreword == concept.foreword and copy.thanks == concept.thanks
    assert copy.efforts.count() == 3 and copy.operational_goals.count() == 3
    assert copy.history.first().history_change_reason == "phaseplan.copied"


# Adoption: only through the board's decision -----------------------------------------------------


def test_the_board_decision_adopts_and_freezes_the_plan(concept, board, users):
    decision = decide(put_before(concept, board, users), users)
    concept.refresh_from_db()
    assert concept.status == PhasePlanStatus.ADOPTED
    assert concept.adopted_by == decision and concept.adopted_on == decision.decided_on
    assert decision.number.startswith("DB-")
    assert concept.frozen["frozen_on"] == decision.decided_on.isoformat()
    assert concept.frozen["decision"] == decision.number
    assert concept.history.first().history_change_reason == "phaseplan.adopted"


@pytest.mark.parametrize("outcome", ["verworpen", "aangehouden"])
def test_rejecting_or_deferring_leaves_a_concept(concept, board, users, outcome):
    decide(put_before(concept, board, users), users, outcome=outcome)
    concept.refresh_from_db()
    assert concept.status == PhasePlanStatus.CONCEPT and concept.frozen is None


def test_there_is_no_other_way_to_adopt(concept, users):
    for name in ("status", "adopted_by", "frozen"):
        assert not PhasePlan._meta.get_field(name).editable
    with pytest.raises(TypeError):
        services.plan_update(
            plan_id=concept.pk, version=concept.version, by=users["programme_team"], status="x"
        )
    with pytest.raises(ValidationError) as refused:
        services.plan_adopt(concept, decision=None, by=users["programme_team"])
    assert refused.value.code == "no_decision"
    concept.refresh_from_db()
    assert concept.status == PhasePlanStatus.CONCEPT


def test_a_decision_that_is_not_adopted_or_names_another_subject_adopts_nothing(
    concept, board, users, budget
):
    proposal = put_before(concept, board, users)
    open_decision = proposal.decisions.get()
    with pytest.raises(ValidationError):  # not decided yet
        services.plan_adopt(concept, decision=open_decision, by=users["secretary"])
    other = make_plan(concept.programme, users["programme_team"], {
        "strategic": [], "operational": [], "efforts": []}, number=5)  # fmt: skip
    decision = decide(proposal, users)
    with pytest.raises(ValidationError):  # adopted, but it names `concept`
        services.plan_adopt(other, decision=decision, by=users["secretary"])
    other.refresh_from_db()
    assert other.status == PhasePlanStatus.CONCEPT


def test_an_empty_plan_or_an_unbalanced_budget_cannot_go_before_the_board(
    programme, users, din, board
):
    empty = services.plan_create(
        programme=programme, by=users["programme_team"], number=7, title="Faseplan 7",
        valid_from=date(2023, 8, 1), valid_until=date(2024, 8, 31),
    )  # fmt: skip
    with pytest.raises(ValidationError) as no_goals:
        put_before(empty, board, users)
    assert "Faseplan 7" in " ".join(no_goals.value.messages)
    unbalanced = make_budget(
        programme, users["programme_team"], funds=Decimal("1000"), start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )  # fmt: skip
    plan = make_plan(programme, users["programme_team"], din, number=8, budget=unbalanced)
    with pytest.raises(ValidationError) as gap:
        services.plan_submit(plan_id=plan.pk, body=board, by=users["secretary"])
    assert "€\u00a01.000" in " ".join(gap.value.messages)


def test_putting_it_before_the_board_with_its_budget(concept, board, users, budget):
    proposal = services.plan_submit(
        plan_id=concept.pk, body=board, by=users["secretary"], with_budget=True
    )
    first, second = proposal.decisions.order_by("position")
    assert (first.subject, second.subject) == (budget, concept)
    assert proposal.status == "ingediend"
    with pytest.raises(ValidationError):  # once is enough
        services.plan_submit(plan_id=concept.pk, body=board, by=users["secretary"])
    from governance import services as governance
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(body=board)
    governance.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=users["secretary"])
    decide(proposal, users)
    concept.refresh_from_db()
    budget.refresh_from_db()
    assert concept.status == PhasePlanStatus.ADOPTED and budget.status == "vastgesteld"
    assert concept.frozen["budget"]["status"] == "vastgesteld"


def test_an_adopted_plan_is_read_only_and_the_team_closes_it(adopted, users):
    with pytest.raises(Refused) as refused:
        services.plan_update(
            plan_id=adopted.pk, version=adopted.version, by=users["programme_team"], title="x"
        )
    assert "vastgesteld" in str(refused.value) or "adopted" in str(refused.value)
    with pytest.raises(Refused):
        services.selection_set(plan_id=adopted.pk, version=None, by=users["programme_team"])
    with pytest.raises(Refused):
        services.plan_close(plan_id=adopted.pk, by=users["secretary"])
    closed = services.plan_close(plan_id=adopted.pk, by=users["programme_team"])
    assert closed.status == PhasePlanStatus.CLOSED and closed.closed_on is not None
    with pytest.raises(Refused):
        services.plan_close(plan_id=adopted.pk, by=users["programme_team"])


def test_a_concept_cannot_be_closed(concept, users):
    with pytest.raises(Refused):
        services.plan_close(plan_id=concept.pk, by=users["programme_team"])


# Freezing ---------------------------------------------------------------------------------------


def test_din_and_budget_edits_after_adoption_leave_the_adopted_plan_as_it_was(
    adopted, din, users, budget
):
    team = users["programme_team"]
    before = selectors.contents(adopted)
    effort = din["efforts"][0]
    din_services.effort_update(
        effort_id=effort.pk,
        version=effort.version,
        by=team,
        title="Een nieuwe titel",
        start_month=date(2024, 1, 1),
        end_month=date(2024, 6, 1),
        partners=[],
    )
    goal = din["strategic"][0]
    din_services.strategic_goal_update(
        goal_id=goal.pk, version=goal.version, by=team, title="Een ander doel"
    )
    line = budget.lines.get(description="Congres")
    budget_services.line_update(line_id=line.pk, version=line.version, by=team, amount=1)
    adopted.refresh_from_db()
    after = selectors.contents(adopted)
    assert after == before
    titles = {e["title"] for e in after["efforts"]}
    assert effort.title in titles and "Een nieuwe titel" not in titles
    assert after["budget"]["costs_total"] == "107962.00"
    # a concept, by contrast, reads the DIN as it is now
    live = selectors.live_contents(adopted)
    assert "Een nieuwe titel" in {e["title"] for e in live["efforts"]}


# Attention points from the reflection -------------------------------------------------------------


@pytest.fixture
def point(programme, users):
    from reflection import services as reflection

    round_ = reflection.round_create(
        programme=programme, by=users["programme_team"], title="Eilanden 2024", year=2024
    )
    framework = reflection.framework_create(
        by=users["superuser"], name="Lemniscaat", description="", categories=[]
    )
    session = reflection.session_create(
        round_=round_,
        by=users["programme_team"],
        level="programmateam",
        date=date(2024, 6, 2),
        framework=framework,
    )
    return reflection.point_add(
        session=session, by=users["programme_team"], title="Monitoring, effectiviteit"
    )


def test_a_concept_takes_up_an_attention_point(concept, users, point):
    link = services.attention_take_up(
        plan_id=concept.pk, point_id=point.pk, by=users["programme_team"]
    )
    point.refresh_from_db()
    assert point.status == FollowUpStatus.TAKEN_UP and link.target == concept
    assert [p["title"] for p in selectors.contents(concept)["attention_points"]] == [point.title]
    with pytest.raises(ValidationError):  # once
        services.attention_take_up(
            plan_id=concept.pk, point_id=point.pk, by=users["programme_team"]
        )
    services.attention_release(plan_id=concept.pk, link_id=link.pk, by=users["programme_team"])
    point.refresh_from_db()
    assert point.status == FollowUpStatus.OPEN
    assert selectors.contents(concept)["attention_points"] == []


def test_an_attention_point_of_another_programme_is_refused(concept, users, point, other_programme):
    point.programme = other_programme
    point.save(update_fields=["programme"])
    with pytest.raises(ValidationError) as refused:
        services.attention_take_up(
            plan_id=concept.pk, point_id=point.pk, by=users["programme_team"]
        )
    assert "point" in refused.value.message_dict
