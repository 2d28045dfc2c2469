"""Written rounds: voting rules, the majority of CURRENT members, closing and reminders by the
command, and the e-mails."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from avk.policy import Refused
from governance import services
from governance.models import Membership, Proposal, ProposalStatus
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _agree(proposal):
    return [d for d in proposal.decisions.order_by("position") if d.kind == "instemmen"]


def vote(proposal, user, choice="voor"):
    return services.vote_cast(
        proposal_id=proposal.pk, by=user, votes={d.pk: (choice, "") for d in _agree(proposal)}
    )


def expire(proposal):
    Proposal.objects.filter(pk=proposal.pk).update(
        round_deadline=timezone.now() - timedelta(minutes=1)
    )
    proposal.refresh_from_db()


@pytest.fixture
def members(board, users):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {
        "board": users["board"],
        "chair": User.objects.get(username="chair"),
        "member2": User.objects.get(username="member2"),
    }


def test_member_votes_and_changes_the_vote_before_the_deadline(make, members):
    proposal = make("schriftelijke_ronde")
    vote(proposal, members["board"], "tegen")
    saved = vote(proposal, members["board"], "voor")
    assert {v.choice for v in saved} == {"voor"}
    assert proposal.decisions.get(position=2).votes.count() == 1
    history = saved[0].history.order_by("history_date")
    assert [h.history_change_reason for h in history] == ["vote.cast", "vote.changed"]
    assert history.last().history_user == members["board"]


@pytest.mark.parametrize(
    "who",
    ["secretary", "partner_contact", "programme_team", "superuser", "other_team", "former_team"],
)
def test_non_members_and_non_voting_members_cannot_vote(make, users, who):
    proposal = make("schriftelijke_ronde")
    with pytest.raises(Refused, match="Alleen huidige stemgerechtigde leden"):
        vote(proposal, users[who])


def test_a_member_who_left_cannot_vote(make, members):
    proposal = make("schriftelijke_ronde")
    Membership.objects.filter(user=members["member2"]).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(Refused, match="Alleen huidige"):
        vote(proposal, members["member2"])


def test_voting_after_the_deadline_is_refused(make, members):
    proposal = make("schriftelijke_ronde")
    expire(proposal)
    with pytest.raises(Refused, match="termijn van deze schriftelijke ronde is verstreken"):
        vote(proposal, members["board"])


def test_no_vote_on_take_note_decisions_or_outside_a_round(make, members):
    proposal = make("schriftelijke_ronde")
    note = proposal.decisions.get(position=1)
    with pytest.raises(ValidationError, match="kennisname"):
        services.vote_cast(
            proposal_id=proposal.pk, by=members["board"], votes={note.pk: ("voor", "")}
        )
    submitted = make("ingediend")
    with pytest.raises(Refused, match="niet in een schriftelijke ronde"):
        vote(submitted, members["board"])


def test_round_cannot_close_early_while_votes_are_missing(make, members, users):
    proposal = make("schriftelijke_ronde")
    vote(proposal, members["board"])
    with pytest.raises(ValidationError, match="zodra alle leden hebben gestemd"):
        services.round_close(proposal_id=proposal.pk, by=users["programme_team"])


def test_majority_of_current_members_adopts(make, members, users):
    proposal = make("schriftelijke_ronde")
    d2, d3 = _agree(proposal)
    services.vote_cast(
        proposal_id=proposal.pk,
        by=members["board"],
        votes={d2.pk: ("voor", ""), d3.pk: ("voor", "")},
    )
    services.vote_cast(
        proposal_id=proposal.pk,
        by=members["chair"],
        votes={d2.pk: ("voor", ""), d3.pk: ("tegen", "")},
    )
    services.vote_cast(
        proposal_id=proposal.pk,
        by=members["member2"],
        votes={d2.pk: ("onthouding", ""), d3.pk: ("onthouding", "")},
    )
    # all three voted: the round can close before the deadline
    services.round_close(proposal_id=proposal.pk, by=users["programme_team"])
    proposal.refresh_from_db()
    d1, d2, d3 = proposal.decisions.order_by("position")
    assert proposal.status == ProposalStatus.DECIDED
    assert d1.outcome == "kennisgenomen"
    assert (d2.outcome, d2.votes_for, d2.votes_against, d2.votes_abstain) == ("aangenomen", 2, 0, 1)
    assert (d3.outcome, d3.votes_for) == ("verworpen", 1)
    assert d2.decided_via == "schriftelijke_ronde" and d2.decided_in is None
    assert d2.number and d3.number is None


def test_majority_counts_members_on_the_closing_day(make, members, users):
    """Two of three voted for; then someone joins: 2 of 4 is no majority. Someone who voted and
    left does not count either."""
    proposal = make("schriftelijke_ronde")
    vote(proposal, members["board"])
    vote(proposal, members["chair"])
    newcomer = UserFactory(username="newcomer")
    MembershipFactory(
        body=proposal.body, user=newcomer, role="lid", valid_from=timezone.localdate()
    )
    expire(proposal)
    services.round_close(proposal_id=proposal.pk, by=users["programme_team"])
    assert {d.outcome for d in _agree(proposal)} == {"verworpen"}


def test_votes_of_members_who_left_do_not_count(make, members, users):
    proposal = make("schriftelijke_ronde")
    vote(proposal, members["board"])
    vote(proposal, members["member2"])
    # member2 leaves; the body now has 2 voting members, 1 of whom voted for: no majority
    Membership.objects.filter(user=members["member2"]).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    expire(proposal)
    services.round_close(proposal_id=proposal.pk, by=users["programme_team"])
    d2 = _agree(proposal)[0]
    d2.refresh_from_db()
    assert (d2.outcome, d2.votes_for) == ("verworpen", 1)


def test_a_member_leaving_can_turn_a_minority_into_a_majority(make, members, users):
    proposal = make("schriftelijke_ronde")
    vote(proposal, members["board"])
    # 1 of 3 for; the chair and member2 leave: 1 of 1 is a majority
    Membership.objects.filter(user__in=[members["chair"], members["member2"]]).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    expire(proposal)
    services.round_close(proposal_id=proposal.pk, by=users["programme_team"])
    assert {d.outcome for d in _agree(proposal)} == {"aangenomen"}


def run(capture):
    with capture(execute=True):
        call_command("close_written_rounds", stdout=io.StringIO())


def test_command_closes_expired_rounds_and_tells_the_drafter(
    make, members, users, django_capture_on_commit_callbacks
):
    open_round = make("schriftelijke_ronde")
    expired = make("schriftelijke_ronde")
    vote(expired, members["board"])
    vote(expired, members["chair"])
    expire(expired)
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks)
    expired.refresh_from_db()
    open_round.refresh_from_db()
    assert expired.status == ProposalStatus.DECIDED
    assert open_round.status == ProposalStatus.WRITTEN_ROUND
    assert {d.outcome for d in _agree(expired)} == {"aangenomen"}
    step = expired.transitions.last()
    assert step.by is None and step.to_status == "besloten"
    decided = [m for m in mail.outbox if m.subject.endswith(f"Besloten: {expired.title}")]
    assert [m.to for m in decided] == [[users["programme_team"].email]]
    assert "aangenomen" in decided[0].body


def test_command_reminds_once_a_day_before_the_deadline(
    make, members, users, django_capture_on_commit_callbacks
):
    proposal = make("schriftelijke_ronde")
    Proposal.objects.filter(pk=proposal.pk).update(
        round_deadline=timezone.now() + timedelta(hours=20)
    )
    vote(proposal, members["board"])
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks)
    reminded = sorted(m.to[0] for m in mail.outbox)
    assert reminded == ["chair@example.org", "member2@example.org"]
    assert all("Herinnering" in m.subject for m in mail.outbox)
    assert "nog niet over elk voorgesteld besluit gestemd" in mail.outbox[0].body
    proposal.refresh_from_db()
    assert proposal.round_reminder_sent_at is not None
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_no_reminder_when_the_deadline_is_far(make, members, django_capture_on_commit_callbacks):
    make("schriftelijke_ronde", deadline_days=5)
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_members_are_told_when_a_round_opens(make, users, django_capture_on_commit_callbacks):
    proposal = make("ingediend")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.round_open(
            proposal_id=proposal.pk,
            by=users["programme_team"],
            deadline=timezone.now() + timedelta(days=3),
        )
    assert sorted(m.to[0] for m in mail.outbox) == [
        "board@example.org",
        "chair@example.org",
        "member2@example.org",
    ]
    message = mail.outbox[0]
    assert message.subject.endswith(f"Schriftelijke ronde: {proposal.title}")
    assert "Stem vóór" in message.body
    assert f"/governance/proposals/{proposal.pk}/" in message.body


def test_members_are_told_when_put_on_the_agenda(
    make, board, users, django_capture_on_commit_callbacks
):
    from tests.factories import MeetingFactory

    proposal = make("ingediend")
    meeting = MeetingFactory(body=board, starts_at=timezone.now() + timedelta(days=3))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_schedule(
            proposal_id=proposal.pk, meeting=meeting, by=users["programme_team"]
        )
    # all current members, the (non-voting) secretary included
    assert len(mail.outbox) == 4
    assert "staat op de agenda van het Dagelijks Bestuur" in mail.outbox[0].body


def test_nothing_is_sent_when_the_step_fails(make, users, django_capture_on_commit_callbacks):
    proposal = make("concept")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refused):
        services.round_open(
            proposal_id=proposal.pk,
            by=users["programme_team"],
            deadline=timezone.now() + timedelta(days=3),
        )
    assert mail.outbox == []


def test_future_membership_does_not_count_yet(make, board, users):
    later = UserFactory(username="later")
    MembershipFactory(
        body=board, user=later, role="lid", valid_from=timezone.localdate() + timedelta(days=5)
    )
    proposal = make("schriftelijke_ronde")
    with pytest.raises(Refused, match="Alleen huidige stemgerechtigde leden"):
        vote(proposal, later)
    assert date.today()  # membership starting later is not "current"


def test_command_reports_what_it_did(make, members):
    proposal = make("schriftelijke_ronde")
    vote(proposal, members["board"])
    expire(proposal)
    out = io.StringIO()
    call_command("close_written_rounds", stdout=out)
    assert f"closed: {proposal.pk}" in out.getvalue()
    assert "1 round(s) closed" in out.getvalue()
