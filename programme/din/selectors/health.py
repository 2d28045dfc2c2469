"""DIN health: the checks that find gaps (goals without efforts, efforts without a lead, ...),
the measurements awaiting approval and due, and the home panels' data for all the person's
team programmes at once."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from programme.core.models import Programme
from programme.core.selectors import pending_invitations_by_programme

from ..models import (
    Effort,
    EffortGoal,
    EffortPartner,
    EffortStatus,
    Indicator,
    Measurement,
    MeasurementStatus,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
)

# --- health ------------------------------------------------------------------------------------


def _health_querysets(programme: Programme) -> dict[str, QuerySet]:
    today = timezone.localdate()
    year_ago = date(today.year - 1, today.month, min(today.day, 28))
    efforts = Effort.objects.filter(programme=programme)
    return {
        "goals_without_efforts": OperationalGoal.objects.filter(programme=programme)
        .filter(~Exists(EffortGoal.objects.filter(goal=OuterRef("pk"))))
        .select_related("strategic_goal__line")
        .order_by("strategic_goal__line__order", "strategic_goal__order", "order"),
        "efforts_without_goals": efforts.filter(
            ~Exists(EffortGoal.objects.filter(effort=OuterRef("pk")))
        ).exclude(status__in=[EffortStatus.STOPPED]),
        "efforts_without_lead": efforts.filter(
            lead_member__isnull=True, lead_user__isnull=True
        ).exclude(status__in=[EffortStatus.STOPPED, EffortStatus.DONE]),
        "efforts_without_partners": efforts.filter(
            ~Exists(EffortPartner.objects.filter(effort=OuterRef("pk")))
        ).exclude(status__in=[EffortStatus.STOPPED]),
        "indicators_without_measurement": Indicator.objects.filter(programme=programme)
        .filter(
            ~Exists(
                Measurement.objects.filter(
                    indicator=OuterRef("pk"),
                    status=MeasurementStatus.APPROVED,
                    period_end__gte=year_ago,
                )
            )
        )
        .select_related("goal", "owner"),
        "efforts_overdue": efforts.filter(
            status=EffortStatus.RUNNING, end_month__lt=today.replace(day=1)
        ),
    }


#: The health checks in display order, with their (translatable) titles in the template.
HEALTH_CHECKS = [
    "goals_without_efforts",
    "efforts_without_goals",
    "efforts_without_lead",
    "efforts_without_partners",
    "indicators_without_measurement",
    "efforts_overdue",
]


def din_health(programme: Programme, limit: int = 200) -> dict[str, list]:
    """The DIN health warnings: {check: [objects]} (each list at most `limit` long), one query
    per check."""
    return {name: list(qs[:limit]) for name, qs in _health_querysets(programme).items()}


def din_size(programme: Programme) -> dict[str, int]:
    """How much the DIN holds: {"lines", "strategic_goals", "goals" (operational),
    "efforts", "indicators"}; the health page says an empty DIN is empty, not "in order"."""
    return {
        name: model.objects.filter(programme=programme).count()
        for name, model in [
            ("lines", ProgrammeLine),
            ("strategic_goals", StrategicGoal),
            ("goals", OperationalGoal),
            ("efforts", Effort),
            ("indicators", Indicator),
        ]
    }


def din_health_counts(programme: Programme) -> dict[str, int]:
    """How many items each health check finds (one query per check); for the home panel."""
    return {name: qs.count() for name, qs in _health_querysets(programme).items()}


def indicators_due_for(user, programme: Programme | None = None, limit: int = 10):
    """The indicators this user owns whose latest ended period (by their frequency) has no
    approved measurement yet: {programme_id: [indicator, ...]} over all programmes (or the
    list for `programme`), at most `limit` per programme. Two queries at most, however many
    programmes: the home page asks once per request."""
    from ..services.reminders import due_period_end

    if not user.is_authenticated:
        return [] if programme is not None else {}
    today = timezone.localdate()
    owned = (
        Indicator.objects.filter(owner=user)
        .select_related("goal")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.filter(status=MeasurementStatus.APPROVED),
                to_attr="approved",
            )
        )
        .order_by("programme_id", "name")
    )
    if programme is not None:
        owned = owned.filter(programme=programme)
    due: dict[int, list] = {}
    for indicator in owned[:500]:
        period_end = due_period_end(indicator.frequency, today)
        if not any(m.period_end >= period_end for m in indicator.approved):
            indicator.due_period_end = period_end
            found = due.setdefault(indicator.programme_id, [])
            if len(found) < limit:
                found.append(indicator)
    if programme is not None:
        return due.get(programme.pk, [])
    return due


def measurements_awaiting_approval(programme: Programme) -> QuerySet[Measurement]:
    return (
        Measurement.objects.filter(indicator__programme=programme, status=MeasurementStatus.DRAFT)
        .select_related("indicator", "entered_by")
        .order_by("period_end")
    )


# --- home page (all the person's team programmes at once) ---------------------------------------


def din_home_data(programme_ids, limit: int = 10) -> dict[int, dict]:
    """The home panels' data for the programme team of several programmes at once:
    {programme_id: {"counts": {check: n}, "awaiting": [measurement, ...],
    "pending": [role assignment, ...]}}: `din_team_data` with the open invitations of
    programme.core.selectors.pending_invitations_by_programme (the home page asks for those
    in the programme's own panel)."""
    data = din_team_data(programme_ids, limit)
    pending = pending_invitations_by_programme(programme_ids, limit)
    for pid, entry in data.items():
        entry["pending"] = pending[pid]
    return data


def din_team_data(programme_ids, limit: int = 10) -> dict[int, dict]:
    """The DIN home panel's data for the programme team of several programmes at once:
    {programme_id: {"counts": {check: n}, "awaiting": [measurement, ...]}}. A fixed number of
    queries (three grouped counts and the drafts, at most `limit` per programme), however many
    programmes; the counts match `din_health_counts`."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    ids = sorted(set(programme_ids))
    data = {pid: {"counts": dict.fromkeys(HEALTH_CHECKS, 0), "awaiting": []} for pid in ids}
    if not ids:
        return data
    today = timezone.localdate()
    year_ago = date(today.year - 1, today.month, min(today.day, 28))
    not_stopped = ~Q(status=EffortStatus.STOPPED)
    effort_counts = (
        Effort.objects.filter(programme_id__in=ids)
        .order_by()
        .values("programme_id")
        .annotate(
            efforts_without_goals=Count(
                "pk",
                filter=Q(~Exists(EffortGoal.objects.filter(effort=OuterRef("pk")))) & not_stopped,
            ),
            efforts_without_lead=Count(
                "pk",
                filter=Q(lead_member__isnull=True, lead_user__isnull=True)
                & ~Q(status__in=[EffortStatus.STOPPED, EffortStatus.DONE]),
            ),
            efforts_without_partners=Count(
                "pk",
                filter=Q(~Exists(EffortPartner.objects.filter(effort=OuterRef("pk"))))
                & not_stopped,
            ),
            efforts_overdue=Count(
                "pk",
                filter=Q(status=EffortStatus.RUNNING, end_month__lt=today.replace(day=1)),
            ),
        )
    )
    goal_counts = (
        OperationalGoal.objects.filter(programme_id__in=ids)
        .order_by()
        .values("programme_id")
        .annotate(
            goals_without_efforts=Count(
                "pk", filter=Q(~Exists(EffortGoal.objects.filter(goal=OuterRef("pk"))))
            )
        )
    )
    recent = Measurement.objects.filter(
        indicator=OuterRef("pk"), status=MeasurementStatus.APPROVED, period_end__gte=year_ago
    )
    indicator_counts = (
        Indicator.objects.filter(programme_id__in=ids)
        .order_by()
        .values("programme_id")
        .annotate(indicators_without_measurement=Count("pk", filter=Q(~Exists(recent))))
    )
    for rows in (effort_counts, goal_counts, indicator_counts):
        for row in rows:
            counts = data[row.pop("programme_id")]["counts"]
            counts.update(row)
    awaiting = (
        Measurement.objects.filter(indicator__programme_id__in=ids, status=MeasurementStatus.DRAFT)
        .select_related("indicator", "entered_by")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("indicator__programme_id")],
                order_by=[F("period_end").asc(), F("pk").asc()],
            )
        )
        .filter(rank__lte=limit)
        .order_by("period_end", "pk")
    )
    for measurement in awaiting:
        data[measurement.indicator.programme_id]["awaiting"].append(measurement)
    return data
