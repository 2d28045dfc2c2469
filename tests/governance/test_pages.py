"""The pages: Te besluiten, proposal pages, the vote and recording forms, meetings, query counts,
and the refusals a crafted POST meets."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import ProposalStatus, Vote
from tests.factories import MeetingFactory, MembershipFactory, UserFactory
from tests.governance.conftest import make_proposal

pytestmark = pytest.mark.django_db


def test_to_decide_lists_open_rounds_with_the_members_decisions(client, make, users):
    proposal = make("schriftelijke_ronde")
    make("ingediend")
    client.force_login(users["board"])
    response = client.get(reverse("governance:to-decide", args=["avk"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Te besluiten</h1>" in page
    assert proposal.title in page
    assert "in te stemmen met de regievorm" in page
    assert "nog 2 stemmen uit te brengen" in page
    assert page.count(proposal.title) >= 1


def test_to_decide_is_empty_for_someone_who_does_not_vote(client, make, users):
    make("schriftelijke_ronde")
    client.force_login(users["partner_contact"])
    page = client.get(reverse("governance:to-decide", args=["avk"])).content.decode()
    assert "Er wacht niets op uw stem." in page


def test_vote_form_records_and_changes_votes(client, make, users):
    proposal = make("schriftelijke_ronde")
    d2, d3 = [d for d in proposal.decisions.order_by("position") if d.kind == "instemmen"]
    client.force_login(users["board"])
    url = reverse("governance:proposal-vote", args=[proposal.pk])
    page = client.get(url).content.decode()
    assert "Uw stem over besluit 2" in page
    response = client.post(
        url,
        {
            f"choice_{d2.pk}": "voor",
            f"choice_{d3.pk}": "tegen",
            f"comment_{d3.pk}": "Eerst uitwerken",
        },
    )
    assert response.status_code == 302
    votes = {v.decision_id: (v.choice, v.comment) for v in Vote.objects.filter(user=users["board"])}
    assert votes == {d2.pk: ("voor", ""), d3.pk: ("tegen", "Eerst uitwerken")}
    page = client.get(url).content.decode()
    assert "Uw stemmen tot nu toe" in page and "Eerst uitwerken" in page
    client.post(url, {f"choice_{d2.pk}": "voor", f"choice_{d3.pk}": "voor"})
    assert Vote.objects.get(user=users["board"], decision=d3).choice == "voor"


def test_vote_form_needs_a_choice_per_decision(client, make, users):
    proposal = make("schriftelijke_ronde")
    client.force_login(users["board"])
    response = client.post(reverse("governance:proposal-vote", args=[proposal.pk]), {})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize("who", ["secretary", "programme_team", "partner_contact", "superuser"])
def test_crafted_vote_post_by_a_non_member_is_refused(client, make, users, who):
    proposal = make("schriftelijke_ronde")
    d2 = proposal.decisions.get(position=2)
    client.force_login(users[who])
    response = client.post(
        reverse("governance:proposal-vote", args=[proposal.pk]), {f"choice_{d2.pk}": "voor"}
    )
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_vote_post_after_the_deadline_is_refused(client, make, users):
    from governance.models import Proposal

    proposal = make("schriftelijke_ronde")
    Proposal.objects.filter(pk=proposal.pk).update(
        round_deadline=timezone.now() - timedelta(seconds=1)
    )
    d2 = proposal.decisions.get(position=2)
    client.force_login(users["board"])
    response = client.post(
        reverse("governance:proposal-vote", args=[proposal.pk]), {f"choice_{d2.pk}": "voor"}
    )
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_recording_form_decides_the_proposal(client, make, users):
    proposal = make("geagendeerd")
    d1, d2, d3 = proposal.decisions.order_by("position")
    client.force_login(users["secretary"])
    url = reverse("governance:proposal-record", args=[proposal.pk])
    assert "Uitkomst van besluit 1" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            f"outcome_{d1.pk}": "kennisgenomen",
            f"outcome_{d2.pk}": "aangenomen_met_wijziging",
            f"amended_{d2.pk}": "gewijzigd",
            f"for_{d2.pk}": "3",
            f"against_{d2.pk}": "0",
            f"abstain_{d2.pk}": "1",
            f"outcome_{d3.pk}": "verworpen",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "aangenomen met wijziging" in page and "gewijzigd" in page
    assert "verworpen" in page


def test_recording_form_shows_the_missing_amendment(client, make, users):
    proposal = make("geagendeerd")
    d1, d2, d3 = proposal.decisions.order_by("position")
    client.force_login(users["secretary"])
    response = client.post(
        reverse("governance:proposal-record", args=[proposal.pk]),
        {
            f"outcome_{d1.pk}": "kennisgenomen",
            f"outcome_{d2.pk}": "aangenomen_met_wijziging",
            f"outcome_{d3.pk}": "aangenomen",
        },
    )
    assert response.status_code == 200
    assert "Geef de gewijzigde tekst." in response.content.decode()


def test_chair_of_the_body_may_record(client, make, users):
    proposal = make("geagendeerd")
    chair = UserFactory(username="chair")  # the board fixture's chair
    client.force_login(chair)
    assert client.get(reverse("governance:proposal-record", args=[proposal.pk])).status_code == 200
    client.force_login(users["board"])
    assert client.get(reverse("governance:proposal-record", args=[proposal.pk])).status_code == 403


def test_deciding_twice_by_crafted_post_is_refused(client, make, users):
    proposal = make("besloten")
    before = list(proposal.decisions.values_list("outcome", "number"))
    d2 = proposal.decisions.get(position=2)
    client.force_login(users["secretary"])
    response = client.post(
        reverse("governance:proposal-record", args=[proposal.pk]),
        {f"outcome_{d2.pk}": "verworpen"},
        follow=True,
    )
    assert "al besloten; een besluit is definitief" in response.content.decode()
    assert list(proposal.decisions.values_list("outcome", "number")) == before


def test_editing_a_submitted_proposal_by_post_changes_nothing(client, make, users):
    proposal = make("ingediend")
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("governance:proposal-edit", args=[proposal.pk]),
        {
            "title": "Anders",
            "decisions-TOTAL_FORMS": "1",
            "decisions-INITIAL_FORMS": "0",
            "decisions-0-kind": "instemmen",
            "decisions-0-text": "stiekem",
        },
        follow=True,
    )
    assert "alleen een concept kan worden bewerkt" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.title != "Anders"
    assert proposal.decisions.count() == 3


def test_create_and_edit_a_concept_through_the_pages(client, programme, board, users):
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("governance:proposal-create", args=["avk"]),
        {
            "title": "Nieuw voorstel",
            "body": board.pk,
            "drafter": users["programme_team"].pk,
            "drafter_function": "projectleider",
            "date": "2024-06-20",
            "introduction": "Intro",
            "content": "Tekst",
            "decisions-TOTAL_FORMS": "3",
            "decisions-INITIAL_FORMS": "0",
            "decisions-0-kind": "instemmen",
            "decisions-0-text": "tweede",
            "decisions-0-ORDER": "2",
            "decisions-1-kind": "kennisnemen",
            "decisions-1-text": "eerste",
            "decisions-1-ORDER": "1",
            "decisions-2-kind": "instemmen",
            "decisions-2-text": "",
        },
    )
    assert response.status_code == 302
    from governance.models import Proposal

    proposal = Proposal.objects.get(title="Nieuw voorstel")
    assert list(proposal.decisions.values_list("position", "kind", "text")) == [
        (1, "kennisnemen", "eerste"),
        (2, "instemmen", "tweede"),
    ]
    edit = reverse("governance:proposal-edit", args=[proposal.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "title": "Nieuw voorstel",
            "body": board.pk,
            "drafter": users["programme_team"].pk,
            "date": "2024-06-20",
            "version": proposal.version,
            "decisions-TOTAL_FORMS": "1",
            "decisions-INITIAL_FORMS": "0",
            "decisions-0-kind": "instemmen",
            "decisions-0-text": "enige",
        },
    )
    assert response.status_code == 302
    assert list(proposal.decisions.values_list("text", flat=True)) == ["enige"]


@pytest.mark.parametrize(
    "who, status",
    [
        ("programme_team", 200),
        ("secretary", 200),
        ("board", 404),
        ("partner_contact", 403),
        ("other_team", 403),
    ],
)
def test_proposal_page_access(client, make, users, who, status):
    proposal = make("ingediend")
    client.force_login(users[who])
    response = client.get(proposal.get_absolute_url())
    assert response.status_code == (200 if who == "board" else status)


def test_workflow_buttons_through_the_pages(client, make, board, users):
    proposal = make("concept")
    client.force_login(users["programme_team"])
    client.post(reverse("governance:proposal-submit", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == "ingediend"
    deadline = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    client.post(
        reverse("governance:proposal-open-round", args=[proposal.pk]), {"round_deadline": deadline}
    )
    proposal.refresh_from_db()
    assert proposal.status == "schriftelijke_ronde"
    response = client.post(
        reverse("governance:proposal-close-round", args=[proposal.pk]), follow=True
    )
    assert "zodra alle leden hebben gestemd" in response.content.decode()
    client.post(reverse("governance:proposal-withdraw", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == "ingetrokken"


def test_board_member_cannot_run_the_workflow(client, make, users):
    proposal = make("ingediend")
    client.force_login(users["board"])
    for name in [
        "proposal-submit",
        "proposal-open-round",
        "proposal-close-round",
        "proposal-withdraw",
        "proposal-schedule",
    ]:
        assert client.post(reverse(f"governance:{name}", args=[proposal.pk])).status_code == 403


def test_meeting_page_with_agenda_minutes_and_action_items(client, make, board, users):
    proposal = make("besloten")
    meeting = proposal.agenda_items.first().meeting
    client.force_login(users["secretary"])
    client.post(
        reverse("governance:meeting-edit", args=[meeting.pk]),
        {
            "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "place": "Veendam",
            "minutes": "## Verslag\n\n<script>x</script>Besproken.",
            "version": meeting.version,
        },
    )
    client.post(
        reverse("governance:action-item-add", args=[meeting.pk]),
        {
            "description": "Uitwerking regievorm",
            "owner_text": "Saskia",
            "due_date": "2024-09-01",
        },
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Besproken." in page and "<script>x" not in page
    assert "Uitwerking regievorm" in page and proposal.title in page
    item = meeting.action_items.get()
    client.post(reverse("governance:action-item-done", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == "afgerond" and item.done_on == timezone.localdate()
    client.force_login(users["board"])
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert client.post(reverse("governance:action-item-done", args=[item.pk])).status_code == 403


def test_body_page_lists_members(client, board, users):
    client.force_login(users["reader"])
    page = client.get(board.get_absolute_url()).content.decode()
    assert "voorzitter" in page and "secretaris" in page


def test_menu_and_home_panel_for_a_board_member(client, make, users):
    proposal = make("schriftelijke_ronde")
    client.force_login(users["board"])
    page = client.get("/").content.decode()
    assert "Te besluiten" in page and "Wacht op uw stem" in page
    assert proposal.title in page and "stemmen vóór" in page


def test_home_panel_for_the_team(client, make, users):
    make("concept")
    client.force_login(users["programme_team"])
    page = client.get("/").content.decode()
    assert "Voorstellen in concept of ingediend" in page
    assert "Randvoorwaarden en programma-organisatie" in page


def _open_rounds(programme, board, users, n):
    for _ in range(n):
        make_proposal(programme, board, users, status="schriftelijke_ronde")


def test_to_decide_queries_are_flat(client, programme, board, users, django_assert_max_num_queries):
    _open_rounds(programme, board, users, 2)
    client.force_login(users["board"])
    url = reverse("governance:to-decide", args=["avk"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _open_rounds(programme, board, users, 10)
    with django_assert_max_num_queries(len(small)):
        client.get(url)


def test_proposal_list_queries_are_flat(
    client, programme, board, users, django_assert_max_num_queries
):
    for status in ["concept", "ingediend", "besloten"]:
        make_proposal(programme, board, users, status=status)
    client.force_login(users["programme_team"])
    url = reverse("governance:proposal-list", args=["avk"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for _ in range(4):
        for status in ["concept", "ingediend", "besloten"]:
            make_proposal(programme, board, users, status=status)
    with django_assert_max_num_queries(len(small)):
        client.get(url)


def test_meeting_extra_members_do_not_break_membership_listing(board):
    MembershipFactory(body=board, user=UserFactory(), role="adviseur")
    assert MeetingFactory(body=board).body == board


def test_home_panels_do_not_add_queries_per_programme(
    client, make, users, django_assert_max_num_queries
):
    from avk.access import Role
    from tests.factories import ProgrammeFactory, RoleAssignmentFactory

    make("schriftelijke_ronde")
    make("concept")
    user = users["programme_team"]
    from governance.models import Membership

    Membership.objects.filter(user=users["board"]).update(user=user)
    client.force_login(user)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/")
    with CaptureQueriesContext(connection) as small:
        page = client.get("/").content.decode()
    assert "Wacht op uw stem" in page and "Voorstellen in concept of ingediend" in page
    for _n in range(5):
        RoleAssignmentFactory(programme=ProgrammeFactory(), user=user, role=Role.PROGRAMME_TEAM)
    from governance.home import panels  # noqa: F401 - the provider under test

    with CaptureQueriesContext(connection) as large:
        client.get("/")
    governance_queries = [q for q in large.captured_queries if "governance_" in q["sql"]]
    small_governance = [q for q in small.captured_queries if "governance_" in q["sql"]]
    assert len(governance_queries) == len(small_governance)
