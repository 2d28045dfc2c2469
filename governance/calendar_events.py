"""Meetings and written-round deadlines in a person's calendar feed (registered with
avk.calendar_feed in apps.py).

What concerns the person: the meetings of the bodies they sit on and the written rounds they
vote in, and, for the programme team and secretariat who organise them, every meeting and round
of their programme. Each of these the policy lets them read (`governance.view`): a body's
members and the back office read its meetings and proposals. Three queries, however many
events."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from avk.access import BACK_OFFICE_ROLES, programme_ids_with_role
from avk.calendar_feed import Event, Window

from .models import AgendaItem, Meeting, Membership, Proposal, ProposalStatus


def _meeting_event(meeting: Meeting) -> Event:
    agenda = [f"{item.position}. {item.label}" for item in meeting.agenda_items.all()]
    lines = [meeting.body.programme.name]
    if agenda:
        lines += ["", _("Agenda:"), *agenda]
    return Event(
        uid=f"meeting-{meeting.pk}",
        title=_("Meeting of %(body)s") % {"body": meeting.body.name},
        start=meeting.starts_at,
        url=meeting.get_absolute_url(),
        description="\n".join(lines),
        location=meeting.place,
    )


def _round_event(proposal: Proposal) -> Event:
    deadline = timezone.localtime(proposal.round_deadline)
    return Event(
        uid=f"written-round-{proposal.pk}",
        title=_("Written round closes at %(time)s: %(title)s")
        % {"time": time_format(deadline, "H:i"), "title": proposal.title},
        start=deadline.date(),
        url=proposal.get_absolute_url(),
        description=f"{proposal.body.name}, {proposal.programme.name}",
    )


def events(user, window: Window) -> list[Event]:
    start, end = window.aware_bounds()
    back_office = programme_ids_with_role(user, BACK_OFFICE_ROLES)
    sits_on = Membership.objects.current().filter(user=user)
    meetings = (
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .filter(Q(body_id__in=sits_on.values("body_id")) | Q(body__programme_id__in=back_office))
        .select_related("body", "body__programme")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("proposal").order_by("position"),
            )
        )
    )
    rounds = (
        Proposal.objects.filter(
            status=ProposalStatus.WRITTEN_ROUND,
            round_deadline__gte=start,
            round_deadline__lt=end,
        )
        .filter(Q(body_id__in=sits_on.voting().values("body_id")) | Q(programme_id__in=back_office))
        .select_related("body", "programme")
    )
    return [_meeting_event(m) for m in meetings] + [_round_event(p) for p in rounds]
