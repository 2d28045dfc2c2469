"""The besluitenlijst page: access matrix (page and both exports), rows per role, filters,
search, corrections both ways, amended texts, action items beside it, query counts."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import ProposalStatus
from tests.factories import (
    ActionItemFactory,
    BodyFactory,
    MeetingFactory,
    ProposalFactory,
    ProposedDecisionFactory,
)
from tests.governance.conftest import make_proposal

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def decide(proposal, users, outcomes):
    """Put `proposal` (submitted) on a past meeting's agenda and record `outcomes`, a list of
    dicts in decision order."""
    team = users["programme_team"]
    meeting = MeetingFactory(body=proposal.body, starts_at=timezone.now() - timedelta(hours=1))
    services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    decisions = list(proposal.decisions.order_by("position"))
    services.meeting_record(
        proposal_id=proposal.pk,
        by=team,
        outcomes={d.pk: o for d, o in zip(decisions, outcomes, strict=True)},
    )
    return meeting


@pytest.fixture
def decided(programme, board, users):
    """A decided proposal: 1 noted, 2 adopted (DB-Y-001), 3 adopted with amendment (DB-Y-002);
    then DB-Y-003 corrects DB-Y-001."""
    proposal = make_proposal(programme, board, users, status="ingediend")
    decide(
        proposal,
        users,
        [
            {"outcome": "kennisgenomen"},
            {"outcome": "aangenomen", "votes_for": 3, "votes_against": 0, "votes_abstain": 1},
            {"outcome": "aangenomen_met_wijziging", "amended_text": "in te stemmen, gewijzigd"},
        ],
    )
    d2 = proposal.decisions.get(position=2)
    services.decision_correct(
        decision_id=d2.pk, text="in te stemmen met de verbeterde regievorm", by=users["secretary"]
    )
    return proposal


@pytest.fixture
def deferred(programme, board, users):
    """A proposal whose decisions were deferred: back to 'ingediend', so not decided."""
    proposal = make_proposal(programme, board, users, status="ingediend")
    proposal.title = "Uitgesteld voorstel"
    proposal.save()
    decide(
        proposal,
        users,
        [{"outcome": "aangehouden"}, {"outcome": "aangehouden"}, {"outcome": "aangehouden"}],
    )
    return proposal


def url(name="decision-list", slug="avk", **query):
    base = reverse(f"governance:{name}", args=[slug])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- access --------------------------------------------------------------------------------

ACCESS = [
    ("programme_team", 200),
    ("secretary", 200),
    ("board", 200),
    ("partner_contact", 200),
    ("reader", 200),
    ("superuser", 200),
    ("other_team", 403),
    ("nobody", 403),
    ("former_team", 403),
]


@pytest.mark.parametrize("name", ["decision-list", "decision-list-xlsx", "decision-list-pdf"])
@pytest.mark.parametrize("who, status", ACCESS)
def test_access_matrix_page_and_exports(client, users, board, decided, name, who, status):
    client.force_login(users[who])
    assert client.get(url(name)).status_code == status


@pytest.mark.parametrize("name", ["decision-list", "decision-list-xlsx", "decision-list-pdf"])
def test_anonymous_is_sent_to_login(client, board, name):
    response = client.get(url(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_other_programme_team_cannot_see_the_body_of_another_programme(
    client, users, board, other_board, decided
):
    client.force_login(users["other_team"])
    assert client.get(url()).status_code == 403
    # own programme, but asking for the AVK's body: ignored, own default body shown
    page = client.get(url(slug="landerd", body=board.pk)).content.decode()
    assert "Dit orgaan hoort niet bij dit programma." in page
    assert "in te stemmen met de regievorm" not in page


ROWS = {
    # who: (sees the deferred decisions of an undecided proposal, sees action items)
    "programme_team": (True, True),
    "secretary": (True, True),
    "board": (True, True),
    "superuser": (True, True),
    "partner_contact": (False, False),
    "reader": (False, False),
}


@pytest.mark.parametrize("who", ROWS)
def test_rows_and_action_items_per_role(client, users, board, decided, deferred, who):
    ActionItemFactory(body=board, description="Notulen rondsturen")
    sees_deferred, sees_actions = ROWS[who]
    client.force_login(users[who])
    page = client.get(url()).content.decode()
    assert f"DB-{YEAR}-001" in page  # decided: everyone with a role
    assert ("Uitgesteld voorstel" in page) is sees_deferred
    assert ("Notulen rondsturen" in page) is sees_actions
    assert ('<h2 id="actions-h"' in page) is sees_actions


# --- content -------------------------------------------------------------------------------


def test_page_shows_numbers_texts_outcomes_links_and_corrections(client, users, board, decided):
    client.force_login(users["board"])
    response = client.get(url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Besluitenlijst" in page
    d2, d3 = decided.decisions.get(position=2), decided.decisions.get(position=3)
    # amended: the amended text, the original struck through and labelled
    assert "in te stemmen, gewijzigd" in page
    assert (
        "Gewijzigd aangenomen. Zoals voorgesteld: "
        "<del>in te stemmen met een nadere uitwerking</del>" in page
    )
    # corrections both ways
    assert f'Corrigeert <a href="{d2.get_absolute_url()}">DB-{YEAR}-001</a>' in page
    assert "Gecorrigeerd door <a" in page and f">DB-{YEAR}-003</a>" in page
    # proposal and meeting linked
    assert decided.get_absolute_url() in page
    assert d3.decided_in.get_absolute_url() in page
    assert "aangenomen met wijziging" in page
    assert "3 voor, 0 tegen, 1 onthouding" in page
    # export links carry the filters
    assert f"besluitenlijst.xlsx?body={board.pk}" in page


def test_meeting_links_only_where_the_person_may_read_that_bodys_meetings(
    client, users, programme, board, decided
):
    """A member of another body (reader in the programme) reads the board's decision list but
    not the board's meetings: the meeting is named without a link that would answer 403. The
    same person sees the link in the list of their own body; the board member sees it always."""
    from tests.factories import MembershipFactory

    meeting = decided.decisions.get(position=3).decided_in
    steering = BodyFactory(programme=programme, name="Stuurgroep", code="SG")
    MembershipFactory(body=steering, user=users["reader"])
    own_proposal = make_proposal(programme, steering, users, status="ingediend")
    own_meeting = decide(
        own_proposal,
        users,
        [{"outcome": "kennisgenomen"}, {"outcome": "aangenomen"}, {"outcome": "aangenomen"}],
    )

    client.force_login(users["reader"])
    page = client.get(url(body=board.pk)).content.decode()
    assert "vergadering van" in page
    assert meeting.get_absolute_url() not in page
    assert client.get(meeting.get_absolute_url()).status_code == 403
    page = client.get(url(body=steering.pk)).content.decode()
    assert own_meeting.get_absolute_url() in page
    assert client.get(own_meeting.get_absolute_url()).status_code == 200

    client.force_login(users["partner_contact"])
    page = client.get(url(body=board.pk)).content.decode()
    assert "vergadering van" in page and meeting.get_absolute_url() not in page

    client.force_login(users["board"])
    assert meeting.get_absolute_url() in client.get(url(body=board.pk)).content.decode()


def test_filter_by_year_outcome_and_search(client, users, board, decided):
    old = ProposalFactory(
        programme=board.programme, body=board, status=ProposalStatus.DECIDED, title="Oud"
    )
    ProposedDecisionFactory(
        proposal=old,
        text="in te stemmen met het jaarplan 2021",
        outcome="aangenomen",
        number="DB-2021-001",
        decided_on=date(2021, 3, 1),
        decided_via="vergadering",
    )
    client.force_login(users["board"])
    page = client.get(url(year=2021)).content.decode()
    assert "DB-2021-001" in page and f"DB-{YEAR}-001" not in page
    assert '<option value="2021" selected>2021</option>' in page
    page = client.get(url(outcome="aangenomen_met_wijziging")).content.decode()
    assert f"DB-{YEAR}-002" in page and f"DB-{YEAR}-001<" not in page
    page = client.get(url(q="jaarplan")).content.decode()
    assert "DB-2021-001" in page and f"DB-{YEAR}-002" not in page
    page = client.get(url(q=f"DB-{YEAR}-003")).content.decode()
    assert "verbeterde regievorm" in page and "jaarplan" not in page
    page = client.get(url(q="Randvoorwaarden")).content.decode()  # proposal title
    assert f"DB-{YEAR}-001" in page and "DB-2021-001" not in page
    page = client.get(url(q="gewijzigd")).content.decode()  # amended text
    assert f"DB-{YEAR}-002" in page and "jaarplan" not in page


def test_bad_filters_are_ignored_with_a_dutch_message(client, users, board, decided):
    client.force_login(users["board"])
    page = client.get(url(year="twintig", outcome="bestaat-niet", body="999")).content.decode()
    assert "Het jaar moet een jaartal zijn, zoals 2023." in page
    assert "Deze uitkomst bestaat niet." in page
    assert "Dit orgaan hoort niet bij dit programma." in page
    assert f"DB-{YEAR}-001" in page  # falls back to the daily board, no filters


def test_default_body_is_the_daily_board_and_others_can_be_chosen(client, users, board, decided):
    pt = BodyFactory(programme=board.programme, code="AA", name="Aaa-team", kind="programmateam")
    client.force_login(users["programme_team"])
    page = client.get(url()).content.decode()
    assert f'<option value="{board.pk}" selected>' in page
    page = client.get(url(body=pt.pk)).content.decode()
    assert "Geen besluiten gevonden." in page


def test_action_items_open_first_with_overdue_in_words(client, users, board):
    today = timezone.localdate()
    ActionItemFactory(body=board, description="Te laat ding", due_date=today - timedelta(days=3))
    ActionItemFactory(body=board, description="Later ding", due_date=today + timedelta(days=9))
    ActionItemFactory(
        body=board, description="Klaar ding", status="afgerond", done_on=today - timedelta(days=1)
    )
    client.force_login(users["board"])
    page = client.get(url()).content.decode()
    assert page.index("Te laat ding") < page.index("Later ding") < page.index("Klaar ding")
    overdue_part = page[page.index("Te laat ding") : page.index("Later ding")]
    assert "te laat" in overdue_part
    assert "te laat" not in page[page.index("Later ding") : page.index("Klaar ding")]
    assert "Open (2)" in page and "Afgerond (1)" in page


def _decisions(programme, body, count):
    per = 5
    for p in range(count // per):
        proposal = ProposalFactory(
            programme=programme, body=body, status=ProposalStatus.DECIDED, title=f"V{p}"
        )
        meeting = MeetingFactory(body=body)
        previous = None
        for i in range(per):
            previous = ProposedDecisionFactory(
                proposal=proposal,
                position=i + 1,
                outcome="aangenomen",
                number=f"DB-2022-{p:03d}{i}",
                decided_on=date(2022, 5, 1),
                decided_via="vergadering",
                decided_in=meeting,
                corrects=previous,
            )
        ActionItemFactory(body=body, meeting=meeting)


@pytest.mark.parametrize("name", ["decision-list", "decision-list-xlsx", "decision-list-pdf"])
def test_query_count_is_flat(client, users, board, django_assert_max_num_queries, name):
    client.force_login(users["board"])
    _decisions(board.programme, board, 5)
    client.get(url(name))  # warm up (session, ContentTypes)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from governance.models import DecisionListDocument

    DecisionListDocument.objects.all().delete()  # the PDF: rendered both times, not kept
    with CaptureQueriesContext(connection) as small:
        assert client.get(url(name)).status_code == 200
    _decisions(board.programme, board, 60)
    DecisionListDocument.objects.all().delete()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url(name))
    assert response.status_code == 200
