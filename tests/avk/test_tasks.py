"""Background work: the portal's e-mails go through one task (avk.mail), queued in the database
(django-tasks-db) and sent by the worker (`manage.py db_worker`), for real here: the test
settings otherwise run tasks at once (ImmediateBackend)."""

import io
import json
import re
import smtplib

import pytest
from django.core import mail as outbox
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend
from django_tasks_db.models import DBTaskResult

from avk import mail

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def test_the_test_settings_run_tasks_at_once():
    assert not default_task_backend.supports_get_result  # the immediate backend


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_mail_is_queued_in_the_database_and_sent_by_the_worker():
    outbox.outbox.clear()
    result = mail.send("Onderwerp", "Tekst", ["iemand@example.org"])
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY
    assert row.task_path == "avk.mail.deliver"
    assert outbox.outbox == []  # nothing sent by the page itself

    run_worker()

    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == 1
    assert [(m.subject, m.to, m.body) for m in outbox.outbox] == [
        ("Onderwerp", ["iemand@example.org"], "Tekst")
    ]
    run_worker()  # a second worker run sends nothing twice
    assert len(outbox.outbox) == 1


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_step_that_is_rolled_back_queues_no_mail():
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send("Onderwerp", "Tekst", ["iemand@example.org"])
        raise RuntimeError("the step failed")
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS=DATABASE_TASKS,
    EMAIL_BACKEND="tests.avk.test_tasks.RefusingBackend",
    MAIL_MAX_ATTEMPTS=2,
)
def test_a_mail_server_that_is_down_loses_nothing_and_is_tried_again_later():
    mail.send("Onderwerp", "Tekst", ["iemand@example.org"])
    run_worker()
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now()  # a minute later, not in a tight loop
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.FAILED  # the last try: failed, visible in the admin
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_password_reset_mail_goes_through_the_queue_without_its_link(client):
    from tests.factories import UserFactory

    UserFactory(username="vergeten", email="vergeten@example.org")
    outbox.outbox.clear()
    response = client.post(reverse("password_reset"), {"email": "vergeten@example.org"})
    assert response.status_code == 302
    assert outbox.outbox == []
    row = DBTaskResult.objects.get()
    assert row.task_path == "avk.mail.compose_and_deliver"
    stored = json.dumps(row.args_kwargs)
    assert "/accounts/reset/" not in stored and "vergeten@example.org" in stored

    run_worker()

    [sent] = outbox.outbox
    assert sent.to == ["vergeten@example.org"]
    link = re.search(r"https?://\S+/accounts/reset/\S+", sent.body).group(0)
    assert link.split("/")[-2] not in json.dumps(DBTaskResult.objects.get().args_kwargs)
    assert client.get(link, follow=True).status_code == 200


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_an_invitation_is_queued_without_its_link(programme):
    from avk.access import Role
    from programme.core.services import invitation_resend
    from tests.factories import RoleAssignmentFactory, UserFactory

    team = UserFactory(username="team")
    RoleAssignmentFactory(user=team, programme=programme, role=Role.PROGRAMME_TEAM)
    person = UserFactory(username="nieuw", email="nieuw@example.org")
    role = RoleAssignmentFactory(user=person, programme=programme, role=Role.READER)
    outbox.outbox.clear()
    invitation_resend(assignment=role, by=team)
    row = DBTaskResult.objects.get()
    assert "/accounts/reset/" not in json.dumps(row.args_kwargs)
    run_worker()
    [sent] = outbox.outbox
    assert sent.to == ["nieuw@example.org"] and "/accounts/reset/" in sent.body


def test_a_composer_must_be_marked():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        mail.send_composed("os.remove", path="/tmp/x")


class RecipientRefusedBackend(BaseEmailBackend):
    """A mail server that does not know the address (a permanent refusal)."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no such user")})


class BusyBackend(BaseEmailBackend):
    """A mail server that says "try later"."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.org": (451, b"try again later")})


def test_which_failures_are_tried_again():
    assert mail.temporary(smtplib.SMTPServerDisconnected("gone"))
    assert mail.temporary(ConnectionRefusedError())
    assert mail.temporary(smtplib.SMTPResponseException(421, b"busy"))
    assert mail.temporary(smtplib.SMTPRecipientsRefused({"a@b.nl": (452, b"full")}))
    assert not mail.temporary(smtplib.SMTPRecipientsRefused({"a@b.nl": (550, b"unknown")}))
    assert not mail.temporary(smtplib.SMTPSenderRefused(553, b"no", "noreply@b.nl"))
    assert not mail.temporary(smtplib.SMTPAuthenticationError(535, b"wrong"))
    assert not mail.temporary(smtplib.SMTPDataError(554, b"spam"))


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS=DATABASE_TASKS, EMAIL_BACKEND="tests.avk.test_tasks.RecipientRefusedBackend"
)
def test_a_permanent_refusal_is_not_tried_again():
    mail.send("Onderwerp", "Tekst", ["x@example.org"])
    run_worker()
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND="tests.avk.test_tasks.BusyBackend")
def test_a_try_later_answer_is_tried_again():
    mail.send("Onderwerp", "Tekst", ["x@example.org"])
    run_worker()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


@override_settings(EMAIL_BACKEND="tests.avk.test_tasks.RefusingBackend")
def test_the_immediate_backend_raises_a_failed_mail():
    with pytest.raises(smtplib.SMTPServerDisconnected):
        mail.send("Onderwerp", "Tekst", ["iemand@example.org"])


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="tests.avk.test_tasks.RefusingBackend")
def test_with_the_immediate_backend_a_reminder_that_was_not_mailed_is_not_recorded(programme):
    from programme.din.models import MeasurementReminder
    from tests.factories import IndicatorFactory, UserFactory

    owner = UserFactory(username="eigenaar", email="eigenaar@example.org")
    IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=owner)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        call_command("send_measurement_reminders", today="2026-11-23", stdout=io.StringIO())
    assert not MeasurementReminder.objects.exists()  # the next run tries again


@pytest.mark.django_db
def test_the_password_reset_mail_is_sent_at_once_in_the_tests(client):
    from tests.factories import UserFactory

    UserFactory(username="vergeten", email="vergeten@example.org")
    outbox.outbox.clear()
    client.post(reverse("password_reset"), {"email": "vergeten@example.org"})
    assert [m.to for m in outbox.outbox] == [["vergeten@example.org"]]


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_a_scheduled_commands_mail_is_queued_with_its_reminder(programme):
    from django.core.management import call_command as run

    from programme.din.models import MeasurementReminder
    from tests.factories import IndicatorFactory, UserFactory

    owner = UserFactory(username="eigenaar", email="eigenaar@example.org")
    IndicatorFactory(goal__strategic_goal__line__programme=programme, owner=owner)
    outbox.outbox.clear()
    run("send_measurement_reminders", today="2026-11-23", stdout=io.StringIO())
    assert MeasurementReminder.objects.count() == 1
    row = DBTaskResult.objects.get()
    assert row.args_kwargs["kwargs"]["to"] == ["eigenaar@example.org"]
    assert outbox.outbox == []  # the worker sends it


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS, DEBUG=True)
def test_the_demo_queues_no_mail_for_its_invented_people():
    call_command("load_demo", stdout=io.StringIO())
    assert not DBTaskResult.objects.exists()  # its mails went nowhere, at once
