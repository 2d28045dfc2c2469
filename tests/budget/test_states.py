"""A budget's states: concept -> vastgesteld only through a board decision and only when costs
equal coverage (refused with the gap in the message); read-only once adopted, also in the admin;
a change is an amendment (begrotingswijziging) with a decision of its own; -> afgesloten."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from avk.policy import Refused
from budget import selectors, services
from budget.models import Budget, BudgetLine, BudgetStatus, Side, SourceKind
from tests.budget.conftest import adopt, decide, draw_up, put_before

pytestmark = pytest.mark.django_db


def test_a_new_budget_is_a_concept_with_the_member_contributions_derived(concept):
    assert concept.status == BudgetStatus.CONCEPT and concept.revision == 0
    derived = concept.lines.get(derived=True)
    assert (derived.side, derived.source_kind) == (Side.COVERAGE, SourceKind.MEMBERS)
    costs, coverage = selectors.balance_of(concept)
    assert costs == coverage == Decimal("173835.00")  # 10.000 of it from the commitments
    assert concept.history.last().history_change_reason == "budget.created"


def test_an_unbalanced_budget_is_refused_with_the_gap(programme, users, members, board):
    budget = draw_up(programme, users["programme_team"], funds=Decimal("163334.50"))
    with pytest.raises(ValidationError) as refused:
        services.budget_check(budget)
    assert refused.value.code == "unbalanced"
    message = " ".join(refused.value.messages)
    assert "€\u00a0500,50" in message  # the gap, in the portal's money format
    assert "€\u00a0173.835" in message and "€\u00a0173.334,50" in message
    # the board cannot put it on its agenda either: the decide step's own check refuses
    with pytest.raises(ValidationError) as on_agenda:
        put_before(budget, board, users)
    assert "€\u00a0500,50" in " ".join(on_agenda.value.messages)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.CONCEPT


def test_the_board_decision_adopts_the_budget_and_fixes_the_member_contributions(
    concept, board, users
):
    proposal = put_before(concept, board, users)
    decision = decide(proposal, users)
    concept.refresh_from_db()
    assert concept.status == BudgetStatus.ADOPTED
    assert concept.adopted_by == decision and concept.adopted_on == decision.decided_on
    assert decision.number.startswith("DB-")
    assert concept.lines.get(derived=True).amount == Decimal("10000.00")
    assert concept.history.first().history_change_reason == "budget.adopted"
    assert concept.history.first().history_details == {"number": decision.number}


@pytest.mark.parametrize("outcome", ["verworpen", "aangehouden"])
def test_rejecting_or_deferring_leaves_a_concept(concept, board, users, outcome):
    decide(put_before(concept, board, users), users, outcome=outcome)
    concept.refresh_from_db()
    assert concept.status == BudgetStatus.CONCEPT and concept.adopted_by is None


def test_there_is_no_other_way_to_adopt(concept, users):
    assert not Budget._meta.get_field("status").editable
    assert not Budget._meta.get_field("adopted_by").editable
    with pytest.raises(TypeError):
        services.budget_update(
            budget_id=concept.pk, version=concept.version, by=users["programme_team"], status="x"
        )


def test_putting_it_before_the_board_drafts_and_submits_a_proposal(concept, board, users):
    proposal = services.budget_submit(budget_id=concept.pk, body=board, by=users["secretary"])
    decision = proposal.decisions.get()
    assert proposal.status == "ingediend" and decision.subject == concept
    assert "€\u00a0173.835" in decision.text
    with pytest.raises(ValidationError):  # once is enough
        services.budget_submit(budget_id=concept.pk, body=board, by=users["secretary"])
    assert [d.pk for d in selectors.pending_decisions(concept)] == [decision.pk]


def test_an_unbalanced_budget_is_not_put_before_the_board(programme, users, members, board):
    budget = draw_up(programme, users["programme_team"], funds=Decimal("1"))
    with pytest.raises(ValidationError, match="163.834"):
        services.budget_submit(budget_id=budget.pk, body=board, by=users["secretary"])


def test_an_adopted_budget_is_read_only_for_everyone(adopted, users):
    team = users["programme_team"]
    line = adopted.lines.get(description="Programmaleiding")
    attempts = [
        lambda: services.line_add(
            budget_id=adopted.pk, by=team, side=Side.COSTS, description="Extra", amount=1
        ),
        lambda: services.line_update(line_id=line.pk, version=line.version, by=team, amount=1),
        lambda: services.line_remove(line_id=line.pk, by=team),
        lambda: services.budget_update(
            budget_id=adopted.pk, version=adopted.version, by=users["superuser"], title="Anders"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(Refused) as refused:
            attempt()
        assert "begrotingswijziging" in str(refused.value)
    line.refresh_from_db()
    assert line.amount == Decimal("97962.00")


def test_an_adopted_budget_is_read_only_on_its_pages(client, adopted, users):
    client.force_login(users["programme_team"])
    line = adopted.lines.first()
    for url in [
        reverse("budget:line-edit", args=["avk", line.pk]),
        reverse("budget:line-add", args=["avk", adopted.pk, "kosten"]),
        reverse("budget:edit", args=["avk", adopted.pk]),
        reverse("budget:lines-import", args=["avk", adopted.pk]),
    ]:
        assert client.get(url).status_code == 403
        assert client.post(url, {"description": "x", "amount": "1"}).status_code == 403
    page = client.get(adopted.get_absolute_url()).content.decode()
    assert reverse("budget:line-edit", args=["avk", line.pk]) not in page


def test_an_adopted_budget_is_read_only_in_the_admin(client, adopted, users):
    client.force_login(users["superuser"])
    url = reverse("admin:budget_budget_change", args=[adopted.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(url, {"title": "Anders", "version": adopted.version})
    assert response.status_code == 403
    adopted.refresh_from_db()
    assert adopted.title == "Programmabegroting 2025"


def test_a_concept_is_edited_in_the_admin_through_the_service(client, concept, users):
    client.force_login(users["superuser"])
    url = reverse("admin:budget_budget_change", args=[concept.pk])
    response = client.post(
        url,
        {
            "title": "Begroting 2025",
            "valid_from": "2025-01-01",
            "valid_until": "2025-12-31",
            "explanation": "",
            "version": concept.version,
        },
    )
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.title == "Begroting 2025"
    assert concept.history.first().history_change_reason == "budget.edited"


def test_an_amendment_is_a_new_version_with_a_decision_of_its_own(adopted, board, users):
    team = users["programme_team"]
    first_line = adopted.lines.get(description="Programmaleiding")
    services.realisation_record(
        budget_id=adopted.pk, by=team, line=first_line, booked_on=date(2025, 3, 1), amount=100
    )
    amendment = services.budget_amend(budget_id=adopted.pk, by=team)
    assert (amendment.revision, amendment.amends, amendment.status) == (1, adopted, "concept")
    assert "1" in amendment.label and amendment.label != adopted.label
    copy = amendment.lines.get(description="Programmaleiding")
    assert copy.lineage == first_line.lineage and copy.pk != first_line.pk
    with pytest.raises(Refused):  # one amendment at a time
        services.budget_amend(budget_id=adopted.pk, by=team)
    services.line_update(line_id=copy.pk, version=copy.version, by=team, amount=Decimal("98962"))
    funds = amendment.lines.get(source_kind=SourceKind.FUNDS)
    services.line_update(
        line_id=funds.pk, version=funds.version, by=team, amount=funds.amount + 1000
    )
    adopt(amendment, board, users)
    amendment.refresh_from_db()
    adopted.refresh_from_db()
    assert amendment.status == BudgetStatus.ADOPTED
    assert adopted.status == BudgetStatus.ADOPTED  # kept as it was, with its own decision
    assert adopted.history.first().history_change_reason == "budget.amended"
    assert BudgetLine.objects.get(pk=first_line.pk).amount == Decimal("97962.00")
    sheet = selectors.budget_sheet(adopted)
    assert sheet.superseded and sheet.current == amendment
    # the realisation recorded on the first version counts for the amended line
    row = next(r for r in selectors.budget_sheet(amendment).costs.rows if r.line == copy)
    assert (row.planned, row.realised) == (Decimal("98962.00"), Decimal("100.00"))
    # and is recorded on the version in force from now on
    with pytest.raises(Refused):
        services.realisation_record(
            budget_id=adopted.pk, by=team, line=first_line, booked_on=date(2025, 4, 1), amount=1
        )


def test_closing_the_year(adopted, users):
    with pytest.raises(Refused):  # only the programme team closes
        services.budget_close(budget_id=adopted.pk, by=users["secretary"])
    closed = services.budget_close(budget_id=adopted.pk, by=users["programme_team"])
    assert closed.status == BudgetStatus.CLOSED and closed.closed_on is not None
    line = adopted.lines.first()
    with pytest.raises(Refused, match="afgesloten|closed"):
        services.realisation_record(
            budget_id=adopted.pk,
            by=users["programme_team"],
            line=line,
            booked_on=date(2025, 5, 1),
            amount=1,
        )
    with pytest.raises(Refused):
        services.budget_amend(budget_id=adopted.pk, by=users["programme_team"])


def test_a_concept_cannot_be_closed_or_amended(concept, users):
    for step in (services.budget_close, services.budget_amend):
        with pytest.raises(Refused):
            step(budget_id=concept.pk, by=users["programme_team"])


def test_an_adopted_budget_cannot_be_adopted_again(adopted):
    with pytest.raises(ValidationError) as refused:
        services.budget_check(adopted)
    assert refused.value.code == "adopted"


def test_sums_are_exact_decimals(programme, users, members):
    tenths = [("Overig", f"Post {n}", Decimal("0.10")) for n in range(10)] + [
        ("Overig", "Twintig cent", Decimal("0.20"))
    ]
    budget = draw_up(programme, users["programme_team"], costs=tenths, funds=Decimal("0"))
    costs, coverage = selectors.balance_of(budget)
    assert costs == Decimal("1.20")  # 0.1 + ... + 0.2 as floats would be 1.2000000000000002
    assert coverage == Decimal("10000.00")
    assert isinstance(costs, Decimal) and isinstance(coverage, Decimal)


def test_the_budget_in_force_on_a_day_for_a_phase_plan(adopted, board, users, programme):
    on = date(2025, 6, 1)
    assert selectors.budget_in_force(programme=programme, on=on) == adopted
    amendment = services.budget_amend(budget_id=adopted.pk, by=users["programme_team"])
    assert selectors.budget_in_force(programme=programme, on=on) == adopted  # still a concept
    adopt(amendment, board, users)
    assert selectors.budget_in_force(programme=programme, on=on) == amendment
    assert selectors.budget_in_force(programme=programme, on=date(2026, 1, 1)) is None
