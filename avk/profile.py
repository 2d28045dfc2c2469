"""A person's own settings: the e-mails they want and their private calendar link.

Services act for a person (`by`) on their own account; a superuser may act on anyone's (an
administrator revoking a leaked link). The calendar link carries a random token; the portal
keeps only its SHA-256 fingerprint, so the link is shown once, when it is made, and a leaked
database reveals no working link. Making a new link ends the old one; revoking ends it.

Notification code asks `wants_mail(user, topic)` before e-mailing someone, with `topic` one of
`User.MAIL_PREFERENCES`.
"""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .access import is_superuser
from .policy import Refused

#: Mail topics (fields of the user model), for the notification code.
PUT_BEFORE_ME = "mail_put_before_me"
REMINDERS = "mail_reminders"
OUTCOMES = "mail_outcomes"
PARTNER_CHANGES = "mail_partner_changes"

TOKEN_BYTES = 32


def wants_mail(user, topic: str) -> bool:
    """Does this person want the e-mails of `topic`? (Everyone does until they say otherwise.)"""
    if topic not in get_user_model().MAIL_PREFERENCES:
        raise ValueError(f"Unknown mail topic: {topic!r}")
    return bool(getattr(user, topic, True))


def _require_self(by, user) -> None:
    if by is None or not by.is_authenticated or (by.pk != user.pk and not is_superuser(by)):
        raise Refused(_("You can only change your own profile."))


def mail_preferences_update(*, user, by, **preferences) -> None:
    """Save the e-mail preferences given (unknown names are refused)."""
    _require_self(by, user)
    allowed = get_user_model().MAIL_PREFERENCES
    unknown = set(preferences) - set(allowed)
    if unknown:
        raise ValueError(f"Unknown mail preferences: {sorted(unknown)}")
    for name, value in preferences.items():
        setattr(user, name, bool(value))
    user.save(update_fields=list(preferences))


def fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_link_make(*, user, by) -> str:
    """A new private token for the person's calendar feed (the old one stops working). Returns
    the token itself: the only moment it is known."""
    _require_self(by, user)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    user.calendar_token_hash = fingerprint(token)
    user.calendar_token_created = timezone.now()
    user.save(update_fields=["calendar_token_hash", "calendar_token_created"])
    return token


def calendar_link_revoke(*, user, by) -> None:
    _require_self(by, user)
    user.calendar_token_hash = ""
    user.calendar_token_created = None
    user.save(update_fields=["calendar_token_hash", "calendar_token_created"])


def user_for_calendar_token(token: str):
    """The active person whose calendar link carries `token`, or None."""
    if not token or len(token) > 100:
        return None
    return (
        get_user_model()
        ._default_manager.filter(calendar_token_hash=fingerprint(token), is_active=True)
        .first()
    )
