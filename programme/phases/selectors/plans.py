"""Read-side queries of phase plans: the list, the plan a page shows, the decisions that would
adopt it, its neighbour to compare with, and the attention points it could take up."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from governance.models import Outcome, ProposalStatus, ProposedDecision
from programme.core.models import Programme
from reflection.models import AttentionPoint, FollowUpStatus

from ..models import PhasePlan


def plans_of(programme: Programme) -> QuerySet[PhasePlan]:
    """The programme's phase plans, newest first, with what the list shows."""
    return (
        PhasePlan.objects.filter(programme=programme)
        .select_related("programme", "adopted_by", "budget")
        .defer("frozen")
        .order_by("-number")
    )


def plan_for_page(slug: str) -> QuerySet[PhasePlan]:
    """The queryset a plan's pages find it in."""
    return PhasePlan.objects.filter(programme__slug=slug).select_related(
        "programme", "adopted_by__proposal", "budget__programme"
    )


def pending_decisions(plan: PhasePlan) -> QuerySet[ProposedDecision]:
    """The decisions that would adopt this plan and have not been taken yet (also deferred
    ones), in proposals that were not withdrawn."""
    return ProposedDecision.objects.filter(
        subject_type=ContentType.objects.get_for_model(PhasePlan),
        subject_id=plan.pk,
        outcome__in=("", Outcome.DEFERRED),
    ).exclude(proposal__status=ProposalStatus.WITHDRAWN)


def neighbours(plan: PhasePlan) -> list[PhasePlan]:
    """The programme's other plans (to compare with), the previous one first."""
    others = list(
        PhasePlan.objects.filter(programme_id=plan.programme_id)
        .exclude(pk=plan.pk)
        .defer("frozen")
        .order_by("number")
    )
    earlier = [p for p in others if p.number < plan.number]
    later = [p for p in others if p.number > plan.number]
    return list(reversed(earlier)) + later


def attention_choices(plan: PhasePlan, taken: set[int]) -> list[AttentionPoint]:
    """Attention points of the programme that the plan could still take up: open or taken up
    elsewhere, not linked to this plan already. One query."""
    return list(
        AttentionPoint.objects.filter(programme_id=plan.programme_id)
        .exclude(pk__in=taken)
        .exclude(status__in=(FollowUpStatus.DONE, FollowUpStatus.NOT_ADOPTED))
        .select_related("session__round", "category")
        .order_by("-session__round__year", "session__date", "category__order", "number", "pk")
    )
