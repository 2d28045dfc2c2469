"""A programme at AVK size, or a multiple of it, for the benchmarks and the query-count tests.

    .venv/bin/python -m bench.generate [--scale 1] [--scale 10]

At scale 1 (AVK size): 50 partners on packages A/B/C with a commitment and a delegation each,
3 programme lines, 6 strategic goals, 15 operational goals, 50 efforts (each serving one to
three goals, with one to four partners, a lead and forms of capital), 4 working groups,
20 indicators with 200 measurements, a Dagelijks Bestuur with 20 decided proposals holding
100 numbered decisions over three years, and this year's budget with 12 cost lines, coverage
and 20 realisation entries. Scale 10 is ten times each (500 partners, 150 operational goals,
500 efforts, 2.000 measurements, 200 proposals with 1.000 decisions).

The programme is `bench-<scale>x`, its programme team user `bench-team-<scale>x` (password
`bench`, staff with the back-office model permissions, so it also opens the admin). The same
seed gives the same rows. Rows are made with `bulk_create` as the services would leave them
(version 1, programme set on every level, numbered decisions with their body and meeting);
the budget is created through its service. No history records (the pages measured read none).
This module makes the programme and its people; bench/generate_areas.py the partners, the
governance and the budget, bench/generate_din.py the DIN.

Runs on the database of DJANGO_SETTINGS_MODULE / DATABASE_URL (migrate first); a programme
that already exists is left as it is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

SEED = 15
PASSWORD = "bench"

#: What one unit of scale holds (AVK size).
AVK = {
    "partners": 50,
    "strategic_goals": 6,
    "operational_goals": 15,
    "efforts": 50,
    "working_groups": 4,
    "indicators": 20,
    "measurements": 200,
    "proposals": 20,
    "decisions": 100,
    "cost_lines": 12,
    "realisations": 20,
}


@dataclass
class Generated:
    programme: object
    user: object
    budget: object
    created: bool


def slug_for(scale: int) -> str:
    return f"bench-{scale}x"


def username_for(scale: int) -> str:
    return f"bench-team-{scale}x"


def _back_office_group():
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name="Backoffice programma")
    if created:
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["programme", "partners", "governance", "budget"]
            ).exclude(codename__startswith="delete_")
        )
    return group


def generate(scale: int = 1, *, seed: int = SEED, today: date | None = None) -> Generated:
    """Build `bench-<scale>x` (or return it when it exists)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from programme.core.models import Programme

    existing = Programme.objects.filter(slug=slug_for(scale)).first()
    if existing is not None:
        from budget.models import Budget

        return Generated(
            programme=existing,
            user=get_user_model().objects.get(username=username_for(scale)),
            budget=Budget.objects.filter(programme=existing).order_by("-valid_from").first(),
            created=False,
        )
    with transaction.atomic():
        return _generate(scale, random.Random(f"{seed}-{scale}"), today or date.today())


def _generate(scale: int, rnd: random.Random, today: date) -> Generated:
    """One area after the other, in this order: each draws from `rnd` in turn, so the same seed
    gives the same rows."""
    from bench.generate_areas import make_budget, make_governance, make_partners
    from bench.generate_din import make_din

    n = {key: value * scale for key, value in AVK.items()}
    tag = f"{scale}x"
    start = date(today.year - 3, 1, 1)
    programme, user, leads = _programme(scale, tag, start)
    partners, members = make_partners(programme, rnd=rnd, n=n, start=start, tag=tag)
    efforts, groups = make_din(
        programme,
        rnd=rnd,
        n=n,
        start=start,
        today=today,
        user=user,
        leads=leads,
        partners=partners,
        members=members,
    )
    make_governance(programme, rnd=rnd, n=n, start=start, user=user)
    budget = make_budget(
        programme, rnd=rnd, n=n, scale=scale, today=today, user=user, efforts=efforts, groups=groups
    )
    return Generated(programme=programme, user=user, budget=budget, created=True)


def _programme(scale: int, tag: str, start: date) -> tuple:
    """The programme, its programme team user (staff, in the back office group) and the users
    who lead efforts and own indicators (programme team too); draws nothing from `rnd`."""
    from django.contrib.auth import get_user_model

    from avk.access import Role
    from programme.core.models import Programme, RoleAssignment

    User = get_user_model()
    programme = Programme.objects.create(
        name=f"Benchmark {tag}",
        short_name=f"Bench {tag}",
        slug=slug_for(scale),
        ambition="Een programma van AVK-omvang maal " + str(scale) + ", voor de metingen.",
        start_date=start,
        horizon_years=20,
    )
    user = User(
        username=username_for(scale),
        first_name="Team",
        last_name=f"Bench {tag}",
        email=f"team-{tag}@bench.invalid",
        is_staff=True,
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(_back_office_group())
    RoleAssignment.objects.create(
        programme=programme, user=user, role=Role.PROGRAMME_TEAM, valid_from=start
    )
    leads = User.objects.bulk_create(
        [
            User(
                username=f"bench-lead-{tag}-{i}",
                first_name="Kartrekker",
                last_name=str(i),
                email=f"lead-{tag}-{i}@bench.invalid",
            )
            for i in range(max(3, scale))
        ]
    )
    RoleAssignment.objects.bulk_create(
        RoleAssignment(programme=programme, user=lead, role=Role.PROGRAMME_TEAM, valid_from=start)
        for lead in leads
    )
    return programme, user, leads


def counts(programme) -> dict[str, int]:
    """What `generate` made, counted from the database."""
    from budget.models import BudgetLine
    from governance.models import Proposal, ProposedDecision
    from partners.models import Partner
    from programme.din.models import Effort, Measurement, OperationalGoal

    return {
        "partners": Partner.objects.filter(participations__programme=programme).count(),
        "operational_goals": OperationalGoal.objects.filter(programme=programme).count(),
        "efforts": Effort.objects.filter(programme=programme).count(),
        "measurements": Measurement.objects.filter(indicator__programme=programme).count(),
        "proposals": Proposal.objects.filter(programme=programme).count(),
        "decisions": ProposedDecision.objects.filter(proposal__programme=programme).count(),
        "budget_lines": BudgetLine.objects.filter(budget__programme=programme).count(),
    }


def main(argv=None) -> None:
    import argparse
    import os
    import sys
    import time as clock
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=int, action="append", help="1 = AVK size (default: 1 and 10)"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    for scale in args.scale or [1, 10]:
        began = clock.perf_counter()
        result = generate(scale)
        took = clock.perf_counter() - began
        state = "made" if result.created else "already there"
        print(f"{result.programme.slug}: {state} in {took:.1f} s: {counts(result.programme)}")


if __name__ == "__main__":
    main()
