"""Read side of proposals: what a person may see, the lists, the detail, open rounds."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from avk.access import BACK_OFFICE_ROLES, Role, is_superuser, roles_in

from ..models import (
    FINAL_OUTCOMES,
    AgendaItem,
    Membership,
    Proposal,
    ProposalStatus,
    ProposedDecision,
    Vote,
)

S = ProposalStatus
BACK_OFFICE = frozenset(BACK_OFFICE_ROLES)


def sees_every_proposal(*, user, programme) -> bool:
    """Whether this person sees every proposal of the programme (a superuser, the back office)."""
    return is_superuser(user) or bool(roles_in(user, programme) & BACK_OFFICE)


def proposals_visible(*, user, programme) -> QuerySet[Proposal]:
    """The proposals of a programme this person may see (the policy's rule, as a filter)."""
    queryset = Proposal.objects.filter(programme=programme)
    if sees_every_proposal(user=user, programme=programme):
        return queryset
    roles = roles_in(user, programme)
    member_of = Membership.objects.current().filter(user=user).values("body_id")
    visible = Q(status=S.DECIDED) if roles else Q(pk__in=[])
    visible |= Q(drafter=user)
    if Role.BOARD in roles:
        visible |= ~Q(status=S.CONCEPT)
    visible |= Q(body_id__in=member_of) & ~Q(status=S.CONCEPT)
    if not roles:
        # nothing in a programme without a role there, own drafts aside
        visible &= Q(drafter=user) | Q(body_id__in=member_of)
    return queryset.filter(visible)


def proposal_rows(*, user, programme, status: str | None = None) -> QuerySet[Proposal]:
    """Rows for the proposal list: one query for the rows, one for their decisions."""
    queryset = proposals_visible(user=user, programme=programme)
    if status:
        queryset = queryset.filter(status=status)
    return (
        queryset.select_related("body", "drafter")
        .annotate(decision_count=Count("decisions", distinct=True))
        .prefetch_related(
            Prefetch("decisions", queryset=ProposedDecision.objects.order_by("position"))
        )
        .order_by("-date", "-pk")
    )


def proposal_detail(*, pk: int) -> Proposal:
    decisions = ProposedDecision.objects.select_related(
        "decided_in", "corrects", "corrects__proposal"
    ).prefetch_related(
        Prefetch("votes", queryset=Vote.objects.select_related("user").order_by("user__last_name")),
        Prefetch("corrected_by", queryset=ProposedDecision.objects.order_by("position")),
    )
    return (
        Proposal.objects.select_related("programme", "body", "drafter")
        .prefetch_related(
            Prefetch("decisions", queryset=decisions.order_by("position")),
            "attachments",
            "transitions__by",
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("meeting").order_by(
                    "meeting__starts_at"
                ),
            ),
        )
        .get(pk=pk)
    )


def to_decide(*, user, programme=None) -> list[Proposal]:
    """Proposals in an open written round of a body the person is a voting member of today,
    each with its decisions and, per decision, `my_vote` (the person's vote or None).
    Without a programme: across all programmes (the home page asks once)."""
    member_of = Membership.objects.current().voting().filter(user=user).values("body_id")
    queryset = Proposal.objects.filter(
        status=S.WRITTEN_ROUND,
        round_deadline__gt=timezone.now(),
        body_id__in=member_of,
    )
    if programme is not None:
        queryset = queryset.filter(programme=programme)
    proposals = list(
        queryset.select_related("body", "drafter")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=ProposedDecision.objects.order_by("position").prefetch_related(
                    Prefetch("votes", queryset=Vote.objects.filter(user=user), to_attr="mine")
                ),
            )
        )
        .order_by("round_deadline", "pk")
    )
    for proposal in proposals:
        pending = 0
        for decision in proposal.decisions.all():
            decision.my_vote = decision.mine[0] if decision.mine else None
            if decision.kind == "instemmen" and decision.is_pending and decision.my_vote is None:
                pending += 1
        proposal.votes_missing = pending
    return proposals


def my_votes(*, user, proposal: Proposal) -> dict[int, Vote]:
    return {v.decision_id: v for v in Vote.objects.filter(user=user, decision__proposal=proposal)}


def decided_count(proposal: Proposal) -> int:
    return sum(1 for d in proposal.decisions.all() if d.outcome in FINAL_OUTCOMES)


def awaiting_vote(*, user, programme=None) -> list[Proposal]:
    """For the home panel: open rounds the person still has to vote on (bounded queries;
    without a programme across all of them)."""
    return [p for p in to_decide(user=user, programme=programme) if p.votes_missing]


def team_pipeline(*, programme=None, programmes=None, limit: int = 10) -> list[Proposal]:
    """For the programme team's home panel: proposals in concept or submitted, of one
    programme or of several at once (one query), at most `limit` per programme."""
    queryset = Proposal.objects.filter(status__in=[S.CONCEPT, S.SUBMITTED])
    if programme is not None:
        queryset = queryset.filter(programme=programme)
    else:
        queryset = queryset.filter(programme__in=programmes or [])
    rows = list(queryset.select_related("body", "drafter").order_by("status", "-date", "-pk"))
    counted: dict[int, int] = {}
    kept = []
    for row in rows:
        counted[row.programme_id] = counted.get(row.programme_id, 0) + 1
        if counted[row.programme_id] <= limit:
            kept.append(row)
    return kept
