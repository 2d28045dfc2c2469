"""Demo data for the budget (seed 002, "Geld: programmabegroting"), built through the services.
Idempotent. Runs after partners (the commitments give the member contributions) and governance
(the Dagelijks Bestuur adopts the budget).

- The AVK's yearly budget for this year (2025 at the earliest, the first full year whose
  commitments add up to the seed's EUR 84.000): the ten cost lines of seed 002 (EUR 249.750)
  with the seed's explanation, coverage from the members (derived from the commitments:
  EUR 84.000) and from funds and subsidies (EUR 165.750). Put before the Dagelijks Bestuur and
  adopted in its meeting of early December the year before.
- A little realisation for the first months of the year, and a few ledger accounts mapped.
- The member contributions of this year invoiced in January; most partners have paid, a few
  are behind (Noorderpoort, the partner contact's organisation, has paid).
- Next year's budget as a concept whose coverage falls short, so its page shows the gap.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from avk import demo
from governance import services as governance
from governance.models import Body, DecisionKind, Proposal, ProposedDecision
from partners.models import Partner
from programme.din.models import WorkingGroup

from . import services
from .models import Budget, LedgerMapping, MemberContribution, Side, SourceKind

User = get_user_model()
AMS = ZoneInfo("Europe/Amsterdam")
D = Decimal

# category, description, amount, working group, explanation (seed 002's toelichting)
COSTS = [
    ("Programmaorganisatie", "Programmaleiding", D("97962"), None,
     "Een aanjaagrol en -functie van de programmaleider, met een grotere en ondersteunende rol "
     "richting de betrokken partners."),
    ("Programmaorganisatie", "Programmaondersteuning en -communicatie", D("42840"), None,
     "Een lichte ondersteuningsstructuur met alleen de ondersteunende basisrollen van "
     "programmasecretaris, programmacontroller en communicatieleider."),
    ("Ervaringsdeskundigheid", "Inzet ervaringsdeskundigheid", D("12070"),
     "Ervaringsdeskundigheid en werk",
     "Ervaringsdeskundigheid krijgt een vaste plek in het programma: betaalde uren."),
    ("Kennisdeling", "Congres", D("10000"), None, ""),
    ("Communicatie", "Communicatie uitingen", D("5000"), "Communicatie", ""),
    ("Kennisdeling", "Regionale en landelijke kennisdeling/bijeenkomsten", D("10000"), None,
     "Leren van elkaar en weten wat effectief is: regionale en landelijke kennisdeling, "
     "bijeenkomsten en congressen."),
    ("Monitoring en evaluatie", "Monitoring en evaluatie - practice based onderzoek", D("13845"),
     "Monitoring en evaluatie",
     "Studenten van de Hanzehogeschool en hun docenten hoeven we niet te begroten; wel de extra "
     "plannings- en afstemmingsuren van de Hanzehogeschool voor het gehele onderzoek."),
    ("Monitoring en evaluatie", "Monitoring en evaluatie - evidence based onderzoek", D("33033"),
     "Monitoring en evaluatie",
     "Onderzoekers van CMO STAMM: lerend evalueren, monitoring en programmasturing, bijdragen "
     "aan het eiland van reflectie, dataverzameling en een jaarlijkse rapportage."),
    ("Uitvoering", "Uitvoering faseplannen en activiteitenbudget", D("15000"), None, ""),
    ("Overig", "Overige kosten", D("10000"), None, ""),
]  # fmt: skip
FUNDS = D("165750")
NEXT_YEAR_FUNDS = D("150000")

EXPLANATION = """\
We zoeken naar een beweging die we willen maken. Met daarin organisaties die weten wat ze moeten \
doen en die zich bewust zijn van hun betrokkenheid en verantwoordelijkheid. We hebben binnen het \
programma daarom eerst gekozen voor een regievorm, een lichte ondersteuningsstructuur en een \
grotere en ondersteunende rol voor de programmaleider richting de betrokken partners.

We willen dat ervaringsdeskundigheid een vaste plek krijgt binnen ons programma. Daarvoor zijn \
betaalde uren opgenomen in ons programma.

Het leren van elkaar en weten wat effectief is, is één van onze drie strategische doelen. Daarom \
zetten we volop in op regionale en landelijke kennisdeling, bijeenkomsten en congressen etc."""

# month, description of the line, amount, note
REALISATION = [
    (1, "Programmaleiding", D("8163.50"), "Inzet programmaleider januari"),
    (1, "Programmaondersteuning en -communicatie", D("3570"), "Ondersteuning januari"),
    (1, "Inzet ervaringsdeskundigheid", D("1005.83"), "Uren ervaringsdeskundigen januari"),
    (2, "Programmaleiding", D("8163.50"), "Inzet programmaleider februari"),
    (2, "Programmaondersteuning en -communicatie", D("3570"), "Ondersteuning februari"),
    (2, "Communicatie uitingen", D("1250"), "Drukwerk nieuwsbrief"),
    (2, "Bijdrage van fondsen/subsidies", D("55250"), "Eerste tranche NPG"),
    (3, "Programmaleiding", D("8163.50"), "Inzet programmaleider maart"),
    (3, "Programmaondersteuning en -communicatie", D("3570"), "Ondersteuning maart"),
    (
        3,
        "Monitoring en evaluatie - evidence based onderzoek",
        D("8258.25"),
        "CMO STAMM, 1e kwartaal",
    ),
]
LEDGER = [
    ("4010", "Programmaleiding"),
    ("4020", "Programmaondersteuning en -communicatie"),
    ("4030", "Inzet ervaringsdeskundigheid"),
    ("4300", "Communicatie uitingen"),
    ("8100", "Bijdrage van fondsen/subsidies"),
]
#: Partners whose contribution of this year is still (partly) open.
BEHIND = {"Wedeka": D("0"), "Lentis": D("1500"), "Gemeente Stadskanaal": D("0")}


def year_of_demo() -> int:
    return max(timezone.localdate().year, 2025)


def _lines(budget, team, groups, *, funds):
    for order, (category, description, amount, group, explanation) in enumerate(COSTS, 1):
        services.line_add(
            budget_id=budget.pk,
            by=team,
            side=Side.COSTS,
            category=category,
            description=description,
            amount=amount,
            working_group=groups.get(group),
            explanation=explanation,
            order=order,
        )
    services.line_update(
        line_id=budget.lines.get(derived=True).pk,
        version=budget.lines.get(derived=True).version,
        by=team,
        description="Jaarlijkse bijdragen leden AVK",
        category="Leden",
        order=1,
    )
    services.line_add(
        budget_id=budget.pk,
        by=team,
        side=Side.COVERAGE,
        category="NPG, Regiodeal 2, IVF",
        description="Bijdrage van fondsen/subsidies",
        amount=funds,
        source_kind=SourceKind.FUNDS,
        order=2,
    )


def _adopt(avk, budget, team, year, out):
    db = Body.objects.get(programme=avk, code="DB")
    secretary = User.objects.get(username="secretaris")
    admin = User.objects.get(username="admin")
    proposal = governance.proposal_create(
        programme=avk,
        body=db,
        title=f"Programmabegroting {year} vaststellen",
        drafter=team,
        drafter_function="programmaleider",
        date=date(year - 1, 11, 25),
        introduction="De programmabegroting voor het komende jaar, met de kosten en de dekking "
        "zoals in het faseplan (hoofdstuk 5, Middelen).",
        decisions=[
            {
                "kind": DecisionKind.AGREE,
                "text": f"de programmabegroting {year} met kosten en dekking van elk € 249.750",
                "subject": budget,
            }
        ],
        by=team,
    )
    governance.proposal_submit(proposal_id=proposal.pk, by=team)
    meeting = governance.meeting_create(
        body=db, starts_at=datetime(year - 1, 12, 9, 14, 0, tzinfo=AMS), place="Veendam", by=admin
    )
    governance.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    decision = proposal.decisions.get()
    governance.meeting_record(
        proposal_id=proposal.pk,
        by=secretary,
        outcomes={
            decision.pk: {
                "outcome": "aangenomen",
                "votes_for": 4,
                "votes_against": 0,
                "votes_abstain": 0,
            }
        },
    )
    out(f"  begroting {year} vastgesteld door het Dagelijks Bestuur")


def _realisation(budget, team, year):
    today = timezone.localdate()
    lines = {line.description: line for line in budget.lines.all()}
    for month, description, amount, note in REALISATION:
        day = min(date(year, month, 25), today)
        if day < budget.valid_from:
            continue
        services.realisation_record(
            budget_id=budget.pk,
            by=team,
            line=lines[description],
            booked_on=day,
            amount=amount,
            note=note,
        )
    for account, description in LEDGER:
        services.ledger_map(
            budget_id=budget.pk, account=account, line_id=lines[description].pk, by=team
        )


def _contributions(avk, team, year):
    today = timezone.localdate()
    invoiced_on = min(date(year, 1, 15), today)
    services.contributions_invoice(programme=avk, year=year, by=team, invoiced_on=invoiced_on)
    behind = {Partner.objects.get(name=name).pk: paid for name, paid in BEHIND.items()}
    for contribution in MemberContribution.objects.filter(programme=avk, year=year):
        paid = behind.get(contribution.partner_id, contribution.invoiced_amount)
        if paid:
            services.payment_record(
                contribution_id=contribution.pk,
                version=contribution.version,
                by=team,
                amount=paid,
                on=min(date(year, 2, 28), today),
            )


def _date_history(context, avk, budget) -> None:
    """History on the day of each fact, not the day the demo was loaded (avk.demo.backdate):
    the budget drafted before its proposal, adopted in the DB meeting, each booking and
    payment on its own day. (Next year's concept is being written today.)"""
    budget_decision = (
        ProposedDecision.objects.filter(
            subject_type=ContentType.objects.get_for_model(Budget),
            subject_id=budget.pk,
            decided_in__isnull=False,
        )
        .select_related("proposal", "decided_in")
        .first()
    )
    if budget_decision is None:
        return
    proposal, meeting = budget_decision.proposal, budget_decision.decided_in
    drafted = proposal.date - timedelta(days=14)
    demo.backdate(context, budget, meeting.starts_at, events=["budget.adopted"])
    demo.backdate(context, budget, drafted)
    demo.backdate(context, budget.lines.all(), drafted)
    demo.backdate(
        context, proposal, proposal.date, events=["proposal.drafted", "proposal.submitted"]
    )
    demo.backdate(context, proposal.decisions.all(), proposal.date, events=["decision.written"])
    demo.redate(
        context,
        proposal.transitions.filter(to_status__in=["concept", "ingediend"]),
        "at",
        proposal.date,
    )
    demo.redate(context, Proposal.objects.filter(pk=proposal.pk), "created_at", proposal.date)
    demo.backdate(context, proposal, meeting.starts_at)
    demo.backdate(context, proposal.decisions.all(), meeting.starts_at)
    demo.redate(context, proposal.transitions.all(), "at", meeting.starts_at)
    demo.backdate(context, meeting, meeting.starts_at)
    demo.backdate(context, meeting.agenda_items.all(), meeting.starts_at)
    for realisation in budget.realisations.all():
        demo.backdate(context, realisation, realisation.booked_on)
    demo.backdate(context, LedgerMapping.objects.filter(line__budget=budget), drafted)
    for contribution in MemberContribution.objects.filter(
        programme=avk, year=budget.valid_from.year
    ):
        if contribution.invoiced_on:
            demo.backdate(
                context, contribution, contribution.invoiced_on, events=["contribution.invoiced"]
            )
        if contribution.paid_on:
            demo.backdate(context, contribution, contribution.paid_on)


def load(context: dict) -> None:
    out = context["out"]
    avk = context["programmes"]["avk"]
    team = context["accounts"]["programmateam"]
    year = year_of_demo()
    if Budget.objects.filter(programme=avk, valid_from=date(year, 1, 1)).exists():
        return
    groups = {g.name: g for g in WorkingGroup.objects.filter(programme=avk)}
    budget = services.budget_create(
        programme=avk,
        by=team,
        title=f"Programmabegroting {year}",
        valid_from=date(year, 1, 1),
        valid_until=date(year, 12, 31),
        explanation=EXPLANATION,
    )
    _lines(budget, team, groups, funds=FUNDS)
    _adopt(avk, budget, team, year, out)
    budget.refresh_from_db()
    _realisation(budget, team, year)
    _contributions(avk, team, year)
    _date_history(context, avk, budget)

    following = services.budget_create(
        programme=avk,
        by=team,
        title=f"Programmabegroting {year + 1}",
        valid_from=date(year + 1, 1, 1),
        valid_until=date(year + 1, 12, 31),
        explanation=EXPLANATION,
        copy_from=budget,
    )
    funds = following.lines.get(side=Side.COVERAGE, source_kind=SourceKind.FUNDS)
    services.line_update(
        line_id=funds.pk,
        version=funds.version,
        by=team,
        amount=NEXT_YEAR_FUNDS,
        explanation="Toezegging NPG voor volgend jaar nog niet rond.",
    )
    out(f"  begroting {year + 1} als concept, met een tekort in de dekking")
