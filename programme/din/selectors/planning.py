"""Read-side queries for the planning: the efforts over time, a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Min, Q

from programme.core.models import Programme, ProgrammePhase

from ..models import Effort
from .visuals import _EffortRows, _efforts, _partner_links

__all__ = [
    "PhaseRange",
    "PlanningData",
    "add_months",
    "month_span",
    "phase_ranges",
    "planning_data",
    "planning_default_range",
]


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_span(start: date, end: date) -> int:
    """How many months from the month of `start` up to and including the month of `end`."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


@dataclass
class PhaseRange:
    phase: ProgrammePhase
    start: date  # first day of the first month
    end: date  # first day of the last month

    @property
    def pk(self) -> int:
        return self.phase.pk


def phase_ranges(*, programme: Programme) -> list[PhaseRange]:
    """The programme's phases in time order, each running until the next one starts (the
    last until the end of the programme's horizon). One query."""
    phases = list(ProgrammePhase.objects.filter(programme=programme).order_by("valid_from"))
    ranges = []
    horizon_end = date(programme.end_year, 12, 1)
    for i, phase in enumerate(phases):
        start = phase.valid_from.replace(day=1)
        if i + 1 < len(phases):
            end = add_months(phases[i + 1].valid_from, -1)
            if phases[i + 1].valid_from.day > 1:
                end = phases[i + 1].valid_from.replace(day=1)
        else:
            end = max(horizon_end, start)
        ranges.append(PhaseRange(phase, start, max(end, start)))
    return ranges


@dataclass
class PlanningData:
    rows: list[dict]  # efforts that run (partly) in the range
    without_period: list[dict]
    start: date
    end: date


def planning_default_range(*, programme: Programme, today: date) -> tuple[date, date]:
    """From the first start month of the programme's efforts (or a year before today) up to
    the later of their last end month and a year after today. One query."""
    found = Effort.objects.filter(programme=programme).aggregate(
        first=Min("start_month"), last=Max("end_month")
    )
    this_month = today.replace(day=1)
    start = found["first"] or add_months(this_month, -12)
    end = max(found["last"] or this_month, add_months(this_month, 12))
    return start.replace(day=1), end.replace(day=1)


def planning_data(
    *, programme: Programme, start: date, end: date, line=None, status=None, partner=None
) -> PlanningData:
    """The efforts that run in start..end (months, inclusive), and those without a period,
    with the given filters. Two queries: the efforts, then their partners' keys, names and
    roles as plain values (`PartnerName`; as model rows they were a third of the time)."""
    efforts = list(
        _efforts(programme, line=line, partner=partner, status=status)
        .filter(
            Q(start_month__isnull=True, end_month__isnull=True)
            | (
                (Q(start_month__isnull=True) | Q(start_month__lte=end))
                & (Q(end_month__isnull=True) | Q(end_month__gte=start))
            )
        )
        .order_by("start_month", "end_month", "title", "pk")
    )
    links = _partner_links([effort.pk for effort in efforts])
    rows, without, build = [], [], _EffortRows()
    for effort in efforts:
        row = build.row(effort, links=links.get(effort.pk, []))
        if effort.start_month is None and effort.end_month is None:
            without.append(row)
        else:
            rows.append(row)
    return PlanningData(rows=rows, without_period=without, start=start, end=end)
