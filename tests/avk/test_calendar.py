"""The calendar feed (iCalendar): a private link per person, revocable and renewable; the
meetings, written-round deadlines and measurements due that concern the person, parsed back."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from avk.calendar_feed import Window
from avk.personal_views import SESSION_NEW_LINK
from avk.profile import fingerprint
from programme.din.calendar_events import period_ends
from tests.factories import (
    BodyFactory,
    IndicatorFactory,
    MeasurementFactory,
    MeetingFactory,
    MembershipFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def _link(client, user) -> str:
    """Make the person's link on the profile page, as they would, and return its path."""
    client.force_login(user)
    response = client.post(reverse("profile-calendar"), {"action": "make"})
    assert response.status_code == 302
    page = client.get(reverse("profile")).content.decode()
    assert client.session.get(SESSION_NEW_LINK) is None  # shown once, then forgotten
    start = page.index("http://testserver/calendar/")
    url = page[start : page.index('"', start)]
    client.logout()
    return url.removeprefix("http://testserver")


def _events(client, path) -> dict[str, object]:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


@pytest.fixture
def agenda(users, programme, other_programme):
    """The board member sits on the DB; the reader sits on the Stuurgroep."""
    now = timezone.now().replace(microsecond=0)
    board, stuurgroep = (
        BodyFactory(programme=programme, code="DB"),
        BodyFactory(programme=programme, code="SG", kind="stuurgroep", name="Stuurgroep"),
    )
    MembershipFactory(body=board, user=users["board"], role="voorzitter")
    MembershipFactory(body=stuurgroep, user=users["reader"])
    elsewhere = BodyFactory(programme=other_programme, code="DB")
    MembershipFactory(body=elsewhere, user=users["other_team"])
    return {
        "db_meeting": MeetingFactory(
            body=board, starts_at=now + timedelta(days=7), place="Veendam"
        ),
        "sg_meeting": MeetingFactory(body=stuurgroep, starts_at=now + timedelta(days=8)),
        "other_meeting": MeetingFactory(body=elsewhere, starts_at=now + timedelta(days=9)),
        "old_meeting": MeetingFactory(body=board, starts_at=now - timedelta(days=400)),
        "round": ProposalFactory(
            programme=programme,
            body=board,
            title="Faseplan 3",
            status="schriftelijke_ronde",
            round_deadline=now + timedelta(days=5),
        ),
        "my_indicator": IndicatorFactory(
            goal__strategic_goal__line__programme=programme,
            owner=users["board"],
            name="Kinderen met een startkwalificatie",
        ),
        "their_indicator": IndicatorFactory(
            goal__strategic_goal__line__programme=programme,
            owner=users["reader"],
            name="Gezinnen in de schuldhulp",
        ),
    }


def test_the_feed_parses_back_with_the_persons_own_events_only(client, users, agenda):
    events = _events(client, _link(client, users["board"]))
    meeting = agenda["db_meeting"]
    assert f"meeting-{meeting.pk}" in events
    entry = events[f"meeting-{meeting.pk}"]
    assert entry.decoded("DTSTART") == meeting.starts_at.astimezone(UTC)
    assert "Dagelijks Bestuur" in str(entry["SUMMARY"])
    assert str(entry["LOCATION"]) == "Veendam"
    assert str(entry["URL"]).endswith(meeting.get_absolute_url())
    deadline = events[f"written-round-{agenda['round'].pk}"]
    assert deadline.decoded("DTSTART") == timezone.localtime(agenda["round"].round_deadline).date()
    assert "Faseplan 3" in str(deadline["SUMMARY"])
    due = [uid for uid in events if uid.startswith(f"measurement-{agenda['my_indicator'].pk}-")]
    assert due, events.keys()
    # Not theirs: the Stuurgroep they do not sit on, another programme, another's indicator,
    # and nothing older than the window.
    assert f"meeting-{agenda['sg_meeting'].pk}" not in events
    assert f"meeting-{agenda['other_meeting'].pk}" not in events
    assert f"meeting-{agenda['old_meeting'].pk}" not in events
    assert not [u for u in events if u.startswith(f"measurement-{agenda['their_indicator'].pk}-")]


def test_the_back_office_sees_every_meeting_and_round_of_its_programme(client, users, agenda):
    events = _events(client, _link(client, users["secretary"]))
    assert f"meeting-{agenda['db_meeting'].pk}" in events
    assert f"meeting-{agenda['sg_meeting'].pk}" in events
    assert f"written-round-{agenda['round'].pk}" in events
    assert f"meeting-{agenda['other_meeting'].pk}" not in events


def test_a_measured_period_is_not_due_any_more(client, users, agenda):
    indicator = agenda["my_indicator"]
    today = timezone.localdate()
    last_year_end = date(today.year - 1, 12, 31)
    events = _events(client, _link(client, users["board"]))
    assert f"measurement-{indicator.pk}-{last_year_end:%Y%m%d}" in events
    MeasurementFactory(indicator=indicator, period_end=last_year_end, status="goedgekeurd")
    events = _events(client, _link(client, users["board"]))
    assert f"measurement-{indicator.pk}-{last_year_end:%Y%m%d}" not in events
    assert f"measurement-{indicator.pk}-{date(today.year, 12, 31):%Y%m%d}" in events


def test_revoked_link_answers_404_and_a_new_link_replaces_the_old(client, users, agenda):
    old = _link(client, users["board"])
    new = _link(client, users["board"])
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    client.force_login(users["board"])
    client.post(reverse("profile-calendar"), {"action": "revoke"})
    client.logout()
    assert client.get(new).status_code == 404
    users["board"].refresh_from_db()
    assert users["board"].calendar_token_hash == ""


def test_only_a_fingerprint_of_the_token_is_stored(client, users):
    path = _link(client, users["board"])
    token = path.rsplit("/", 1)[-1].removesuffix(".ics")
    users["board"].refresh_from_db()
    assert users["board"].calendar_token_hash == fingerprint(token)
    assert token not in users["board"].calendar_token_hash
    assert len(token) >= 40


def test_unknown_token_and_inactive_person_get_404(client, users):
    assert client.get(reverse("calendar-feed", args=["not-a-token"])).status_code == 404
    path = _link(client, users["board"])
    users["board"].is_active = False
    users["board"].save()
    assert client.get(path).status_code == 404


def test_the_feed_needs_no_login_and_its_queries_do_not_grow(client, users, agenda, programme):
    path = _link(client, users["secretary"])
    with CaptureQueriesContext(connection) as before:
        _events(client, path)
    body = agenda["db_meeting"].body
    now = timezone.now()
    for n in range(6):
        MeetingFactory(body=body, starts_at=now + timedelta(days=20 + n))
        ProposalFactory(
            programme=programme,
            body=body,
            status="schriftelijke_ronde",
            round_deadline=now + timedelta(days=30 + n),
        )
    with CaptureQueriesContext(connection) as after:
        events = _events(client, path)
    assert len(events) >= 14
    assert len(after) == len(before) <= 10


def test_period_ends_per_frequency():
    assert period_ends("jaarlijks", date(2024, 3, 1), date(2025, 12, 31)) == [
        date(2024, 12, 31),
        date(2025, 12, 31),
    ]
    assert period_ends("kwartaal", date(2024, 5, 1), date(2024, 12, 31)) == [
        date(2024, 6, 30),
        date(2024, 9, 30),
        date(2024, 12, 31),
    ]
    assert len(period_ends("maandelijks", date(2024, 1, 1), date(2024, 12, 31))) == 12


def test_window_holds_half_a_year_back_and_more_than_a_year_ahead():
    window = Window.around(date(2025, 1, 1))
    assert window.holds(date(2024, 7, 10)) and window.holds(date(2026, 1, 31))
    assert not window.holds(datetime(2023, 1, 1, tzinfo=UTC))
