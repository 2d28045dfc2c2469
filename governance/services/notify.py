"""The workflow's e-mails (plain text, Dutch). Called from services inside transaction.on_commit,
so nothing is sent when the step is rolled back."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from avk import mail
from avk.profile import OUTCOMES, PUT_BEFORE_ME, REMINDERS, wants_mail

from ..models import Membership, Proposal


def _link(obj) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + obj.get_absolute_url()


def _send(subject: str, template: str, context: dict, recipients, *, topic: str) -> int:
    """E-mail each recipient with an address who wants the mails of `topic` (their profile)."""
    sent = 0
    for user in recipients:
        if not user.email or not wants_mail(user, topic):
            continue
        with translation.override(settings.LANGUAGE_CODE):
            body = render_to_string(template, {**context, "user": user})
        mail.send(subject, body, [user.email])
        sent += 1
    return sent


def _members(proposal: Proposal, *, voting_only: bool):
    memberships = Membership.objects.current().filter(body=proposal.body).select_related("user")
    if voting_only:
        memberships = memberships.voting()
    return [m.user for m in memberships]


def proposal_put_before_members(*, proposal_id: int, how: str) -> int:
    """`how` is "agenda" (placed on a meeting's agenda) or "round" (a written round opened)."""
    proposal = Proposal.objects.select_related("body", "programme").get(pk=proposal_id)
    meeting = None
    if how == "agenda":
        item = proposal.agenda_items.select_related("meeting").order_by("-meeting__starts_at")
        meeting = item.first().meeting if item.exists() else None
    with translation.override(settings.LANGUAGE_CODE):
        if how == "round":
            subject = _("Written round: %(title)s") % {"title": proposal.title}
        else:
            subject = _("On the agenda: %(title)s") % {"title": proposal.title}
    return _send(
        subject,
        f"governance/email/proposal_{how}.txt",
        {"proposal": proposal, "meeting": meeting, "link": _link(proposal)},
        _members(proposal, voting_only=how == "round"),
        topic=PUT_BEFORE_ME,
    )


def round_reminder(*, proposal_id: int, user_ids: list[int]) -> int:
    proposal = Proposal.objects.select_related("body").get(pk=proposal_id)
    users = [
        m.user
        for m in Membership.objects.current()
        .filter(body=proposal.body, user_id__in=user_ids)
        .select_related("user")
    ]
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: vote before %(deadline)s on %(title)s") % {
            "deadline": _deadline(proposal),
            "title": proposal.title,
        }
    return _send(
        subject,
        "governance/email/round_reminder.txt",
        {"proposal": proposal, "link": _to_decide_link(proposal)},
        users,
        topic=REMINDERS,
    )


def _to_decide_link(proposal) -> str:
    from django.urls import reverse

    return settings.PORTAL_BASE_URL.rstrip("/") + reverse(
        "governance:proposal-vote", args=[proposal.pk]
    )


def _deadline(proposal) -> str:
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    return date_format(localtime(proposal.round_deadline), "DATETIME_FORMAT")


def proposal_decided(*, proposal_id: int) -> int:
    proposal = Proposal.objects.select_related("drafter", "body").get(pk=proposal_id)
    decisions = list(proposal.decisions.all())
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Decided: %(title)s") % {"title": proposal.title}
    return _send(
        subject,
        "governance/email/proposal_decided.txt",
        {"proposal": proposal, "decisions": decisions, "link": _link(proposal)},
        [proposal.drafter],
        topic=OUTCOMES,
    )
