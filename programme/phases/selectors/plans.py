"""Read-side queries of phase plans: the list, the plan a page shows, the decisions that would
adopt it, its neighbour to compare with, the attention points it could take up, and what the
home page shows of the plans of several programmes at once."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from governance.models import Outcome, ProposalStatus, ProposedDecision
from programme.core.models import Programme
from reflection.models import AttentionPoint, FollowUpStatus

from ..models import PhasePlan, PhasePlanStatus

#: The concepts the home page names per programme, newest first.
HOME_CONCEPTS = 3


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


def _pending(plan_ids) -> QuerySet[ProposedDecision]:
    return ProposedDecision.objects.filter(
        subject_type=ContentType.objects.get_for_model(PhasePlan),
        subject_id__in=plan_ids,
        outcome__in=("", Outcome.DEFERRED),
    ).exclude(proposal__status=ProposalStatus.WITHDRAWN)


def pending_decisions(plan: PhasePlan) -> QuerySet[ProposedDecision]:
    """The decisions that would adopt this plan and have not been taken yet (also deferred
    ones), in proposals that were not withdrawn."""
    return _pending([plan.pk])


def home_data(programme_ids) -> dict[int, dict]:
    """Per programme: its current adopted plan (the one whose period holds today, else the
    latest adopted) and its concepts (newest first), each concept with the decision it awaits
    (or None). Two queries, whatever the number of programmes and plans."""
    found: dict[int, dict] = {pid: {"adopted": None, "concepts": []} for pid in programme_ids}
    if not found:
        return found
    plans = PhasePlan.objects.filter(
        programme_id__in=found,
        status__in=(PhasePlanStatus.CONCEPT, PhasePlanStatus.ADOPTED),
    ).only(
        "pk",
        "programme_id",
        "number",
        "title",
        "status",
        "valid_from",
        "valid_until",
        "adopted_on",
    )
    today = timezone.localdate()
    concepts = []
    for plan in plans.order_by("programme_id", "-number"):
        entry = found[plan.programme_id]
        if plan.status == PhasePlanStatus.CONCEPT:
            if len(entry["concepts"]) < HOME_CONCEPTS:
                entry["concepts"].append(plan)
                concepts.append(plan)
        elif entry["adopted"] is None or (
            plan.valid_from <= today <= plan.valid_until
            and not entry["adopted"].valid_from <= today <= entry["adopted"].valid_until
        ):
            entry["adopted"] = plan
    awaited: dict[int, ProposedDecision] = {}
    if concepts:
        for decision in (
            _pending([plan.pk for plan in concepts])
            .select_related("proposal__body", "proposal__programme")
            .order_by("proposal__date", "pk")
        ):
            awaited.setdefault(decision.subject_id, decision)
    for plan in concepts:
        plan.awaits = awaited.get(plan.pk)
    return found


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
