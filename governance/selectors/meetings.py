"""Read side of bodies, meetings and action items."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from ..models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Body,
    Meeting,
    Membership,
    ProposedDecision,
)


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


def meetings(*, programme, body: Body | None = None) -> QuerySet[Meeting]:
    queryset = Meeting.objects.filter(body__programme=programme)
    if body is not None:
        queryset = queryset.filter(body=body)
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
        Meeting.objects.select_related("body", "body__programme")
        .prefetch_related(
            Prefetch("agenda_items", queryset=items.order_by("position")),
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
