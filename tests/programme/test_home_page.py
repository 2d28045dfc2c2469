"""The home page: per programme, cards with real headings under "waiting for you", "coming up",
"what changed"; counts that lead to their list; the partners' changes grouped per partner and
day and put away per person; a query count that does not grow with the data."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from avk.access import Role, forget_roles
from partners import services as partner_services
from programme.models import HomeDismissal, RoleAssignment
from tests.factories import (
    ActionItemFactory,
    BodyFactory,
    EffortFactory,
    MeetingFactory,
    MembershipFactory,
    ParticipationFactory,
    PartnerFactory,
    ProgrammeFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


SEATS = ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]


def _add_members(programme, partner, by, n, prefix="Lid", start=0):
    for i in range(start, start + n):
        partner_services.delegation_member_add(
            programme=programme,
            partner=partner,
            by=by,
            level=SEATS[i],
            name=f"{prefix} {partner.pk}-{i}",
        )


def _card_titles(html: str) -> list[str]:
    return re.findall(r'<h4 class="home-card-title"[^>]*>([^<]+)</h4>', html)


def test_cards_have_real_headings_in_three_sections(client, users, programme):
    board = BodyFactory(programme=programme)
    MembershipFactory(body=board, user=users["programme_team"])
    MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=3), place="Veendam")
    partner = PartnerFactory(name="Hanzehogeschool")
    ParticipationFactory(programme=programme, partner=partner)
    _add_members(programme, partner, users["programme_team"], 2)
    ActionItemFactory(body=board, owner=users["programme_team"], description="Agenda maken")
    html = _home(client, users["programme_team"])
    sections = re.findall(r'<h3 class="home-section-title"[^>]*>([^<]+)</h3>', html)
    assert len(sections) == 3  # waiting, coming, changed
    titles = _card_titles(html)
    assert len(titles) >= 3
    assert "Agenda maken" in html and "Veendam" in html and "Hanzehogeschool" in html
    # a heading per card, inside a section named by it
    assert html.count('class="card home-card"') == len(titles)


def test_changes_are_grouped_per_partner_and_day(client, users, programme):
    partner = PartnerFactory(name="Hanzehogeschool")
    ParticipationFactory(programme=programme, partner=partner)
    _add_members(programme, partner, users["programme_team"], 5)
    html = _home(client, users["programme_team"])
    panel = html[html.index('id="changed-') :]
    assert panel.count(f"/partners/{programme.slug}/{partner.pk}/") == 1  # one row, not five
    assert re.search(r"\b5\b", panel)


def test_same_change_at_many_partners_is_one_row(client, users, programme):
    partners = [PartnerFactory(name=f"Gemeente {n}") for n in range(7)]
    for partner in partners:
        ParticipationFactory(programme=programme, partner=partner)
        _add_members(programme, partner, users["programme_team"], 1)
    html = _home(client, users["programme_team"])
    panel = html[html.index('id="changed-') :]
    rows = panel.split('class="home-item')[1:]
    joined = [row for row in rows if "Gemeente" in row]
    assert len(joined) == 1  # one row for the seven, not seven rows
    assert joined[0].count('name="key"') == 7  # hiding the row hides it at every partner


def _dismiss(client, programme, **data):
    return client.post(
        reverse("home-dismiss"), {"programme": programme.slug, "feed": "partners", **data}
    )


def test_hiding_changes_is_per_person_and_new_changes_show_again(client, users, programme):
    team, secretary = users["programme_team"], users["secretary"]
    first, second = PartnerFactory(name="Lentis"), PartnerFactory(name="Accare")
    for partner in (first, second):
        ParticipationFactory(programme=programme, partner=partner)
    _add_members(programme, first, team, 1, prefix="Eerste")
    _add_members(programme, second, team, 2, prefix="Tweede")
    client.force_login(team)
    response = _dismiss(client, programme, key=[str(first.pk)])
    assert response.status_code == 302 and response["Location"].startswith("/#changed-")
    html = _home(client, team)
    assert f"/partners/{programme.slug}/{first.pk}/" not in html
    assert f"/partners/{programme.slug}/{second.pk}/" in html
    assert HomeDismissal.objects.filter(user=team).count() == 1
    # Someone else still sees everything.
    assert f"/partners/{programme.slug}/{first.pk}/" in _home(client, secretary)
    # A newer change shows again.
    _add_members(programme, first, secretary, 1, prefix="Later", start=1)
    assert f"/partners/{programme.slug}/{first.pk}/" in _home(client, team)
    # Hiding all of them forgets the one partner put away before.
    _dismiss(client, programme)
    html = _home(client, team)
    assert 'id="changed-' not in html
    assert list(HomeDismissal.objects.filter(user=team).values_list("key", flat=True)) == [""]


def test_hiding_asks_the_policy_and_refuses_a_damaged_post(
    client, users, programme, other_programme
):
    client.force_login(users["programme_team"])
    assert _dismiss(client, other_programme).status_code == 403
    assert _dismiss(client, programme, key=["<script>"]).status_code == 400
    assert client.post(reverse("home-dismiss"), {"feed": "partners"}).status_code == 400
    assert client.get(reverse("home-dismiss")).status_code == 405
    assert not HomeDismissal.objects.exists()


def test_hiding_never_reaches_into_the_future(client, users, programme):
    client.force_login(users["programme_team"])
    _dismiss(client, programme, until="2999-01-01T00:00:00+00:00")
    assert HomeDismissal.objects.get().until <= timezone.now()


def test_counts_lead_to_the_filtered_list(client, users, programme):
    EffortFactory(programme=programme)  # serves no goal and has no partners
    html = _home(client, users["programme_team"])
    health = reverse("programme:din-health", args=[programme.slug])
    assert f'href="{health}#efforts_without_goals"' in html
    assert f'href="{health}#efforts_without_partners"' in html


def test_a_contact_fills_an_empty_seat_from_the_home_page(client, users, programme):
    html = _home(client, users["partner_contact"])
    own = RoleAssignment.objects.get(user=users["partner_contact"], programme=programme).partner
    add = reverse("partners:delegation-add", args=[programme.slug, own.pk])
    assert f'href="{add}?level=bestuurder"' in html
    assert html.count(f'href="{add}?level=') == 5
    response = client.get(f"{add}?level=bestuurder")
    assert response.status_code == 200


def test_a_board_member_sees_the_meetings_of_the_bodies_and_no_back_office_cards(
    client, users, programme
):
    board = BodyFactory(programme=programme)
    meeting = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=7))
    MeetingFactory(body=board, starts_at=timezone.now() - timedelta(days=7), place="Vroeger")
    html = _home(client, users["board"])
    assert meeting.get_absolute_url() in html and "Vroeger" not in html
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert f'href="{reverse("partners:list", args=[programme.slug])}"' not in html


def test_a_partner_contact_sees_no_meetings_of_bodies_they_do_not_sit_in(client, users, programme):
    board = BodyFactory(programme=programme)
    meeting = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=7))
    html = _home(client, users["partner_contact"])
    assert meeting.get_absolute_url() not in html
    MembershipFactory(body=board, user=users["partner_contact"])
    html = _home(client, users["partner_contact"])
    assert meeting.get_absolute_url() in html
    assert client.get(meeting.get_absolute_url()).status_code == 200


def _team_world(user, size: int, prefix: str):
    """A programme where `user` is on the team, with `size` partners, changes, meetings,
    action items, efforts."""
    programme = ProgrammeFactory(slug=prefix, short_name=prefix, name=f"Programma {prefix}")
    RoleAssignmentFactory(programme=programme, user=user, role=Role.PROGRAMME_TEAM)
    forget_roles(user)
    board = BodyFactory(programme=programme)
    MembershipFactory(body=board, user=user)
    for n in range(size):
        partner = PartnerFactory(name=f"{prefix} partner {n}")
        ParticipationFactory(programme=programme, partner=partner)
        _add_members(programme, partner, user, 2)
        MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=n + 1))
        ActionItemFactory(body=board, owner=user)
        EffortFactory(programme=programme)
    return programme


def _queries(client, user) -> int:
    client.force_login(user)
    client.get(reverse("home"))  # warm the caches a first request fills
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    return len(captured)


def test_home_queries_do_not_grow_with_the_data(client):
    small_user, large_user = UserFactory(username="klein"), UserFactory(username="groot")
    _team_world(small_user, 2, "klein")
    for n in range(3):
        _team_world(large_user, 12, f"groot-{n}")
    assert _queries(client, large_user) == _queries(client, small_user)
