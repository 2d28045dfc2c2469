"""Read side of bodies, meetings and action items."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from avk.access import is_superuser, roles_by_programme

from ..models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    MeetingStatus,
    Membership,
    Presence,
    ProposedDecision,
)
from .rounds import FOLLOWERS


def current_memberships(*, body: Body, on=None) -> QuerySet[Membership]:
    return Membership.objects.current(on).filter(body=body).select_related("user")


def bodies(*, programme) -> QuerySet[Body]:
    return Body.objects.filter(programme=programme).order_by("name")


def body_detail(*, pk: int) -> Body:
    return (
        Body.objects.select_related("programme")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("user").order_by(
                    "valid_until", "role", "user__last_name"
                ),
            )
        )
        .get(pk=pk)
    )


def meetings(*, programme, body: Body | None = None, user=None) -> QuerySet[Meeting]:
    """The programme's meetings (of one body), newest first; with `user`, only those of the
    bodies whose meetings the person reads (`governance.view_meeting`)."""
    queryset = Meeting.objects.filter(body__programme=programme)
    if body is not None:
        queryset = queryset.filter(body=body)
    if user is not None:
        whole, own = _bodies_followed(user=user, programme_ids={programme.pk})
        if programme.pk not in whole:
            queryset = queryset.filter(body_id__in=own)
    return (
        queryset.select_related("body")
        .annotate(item_count=Count("agenda_items", distinct=True))
        .order_by("-starts_at")
    )


def meeting_detail(*, pk: int) -> Meeting:
    items = AgendaItem.objects.select_related("proposal").prefetch_related(
        Prefetch("proposal__decisions", queryset=ProposedDecision.objects.order_by("position"))
    )
    return (
        Meeting.objects.select_related("body", "body__programme", "chair", "minute_taker")
        .prefetch_related(
            Prefetch("agenda_items", queryset=items.order_by("position")),
            Prefetch(
                "attendance",
                queryset=Attendance.objects.select_related("user").order_by(
                    "user__last_name", "user__first_name"
                ),
            ),
            Prefetch(
                "action_items",
                queryset=ActionItem.objects.select_related("owner").order_by(
                    "status", "due_date", "pk"
                ),
            ),
        )
        .get(pk=pk)
    )


def action_items(
    *, programme, body: Body | None = None, status: str | None = None
) -> QuerySet[ActionItem]:
    """The action items of a programme (or one body), for the action and decision list."""
    queryset = ActionItem.objects.filter(body__programme=programme)
    if body is not None:
        queryset = queryset.filter(body=body)
    if status in ActionStatus.values:
        queryset = queryset.filter(status=status)
    return queryset.select_related("body", "meeting", "owner").order_by("status", "due_date", "pk")


def _bodies_followed(*, user, programme_ids: set[int]) -> tuple[set[int], set[int]]:
    """(programmes whose every body the person follows: team, secretariat, board;
    bodies they sit on today)."""
    roles = roles_by_programme(user)
    whole = {
        pid
        for pid in programme_ids
        if is_superuser(user) or roles.get(pid, frozenset()) & FOLLOWERS
    }
    own = set(Membership.objects.current().filter(user=user).values_list("body_id", flat=True))
    return whole, own


def upcoming_meetings(*, user, programmes, limit: int = 5) -> list[Meeting]:
    """The planned meetings from today on of the bodies the person reads the meetings of (every
    body of a programme where they are in the team, the secretariat or the board; else the
    bodies they sit on), soonest first, at most `limit`, each with its agenda (`agenda_items`,
    with the proposals) prefetched. Three queries, whatever the number of programmes.

    For the home page: `upcoming_meetings(user=request.user, programmes=[programme])`."""
    ids = {getattr(p, "pk", p) for p in programmes}
    if not ids or not getattr(user, "is_authenticated", False):
        return []
    whole, own = _bodies_followed(user=user, programme_ids=ids)
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    queryset = Meeting.objects.filter(
        Q(body__programme_id__in=whole) | Q(body_id__in=own, body__programme_id__in=ids),
        status=MeetingStatus.PLANNED,
        starts_at__gte=start,
    )
    return list(
        queryset.select_related("body", "body__programme")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("proposal").order_by("position"),
            )
        )
        .order_by("starts_at", "pk")[:limit]
    )


def open_action_items(*, user, programme, body: Body | None = None, mine: bool = False) -> list:
    """The open action items of all the programme's bodies whose action items the person may
    see (`governance.view_action_items`: the team, the secretariat and the board every body;
    members their own), by due date (none last), overdue ones marked `overdue`. `mine`: only
    the person's own. One query for the rows (and one for memberships)."""
    whole, own = _bodies_followed(user=user, programme_ids={programme.pk})
    queryset = ActionItem.objects.filter(body__programme=programme, status=ActionStatus.OPEN)
    if programme.pk not in whole:
        queryset = queryset.filter(body_id__in=own)
    if body is not None:
        queryset = queryset.filter(body=body)
    if mine:
        queryset = queryset.filter(owner=user)
    items = list(queryset.select_related("body", "meeting", "owner"))
    today = timezone.localdate()
    items.sort(key=lambda a: (a.due_date is None, a.due_date or today, a.body.name, a.pk))
    for item in items:
        item.overdue = item.due_date is not None and item.due_date < today
    return items


@dataclass
class AttendanceList:
    """Who was at a meeting, by name: present, absent with notice, absent, and the body's
    members on the day whose attendance is not recorded."""

    present: list = field(default_factory=list)
    excused: list = field(default_factory=list)
    absent: list = field(default_factory=list)
    unrecorded: list = field(default_factory=list)

    @property
    def recorded(self) -> bool:
        return bool(self.present or self.excused or self.absent)


def attendance_list(meeting: Meeting) -> AttendanceList:
    """The meeting's attendance (prefetched by `meeting_detail`) against the members of its body
    on the day (one query)."""
    found = AttendanceList()
    by_presence = {
        Presence.PRESENT: found.present,
        Presence.EXCUSED: found.excused,
        Presence.ABSENT: found.absent,
    }
    seen = set()
    for row in meeting.attendance.all():
        by_presence[row.presence].append(row.user)
        seen.add(row.user_id)
    found.unrecorded = [person for person in members_on(meeting) if person.pk not in seen]
    return found


def members_on(meeting: Meeting) -> list:
    """The people who sat on the meeting's body on its day (any role), by name (one query)."""
    return [
        m.user
        for m in Membership.objects.current(meeting.date)
        .filter(body_id=meeting.body_id)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    ]


def note_takers(meeting: Meeting, members: list) -> list:
    """Who can take a meeting's minutes: the body's members on the day and everyone with a role
    in the programme today (the secretariat, the programme team), by name."""
    from programme.core.models import RoleAssignment

    people = {p.pk: p for p in members}
    for assignment in (
        RoleAssignment.objects.current()
        .filter(programme_id=meeting.body.programme_id)
        .select_related("user")
    ):
        people.setdefault(assignment.user_id, assignment.user)
    return sorted(people.values(), key=lambda p: (p.last_name.lower(), p.first_name.lower()))
