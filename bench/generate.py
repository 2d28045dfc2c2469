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

Runs on the database of DJANGO_SETTINGS_MODULE / DATABASE_URL (migrate first); a programme
that already exists is left as it is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

SEED = 15
PASSWORD = "bench"
AMS = ZoneInfo("Europe/Amsterdam")

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
LINES = ["De Doelgroep", "De Professional", "Het Systeem"]
KINDS = ["gemeente", "onderwijs", "wonen", "welzijn", "zorg", "ggz", "kennisinstelling", "overig"]
PLACES = ["Emmen", "Veendam", "Pekela", "Stadskanaal", "Assen", "Groningen", "Hoogezand"]
STATUSES = ["idee", "gepland", "lopend", "lopend", "lopend", "afgerond", "gestopt"]
CAPITALS = ["economisch", "sociaal", "cultureel", "pedagogisch", "mentaal"]
CONTRIBUTIONS = ["laag", "middel", "hoog"]


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


def _month(start: date, months: int) -> date:
    total = start.year * 12 + start.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


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


def _generate(scale: int, rnd: random.Random, today: date) -> Generated:  # noqa: PLR0915
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    from avk.access import Role
    from budget import services as budget_services
    from budget.models import BudgetLine, Realisation, Side, SourceKind
    from governance.models import (
        Body,
        DecidedVia,
        Meeting,
        MeetingStatus,
        Outcome,
        Proposal,
        ProposalStatus,
        ProposedDecision,
    )
    from partners.models import (
        Commitment,
        CommitmentPackage,
        DelegationMember,
        Participation,
        Partner,
    )
    from programme.core.models import Programme, RoleAssignment
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

    n = {key: value * scale for key, value in AVK.items()}
    tag = f"{scale}x"
    start = date(today.year - 3, 1, 1)
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

    # Partners, their packages, commitments and delegations.
    packages = CommitmentPackage.objects.bulk_create(
        CommitmentPackage(
            programme=programme,
            code=code,
            name=f"Pakket {code}",
            yearly_contribution=Decimal(amount),
            steering_group_seat=code == "A",
            order=order,
        )
        for order, (code, amount) in enumerate([("A", "2500"), ("B", "1500"), ("C", "750")])
    )
    partners = Partner.objects.bulk_create(
        Partner(
            name=f"Organisatie {tag} {i:04d}",
            short_name=f"O{tag}{i}",
            kind=rnd.choice(KINDS),
            municipality=rnd.choice(PLACES),
            website=f"https://organisatie{i}.bench.invalid",
            email=f"info@organisatie{i}.bench.invalid",
        )
        for i in range(n["partners"])
    )
    Participation.objects.bulk_create(
        Participation(programme=programme, partner=p, joined_on=start) for p in partners
    )
    commitments = []
    for partner in partners:
        package = rnd.choice(packages)
        joined = start + timedelta(days=rnd.randrange(0, 365))
        commitments.append(
            Commitment(
                programme=programme,
                partner=partner,
                package=package,
                signed_on=joined,
                valid_from=joined,
                yearly_contribution=package.yearly_contribution,
            )
        )
    Commitment.objects.bulk_create(commitments)
    members = DelegationMember.objects.bulk_create(
        DelegationMember(
            programme=programme,
            partner=partner,
            level=level,
            name=f"Persoon {partner.short_name} {level}",
            email=f"{level}.{i}@organisatie.bench.invalid",
            is_contact=level == "bestuurder",
        )
        for i, partner in enumerate(partners)
        for level in ("bestuurder", "manager")
    )

    # The DIN: lines, goals, efforts, working groups, indicators, measurements.
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

    # Governance: the Dagelijks Bestuur, its meetings and decided proposals.
    body = Body.objects.create(
        programme=programme,
        kind="dagelijks_bestuur",
        name="Dagelijks Bestuur",
        code="DB",
        steering_level="richten",
    )
    proposals_per_meeting = 2
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=body,
            starts_at=datetime.combine(
                start + timedelta(days=(3 * 365 * i) // (n["proposals"] // 2)), time(14), AMS
            ),
            place="Veendam",
            status=MeetingStatus.HELD,
            chair=user,
        )
        for i in range(n["proposals"] // proposals_per_meeting)
    )
    proposals = Proposal.objects.bulk_create(
        Proposal(
            programme=programme,
            body=body,
            title=f"Voorstel {i + 1}: {rnd.choice(['werkgroep', 'begroting', 'faseplan'])}",
            drafter=user,
            drafter_function="programmaleider",
            date=meetings[i // proposals_per_meeting].starts_at.date() - timedelta(days=14),
            introduction="Inleiding van het voorstel.",
            content="De **tekst** van het voorstel.",
            status=ProposalStatus.DECIDED,
        )
        for i in range(n["proposals"])
    )
    per_proposal = n["decisions"] // len(proposals)
    decisions = []
    counters: dict[int, int] = {}
    for i, proposal in enumerate(proposals):
        meeting = meetings[i // proposals_per_meeting]
        decided_on = meeting.starts_at.astimezone(AMS).date()
        for position in range(1, per_proposal + 1):
            counters[decided_on.year] = counters.get(decided_on.year, 0) + 1
            decisions.append(
                ProposedDecision(
                    proposal=proposal,
                    position=position,
                    kind="instemmen",
                    text=f"in te stemmen met punt {position} van voorstel {i + 1}",
                    outcome=Outcome.ADOPTED,
                    votes_for=5,
                    votes_against=0,
                    votes_abstain=0,
                    decided_on=decided_on,
                    decided_via=DecidedVia.MEETING,
                    decided_in=meeting,
                    number=f"DB-{decided_on.year}-{counters[decided_on.year]:03d}",
                    numbered_body=body,
                )
            )
    ProposedDecision.objects.bulk_create(decisions)
    del ContentType  # the decisions adopt nothing (no subject)

    # This year's budget, through its service, with lines and realisation.
    budget = budget_services.budget_create(
        programme=programme,
        by=user,
        title=f"Begroting {today.year}",
        valid_from=date(today.year, 1, 1),
        valid_until=date(today.year, 12, 31),
        explanation="De toelichting bij de begroting.",
    )
    costs = BudgetLine.objects.bulk_create(
        BudgetLine(
            budget=budget,
            side=Side.COSTS,
            category=rnd.choice(["Programmaorganisatie", "Kennisdeling", "Uitvoering"]),
            description=f"Kostenpost {i + 1}",
            amount=Decimal(rnd.randrange(1000, 50000)),
            effort=rnd.choice(efforts) if i % 2 else None,
            working_group=rnd.choice(groups) if i % 3 == 0 else None,
            order=i,
        )
        for i in range(n["cost_lines"])
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            budget=budget,
            side=Side.COVERAGE,
            description=f"Fonds {i + 1}",
            amount=Decimal(rnd.randrange(5000, 50000)),
            source_kind=SourceKind.FUNDS,
            order=i + 1,
        )
        for i in range(2 * scale)
    )
    days = max(1, (min(today, budget.valid_until) - budget.valid_from).days)
    Realisation.objects.bulk_create(
        Realisation(
            programme=programme,
            budget=budget,
            line=rnd.choice(costs),
            booked_on=budget.valid_from + timedelta(days=rnd.randrange(days)),
            amount=Decimal(rnd.randrange(100, 5000)),
            note="Factuur",
        )
        for _ in range(n["realisations"])
    )
    return Generated(programme=programme, user=user, budget=budget, created=True)


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
