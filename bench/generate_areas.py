"""The partners, the governance and the budget of a benchmark programme (bench/generate.py);
its DIN is made by bench/generate_din.py."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
KINDS = ["gemeente", "onderwijs", "wonen", "welzijn", "zorg", "ggz", "kennisinstelling", "overig"]
PLACES = ["Emmen", "Veendam", "Pekela", "Stadskanaal", "Assen", "Groningen", "Hoogezand"]


def make_partners(
    programme, *, rnd: random.Random, n: dict[str, int], start: date, tag: str
) -> tuple[list, list]:
    """Partners on packages A/B/C, each with a commitment and a delegation of two; returns the
    partners and the delegation members (the DIN's efforts take part and lead with them)."""
    from partners.models import (
        Commitment,
        CommitmentPackage,
        DelegationMember,
        Participation,
        Partner,
    )

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
    return partners, members


def make_governance(programme, *, rnd: random.Random, n: dict[str, int], start: date, user) -> None:
    """The Dagelijks Bestuur, its meetings (two proposals each, spread over three years) and its
    decided proposals with their numbered decisions. The decisions adopt nothing (no subject)."""
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


def make_budget(
    programme,
    *,
    rnd: random.Random,
    n: dict[str, int],
    scale: int,
    today: date,
    user,
    efforts: list,
    groups: list,
):
    """This year's budget, through its service, with cost lines (some on an effort or a working
    group), coverage from funds and realisation entries; returns the budget."""
    from budget import services as budget_services
    from budget.models import BudgetLine, Realisation, Side, SourceKind

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
    return budget
