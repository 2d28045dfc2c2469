"""The benchmark data generator (bench/generate.py) at AVK size, and the main pages' query
counts at AVK size and at ten times that: a page whose queries grow with the data fails here
(issue 15). The timings themselves are measured by `make bench`, never by tests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import AVK, counts, generate
from bench.targets import targets

pytestmark = pytest.mark.django_db


def test_the_generator_builds_a_programme_of_avk_size():
    result = generate(1)
    assert result.created
    assert counts(result.programme) == {
        "partners": AVK["partners"],
        "operational_goals": AVK["operational_goals"],
        "efforts": AVK["efforts"],
        "measurements": AVK["measurements"],
        "proposals": AVK["proposals"],
        "decisions": AVK["decisions"],
        "budget_lines": AVK["cost_lines"] + 2 + 1,  # costs, funds, the member contributions
    }
    assert generate(1).created is False  # a second run leaves it as it is


def _queries(client, url) -> int:
    assert client.get(url).status_code == 200  # warm up: the session remembers the programme
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def test_the_main_pages_run_as_many_queries_at_ten_times_avk_size(client):
    small, large = generate(1), generate(10)
    counted = {}
    for result in (small, large):
        client.force_login(result.user)
        for target in targets(result.programme, result.budget):
            counted.setdefault(target.name, []).append(_queries(client, target.page))
    grown = {name: pair for name, pair in counted.items() if pair[0] != pair[1]}
    assert not grown, f"queries at AVK size and at 10x: {grown}"
    assert set(counted) == {
        "DIN overview",
        "DIN diagram",
        "planning",
        "partner list",
        "decision list",
        "budget page",
    }


def test_the_budget_floor_reads_the_rows_the_budget_page_shows():
    """The floor of the budget page is a bare view of the same rows: its lines, the member
    contribution of each partner in the period, and the latest realisation entries."""
    from collections import Counter

    from bench.floors import _budget
    from budget import selectors

    result = generate(1)
    _headings, rows = _budget(result.programme)
    sheet = selectors.budget_sheet(result.budget)
    entries = selectors.realisation_entries(result.budget, limit=20)
    assert Counter(row[0] for row in rows) == {
        "line": len(sheet.costs.rows) + len(sheet.coverage.rows),
        "partner": len(sheet.derived.partners),
        "entry": len(entries),
    }
    assert len(entries) == 20 and len(sheet.derived.partners) == AVK["partners"]
    by_kind = {kind: {row[1] for row in rows if row[0] == kind} for kind in ("line", "partner")}
    assert by_kind["line"] == {
        row.line.description for row in sheet.costs.rows + sheet.coverage.rows
    }
    assert by_kind["partner"] == {p["partner"].name for p in sheet.derived.partners}
