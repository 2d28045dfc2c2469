"""Demo data for the phase plans (seed 002, the AVK's programme plan and first phase plan; seed
003, the islands of reflection), built through the services. Idempotent. Runs after the DIN,
governance, the budget and reflection.

- Faseplan 1 (August 2023 to August 2024) with the seed's texts (shortened where long), every
  goal of the DIN and its efforts with their planning, the working groups and the budget of its
  period (costs EUR 249.750 in ten lines, coverage EUR 84.000 from the members and EUR 165.750 from
  funds and subsidies). The Dagelijks Bestuur adopts plan and budget in its meeting of 10 July
  2023, one proposal with two decisions: the plan's contents are frozen that day.
  Plan 1 leaves the efforts that are still an idea (the local experiments, the workshops by
  informal helpers) for later.
- After that, the DIN moves on: a partner joins an effort, so the adopted plan 1 (frozen)
  differs from the DIN today.
- Faseplan 2 (August 2024 to August 2025) as a concept drawn up from plan 1: the completed
  efforts dropped, the running ones replanned, the ideas taken up, a goal left out, two
  attention points of seed 003 taken up ("opgepakt in faseplan"), and a concept budget with a
  few changed lines. Its comparison with plan 1 has something to show.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from avk import demo
from budget import services as budget_services
from budget.models import Budget, Side, SourceKind
from governance import services as governance
from governance.models import Body, DecisionKind
from partners.models import Partner
from programme.din import services as din_services
from programme.din.models import Effort, EffortStatus, OperationalGoal, StrategicGoal
from reflection.models import AttentionPoint

from . import services
from .models import PhasePlan

User = get_user_model()
AMS = ZoneInfo("Europe/Amsterdam")
D = Decimal

PLAN_1 = (date(2023, 8, 1), date(2024, 8, 31))
PLAN_2 = (date(2024, 8, 1), date(2025, 8, 31))
BUDGET_1 = (date(2023, 8, 1), date(2024, 7, 31))
BUDGET_2 = (date(2024, 8, 1), date(2025, 7, 31))
DRAFTED = date(2023, 6, 26)
PROPOSED = date(2023, 7, 3)
MEETING = datetime(2023, 7, 10, 14, 0, tzinfo=AMS)

SUBTITLE = "Programmaplan en eerste faseplan van de Alliantie van Kracht"

FOREWORD = """\
Er is geen plattelandsregio in Nederland waar armoede zoveel voorkomt als in de Drents-Groningse \
Veenkoloniën. Veel families in dit gebied leven van generatie op generatie in armoede. Dit noemen \
we generatiearmoede. Generatiearmoede blijkt een ontzettend taai vraagstuk, want ondanks alle \
inzet nemen de problemen toe. De Rijksuniversiteit Groningen deed vijf jaar onderzoek naar dit \
vraagstuk.

Een kind dat opgroeit in armoede heeft een twee keer grotere kans om later ook arm te zijn. Het \
maakt dus nogal uit waar je wieg staat. Armoede gaat om veel meer dan (een gebrek aan) geld \
alleen; er spelen veel verschillende factoren een rol bij dit complexe thema.

De belangrijkste les uit het onderzoek is daarom: 'maak maatwerk mogelijk'. Schep de \
randvoorwaarden zodat we echt maatwerk kunnen leveren. Dat betekent werken aan langdurige \
relaties, onderlinge samenwerking en continuïteit op lange termijn. Geen kortlopende projecten, \
maar langlopende programma's van 10, 20 of 30 jaar.

De Alliantie van Kracht zet in op een programma van 20 jaar. Dit geeft ons de tijd die nodig is \
om écht het systeem te veranderen en generatiearmoede duurzaam te doorbreken. Op basis van de \
kennis uit het onderzoek gaan we experimenteren in wijken, dorpen en buurten en maatwerk bieden. \
Het is tijd voor een doorbraak. Tijd voor verandering.

Samen doorbreken we generatiearmoede!"""

CONTEXT = """\
In het Drents-Groningse veenkoloniale gebied leven een kleine 14.000 gezinnen in armoede. Samen \
met inwoners zet de Alliantie van Kracht in op het doorbreken van deze armoede. De Alliantie van \
Kracht bestaat sinds 2017. Het is een netwerk van 42 partners dat bestaat uit gemeenten, \
kennisinstellingen en organisaties in de sectoren Wonen, Welzijn en Zorg.

Omdat het bij het doorbreken van deze armoede zo belangrijk is om aan te sluiten bij de \
leefwereld van de mensen zelf, deed de Rijksuniversiteit Groningen van 2017 tot 2022 onderzoek \
naar overerfbare armoede in de Veenkoloniën: hoe ervaren families hun situatie, hoe worden zij \
nu geholpen, wat werkt goed en wat moet beter?

De aanpak van generatiearmoede vergt een lange adem. De aanpak moet integraal zijn en gericht op \
veranderingen in families én in de omgeving. Een benadering vanuit verschillende kapitaalvormen, \
te weten economisch, sociaal, cultureel, pedagogisch en mentaal kapitaal, biedt handvatten om op \
verschillende leefgebieden armoedeproblematiek aan te pakken. Preventie is een belangrijk \
element in de aanpak.

Fasering. We kiezen voor prioritering in plaats van alles tegelijk oppakken. We kijken naar wat \
logisch op elkaar volgt en voegen dingen bij elkaar die met elkaar te maken hebben. Jaarlijks \
evalueren we op een eiland van reflectie of de inspanningen en activiteiten daadwerkelijk \
bijdragen aan onze ambitie, en wat logisch voelt om op te pakken voor het volgende jaar. Het 1e \
faseplan loopt van augustus 2023 tot en met augustus 2024."""

READING_GUIDE = """\
We hebben in hoofdstuk 1 de context en fasering van deze opgave weergegeven. Hoofdstuk 2 \
beschrijft de programmadoelen. In hoofdstuk 3 benoemen we de inspanningen en activiteiten die we \
dit jaar willen leveren om onze doelen te realiseren. In hoofdstuk 4 zetten we de inspanningen in \
een globale planning. En in hoofdstuk 5 staan we stil bij de inzet van mensen, tijd en bij geld \
en de programmabegroting."""

PEOPLE = """\
Het Dagelijks Bestuur en de stuurgroep zijn verantwoordelijk voor het richten van het programma. \
De bestuurlijke vertegenwoordigers van de partnerorganisaties bepalen de strategische koers, \
zetten deze uit en bewaken hem. Zij zijn gezamenlijk opdrachtgever: zij stellen het programmaplan \
en het plan van aanpak per fase vast en stellen voldoende middelen beschikbaar.

Via de managers en leidinggevenden van de partnerorganisaties geven we het richten op \
strategisch en tactisch niveau extra vorm, in een jaarlijkse bijeenkomst.

Het programmateam is verantwoordelijk voor het inrichten van het programma: het bewaakt het \
proces, stuurt op de samenhang tussen initiatieven en is de linking pin tussen de stuurgroep en \
de werkgroepen. In het programmateam zitten de programmaleider, de communicatieleider, de \
programmacontroller, de programmasecretaris, ervaringsdeskundigen en de kartrekkers.

Kartrekkersoverleg: op het verrichten niveau zijn er werkgroepen naar thema. Elke werkgroep \
heeft een kartrekker die de voortgang bewaakt en de verbinding legt met het programmateam."""

BUDGET_EXPLANATION = """\
We zoeken naar een beweging die we willen maken. We hebben binnen het programma daarom eerst \
gekozen voor een regievorm, een lichte ondersteuningsstructuur en een grotere en ondersteunende \
rol voor de programmaleider richting de betrokken partners.

We willen dat ervaringsdeskundigheid een vaste plek krijgt binnen ons programma. Daarvoor zijn \
betaalde uren opgenomen in ons programma. Het leren van elkaar en weten wat effectief is, is één \
van onze drie strategische doelen: daarom zetten we volop in op regionale en landelijke \
kennisdeling, bijeenkomsten en congressen.

Voor 'Monitoring en evaluatie - practice based onderzoek' zetten we studenten van de \
Hanzehogeschool in; we begroten de extra plannings- en afstemmingsuren. Voor 'Monitoring en \
evaluatie - evidence based onderzoek' zetten we onderzoekers van CMO STAMM in: zij verzorgen het \
lerend evalueren, de monitoring en programmasturing en een jaarlijkse rapportage."""

COLOPHON = """\
Alliantie van Kracht
www.alliantievankracht.nl
info@alliantievankracht.nl

Programmaleider: Saskia Duursma
Redactie: Saskia Duursma"""

THANKS = """\
Vele betrokkenen vanuit de Alliantie van Kracht: diverse ervaringsdeskundigen (Lineke, \
Annemaria, Henk, Manna, Rene, Tamara, Nynke, Marga, Nico), Noorderpoort, Leger des Heils, \
Tinten, Cosis, Zorg Innovatie Forum, gemeente Emmen, gemeente Westerwolde, gemeente Stadskanaal, \
gemeente Veendam, de GKB, GGD Drenthe, Hanzehogeschool, Wedeka, Afeer, Sociaal Werk Oldambt, \
VNN, Zorgplein Noord, Sterk uit Armoede, Accare, Lentis, Kredietbank Midden-Groningen, SWW, \
Domesta en CMO STAMM."""

FOREWORD_2 = """\
Het eerste jaar van ons programma van twintig jaar zit erop. Op drie eilanden van reflectie, met \
het programmateam, de managers en de stuurgroep, keken we terug: er is een helder ritme van \
plannen, uitvoeren, reflecteren en bijstellen, en organisaties staan welwillend om mee te doen \
aan pilots.

In dit tweede faseplan zetten we voort wat loopt, ronden we af wat klaar is en pakken we de \
aandachtspunten op die de eilanden van reflectie ons meegaven: beter zicht op wat effectief is, \
en de visie van de AVK eigen maken in alle betrokken organisaties.

Samen doorbreken we generatiearmoede!"""

CONTEXT_2 = """\
De Alliantie van Kracht is gegroeid naar 44 partners. Het tweede faseplan loopt van augustus 2024 \
tot en met augustus 2025 en bouwt voort op het programmaplan en het eerste faseplan.

Fasering. Op basis van de uitkomsten van de eilanden van reflectie van juni 2024 passen we onze \
inspanningen aan: afgeronde inspanningen vallen af, lopende inspanningen krijgen een nieuwe \
planning, en twee nieuwe inspanningen geven invulling aan de aandachtspunten monitoring, \
effectiviteit en ervaringen, en de visie eigen maken bij alle partners."""

COSTS = [
    ("Programmaorganisatie", "Programmaleiding", D("97962")),
    ("Programmaorganisatie", "Programmaondersteuning en -communicatie", D("42840")),
    ("Ervaringsdeskundigheid", "Inzet ervaringsdeskundigheid", D("12070")),
    ("Kennisdeling", "Congres", D("10000")),
    ("Communicatie", "Communicatie uitingen", D("5000")),
    ("Kennisdeling", "Regionale en landelijke kennisdeling/bijeenkomsten", D("10000")),
    ("Monitoring en evaluatie", "Monitoring en evaluatie - practice based onderzoek", D("13845")),
    ("Monitoring en evaluatie", "Monitoring en evaluatie - evidence based onderzoek", D("33033")),
    ("Uitvoering", "Uitvoering faseplannen en activiteitenbudget", D("15000")),
    ("Overig", "Overige kosten", D("10000")),
]
MEMBERS, FUNDS = D("84000"), D("165750")

#: The attention points of seed 003 that plan 2 takes up (title prefixes).
ATTENTION = ["Monitoring, effectiviteit", "Samen handen en voeten"]
#: The operational goal plan 2 leaves out (prefix).
LEFT_OUT = "Verwezenlijken van grotere conferenties"


def _budget_1(avk, team) -> Budget:
    budget = Budget.objects.filter(programme=avk, valid_from=BUDGET_1[0]).first()
    if budget is not None:
        return budget
    budget = budget_services.budget_create(
        programme=avk,
        by=team,
        title="Programmabegroting faseplan 1",
        valid_from=BUDGET_1[0],
        valid_until=BUDGET_1[1],
        explanation=BUDGET_EXPLANATION,
    )
    for order, (category, description, amount) in enumerate(COSTS, 1):
        budget_services.line_add(
            budget_id=budget.pk,
            by=team,
            side=Side.COSTS,
            category=category,
            description=description,
            amount=amount,
            order=order,
        )
    members = budget.lines.get(derived=True)
    budget_services.line_update(
        line_id=members.pk,
        version=members.version,
        by=team,
        derived=False,
        amount=MEMBERS,
        description="Jaarlijkse bijdragen leden AVK",
        category="Leden",
        order=1,
    )
    budget_services.line_add(
        budget_id=budget.pk,
        by=team,
        side=Side.COVERAGE,
        category="NPG, Regiodeal 2, IVF",
        description="Bijdrage van fondsen/subsidies",
        amount=FUNDS,
        source_kind=SourceKind.FUNDS,
        order=2,
    )
    return budget


def _select_all(plan, team) -> None:
    avk = plan.programme
    services.selection_set(
        plan_id=plan.pk,
        version=None,
        by=team,
        strategic_goals=StrategicGoal.objects.filter(programme=avk).values_list("pk", flat=True),
        operational_goals=OperationalGoal.objects.filter(programme=avk).values_list(
            "pk", flat=True
        ),
        efforts=dict.fromkeys(
            Effort.objects.filter(programme=avk)
            .exclude(status=EffortStatus.IDEA)
            .values_list("pk", flat=True)
        ),
    )


def _adopt(avk, plan, budget, team, admin, secretary):
    db = Body.objects.get(programme=avk, code="DB")
    proposal = governance.proposal_create(
        programme=avk,
        body=db,
        title="Faseplan 1 en programmabegroting vaststellen",
        drafter=team,
        drafter_function="programmaleider",
        date=PROPOSED,
        introduction="Het eerste faseplan (augustus 2023 tot en met augustus 2024) met de "
        "programmabegroting van de periode: kosten en dekking van elk € 249.750.",
        decisions=[
            {
                "kind": DecisionKind.AGREE,
                "text": "de programmabegroting faseplan 1, met kosten en dekking van elk € 249.750",
                "subject": budget,
            },
            {
                "kind": DecisionKind.AGREE,
                "text": "faseplan 1 (augustus 2023 tot en met augustus 2024)",
                "subject": plan,
            },
        ],
        by=team,
    )
    governance.proposal_submit(proposal_id=proposal.pk, by=team)
    meeting = governance.meeting_create(body=db, starts_at=MEETING, place="Veendam", by=admin)
    governance.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=team)
    governance.meeting_record(
        proposal_id=proposal.pk,
        by=secretary,
        outcomes={d.pk: {"outcome": "aangenomen"} for d in proposal.decisions.all()},
    )
    return proposal, meeting


def _date_history(context, plan, budget, proposal, meeting) -> None:
    """History on the day of each fact (avk.demo.backdate): drafted in June 2023, put before
    the board on 3 July, adopted in the meeting of 10 July."""
    demo.backdate(context, plan, meeting.starts_at, events=["phaseplan.adopted"])
    demo.backdate(context, plan, PROPOSED, events=["phaseplan.submitted"])
    demo.backdate(context, plan, DRAFTED)
    demo.backdate(context, budget, meeting.starts_at, events=["budget.adopted"])
    demo.backdate(context, budget, DRAFTED)
    demo.backdate(context, budget.lines.all(), DRAFTED)
    demo.backdate(context, proposal, PROPOSED, events=["proposal.drafted", "proposal.submitted"])
    demo.backdate(context, proposal.decisions.all(), PROPOSED, events=["decision.written"])
    demo.redate(
        context, proposal.transitions.filter(to_status__in=["concept", "ingediend"]), "at", PROPOSED
    )
    demo.redate(context, type(proposal).objects.filter(pk=proposal.pk), "created_at", PROPOSED)
    demo.backdate(context, proposal, meeting.starts_at)
    demo.backdate(context, proposal.decisions.all(), meeting.starts_at)
    demo.redate(context, proposal.transitions.all(), "at", meeting.starts_at)
    demo.backdate(context, meeting, meeting.starts_at)
    demo.backdate(context, meeting.agenda_items.all(), meeting.starts_at)


def _move_on(avk, team) -> None:
    """The DIN after plan 1: a partner joins an effort."""
    effort = Effort.objects.filter(
        programme=avk, title__startswith="Organiseren van trainingen"
    ).first()
    joining = Partner.objects.filter(name="Cosis", participations__programme=avk).first()
    if effort is None or joining is None:
        return
    links = [(link.partner, link.role) for link in effort.partner_links.select_related("partner")]
    if all(partner != joining for partner, _role in links):
        din_services.effort_update(
            effort_id=effort.pk,
            version=effort.version,
            by=team,
            partners=[*links, (joining, "deelnemer")],
        )


def _budget_2(avk, team, budget_1) -> Budget | None:
    """A concept budget for plan 2's period, when no budget of the programme covers it yet."""
    overlap = Budget.objects.filter(
        programme=avk, valid_from__lte=BUDGET_2[1], valid_until__gte=BUDGET_2[0]
    ).exists()
    if overlap:
        return Budget.objects.filter(programme=avk, valid_from=BUDGET_2[0]).first()
    budget = budget_services.budget_create(
        programme=avk,
        by=team,
        title="Programmabegroting faseplan 2",
        valid_from=BUDGET_2[0],
        valid_until=BUDGET_2[1],
        explanation=BUDGET_EXPLANATION,
        copy_from=budget_1,
    )
    lines = {line.description: line for line in budget.lines.all()}
    for description, amount in (
        ("Congres", D("12500")),
        ("Overige kosten", D("5000")),
        ("Bijdrage van fondsen/subsidies", D("168250")),
    ):
        line = lines[description]
        budget_services.line_update(line_id=line.pk, version=line.version, by=team, amount=amount)
    budget_services.line_add(
        budget_id=budget.pk,
        by=team,
        side=Side.COSTS,
        category="Uitvoering",
        description="Quick scan en onboarding partners",
        amount=D("5000"),
        order=11,
    )
    return budget


def _plan_2(avk, plan_1, team) -> PhasePlan:
    plan = services.plan_create(
        programme=avk,
        by=team,
        copy_from=plan_1,
        number=2,
        title="Faseplan 2",
        subtitle="Tweede faseplan van de Alliantie van Kracht",
        valid_from=PLAN_2[0],
        valid_until=PLAN_2[1],
        budget=_budget_2(avk, team, plan_1.budget),
        foreword=FOREWORD_2,
        context=CONTEXT_2,
    )
    efforts = {}
    for row in plan.efforts.select_related("effort"):
        effort = row.effort
        if effort.status == EffortStatus.DONE:
            continue  # completed in phase 1
        if effort.structural:
            efforts[effort.pk] = (PLAN_2[0], None)
        else:
            efforts[effort.pk] = (date(2024, 9, 1), date(2025, 6, 1))
    for pk in Effort.objects.filter(programme=avk, status=EffortStatus.IDEA).values_list(
        "pk", flat=True
    ):
        efforts[pk] = (date(2024, 10, 1), date(2025, 6, 1))
    services.selection_set(
        plan_id=plan.pk,
        version=None,
        by=team,
        strategic_goals=plan.strategic_goals.values_list("goal_id", flat=True),
        operational_goals=plan.operational_goals.exclude(
            goal__title__startswith=LEFT_OUT
        ).values_list("goal_id", flat=True),
        efforts=efforts,
    )
    for prefix in ATTENTION:
        point = AttentionPoint.objects.filter(programme=avk, title__startswith=prefix).first()
        if point is not None:
            services.attention_take_up(plan_id=plan.pk, point_id=point.pk, by=team)
    return plan


def load(context: dict) -> None:
    out = context["out"]
    avk = context["programmes"]["avk"]
    team = context["accounts"]["programmateam"]
    admin = context["admin"]
    secretary = User.objects.get(username="secretaris")
    if PhasePlan.objects.filter(programme=avk, number=1).exists():
        return
    budget = _budget_1(avk, team)
    plan = services.plan_create(
        programme=avk,
        by=team,
        number=1,
        title="Faseplan 1",
        subtitle=SUBTITLE,
        valid_from=PLAN_1[0],
        valid_until=PLAN_1[1],
        budget=budget,
        foreword=FOREWORD,
        context=CONTEXT,
        reading_guide=READING_GUIDE,
        people=PEOPLE,
        budget_explanation=BUDGET_EXPLANATION,
        colophon=COLOPHON,
        thanks=THANKS,
    )
    _select_all(plan, team)
    proposal, meeting = _adopt(avk, plan, budget, team, admin, secretary)
    plan.refresh_from_db()
    budget.refresh_from_db()
    _date_history(context, plan, budget, proposal, meeting)
    out("  faseplan 1 vastgesteld door het Dagelijks Bestuur (10 juli 2023)")
    _move_on(avk, team)
    _plan_2(avk, plan, team)
    out("  faseplan 2 als concept, met twee aandachtspunten uit de reflectie opgepakt")
