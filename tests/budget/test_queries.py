"""The budget's pages run a fixed number of queries: the same for a small budget and for one ten
times its size (lines, partners, realisation entries, years)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budget import selectors, services
from budget.models import Side
from tests.budget.conftest import adopt, decide, draw_up, member, put_before
from tests.factories import EffortFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def adopted_budget(programme, users, board, *, year, extra):
    """An adopted budget with `extra` more cost lines (some on an effort and a working group)
    and three times as many realisation entries."""
    team = users["programme_team"]
    budget = draw_up(programme, team, year=year, funds=Decimal("0"))
    effort = EffortFactory(programme=programme, title=f"Inspanning {year}")
    group = WorkingGroupFactory(programme=programme, name=f"Werkgroep {year}")
    for i in range(extra):
        services.line_add(
            budget_id=budget.pk,
            by=team,
            side=Side.COSTS,
            category=f"Categorie {i % 4}",
            description=f"Post {i}",
            amount=Decimal(100 + i),
            effort=effort if i % 2 else None,
            working_group=group if i % 3 else None,
        )
    costs, coverage = selectors.balance_of(budget)
    funds = budget.lines.get(source_kind="fondsen")
    services.line_update(line_id=funds.pk, version=funds.version, by=team, amount=costs - coverage)
    adopt(budget, board, users)
    lines = list(budget.lines.all())
    for i in range(max(extra, 1) * 3):
        services.realisation_record(
            budget_id=budget.pk,
            by=team,
            line=lines[i % len(lines)],
            booked_on=budget.valid_from + timedelta(days=i % 300),
            amount=Decimal("12.34"),
        )
    return budget


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["programme_team", "board", "partner_contact"])
def test_the_budget_page_and_the_list_at_two_sizes(
    client, users, programme, packages, members, board, who
):
    small_budget = adopted_budget(programme, users, board, year=2025, extra=0)
    client.force_login(users[who])
    overview = reverse("budget:list", args=["avk"])
    page = reverse("budget:detail", args=["avk", small_budget.pk])
    client.get(page)  # warm the caches every request would have (content types, session)
    small = (count(client, page), count(client, overview))

    for i in range(10):
        member(programme, packages["ABC"[i % 3]], f"Extra partner {i}", date(2026, 1 + i, 1))
    big_budget = adopted_budget(programme, users, board, year=2026, extra=12)
    services.budget_amend(budget_id=big_budget.pk, by=users["programme_team"])
    draw_up(programme, users["programme_team"], year=2027, funds=Decimal("0"))
    page = reverse("budget:detail", args=["avk", big_budget.pk])
    big = (count(client, page), count(client, overview))
    assert big == small, f"queries grew from {small} to {big}"
    assert small[0] <= 30 and small[1] <= 20


def test_the_contributions_page_at_two_sizes(client, users, programme, packages, members):
    team = users["programme_team"]
    services.contributions_invoice(programme=programme, year=2025, by=team)
    client.force_login(team)
    url = reverse("budget:contributions", args=["avk"]) + "?year=2025"
    client.get(url)
    small = count(client, url)
    for i in range(20):
        member(programme, packages["ABC"[i % 3]], f"Nog een partner {i}", date(2025, 1 + i % 12, 1))
    services.contributions_invoice(programme=programme, year=2025, by=team)
    assert count(client, url) == small


def test_the_page_links_the_amended_version_and_the_pending_decision_without_more_queries(
    client, users, programme, concept, board
):
    """A concept before the board names the proposal; once adopted there is nothing pending to
    look for (one query fewer), and whether it may be amended, closed or booked on is answered
    from the period's versions the page has read. An amendment links the version it amends,
    which comes with those versions too rather than by a query of its own."""
    client.force_login(users["programme_team"])
    proposal = put_before(concept, board, users)
    page = reverse("budget:detail", args=["avk", concept.pk])
    client.get(page)
    before_the_board = count(client, page)
    html = client.get(page).content.decode()
    assert f"Ter vaststelling voorgelegd aan {board.name}:" in html
    assert f'href="{proposal.get_absolute_url()}"' in html

    decide(proposal, users)
    adopted = count(client, page)
    html = client.get(page).content.decode()
    assert "Ter vaststelling voorgelegd" not in html and "Wijzigt" not in html
    assert adopted == before_the_board - 1

    amendment = services.budget_amend(budget_id=concept.pk, by=users["programme_team"])
    page = reverse("budget:detail", args=["avk", amendment.pk])
    html = client.get(page).content.decode()
    assert f'<dt>Wijzigt</dt><dd><a href="{concept.get_absolute_url()}">{concept.label}</a>' in html
    assert count(client, page) == before_the_board  # a concept again, and nothing more


def test_the_policy_answers_the_same_from_the_versions_the_page_read(
    users, programme, concept, board
):
    """may amend / close / record: the same answer from `period_versions` (no query) as by
    querying, for a concept, an adopted budget, one with a concept amendment and one whose
    amendment was adopted."""
    from budget.models import Budget
    from budget.permissions import allowed

    team = users["programme_team"]
    verbs = ("amend", "close", "record_realisation", "change", "submit")

    def answers(budget_pk):
        fresh = Budget.objects.select_related("programme").get(pk=budget_pk)
        read = Budget.objects.select_related("programme").get(pk=budget_pk)
        selectors.budget_sheet(read)
        assert read.period_versions and not hasattr(fresh, "period_versions")
        by_query = {v: allowed(team, v, fresh) for v in verbs}
        with CaptureQueriesContext(connection) as queries:
            from_versions = {v: allowed(team, v, read) for v in verbs}
        assert not [q for q in queries if "budget_budget" in q["sql"]]
        assert from_versions == by_query
        return from_versions

    assert answers(concept.pk)["change"]
    adopt(concept, board, users)
    assert answers(concept.pk)["amend"]
    amendment = services.budget_amend(budget_id=concept.pk, by=team)
    assert answers(concept.pk) == dict.fromkeys(verbs, False) | {"record_realisation": True}
    funds = amendment.lines.get(source_kind="fondsen")
    services.line_update(line_id=funds.pk, version=funds.version, by=team, amount=funds.amount + 1)
    costs = amendment.lines.filter(side=Side.COSTS).first()
    services.line_update(line_id=costs.pk, version=costs.version, by=team, amount=costs.amount + 1)
    adopt(amendment, board, users)
    assert answers(concept.pk) == dict.fromkeys(verbs, False)  # superseded
    assert answers(amendment.pk)["amend"] and answers(amendment.pk)["record_realisation"]
