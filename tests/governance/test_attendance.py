"""A meeting's attendance (present, absent with notice, absent), chair and minute taker: the
service's access per role and programme, its refusals, the page, and the minutes PDF."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from avk.history import entries
from avk.policy import Refused
from governance import services
from governance.models import Attendance, Meeting
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(board):
    return MeetingFactory(body=board, starts_at=timezone.now() - timedelta(hours=3))


@pytest.fixture
def planned(board):
    return MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=7))


def _chair():
    return UserFactory(username="chair")


def record(meeting, by, **kwargs):
    meeting.refresh_from_db()
    return services.meeting_attendance_set(
        meeting_id=meeting.pk, version=meeting.version, by=by, **kwargs
    )


MAY = {
    "programme_team": True,
    "secretary": True,  # secretariat, and the body's secretary
    "board": False,
    "partner_contact": False,
    "reader": False,
    "other_team": False,
    "nobody": False,
    "superuser": True,
}


@pytest.mark.parametrize("who, may", MAY.items())
def test_who_records_attendance(held, users, who, may):
    attendance = {users["board"].pk: "aanwezig"}
    if may:
        record(held, users[who], chair=_chair(), attendance=attendance)
        assert Attendance.objects.get(meeting=held).presence == "aanwezig"
    else:
        with pytest.raises(Refused):
            record(held, users[who], chair=_chair(), attendance=attendance)
        assert not Attendance.objects.exists()
        held.refresh_from_db()
        assert held.chair is None


def test_the_bodys_chair_records_attendance_without_a_role(held, users):
    record(held, _chair(), chair=_chair(), attendance={users["board"].pk: "afgemeld"})
    assert Attendance.objects.get(meeting=held, user=users["board"]).presence == "afgemeld"


def test_attendance_chair_minute_taker_and_history(held, users):
    secretary = users["secretary"]
    record(
        held,
        secretary,
        chair=_chair(),
        minute_taker=secretary,
        attendance={
            users["board"].pk: "aanwezig",
            _chair().pk: "aanwezig",
            UserFactory(username="member2").pk: "afgemeld",
        },
    )
    held.refresh_from_db()
    assert held.chair.username == "chair" and held.minute_taker == secretary
    presence = {a.user.username: a.presence for a in held.attendance.all()}
    assert presence == {"board": "aanwezig", "chair": "aanwezig", "member2": "afgemeld"}
    assert entries(Meeting.objects.get(pk=held.pk))[0]["who"] == secretary
    # clearing a row removes it, with history
    record(held, secretary, chair=_chair(), attendance={users["board"].pk: ""})
    assert not Attendance.objects.filter(meeting=held, user=users["board"]).exists()


def test_nobody_is_present_before_the_meeting_but_notice_can_be_given(planned, users):
    secretary = users["secretary"]
    with pytest.raises(ValidationError) as refused:
        record(planned, secretary, attendance={users["board"].pk: "aanwezig"})
    assert (
        gettext(
            "The meeting has not begun yet, so nobody can be marked present; absences with notice "
            "can be recorded already."
        )
        in refused.value.messages
    )
    record(planned, secretary, attendance={users["board"].pk: "afgemeld"})
    assert Attendance.objects.get(meeting=planned).presence == "afgemeld"


def test_chair_must_sit_on_the_body_and_attendance_is_for_members(held, users):
    secretary = users["secretary"]
    with pytest.raises(ValidationError) as refused:
        record(held, secretary, chair=users["partner_contact"], attendance={})
    assert "chair" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        record(held, secretary, minute_taker=UserFactory(username="outsider"), attendance={})
    assert "minute_taker" in refused.value.error_dict
    with pytest.raises(ValidationError):
        record(held, secretary, attendance={users["reader"].pk: "aanwezig"})
    # the secretariat's people may take the minutes without sitting on the body
    record(held, secretary, minute_taker=users["programme_team"], attendance={})


def test_a_stale_form_is_refused(held, users):
    from avk.concurrency import StaleEdit

    secretary = users["secretary"]
    record(held, secretary, attendance={users["board"].pk: "aanwezig"})
    with pytest.raises(StaleEdit):
        services.meeting_attendance_set(meeting_id=held.pk, version=1, by=secretary, attendance={})


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, status",
    [
        ("programme_team", 200),
        ("secretary", 200),
        ("board", 403),
        ("partner_contact", 403),
        ("other_team", 403),
    ],
)
def test_attendance_page_access(client, held, users, who, status):
    client.force_login(users[who])
    url = reverse("governance:meeting-attendance", args=[held.pk])
    assert client.get(url).status_code == status


def test_attendance_form_saves_and_the_meeting_page_shows_it(client, held, users):
    chair = _chair()
    client.force_login(users["secretary"])
    url = reverse("governance:meeting-attendance", args=[held.pk])
    page = client.get(url).content.decode()
    assert f'name="presence_{users["board"].pk}"' in page
    response = client.post(
        url,
        {
            "version": held.version,
            "chair": chair.pk,
            "minute_taker": users["secretary"].pk,
            f"presence_{users['board'].pk}": "aanwezig",
            f"presence_{chair.pk}": "aanwezig",
            f"presence_{users['secretary'].pk}": "afgemeld",
        },
    )
    assert response.status_code == 302
    page = client.get(held.get_absolute_url()).content.decode()
    assert 'id="attendance-h"' in page
    assert escape(str(chair)) in page and escape(str(users["board"])) in page
    assert reverse("governance:meeting-attendance", args=[held.pk]) in page


def test_board_member_sees_attendance_without_the_button(client, held, users):
    record(held, users["secretary"], attendance={users["board"].pk: "aanwezig"})
    client.force_login(users["board"])
    page = client.get(held.get_absolute_url()).content.decode()
    assert 'id="attendance-h"' in page
    assert reverse("governance:meeting-attendance", args=[held.pk]) not in page
