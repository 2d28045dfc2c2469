"""Bodies, memberships, meetings, agenda and action items through their services."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from avk.concurrency import StaleEdit
from governance import services
from governance.models import Membership
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_body_create_and_code_fixed_once_numbers_exist(programme, users, make, board):
    team = users["programme_team"]
    body = services.body_create(
        programme=programme,
        kind="stuurgroep",
        name="Stuurgroep",
        code="sg",
        steering_level="richten",
        by=team,
    )
    assert body.code == "SG"
    assert body.history.first().history_user == team
    with pytest.raises(ValidationError) as refused:
        services.body_create(
            programme=programme,
            kind="stuurgroep",
            name="Andere",
            code="SG",
            steering_level="richten",
            by=team,
        )
    assert "al een orgaan met deze code" in str(refused.value)
    make("besloten")
    with pytest.raises(ValidationError, match="kan niet meer veranderen"):
        services.body_update(body_id=board.pk, code="DB2", by=team)
    assert services.body_update(body_id=body.pk, code="STG", by=team).code == "STG"


def test_membership_overlap_refused_and_ending_keeps_history(board, users):
    team = users["programme_team"]
    person = UserFactory(username="nieuw")
    membership = services.membership_add(
        body=board,
        user=person,
        role="lid",
        by=team,
        valid_from=date(2024, 1, 1),
        expert_by_experience=True,
    )
    with pytest.raises(ValidationError, match="zit in die periode al in"):
        services.membership_add(
            body=board, user=person, role="adviseur", by=team, valid_from=date(2024, 6, 1)
        )
    ended = services.membership_end(
        membership_id=membership.pk, by=team, valid_until=date(2024, 12, 31)
    )
    assert not ended.in_force_on()
    assert ended.history.first().history_change_reason == "membership.ended"
    with pytest.raises(ValidationError, match="al beëindigd"):
        services.membership_end(membership_id=membership.pk, by=team, valid_until=date(2025, 1, 1))
    again = services.membership_add(
        body=board, user=person, role="lid", by=team, valid_from=date(2025, 1, 1)
    )
    assert Membership.objects.filter(user=person).count() == 2 and again.in_force_on()


def test_meeting_edit_refuses_a_stale_version(board, users):
    team = users["programme_team"]
    meeting = services.meeting_create(
        body=board, by=team, place="Veendam", starts_at=timezone.now() + timedelta(days=3)
    )
    services.meeting_update(meeting_id=meeting.pk, version=1, by=team, minutes="Eerste")
    with pytest.raises(StaleEdit):
        services.meeting_update(meeting_id=meeting.pk, version=1, by=team, minutes="Tweede")
    meeting.refresh_from_db()
    assert meeting.minutes == "Eerste"
    assert meeting.history.first().history_user == team


def test_agenda_and_held_meetings(board, users):
    team = users["programme_team"]
    future = services.meeting_create(
        body=board, by=team, starts_at=timezone.now() + timedelta(days=3)
    )
    item = services.agenda_item_add(meeting=future, title="Rondvraag", by=team)
    assert item.position == 1
    with pytest.raises(ValidationError, match="nog niet plaatsgevonden"):
        services.meeting_mark_held(meeting_id=future.pk, by=team)
    past = MeetingFactory(body=board, starts_at=timezone.now() - timedelta(days=1))
    services.meeting_mark_held(meeting_id=past.pk, by=team)
    with pytest.raises(ValidationError, match="agenda kan niet meer veranderen"):
        services.agenda_item_add(meeting=past, title="Te laat", by=team)
    with pytest.raises(ValidationError, match="al als gehouden"):
        services.meeting_mark_held(meeting_id=past.pk, by=team)


def test_action_items_open_done_reopen(board, users, other_board):
    team = users["programme_team"]
    meeting = MeetingFactory(body=board)
    with pytest.raises(ValidationError, match="Geef aan wie"):
        services.action_item_create(body=board, meeting=meeting, description="x", by=team)
    with pytest.raises(ValidationError, match="ander orgaan"):
        services.action_item_create(
            body=other_board, meeting=meeting, description="x", owner_text="Piet", by=team
        )
    item = services.action_item_create(
        body=board,
        meeting=meeting,
        description="Uitwerken",
        owner=users["board"],
        by=team,
        due_date=date(2024, 9, 1),
    )
    assert item.who == users["board"].get_full_name()
    done = services.action_item_close(action_item_id=item.pk, by=team)
    assert done.status == "afgerond" and done.done_on == timezone.localdate()
    with pytest.raises(ValidationError, match="al afgerond"):
        services.action_item_close(action_item_id=item.pk, by=team)
    reopened = services.action_item_reopen(action_item_id=item.pk, by=team)
    assert reopened.status == "open" and reopened.done_on is None
    assert [h.history_change_reason for h in reopened.history.order_by("history_date")] == [
        "action_item.added",
        "action_item.done",
        "action_item.reopened",
    ]


def test_drafter_told_when_decided_in_a_meeting(make, users, django_capture_on_commit_callbacks):
    proposal = make("geagendeerd")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_record(
            proposal_id=proposal.pk,
            by=users["secretary"],
            outcomes={
                d.pk: {"outcome": "kennisgenomen" if d.kind == "kennisnemen" else "aangenomen"}
                for d in proposal.decisions.all()
            },
        )
    assert [m.to for m in mail.outbox] == [[users["programme_team"].email]]
    body = mail.outbox[0].body
    assert "heeft besloten over uw voorstel" in body and "aangenomen (DB-" in body


def test_no_mail_to_the_drafter_while_decisions_are_deferred(
    make, users, django_capture_on_commit_callbacks
):
    proposal = make("geagendeerd")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_record(
            proposal_id=proposal.pk,
            by=users["secretary"],
            outcomes={d.pk: {"outcome": "aangehouden"} for d in proposal.decisions.all()},
        )
    assert mail.outbox == []
