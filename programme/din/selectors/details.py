"""The DIN's detail pages' data (effort, working groups, indicator) and what a partner is in."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from programme.core.models import Programme

from ..models import (
    Effort,
    EffortGoal,
    EffortPartner,
    Indicator,
    Measurement,
    WorkingGroup,
    WorkingGroupMember,
)
from .overview import _effort_queryset, indicator_achievement

# --- detail pages ------------------------------------------------------------------------------


def effort_detail(pk: int) -> Effort:
    return (
        _effort_queryset()
        .select_related("programme")
        .prefetch_related(
            Prefetch(
                "goal_links",
                queryset=EffortGoal.objects.select_related("goal__strategic_goal__line").order_by(
                    "goal__strategic_goal__line__order",
                    "goal__strategic_goal__order",
                    "goal__order",
                ),
            )
        )
        .get(pk=pk)
    )


def working_groups(programme: Programme) -> QuerySet[WorkingGroup]:
    return (
        WorkingGroup.objects.filter(programme=programme)
        .prefetch_related(
            Prefetch(
                "members",
                queryset=WorkingGroupMember.objects.select_related(
                    "partner", "person__partner", "user"
                ).order_by("-is_lead", "pk"),
            )
        )
        .annotate(effort_count=Count("efforts", distinct=True))
        .order_by("order", "name")
    )


def working_group_detail(pk: int) -> WorkingGroup:
    return (
        WorkingGroup.objects.select_related("programme")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=WorkingGroupMember.objects.select_related(
                    "partner", "person__partner", "user"
                ).order_by("-is_lead", "pk"),
            ),
            Prefetch(
                "efforts",
                queryset=Effort.objects.select_related(
                    "lead_member__partner", "lead_user"
                ).order_by("start_month", "title"),
            ),
        )
        .get(pk=pk)
    )


def indicator_detail(pk: int) -> Indicator:
    indicator = (
        Indicator.objects.select_related("programme", "goal__strategic_goal__line", "owner")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.select_related("entered_by", "reviewed_by").order_by(
                    "period_end", "pk"
                ),
            )
        )
        .get(pk=pk)
    )
    indicator.achievement = indicator_achievement(indicator, indicator.measurements.all())
    return indicator


def partner_din(partner, programme: Programme) -> dict:
    """The efforts (with the partner's role) and working groups a partner is in, in one
    programme: two queries."""
    links = list(
        EffortPartner.objects.filter(partner=partner, effort__programme=programme)
        .select_related("effort")
        .order_by("effort__start_month", "effort__title")
    )
    groups = list(
        WorkingGroup.objects.filter(programme=programme)
        .filter(Q(members__partner=partner) | Q(members__person__partner=partner))
        .annotate(
            partner_leads=Count(
                "members",
                filter=Q(members__is_lead=True)
                & (Q(members__partner=partner) | Q(members__person__partner=partner)),
            )
        )
        .distinct()
        .order_by("order", "name")
    )
    return {"effort_links": links, "working_groups": groups}
