"""The decision list reads as decided ("Het DB stemt in met ..."), opens on the newest year,
offers a tab per year, and pages through a long list: the query count stays flat whatever the
number of decisions."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import ProposalStatus, ProposedDecision
from governance.wording import decided_sentence, memo_sentence
from tests.factories import MeetingFactory, ProposalFactory, ProposedDecisionFactory

pytestmark = pytest.mark.django_db


def url(**query):
    base = reverse("governance:decision-list", args=["avk"])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def decisions(body, year, count, *, start=0):
    """`count` adopted decisions of `body` in `year`, five to a proposal."""
    for p in range(start, start + (count + 4) // 5):
        proposal = ProposalFactory(
            programme=body.programme, body=body, status=ProposalStatus.DECIDED, title=f"V{year}-{p}"
        )
        meeting = MeetingFactory(body=body)
        for i in range(min(5, count - (p - start) * 5)):
            ProposedDecisionFactory(
                proposal=proposal,
                position=i + 1,
                text=f"Het dagelijks bestuur wordt gevraagd in te stemmen met punt {p}.{i};",
                outcome="aangenomen",
                number=f"DB-{year}-{p:03d}{i}",
                decided_on=date(year, 5, 1),
                decided_via="vergadering",
                decided_in=meeting,
            )


def test_rows_read_as_decided_not_as_requests(client, users, board):
    decisions(board, 2023, 1)
    noted = ProposedDecisionFactory(
        proposal=ProposedDecision.objects.get().proposal,
        position=9,
        kind="kennisnemen",
        text="Het dagelijks bestuur wordt gevraagd kennis te nemen van het verslag.",
        outcome="kennisgenomen",
        decided_on=date(2023, 5, 1),
        decided_via="vergadering",
    )
    client.force_login(users["board"])
    page = client.get(url()).content.decode()
    assert "Het DB stemt in met punt 0.0." in page
    assert "Het DB neemt kennis van het verslag." in page
    assert "wordt gevraagd" not in page
    assert "font-monospace" not in page  # numbers in the body font
    assert noted.number is None and "geen nummer" not in page


def test_opens_on_the_newest_year_with_tabs_per_year(client, users, board):
    decisions(board, 2023, 3)
    decisions(board, 2024, 2, start=10)
    client.force_login(users["board"])
    page = client.get(url()).content.decode()
    assert "DB-2024-0100" in page and "DB-2023-0000" not in page
    assert 'aria-current="page">2024' in page
    assert "year=2023" in page and "year=all" in page  # the other tabs
    page = client.get(url(year="all")).content.decode()
    assert "DB-2024-0100" in page and "DB-2023-0000" in page
    # a search without a year looks in every year
    page = client.get(url(q="punt 0.0")).content.decode()
    assert "DB-2023-0000" in page


def test_a_long_year_is_paged(client, users, board):
    decisions(board, 2022, 60)
    client.force_login(users["board"])
    first = client.get(url()).content.decode()
    assert first.count('class="text-nowrap decision-number"') == 50
    assert "page=2" in first
    second = client.get(url(year=2022, page=2)).content.decode()
    assert second.count('class="text-nowrap decision-number"') == 10


def test_query_count_is_the_same_for_10_and_for_150_decisions(client, users, board):
    decisions(board, 2022, 5)
    decisions(board, 2023, 5, start=1)
    client.force_login(users["board"])
    client.get(url())  # warm up: session, content types
    with CaptureQueriesContext(connection) as small:
        assert client.get(url(year="all")).status_code == 200
    decisions(board, 2022, 70, start=2)
    decisions(board, 2023, 70, start=40)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url(year="all")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


# --- the wording -----------------------------------------------------------------------------


class Body:
    kind = "dagelijks_bestuur"
    name = "Dagelijks Bestuur"


@pytest.mark.parametrize(
    "text, kind, outcome, amended, expected",
    [
        (
            "Het dagelijks bestuur wordt gevraagd in te stemmen met het inzetten van een "
            "regievorm;",
            "instemmen",
            "aangenomen",
            "",
            "Het DB stemt in met het inzetten van een regievorm.",
        ),
        (
            "Het dagelijks bestuur wordt gevraagd kennis nemen van dit inhoudelijke voorstel.",
            "kennisnemen",
            "kennisgenomen",
            "",
            "Het DB neemt kennis van dit inhoudelijke voorstel.",
        ),
        (
            "in te stemmen met de regievorm",
            "instemmen",
            "verworpen",
            "",
            "Het DB stemt niet in met de regievorm.",
        ),
        (
            "in te stemmen met de regievorm",
            "instemmen",
            "aangenomen_met_wijziging",
            "in te stemmen met de regievorm, na een jaar te evalueren",
            "Het DB stemt in met de regievorm, na een jaar te evalueren.",
        ),
        (
            "in te stemmen met faseplan 3",
            "instemmen",
            "aangehouden",
            "",
            "Het DB houdt aan: in te stemmen met faseplan 3.",
        ),
        (
            "Faseplan 3 vaststellen",
            "instemmen",
            "aangenomen",
            "",
            "Het DB stemt in met faseplan 3 vaststellen.",
        ),
        (
            "AVK-teams per partner",
            "instemmen",
            "aangenomen",
            "",
            "Het DB stemt in met AVK-teams per partner.",
        ),
    ],
)
def test_decided_sentence(text, kind, outcome, amended, expected):
    decision = ProposedDecision(text=text, kind=kind, outcome=outcome, amended_text=amended)
    assert decided_sentence(decision, Body()) == expected


def test_an_undecided_decision_keeps_the_memos_wording():
    decision = ProposedDecision(text="in te stemmen met de regievorm", kind="instemmen")
    assert decided_sentence(decision, Body()) == memo_sentence(decision, Body())
    assert memo_sentence(decision, Body()) == (
        "Het dagelijks bestuur wordt gevraagd in te stemmen met de regievorm"
    )


@pytest.mark.parametrize(
    "query",
    [{}, {"year": 2023}, {"year": 2024}, {"year": 1999}, {"year": "all"}, {"outcome": "aangenomen"},
     {"year": 2024, "outcome": "verworpen"}, {"q": "punt 1"}, {"year": 2024, "q": "punt 0"},
     {"page": 2}, {"year": 2024, "page": 3}],
    ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()) or "as it opens",
)  # fmt: skip
@pytest.mark.parametrize("role", ["board", "partner_contact"])
def test_the_page_count_is_the_number_of_rows_shown(client, users, board, query, role):
    """Where the year tabs counted the rows already the page takes their count (no COUNT
    query): for every filter it is the number of rows the list holds for this person."""
    decisions(board, 2023, 7)
    decisions(board, 2024, 120, start=10)
    undecided = ProposalFactory(programme=board.programme, body=board, title="Nog open")
    ProposedDecisionFactory(proposal=undecided, position=1, text="Nog niet besloten.")
    ProposedDecisionFactory(
        proposal=undecided, position=2, text="Aangehouden punt 1.", outcome="aangehouden",
        decided_on=None,
    )  # fmt: skip
    client.force_login(users[role])
    response = client.get(url(**query))
    assert response.status_code == 200
    page = response.context["page"]
    data = response.context
    listed = list(data["page"].paginator.object_list)
    assert page.paginator.count == len(listed)
    with CaptureQueriesContext(connection) as counted:
        client.get(url(**query))
    counts = [q for q in counted if 'SELECT COUNT(*) AS "__count"' in q["sql"]]
    asked_only_a_year = (
        not query.get("q") and not query.get("outcome") and query.get("year") != "all"
    )
    assert len(counts) == (0 if asked_only_a_year else 1), query
