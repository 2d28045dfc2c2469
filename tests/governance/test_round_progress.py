"""Following a written round: its progress (who has voted on everything, who has not), the
secretary's reminder to the members who have not voted (a service: policy, refusals in Dutch,
history, e-mails only to those who may vote), who sees how the others voted (per body), and the
open rounds on "Te besluiten" for the programme team."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from avk import policy
from avk.history import entries
from avk.policy import Refused
from governance import selectors, services
from governance.models import Proposal, RoundReminder, VoteVisibility
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _agree(proposal):
    return [d for d in proposal.decisions.order_by("position") if d.kind == "instemmen"]


def vote(proposal, username, *, only_first=False):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    decisions = _agree(proposal)[:1] if only_first else _agree(proposal)
    services.vote_cast(
        proposal_id=proposal.pk, by=user, votes={d.pk: ("voor", "") for d in decisions}
    )


@pytest.fixture
def round_(make):
    """The DB's round: voting members board, chair, member2 (the secretary does not vote)."""
    return make("schriftelijke_ronde")


# --- progress ------------------------------------------------------------------------------


def test_progress_counts_who_voted_on_everything(round_, users):
    vote(round_, "chair")
    vote(round_, "member2", only_first=True)
    progress = selectors.round_progress([round_])[round_.pk]
    assert progress.members == 3  # the secretary has no vote
    assert progress.decisions == 2
    assert [u.username for u in progress.voted] == ["chair"]
    assert [u.username for u in progress.partly] == ["member2"]
    assert [u.username for u in progress.not_voted] == ["board"]
    assert {u.username for u in progress.waiting} == {"member2", "board"}
    assert progress.percent == 33 and not progress.complete


def test_progress_of_many_rounds_takes_the_same_few_queries(
    programme, board, users, make, django_assert_num_queries
):
    rounds = [make("schriftelijke_ronde") for _ in range(2)]
    with django_assert_num_queries(3):
        selectors.round_progress(rounds)
    rounds += [make("schriftelijke_ronde") for _ in range(6)]
    for proposal in rounds:
        vote(proposal, "chair")
    with django_assert_num_queries(3):
        found = selectors.round_progress(rounds)
    assert all(found[p.pk].done == 1 for p in rounds)


@pytest.mark.parametrize(
    "who, follows",
    [
        ("programme_team", True),
        ("secretary", True),
        ("board", True),
        ("partner_contact", False),
        ("reader", False),
        ("other_team", False),
    ],
)
def test_open_rounds_for_the_home_page(round_, users, programme, who, follows):
    rows = selectors.open_rounds(user=users[who], programmes=[programme])
    assert ([p.pk for p in rows] == [round_.pk]) is follows
    if follows:
        assert rows[0].progress.members == 3


# --- the reminder: access, refusals, mail, history -----------------------------------------


REMIND = {
    "programme_team": True,
    "secretary": True,
    "board": False,  # votes, does not chase others
    "partner_contact": False,
    "reader": False,
    "other_team": False,
    "nobody": False,
    "superuser": True,
}


@pytest.mark.parametrize("who, may", REMIND.items())
def test_reminder_service_access(round_, users, who, may, django_capture_on_commit_callbacks):
    if not may:
        with pytest.raises(Refused):
            services.round_remind(proposal_id=round_.pk, by=users[who])
        assert not RoundReminder.objects.exists()
        return
    with django_capture_on_commit_callbacks(execute=True):
        reminder = services.round_remind(proposal_id=round_.pk, by=users[who])
    assert reminder.sent_by == users[who]


def test_the_bodys_chair_may_remind_without_a_role(round_, users):
    chair = users["board"].__class__.objects.get(username="chair")
    assert policy.allowed(chair, "governance.remind", round_)
    services.round_remind(proposal_id=round_.pk, by=chair)


def test_reminder_goes_only_to_voting_members_who_have_not_voted(
    round_, users, board, django_capture_on_commit_callbacks
):
    MembershipFactory(body=board, user=UserFactory(username="adviser"), role="adviseur")
    vote(round_, "chair")
    vote(round_, "member2", only_first=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminder = services.round_remind(proposal_id=round_.pk, by=users["secretary"])
    assert sorted(u.username for u in reminder.recipients.all()) == ["board", "member2"]
    assert sorted(m.to[0] for m in mail.outbox) == ["board@example.org", "member2@example.org"]
    assert all(round_.title in m.subject for m in mail.outbox)
    link = reverse("governance:proposal-vote", args=[round_.pk])
    assert all(link in m.body for m in mail.outbox)
    # the proposal's history names who was reminded
    latest = entries(Proposal.objects.get(pk=round_.pk))[0]
    assert latest["who"] == users["secretary"] and latest["known"]
    assert all(str(person) in latest["event"] for person in reminder.recipients.all())


def test_reminder_respects_the_mail_preference(round_, users, django_capture_on_commit_callbacks):
    vote(round_, "chair")
    users["board"].mail_reminders = False
    users["board"].save()
    with django_capture_on_commit_callbacks(execute=True):
        reminder = services.round_remind(proposal_id=round_.pk, by=users["secretary"])
    assert [u.username for u in reminder.recipients.all()] == ["member2"]


def test_reminder_refusals_are_dutch(round_, users, make):
    secretary = users["secretary"]
    services.round_remind(proposal_id=round_.pk, by=secretary)
    with pytest.raises(ValidationError) as too_soon:
        services.round_remind(proposal_id=round_.pk, by=secretary)
    assert too_soon.value.code == "reminder_too_soon"
    RoundReminder.objects.update(sent_at=timezone.now() - timedelta(hours=2))
    for username in ("board", "chair", "member2"):
        vote(round_, username)
    with pytest.raises(ValidationError) as everyone:
        services.round_remind(proposal_id=round_.pk, by=secretary)
    assert everyone.value.code == "everyone_voted"
    submitted = make("ingediend")
    with pytest.raises(Refused) as not_in_round:
        services.round_remind(proposal_id=submitted.pk, by=secretary)
    assert str(not_in_round.value) == gettext(
        "This proposal is not in a written round; there is nobody to remind."
    )
    late = make("schriftelijke_ronde")
    Proposal.objects.filter(pk=late.pk).update(round_deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(Refused) as too_late:
        services.round_remind(proposal_id=late.pk, by=secretary)
    assert str(too_late.value) == gettext(
        "The deadline of this written round has passed; a reminder can no longer help."
    )


def test_the_command_records_its_reminder_too(round_, users, django_capture_on_commit_callbacks):
    Proposal.objects.filter(pk=round_.pk).update(round_deadline=timezone.now() + timedelta(hours=5))
    with django_capture_on_commit_callbacks(execute=True):
        services.close_written_rounds()
    reminder = RoundReminder.objects.get(proposal=round_)
    assert reminder.sent_by is None and reminder.recipients.count() == 3


# --- the page ------------------------------------------------------------------------------


def test_secretary_sees_who_has_not_voted_and_sends_a_reminder(
    client, round_, users, django_capture_on_commit_callbacks
):
    vote(round_, "chair")
    client.force_login(users["secretary"])
    page = client.get(round_.get_absolute_url()).content.decode()
    listed = page[page.index('id="not-voted"') : page.index("</ul>", page.index('id="not-voted"'))]
    assert escape(str(users["board"])) in listed and "chair" not in listed
    remind = reverse("governance:proposal-remind", args=[round_.pk])
    assert f'action="{remind}"' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(remind)
    assert response.status_code == 302 and response["Location"].endswith("#round-h")
    assert len(mail.outbox) == 2
    page = client.get(round_.get_absolute_url()).content.decode()
    assert 'id="reminders"' in page and escape(str(users["secretary"])) in page


@pytest.mark.parametrize("who", ["board", "partner_contact", "other_team"])
def test_a_crafted_reminder_post_is_refused(client, round_, users, who):
    client.force_login(users[who])
    response = client.post(reverse("governance:proposal-remind", args=[round_.pk]))
    assert response.status_code in (403, 404)
    assert not RoundReminder.objects.exists()


def test_board_member_sees_the_progress_but_not_who_has_not_voted(client, round_, users):
    client.force_login(users["board"])
    page = client.get(round_.get_absolute_url()).content.decode()
    assert 'id="round-h"' in page and 'role="progressbar"' in page
    assert 'id="not-voted"' not in page
    assert reverse("governance:proposal-remind", args=[round_.pk]) not in page


def test_programme_team_sees_open_rounds_on_to_decide(client, round_, users):
    vote(round_, "chair")
    client.force_login(users["programme_team"])
    page = client.get(reverse("governance:to-decide", args=["avk"])).content.decode()
    assert 'id="followed-h"' in page and round_.title in page
    assert "Er wacht niets op uw stem." not in page
    assert escape(str(users["board"])) in page  # who has not voted yet


def test_to_decide_is_in_the_menu_of_the_programme_team(client, users, programme):
    client.force_login(users["programme_team"])
    page = client.get(reverse("governance:proposal-list", args=["avk"])).content.decode()
    assert reverse("governance:to-decide", args=["avk"]) in page


# --- who sees how the others voted ----------------------------------------------------------


@pytest.mark.parametrize(
    "visibility, before, after_voting",
    [
        (VoteVisibility.ALWAYS, True, True),
        (VoteVisibility.AFTER_OWN_VOTE, False, True),
        (VoteVisibility.AFTER_CLOSE, False, False),
    ],
)
def test_a_voting_member_sees_others_votes_per_the_bodys_setting(
    round_, users, board, visibility, before, after_voting
):
    board.vote_visibility = visibility
    board.save()
    round_.refresh_from_db()
    vote(round_, "chair")
    member = users["board"]
    assert policy.allowed(member, "governance.view_votes", round_) is before
    vote(round_, "board")
    assert policy.allowed(member, "governance.view_votes", round_) is after_voting


@pytest.mark.parametrize(
    "who, during",
    [
        ("programme_team", True),
        ("secretary", True),
        ("partner_contact", False),
        ("other_team", False),
    ],
)
def test_others_see_the_votes_during_the_round_by_role(round_, users, who, during):
    assert policy.allowed(users[who], "governance.view_votes", round_) is during


def test_once_closed_the_votes_are_the_record(round_, users, board):
    board.vote_visibility = VoteVisibility.AFTER_CLOSE
    board.save()
    for username in ("board", "chair", "member2"):
        vote(round_, username)
    services.round_close(proposal_id=round_.pk, by=users["programme_team"])
    round_.refresh_from_db()
    assert policy.allowed(users["board"], "governance.view_votes", round_)


def test_the_page_hides_the_votes_until_the_member_voted(client, round_, users):
    services.vote_cast(
        proposal_id=round_.pk,
        by=users["board"].__class__.objects.get(username="chair"),
        votes={d.pk: ("tegen", "Geheime toelichting") for d in _agree(round_)},
    )
    client.force_login(users["board"])
    assert "Geheime toelichting" not in client.get(round_.get_absolute_url()).content.decode()
    vote(round_, "board")
    assert "Geheime toelichting" in client.get(round_.get_absolute_url()).content.decode()


def test_board_member_sees_the_rounds_progress_after_voting(client, round_, users):
    client.force_login(users["board"])
    url = reverse("governance:proposal-vote", args=[round_.pk])
    assert 'id="round-h"' not in client.get(url).content.decode()
    vote(round_, "board")
    page = client.get(url).content.decode()
    assert 'id="round-h"' in page and 'aria-valuenow="33"' in page
    assert 'id="not-voted"' not in page  # counts, not names
