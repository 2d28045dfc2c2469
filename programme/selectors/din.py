"""Read side of the DIN: the tree for the overview (a fixed number of queries), progress roll-up,
DIN health, and the detail pages' data.

Public functions other pages (diagram, planning, partner pages) may use:

- `din_tree(programme, filters=None)` -> `DinTree` (lines with strategic goals, operational
  goals, effort links and efforts fully prefetched, progress rolled up).
- `din_efforts(programme, filters=None)` -> queryset of efforts with goals, lead, partners,
  capitals and working groups prefetched.
- `DinFilters.from_querydict(request.GET)` parses the filter form.
- `operational_goal_progress(goal)`, `indicator_achievement(indicator, measurements)`.
- `din_health(programme)` and `din_health_counts(programme)`.
- `partner_din(partner, programme)` -> efforts and working groups a partner is in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    Direction,
    Effort,
    EffortGoal,
    EffortPartner,
    EffortStatus,
    Indicator,
    Measurement,
    MeasurementStatus,
    OperationalGoal,
    Programme,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
    WorkingGroupMember,
)
from ..models.din import CONTRIBUTION_WEIGHT

__all__ = [
    "DinFilters",
    "DinTree",
    "din_efforts",
    "din_health",
    "din_health_counts",
    "din_home_data",
    "din_tree",
    "effort_detail",
    "history_entries",
    "indicator_achievement",
    "indicator_detail",
    "indicators_due_for",
    "measurements_awaiting_approval",
    "operational_goal_progress",
    "partner_din",
    "working_group_detail",
    "working_groups",
]


# --- filters -----------------------------------------------------------------------------------


@dataclass
class DinFilters:
    """The overview's filters; every one optional. `place` matches municipality or place."""

    line: int | None = None
    status: str = ""
    partner: int | None = None
    capital: str = ""
    working_group: int | None = None
    place: str = ""

    @classmethod
    def from_querydict(cls, data) -> DinFilters:
        def number(name):
            value = (data.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        return cls(
            line=number("line"),
            status=(data.get("status") or "").strip(),
            partner=number("partner"),
            capital=(data.get("capital") or "").strip(),
            working_group=number("working_group"),
            place=(data.get("place") or "").strip(),
        )

    @property
    def filters_efforts(self) -> bool:
        return bool(self.status or self.partner or self.capital or self.working_group or self.place)

    @property
    def active(self) -> bool:
        return bool(self.line) or self.filters_efforts

    def effort_q(self, prefix: str = "") -> Q:
        q = Q()
        if self.status:
            q &= Q(**{f"{prefix}status": self.status})
        if self.partner:
            q &= Q(**{f"{prefix}partner_links__partner_id": self.partner})
        if self.capital:
            q &= Q(**{f"{prefix}capitals__form": self.capital})
        if self.working_group:
            q &= Q(**{f"{prefix}working_groups__id": self.working_group})
        if self.place:
            q &= Q(**{f"{prefix}municipality__icontains": self.place}) | Q(
                **{f"{prefix}place__icontains": self.place}
            )
        return q


# --- efforts -----------------------------------------------------------------------------------


def _effort_queryset() -> QuerySet[Effort]:
    return Effort.objects.select_related("lead_member__partner", "lead_user").prefetch_related(
        Prefetch(
            "partner_links",
            queryset=EffortPartner.objects.select_related("partner").order_by(
                "-role", "partner__name"
            ),
        ),
        "capitals",
        Prefetch("working_groups", queryset=WorkingGroup.objects.order_by("order", "name")),
    )


def din_efforts(programme: Programme, filters: DinFilters | None = None) -> QuerySet[Effort]:
    """The programme's efforts (filtered), each with lead, partner links (+partner), capitals,
    working groups and goal links (+goal) prefetched: a fixed number of queries."""
    filters = filters or DinFilters()
    efforts = _effort_queryset().filter(programme=programme)
    if filters.filters_efforts:
        efforts = efforts.filter(
            pk__in=Effort.objects.filter(programme=programme).filter(filters.effort_q())
        )
    if filters.line:
        efforts = efforts.filter(goal_links__goal__strategic_goal__line_id=filters.line).distinct()
    return efforts.prefetch_related(
        Prefetch(
            "goal_links",
            queryset=EffortGoal.objects.select_related("goal").order_by(
                "goal__strategic_goal__line__order", "goal__strategic_goal__order", "goal__order"
            ),
        )
    ).order_by("start_month", "title")


# --- roll-up -----------------------------------------------------------------------------------


def _mean(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values)) if values else None


def weighted_effort_progress(links) -> int | None:
    """Weighted mean progress (0-100) of the efforts behind `links` (EffortGoal rows with their
    effort), weights from CONTRIBUTION_WEIGHT; stopped efforts do not count."""
    total = weight = 0
    for link in links:
        if link.effort.status == EffortStatus.STOPPED:
            continue
        w = CONTRIBUTION_WEIGHT[link.contribution]
        total += w * link.effort.progress
        weight += w
    return round(total / weight) if weight else None


def indicator_achievement(indicator: Indicator, measurements) -> dict:
    """How far an indicator is from baseline to target, from its APPROVED measurements (any
    others in `measurements` are ignored). Cumulative indicators add their values up (starting
    from the baseline, or 0); others take the latest. Direction "lower is better" measures
    the fall from the baseline. Returns {"current", "percent" (0-100 or None), "count"}."""
    approved = sorted(
        (m for m in measurements if m.status == MeasurementStatus.APPROVED),
        key=lambda m: m.period_end,
    )
    if not approved:
        return {"current": None, "percent": None, "count": 0}
    if indicator.cumulative:
        current = (indicator.baseline_value or Decimal(0)) + sum(m.value for m in approved)
    else:
        current = approved[-1].value
    percent = None
    target = indicator.target_value
    baseline = indicator.baseline_value
    if target is not None:
        if indicator.direction == Direction.LOWER:
            if baseline is not None and baseline != target:
                percent = (baseline - current) / (baseline - target) * 100
        else:
            start = baseline or Decimal(0)
            if target != start:
                percent = (current - start) / (target - start) * 100
    if percent is not None:
        percent = max(0, min(100, round(percent)))
    return {"current": current, "percent": percent, "count": len(approved)}


def operational_goal_progress(goal: OperationalGoal) -> dict:
    """An operational goal's roll-up: {"efforts": weighted progress of its efforts,
    "indicators": mean achievement of its indicators}. Uses prefetched `effort_links`
    (with effort) and `indicators` (with `approved` measurements) when present."""
    indicators = []
    for indicator in goal.indicators.all():
        measurements = getattr(indicator, "approved", None)
        if measurements is None:
            measurements = indicator.measurements.all()
        indicator.achievement = indicator_achievement(indicator, measurements)
        indicators.append(indicator.achievement["percent"])
    return {
        "efforts": weighted_effort_progress(goal.effort_links.all()),
        "indicators": _mean(indicators),
    }


def _roll_up(lines) -> None:
    for line in lines:
        for sgoal in line.strategic_goals.all():
            for ogoal in sgoal.operational_goals.all():
                ogoal.progress = operational_goal_progress(ogoal)
            sgoal.progress = {
                key: _mean([o.progress[key] for o in sgoal.operational_goals.all()])
                for key in ("efforts", "indicators")
            }
        line.progress = {
            key: _mean([s.progress[key] for s in line.strategic_goals.all()])
            for key in ("efforts", "indicators")
        }


# --- the tree ----------------------------------------------------------------------------------


@dataclass
class DinTree:
    lines: list
    unlinked_efforts: list
    filters: DinFilters
    effort_count: int = 0
    shown_goal_ids: set = field(default_factory=set)


def din_tree(programme: Programme, filters: DinFilters | None = None) -> DinTree:
    """The DIN as a tree for the overview: lines -> strategic goals -> operational goals ->
    effort links -> efforts (lead, partner links with partner, capitals, working groups) and
    indicators with their approved measurements. Runs a fixed number of queries whatever the
    size. Each operational goal, strategic goal and line gets `.progress` = {"efforts": %,
    "indicators": %} (None where nothing counts). Effort filters keep only goals with a
    matching effort; `unlinked_efforts` are the (matching) efforts that serve no goal."""
    filters = filters or DinFilters()
    efforts = Effort.objects.filter(programme=programme)
    if filters.filters_efforts:
        efforts = efforts.filter(
            pk__in=Effort.objects.filter(programme=programme).filter(filters.effort_q())
        )
    link_qs = (
        EffortGoal.objects.filter(effort__in=efforts)
        .select_related("effort__lead_member__partner", "effort__lead_user")
        .prefetch_related(
            Prefetch(
                "effort__partner_links",
                queryset=EffortPartner.objects.select_related("partner").order_by(
                    "-role", "partner__name"
                ),
            ),
            "effort__capitals",
            Prefetch(
                "effort__working_groups", queryset=WorkingGroup.objects.order_by("order", "name")
            ),
        )
        .order_by("effort__start_month", "effort__title", "pk")
    )
    indicator_qs = Indicator.objects.order_by("name").prefetch_related(
        Prefetch(
            "measurements",
            queryset=Measurement.objects.filter(status=MeasurementStatus.APPROVED).order_by(
                "period_end"
            ),
            to_attr="approved",
        )
    )
    ogoal_qs = OperationalGoal.objects.order_by("order", "pk").prefetch_related(
        Prefetch("effort_links", queryset=link_qs),
        Prefetch("indicators", queryset=indicator_qs),
    )
    sgoal_qs = StrategicGoal.objects.order_by("order", "pk").prefetch_related(
        Prefetch("operational_goals", queryset=ogoal_qs)
    )
    lines_qs = (
        ProgrammeLine.objects.filter(programme=programme)
        .order_by("order", "pk")
        .prefetch_related(Prefetch("strategic_goals", queryset=sgoal_qs))
    )
    if filters.line:
        lines_qs = lines_qs.filter(pk=filters.line)
    lines = list(lines_qs)
    _roll_up(lines)
    seen_efforts = set()
    for line in lines:
        line.shown_strategic = []
        for sgoal in line.strategic_goals.all():
            sgoal.shown_operational = [
                o
                for o in sgoal.operational_goals.all()
                if not filters.filters_efforts or o.effort_links.all()
            ]
            for ogoal in sgoal.shown_operational:
                seen_efforts.update(link.effort_id for link in ogoal.effort_links.all())
            if sgoal.shown_operational or not filters.filters_efforts:
                line.shown_strategic.append(sgoal)
    if filters.filters_efforts:
        lines = [line for line in lines if line.shown_strategic]
    unlinked = []
    if not filters.line:
        unlinked = list(
            _effort_queryset()
            .filter(pk__in=efforts.values("pk"))
            .filter(~Exists(EffortGoal.objects.filter(effort=OuterRef("pk"))))
            .order_by("start_month", "title")
        )
    return DinTree(
        lines=lines,
        unlinked_efforts=unlinked,
        filters=filters,
        effort_count=len(seen_efforts) + len(unlinked),
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


def din_health_counts(programme: Programme) -> dict[str, int]:
    """How many items each health check finds (one query per check); for the home panel."""
    return {name: qs.count() for name, qs in _health_querysets(programme).items()}


def indicators_due_for(user, programme: Programme | None = None, limit: int = 10):
    """The indicators this user owns whose latest ended period (by their frequency) has no
    approved measurement yet: {programme_id: [indicator, ...]} over all programmes (or the
    list for `programme`), at most `limit` per programme. Two queries at most, however many
    programmes: the home page asks once per request."""
    from ..services.din_reminders import due_period_end

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


# --- history -----------------------------------------------------------------------------------


#: The reasons the DIN services record (stored in English, like every change reason), shown in
#: the reader's language; a reason may go on with details after the known start.
REASONS = {
    "effort added": _("effort added"),
    "effort edited": _("effort edited"),
    "effort removed": _("effort removed"),
    "indicator added": _("indicator added"),
    "indicator edited": _("indicator edited"),
    "indicator removed": _("indicator removed"),
    "measurement approved": _("measurement approved"),
    "measurement sent back": _("measurement sent back"),
    "measurement entered (draft)": _("measurement entered (draft)"),
    "measurement entered by the programme team (approved)": _(
        "measurement entered by the programme team (approved)"
    ),
    "measurement corrected and offered again": _("measurement corrected and offered again"),
    "member added to working group": _("member added to working group"),
    "member removed from working group": _("member removed from working group"),
    "member added": _("member added"),
    "member removed": _("member removed"),
    "moved with its goal's removal": _("moved along when its goal was removed"),
    "operational goal added": _("operational goal added"),
    "operational goal edited": _("operational goal edited"),
    "operational goal removed": _("operational goal removed"),
    "strategic goal added": _("strategic goal added"),
    "strategic goal edited": _("strategic goal edited"),
    "strategic goal removed": _("strategic goal removed"),
    "programme line added": _("programme line added"),
    "programme line edited": _("programme line edited"),
    "programme line removed": _("programme line removed"),
    "order closed up after a removal": _("order closed up after a removal"),
    "moved up": _("moved up"),
    "moved down": _("moved down"),
    "working group added": _("working group added"),
    "working group edited": _("working group edited"),
    "working group removed": _("working group removed"),
    "goal link moved from": _("goal link moved from"),
    "unlinked from goal": _("unlinked from goal"),
}


def reason_display(reason: str) -> str:
    """A recorded change reason in the reader's language (known start translated)."""
    for known in sorted(REASONS, key=len, reverse=True):
        if reason == known or reason.startswith(known + " ") or reason.startswith(known + ":"):
            return str(REASONS[known]) + reason[len(known) :]
    return reason


def history_entries(obj, limit: int = 25) -> list[dict]:
    """The latest changes of `obj` (from django-simple-history), newest first: who, when, why
    and which fields changed (label, old, new)."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-pk")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        changes = []
        previous = records[index + 1] if index + 1 < len(records) else None
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=["version", "order"])
            for change in delta.changes:
                try:
                    label = obj._meta.get_field(change.field).verbose_name
                except Exception:  # noqa: BLE001 - m2m or removed field
                    label = change.field
                changes.append(
                    {"field": str(label), "old": _short(change.old), "new": _short(change.new)}
                )
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "type": record.history_type,
                "reason": reason_display(record.history_change_reason or ""),
                "changes": changes,
            }
        )
    return entries


def _short(value) -> str:
    if isinstance(value, list):  # m2m
        value = ", ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    return text if len(text) <= 120 else text[:117] + "..."


# --- home page (all the person's team programmes at once) ---------------------------------------


def din_home_data(programme_ids, limit: int = 10) -> dict[int, dict]:
    """The home panels' data for the programme team of several programmes at once:
    {programme_id: {"counts": {check: n}, "awaiting": [measurement, ...],
    "pending": [role assignment, ...]}}. A fixed number of queries (three grouped counts,
    the drafts and the open invitations, at most `limit` each per programme), however many
    programmes; the counts match `din_health_counts`."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    from ..models import RoleAssignment

    ids = sorted(set(programme_ids))
    data = {
        pid: {"counts": dict.fromkeys(HEALTH_CHECKS, 0), "awaiting": [], "pending": []}
        for pid in ids
    }
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
    # The same rows as selectors.pending_invitations(programme=...), for all programmes at once.
    pending = (
        RoleAssignment.objects.awaiting_acceptance()
        .filter(programme_id__in=ids)
        .select_related("user")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("programme_id")],
                order_by=[F("valid_from").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=limit)
        .order_by("-valid_from", "-pk")
    )
    for assignment in pending:
        data[assignment.programme_id]["pending"].append(assignment)
    return data
