"""The scheduled commands run their work once when two machines start them at the same moment:
each round (and each indicator) is claimed with select_for_update(skip_locked=True), so the
second run passes by what the first holds instead of waiting and doing it again.

Row locks need PostgreSQL: SQLite locks the whole database file, so these tests skip there."""

import io
import threading
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from governance import services
from governance.models import Proposal, ProposalStatus, ProposedDecision
from programme.din.models import Indicator, MeasurementReminder
from tests.factories import IndicatorFactory, UserFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (select_for_update skip_locked) need PostgreSQL; SQLite locks the file",
    ),
    pytest.mark.django_db(transaction=True),
]


def _at_once(target, n=2):
    """Run `target()` in n threads started together, each on its own database connection;
    returns what each returned (an exception is returned, not raised)."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        from django.db import connection as own

        try:
            barrier.wait()
            results[i] = target()
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[i] = error
        finally:
            own.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _expired_round(make, users):
    proposal = make("schriftelijke_ronde")
    from django.contrib.auth import get_user_model

    User = get_user_model()
    for user in (users["board"], User.objects.get(username="chair")):
        services.vote_cast(
            proposal_id=proposal.pk,
            by=user,
            votes={d.pk: ("voor", "") for d in proposal.decisions.filter(kind="instemmen")},
        )
    Proposal.objects.filter(pk=proposal.pk).update(
        round_deadline=timezone.now() - timedelta(minutes=1)
    )
    return proposal


def test_two_commands_at_once_close_a_round_once(make, users):
    proposal = _expired_round(make, users)
    mail.outbox.clear()

    def command():
        out = io.StringIO()
        call_command("close_written_rounds", stdout=out)
        return out.getvalue()

    results = _at_once(command)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(f"closed: {proposal.pk}" in r for r in results) == 1
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED
    assert proposal.transitions.filter(to_status=ProposalStatus.DECIDED).count() == 1
    numbers = list(
        ProposedDecision.objects.filter(proposal=proposal, outcome="aangenomen").values_list(
            "number", flat=True
        )
    )
    assert len(numbers) == 2 and len(set(numbers)) == 2  # numbered once each
    decided = [m for m in mail.outbox if "Besloten" in m.subject]
    assert len(decided) == 1  # the drafter is told once


def test_a_round_held_by_another_run_is_passed_by_not_waited_for(make, users):
    proposal = _expired_round(make, users)
    held, release = threading.Event(), threading.Event()

    def other_machine():
        from django.db import connection as own

        try:
            with transaction.atomic():
                Proposal.objects.select_for_update().get(pk=proposal.pk)
                held.set()
                release.wait(30)
        finally:
            own.close()

    holder = threading.Thread(target=other_machine)
    holder.start()
    try:
        assert held.wait(10)
        result = services.close_written_rounds()  # does not block on the held row
        assert result == {"reminded": [], "closed": []}
    finally:
        release.set()
        holder.join()
    assert services.close_written_rounds()["closed"] == [proposal]  # the next run closes it


def test_two_reminder_runs_at_once_remind_each_owner_once(programme):
    owner = UserFactory(username="eigenaar")
    indicators = [
        IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=owner)
        for _ in range(5)
    ]
    mail.outbox.clear()

    def command():
        out = io.StringIO()
        call_command("send_measurement_reminders", today="2026-11-23", stdout=out)
        return out.getvalue()

    results = _at_once(command, n=3)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert MeasurementReminder.objects.count() == len(indicators), results
    assert len(mail.outbox) == len(indicators)
    for indicator in indicators:  # each owner mailed once per indicator
        assert sum(indicator.name in m.body for m in mail.outbox) == 1
    assert Indicator.objects.count() == len(indicators)
    assert {r.period_end for r in MeasurementReminder.objects.all()} == {date(2025, 12, 31)}
