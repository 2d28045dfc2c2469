"""The DIN of a benchmark programme (bench/generate.py): programme lines, strategic and
operational goals, efforts with their goals, partners and forms of capital, working groups,
indicators and their measurements."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from bench.generate_areas import AMS, PLACES

LINES = ["De Doelgroep", "De Professional", "Het Systeem"]
STATUSES = ["idee", "gepland", "lopend", "lopend", "lopend", "afgerond", "gestopt"]
CAPITALS = ["economisch", "sociaal", "cultureel", "pedagogisch", "mentaal"]
CONTRIBUTIONS = ["laag", "middel", "hoog"]


def _month(start: date, months: int) -> date:
    total = start.year * 12 + start.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def make_din(
    programme,
    *,
    rnd: random.Random,
    n: dict[str, int],
    start: date,
    today: date,
    user,
    leads: list,
    partners: list,
    members: list,
) -> tuple[list, list]:
    """The DIN's rows; returns the efforts and the working groups (the budget's lines refer to
    them)."""
    from programme.din.models import (
        Effort,
        EffortCapital,
        EffortGoal,
        EffortPartner,
        Indicator,
        Measurement,
        OperationalGoal,
        ProgrammeLine,
        StrategicGoal,
        WorkingGroup,
    )

    lines = ProgrammeLine.objects.bulk_create(
        ProgrammeLine(
            programme=programme,
            name=name,
            order=i,
            challenge="De uitdaging.",
            approach="De aanpak.",
        )
        for i, name in enumerate(LINES)
    )
    strategic = StrategicGoal.objects.bulk_create(
        StrategicGoal(
            programme=programme,
            line=lines[i % len(lines)],
            title=f"Strategisch doel {i + 1}",
            order=i // len(lines),
        )
        for i in range(n["strategic_goals"])
    )
    operational = OperationalGoal.objects.bulk_create(
        OperationalGoal(
            programme=programme,
            strategic_goal=strategic[i % len(strategic)],
            title=f"Operationeel doel {i + 1}: meer kinderen groeien kansrijk op",
            description="Wat we willen bereiken.",
            order=i // len(strategic),
        )
        for i in range(n["operational_goals"])
    )
    efforts = []
    for i in range(n["efforts"]):
        begin = _month(start, rnd.randrange(0, 36))
        efforts.append(
            Effort(
                programme=programme,
                title=f"Inspanning {i + 1}: {rnd.choice(['pilot', 'netwerk', 'training'])}",
                description="Wat de inspanning doet.",
                status=rnd.choice(STATUSES),
                progress=rnd.randrange(0, 101, 10),
                start_month=begin,
                end_month=_month(begin, rnd.randrange(3, 30)),
                lead_user=rnd.choice(leads) if i % 3 == 0 else None,
                lead_member=rnd.choice(members) if i % 3 == 1 else None,
                structural=i % 10 == 0,
                municipality=rnd.choice(PLACES),
                place="Bargeres" if i % 7 == 0 else "",
            )
        )
    efforts = Effort.objects.bulk_create(efforts)
    EffortGoal.objects.bulk_create(
        EffortGoal(effort=effort, goal=goal, contribution=rnd.choice(CONTRIBUTIONS))
        for effort in efforts
        for goal in rnd.sample(operational, rnd.randint(1, 3))
    )
    EffortPartner.objects.bulk_create(
        EffortPartner(effort=effort, partner=partner, role="trekker" if k == 0 else "deelnemer")
        for effort in efforts
        for k, partner in enumerate(rnd.sample(partners, rnd.randint(1, 4)))
    )
    EffortCapital.objects.bulk_create(
        EffortCapital(effort=effort, form=form)
        for effort in efforts
        for form in rnd.sample(CAPITALS, rnd.randint(1, 2))
    )
    groups = WorkingGroup.objects.bulk_create(
        WorkingGroup(programme=programme, name=f"Werkgroep {i + 1}", theme="Thema.", order=i)
        for i in range(n["working_groups"])
    )
    through = WorkingGroup.efforts.through
    through.objects.bulk_create(
        through(workinggroup_id=group.pk, effort_id=effort.pk)
        for group in groups
        for effort in rnd.sample(efforts, min(len(efforts), 8))
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            programme=programme,
            goal=operational[i % len(operational)],
            name=f"Indicator {i + 1}",
            unit="%",
            baseline_value=Decimal(rnd.randrange(10, 40)),
            baseline_year=start.year,
            target_value=Decimal(rnd.randrange(50, 90)),
            target_year=start.year + 10,
            owner=rnd.choice(leads),
            frequency="kwartaal",
        )
        for i in range(n["indicators"])
    )
    per_indicator = n["measurements"] // len(indicators)
    reviewed_at = datetime.combine(today, time(12), tzinfo=AMS)
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            period_label=f"{end.year}-Q{(end.month - 1) // 3 + 1}",
            period_end=end,
            value=Decimal(rnd.randrange(10, 90)),
            status="goedgekeurd" if k < per_indicator - 1 else "concept",
            entered_by=indicator.owner,
            reviewed_by=user if k < per_indicator - 1 else None,
            reviewed_at=reviewed_at if k < per_indicator - 1 else None,
        )
        for indicator in indicators
        for k, end in enumerate(
            _month(today, -3 * (per_indicator - k)) - timedelta(days=1)
            for k in range(per_indicator)
        )
    )
    return efforts, groups
