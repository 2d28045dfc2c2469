"""Every e-mail of the portal goes out through one background task (django-tasks), so a page or
a scheduled command never waits for the mail server, and a mail server that is down for a while
loses nothing.

    from avk import mail
    mail.send(subject, body, [address])

`send` enqueues the task `deliver`. With the database backend (TASKS in the settings) the task
is a row written in the caller's transaction: a step that is rolled back sends nothing, and a
step that commits has its mail queued for certain (the worker, `manage.py db_worker`, sends it).
When the mail server refuses or cannot be reached, `deliver` queues itself again a few minutes
later, up to `MAIL_MAX_ATTEMPTS` tries, and then fails (visible in the admin's task results).
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

#: Minutes to wait before the next try, by the number of tries made so far.
RETRY_MINUTES = (1, 5, 15, 60)


def send(subject: str, body: str, to, *, from_email: str | None = None):
    """Queue a plain-text e-mail to the addresses `to`; returns the task's result handle."""
    return deliver.enqueue(
        subject=str(subject), body=str(body), to=[str(a) for a in to], from_email=from_email
    )


@task()
def deliver(*, subject: str, body: str, to: list[str], from_email=None, attempt: int = 1) -> int:
    """Send one e-mail now (the worker runs this). Returns the number of messages sent."""
    try:
        return send_mail(subject, body, from_email, to)
    except (smtplib.SMTPException, OSError):
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not default_task_backend.supports_defer:
            raise
        wait = RETRY_MINUTES[min(attempt, len(RETRY_MINUTES)) - 1]
        logger.warning("Mail %r not sent (try %s); trying again in %s min", subject, attempt, wait)
        deliver.using(run_after=timezone.now() + timedelta(minutes=wait)).enqueue(
            subject=subject, body=body, to=to, from_email=from_email, attempt=attempt + 1
        )
        return 0
