"""Every e-mail of the portal goes out through one background task (django-tasks), so a page or
a scheduled command never waits for the mail server, and a mail server that is down for a while
loses nothing.

    from avk import mail
    mail.send(subject, body, [address])

`send` enqueues the task `deliver`. With the database backend (TASKS in the settings) the task
is a row written in the caller's transaction: a step that is rolled back sends nothing, and a
step that commits has its mail queued for certain (the worker, `manage.py db_worker`, sends it).
When the mail server cannot be reached or answers "try later" (a 4xx SMTP answer), `deliver`
queues itself again a few minutes later, up to `MAIL_MAX_ATTEMPTS` tries, and then fails
(visible in the admin's task results). A permanent refusal (a 5xx answer: unknown recipient,
sender refused, wrong login) fails at once, with a log line: trying again would not help.

Mails that carry a secret (a link that sets a password: the password reset, an invitation) are
never written whole into the task row, which keeps its arguments in the database:

    mail.send_composed("programme.core.services.invitation_mail", user_id=..., ...)

queues only the dotted path of a *composer* (a function marked with `@mail.composer`) and its
arguments (ids, no secrets); the worker calls the composer when it sends the mail, so the link
(and its token) exists only in the mail itself. A composer returns a `Mail`, or None when there
is nothing to send any more (the person was removed meanwhile).

`TASKS_BACKEND=immediate` (development and tests only) sends at once, in the caller, without
going through the backend (which would swallow the error): a mail that cannot be sent raises,
so the caller's transaction is rolled back as before (a measurement reminder is then not
recorded and the next run tries again). Production uses the database backend.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger(__name__)

#: Minutes to wait before the next try, by the number of tries made so far.
RETRY_MINUTES = (1, 5, 15, 60)


@dataclass(frozen=True)
class Mail:
    """A mail a composer wrote."""

    subject: str
    body: str
    to: list[str] = field(default_factory=list)
    from_email: str | None = None


def composer(function):
    """Mark `function` as one `send_composed` may name (nothing else is run from a task row)."""
    function.mail_composer = True
    return function


def send(subject: str, body: str, to, *, from_email: str | None = None):
    """Queue a plain-text e-mail to the addresses `to`; returns the task's result handle (with
    the immediate backend: the number of messages sent)."""
    kwargs = {
        "subject": str(subject),
        "body": str(body),
        "to": [str(a) for a in to],
        "from_email": from_email,
    }
    if _at_once(deliver):
        return deliver.call(**kwargs)
    return deliver.enqueue(**kwargs)


def send_composed(compose: str, **arguments):
    """Queue a mail that carries a secret: only `compose` (the dotted path of a `@composer`
    function) and its `arguments` (JSON: ids, never the secret) are stored; the worker writes
    the mail when it sends it."""
    _composer(compose)  # a wrong name fails here, in the caller, not later in the worker
    if _at_once(compose_and_deliver):
        return compose_and_deliver.call(compose=compose, arguments=arguments)
    return compose_and_deliver.enqueue(compose=compose, arguments=arguments)


@task()
def deliver(*, subject: str, body: str, to: list[str], from_email=None, attempt: int = 1) -> int:
    """Send one e-mail now (the worker runs this). Returns the number of messages sent."""

    def again(run_after):
        deliver.using(run_after=run_after).enqueue(
            subject=subject, body=body, to=to, from_email=from_email, attempt=attempt + 1
        )

    return _send(Mail(subject, body, to, from_email), attempt, again)


@task()
def compose_and_deliver(*, compose: str, arguments: dict, attempt: int = 1) -> int:
    """Write the mail with its composer and send it now (the worker runs this)."""
    message = _composer(compose)(**arguments)
    if message is None:
        logger.info("Mail of %s not sent: nothing to send any more", compose)
        return 0

    def again(run_after):
        compose_and_deliver.using(run_after=run_after).enqueue(
            compose=compose, arguments=arguments, attempt=attempt + 1
        )

    return _send(message, attempt, again)


def temporary(error: Exception) -> bool:
    """Whether trying again later may help: the mail server could not be reached or said "try
    later" (a 4xx answer). A 5xx answer is final."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPException):  # e.g. no login method in common: final
        return False
    return isinstance(error, OSError)  # connection refused, time-out, name not found


def _send(message: Mail, attempt: int, again) -> int:
    try:
        return send_mail(message.subject, message.body, message.from_email, message.to)
    except OSError as error:  # smtplib.SMTPException is an OSError
        if not temporary(error):
            logger.error("Mail %r refused, not tried again: %r", message.subject, error)
            raise
        if attempt >= settings.MAIL_MAX_ATTEMPTS or _at_once(deliver):
            raise
        wait = RETRY_MINUTES[min(attempt, len(RETRY_MINUTES)) - 1]
        logger.warning(
            "Mail %r not sent (try %s); trying again in %s min", message.subject, attempt, wait
        )
        again(timezone.now() + timedelta(minutes=wait))
        return 0


def _at_once(a_task) -> bool:
    """Whether tasks run in the caller (the immediate backend: development and tests)."""
    return isinstance(a_task.get_backend(), ImmediateBackend)


def _composer(path: str):
    function = import_string(path)
    if not getattr(function, "mail_composer", False):
        raise ImproperlyConfigured(f"{path} is not a mail composer (@avk.mail.composer).")
    return function
