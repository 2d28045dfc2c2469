"""Read side of the decision list (besluitenlijst), its exports and the meeting and proposal PDFs.

The list page, its xlsx and its PDF get their rows from `decision_rows` (one query for the
decisions, one for the corrections pointing at them), so the three always show the same
decisions and the query count does not grow with the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from ..models import (
    NUMBERED_OUTCOMES,
    ActionItem,
    ActionStatus,
    Body,
    BodyKind,
    Outcome,
    ProposedDecision,
)
from .proposals import proposals_visible, sees_every_proposal


def decision_list(
    *,
    programme,
    body: Body | None = None,
    year: int | None = None,
    outcome: str | None = None,
    search: str = "",
    numbered_only: bool = False,
) -> QuerySet[ProposedDecision]:
    """The besluitenlijst: every decision with a final or deferred outcome, newest first, with
    its proposal, body and meeting (for the list page, its xlsx and its PDF)."""
    queryset = ProposedDecision.objects.filter(proposal__programme=programme).exclude(outcome="")
    if body is not None:
        queryset = queryset.filter(proposal__body=body)
    if year:
        queryset = queryset.filter(decided_on__year=year)
    if outcome:
        queryset = queryset.filter(outcome=outcome)
    if numbered_only:
        queryset = queryset.filter(outcome__in=NUMBERED_OUTCOMES)
    if search:
        queryset = queryset.filter(
            Q(text__icontains=search)
            | Q(amended_text__icontains=search)
            | Q(number__icontains=search)
            | Q(proposal__title__icontains=search)
        )
    return queryset.select_related("proposal", "proposal__body", "decided_in", "corrects").order_by(
        "-decided_on", "proposal__body__code", "number", "position"
    )


#: Longest search text taken from the query string.
MAX_SEARCH = 200


@dataclass
class DecisionFilter:
    """The filters of the decision list as parsed from the query string. `errors` holds the
    Dutch messages for values that were ignored (a year that is not a number, ...)."""

    body: Body | None = None
    year: int | None = None
    all_years: bool = False
    outcome: str = ""
    search: str = ""
    errors: list[str] = field(default_factory=list)

    def as_query(self) -> dict[str, str]:
        """The filters as query-string parameters (for the export links)."""
        query = {}
        if self.body is not None:
            query["body"] = str(self.body.pk)
        if self.year:
            query["year"] = str(self.year)
        elif self.all_years:
            query["year"] = "all"
        if self.outcome:
            query["outcome"] = self.outcome
        if self.search:
            query["q"] = self.search
        return query


def default_body(bodies: list[Body]) -> Body | None:
    """The body the list opens with: the daily board when the programme has one."""
    for body in bodies:
        if body.kind == BodyKind.DAILY_BOARD:
            return body
    return bodies[0] if bodies else None


def _visible(decisions: QuerySet[ProposedDecision], *, user, programme):
    """`decisions` (of `programme`'s proposals) narrowed to the proposals this person may see.
    Who sees every proposal needs no narrowing: the subquery of all the programme's proposals
    made PostgreSQL compare each decision with each proposal (17 ms at 10x the AVK; issue 15)."""
    if sees_every_proposal(user=user, programme=programme):
        return decisions
    visible = proposals_visible(user=user, programme=programme).values("pk")
    return decisions.filter(proposal__in=visible)


def decision_rows(*, user, programme, filters: DecisionFilter) -> QuerySet[ProposedDecision]:
    """The besluitenlijst rows this person may see: every decision with an outcome of the chosen
    body, newest first, narrowed by year, outcome and search text (over the text, the amended
    text, the proposal's title and the number). Only decisions of proposals the person may see
    (governance.permissions via `proposals_visible`): a partner contact sees decided
    proposals only; nothing of another programme."""
    if filters.body is None or filters.body.programme_id != programme.pk:
        return ProposedDecision.objects.none()
    decisions = decision_list(
        programme=programme,
        body=filters.body,
        year=filters.year,
        outcome=filters.outcome or None,
        search=filters.search,
    )
    return (
        _visible(decisions, user=user, programme=programme)
        .select_related("corrects__proposal")
        .prefetch_related(
            Prefetch(
                "corrected_by",
                queryset=ProposedDecision.objects.exclude(outcome="").order_by("number", "pk"),
            )
        )
    )


def decision_years(*, programme, body: Body | None) -> list[int]:
    """The years in which the body took decisions, newest first (for the year filter)."""
    if body is None:
        return []
    years = (
        ProposedDecision.objects.filter(proposal__programme=programme, proposal__body=body)
        .exclude(outcome="")
        .exclude(decided_on__isnull=True)
        .annotate(year=ExtractYear("decided_on"))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def decision_year_counts(*, user, programme, body: Body | None) -> list[tuple[int, int]]:
    """[(year, number of decisions)] of the body that this person may see, newest year first:
    the year tabs of the decision list (one query)."""
    if body is None or body.programme_id != programme.pk:
        return []
    decisions = ProposedDecision.objects.filter(proposal__programme=programme, proposal__body=body)
    rows = (
        _visible(decisions, user=user, programme=programme)
        .exclude(outcome="")
        .exclude(decided_on__isnull=True)
        .annotate(year=ExtractYear("decided_on"))
        .order_by()
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    return sorted(rows, reverse=True)


@dataclass
class ActionItems:
    open: list[ActionItem]
    done: list[ActionItem]
    today: date


def action_item_rows(*, body: Body | None) -> ActionItems:
    """The body's action items, open first (by due date, overdue marked with `overdue`), then
    done (most recently done first). One query."""
    today = timezone.localdate()
    if body is None:
        return ActionItems(open=[], done=[], today=today)
    queryset = ActionItem.objects.filter(body=body).select_related("owner", "meeting")
    items = list(queryset.order_by("due_date", "pk"))
    open_items = [a for a in items if a.status == ActionStatus.OPEN]
    open_items.sort(key=lambda a: (a.due_date is None, a.due_date or today, a.pk))
    for item in open_items:
        item.overdue = item.due_date is not None and item.due_date < today
    done = [a for a in items if a.status != ActionStatus.OPEN]
    done.sort(key=lambda a: (a.done_on or date.min, a.pk), reverse=True)
    return ActionItems(open=open_items, done=done, today=today)


def outcome_choices() -> list[tuple[str, str]]:
    return list(Outcome.choices)
