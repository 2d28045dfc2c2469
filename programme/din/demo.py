"""Demo data for the DIN (from ../shared/seeds/AVK-DIN.md, seed 002 and seed 004).

The AVK: three programme lines with their challenge and approach, the strategic and operational
goals, every effort of groups 1-8 with its period and involved parties (portal partners are
linked, other names go to "other involved parties"), the structural activities, the four
working groups, and indicators with the figures the seeds give. Landerd: its three legal
prevention aims (Wmo, Wpg, Jeugdwet) as lines. Idempotent: everything is looked up by name
first; created through the services so the history names the demo's admin.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from avk import demo
from partners.models import DelegationMember, Partner

from . import services
from .models import (
    Effort,
    Indicator,
    Measurement,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
    WorkingGroupMember,
)

#: The days of the facts (avk.demo.backdate): the stuurgroep adopted the programme plan with its
#: lines and goals on 23 February 2023 (seed 001); phase plan 1, with the efforts, working groups
#: and indicators, started in August 2023 (seed 002); Landerd's lines follow the advice of
#: 27 June 2017 (seed 004).
PLAN_ADOPTED = date(2023, 2, 23)
PHASE_PLAN_1 = date(2023, 8, 1)
LANDERD_LINES_SET = date(2017, 7, 3)

L1, L2, L3 = "De Doelgroep", "Het Werkveld", "Effectiviteit en Leren"

LINES = [
    (
        L1,
        "We willen een kansrijke toekomst voor kinderen, jongeren en volwassenen in de "
        "Veenkoloniën en kansen voor hen om zich op meerdere leefgebieden te ontwikkelen.",
        "Generatiearmoede kan niet doorbroken worden door aan één knop te draaien, maar vraagt "
        "om een bredere kijk op het armoedevraagstuk. De aanpak is erop gericht om kinderen, "
        "jongeren of volwassenen in armoede adequaat te signaleren, ondersteunen en met hen "
        "kansen te ontwikkelen. We richten ons op de houding, vaardigheden en feitelijk gedrag "
        "van mensen, maar proberen ook nadrukkelijk het structurele perspectief van armoede te "
        "beïnvloeden. Samen gaan wij op zoek naar wat werkt. De ervaring van de mensen die in "
        "armoede leven vormt een belangrijk aangrijpingspunt in de versterking van de aanpak; "
        "zij worden op verschillende manieren betrokken.",
    ),
    (
        L2,
        "Armoede is een breed thema dat verweven is met verschillende leefgebieden en thema's. "
        "Het kan gaan over een sociaal, emotioneel en/of een cultureel tekort. De arme bestaat "
        "niet. Zowel gezinnen in generatiearmoede als de gezinsleden onderling verschillen in "
        "karakter, ervaringen en ambities. De uitdaging is om hier vanuit het werkveld bij aan "
        "te sluiten. Het is daarnaast een uitdaging dat professionals uit verschillende sectoren "
        "een meer gemeenschappelijk begrip, taal en handelingsperspectief ontwikkelen.",
        "We vertrekken vanuit de mens zelf en zetten daarbij het ervaringsperspectief van "
        "diegene zelf centraal. Het maatwerkplan is van de persoon zelf. Wat wil en kan iemand "
        "bereiken en wat moet daarvoor gedaan worden? Welke talenten heeft iemand? We innoveren "
        "en leren in de praktijk; onze dynamische leeromgeving, met trainingen en scholingen, "
        "gaat uit van flexibel maatwerk op verschillende niveaus.",
    ),
    (
        L3,
        "Uit het onderzoek van de RUG is gebleken dat er nog weinig bekend is over de "
        "effectiviteit van de interventies in de Veenkoloniën. Het is daarom belangrijk om te "
        "onderzoeken welke (lange termijn) effecten verschillende interventies hebben en op "
        "welke problematiek, en per interventie de samenhang en samenwerking met andere "
        "interventies en beleidsprogramma's te evalueren.",
        "We monitoren lokale interventies (in dorpen, wijken en buurten) aan de hand van de "
        "operationele doelstellingen, om ze te evalueren, te verbeteren en werkzame elementen "
        "in een lerend netwerk te delen. Koers houden: elk jaar nodigen we alle partners en "
        "inwoners uit op een eiland van reflectie en passen we zo nodig doelen en inspanningen "
        "aan in het plan voor de volgende fase.",
    ),
]

# line -> [(strategic goal, [operational goals])]
GOALS = {
    L1: [
        (
            "Huishoudens ervaren een kansrijk toekomstperspectief",
            [
                "Huishoudens zijn vroegtijdig in beeld zodat zij op het juiste moment de juiste "
                "ondersteuning kunnen krijgen",
                "Kinderen, jongeren en volwassenen die hulp en ondersteuning nodig hebben worden "
                "beter bereikt",
                "Jongeren zijn tevreden over hun mogelijkheden om een opleiding te volgen die "
                "bij hen past",
            ],
        )
    ],
    L2: [
        (
            "Het kind, de jongere of volwassene ontvangt maatwerk vanuit het werkveld",
            [
                "Gezinnen ervaren dat vanuit hun eigen perspectief de samenhang tussen problemen "
                "wordt verkend",
                "Gezinnen ervaren dat zij zelf bepalen welke problemen prioriteit hebben",
                "Professionals ervaren dat zij meer tijd en ruimte hebben voor het leveren van "
                "maatwerk",
                "We verwezenlijken langdurige inzet",
            ],
        )
    ],
    L3: [
        (
            "We leren van elkaar",
            [
                "Jaarlijks 2 leeragenda's opgesteld",
                "Verwezenlijken van grotere conferenties",
                "Professionals zetten bestaande kennis vanuit onderzoek, praktijk en "
                "ervaringsdeskundigheid in",
                "Verwezenlijken van regionale en landelijke kennisdeling",
            ],
        ),
        (
            "We weten wat effectief is",
            [
                "We hebben lerend evalueren sessies met organisaties en ervaringsdeskundigen "
                "uitgevoerd",
                "Gezinnen ervaren een effectievere dienstverlening",
                "We weten welke methodieken werkend zijn",
                "Per jaar een rapportage monitoring en evaluatie",
            ],
        ),
    ],
}

# Short keys for the operational goals (prefix of their title).
OG = {
    "beeld": "Huishoudens zijn vroegtijdig in beeld",
    "bereikt": "Kinderen, jongeren en volwassenen die hulp",
    "opleiding": "Jongeren zijn tevreden",
    "samenhang": "Gezinnen ervaren dat vanuit hun eigen perspectief",
    "prioriteit": "Gezinnen ervaren dat zij zelf bepalen",
    "tijd": "Professionals ervaren dat zij meer tijd",
    "langdurig": "We verwezenlijken langdurige inzet",
    "leeragenda": "Jaarlijks 2 leeragenda's",
    "kennis": "Professionals zetten bestaande kennis",
    "kennisdeling": "Verwezenlijken van regionale en landelijke kennisdeling",
    "lerend": "We hebben lerend evalueren sessies",
    "effectiever": "Gezinnen ervaren een effectievere dienstverlening",
    "methodieken": "We weten welke methodieken werkend zijn",
    "rapportage": "Per jaar een rapportage monitoring en evaluatie",
}

GEMEENTEN = "gemeenten"  # all partner municipalities of the AVK

# Groups of efforts (chapter 4): goals with contribution, period, involved parties (portal
# partners are matched by name, the rest becomes "other involved parties"), the lead (a
# delegation member "Partner: Name", "team" for the programme team, or None), and per effort
# (title, status, progress).
GROUPS = [
    {
        "goals": [("beeld", "hoog"), ("bereikt", "hoog")],
        "period": (date(2023, 8, 1), date(2023, 12, 1)),
        "involved": [
            GEMEENTEN,
            "onderwijs",
            "Leger des Heils",
            "kerken",
            "moskeeën",
            "voedselbanken",
            "sleutelfiguren",
            "bibliotheken",
            "veteranen inloophuizen",
            "Mijn Goede Start",
            "informele zorg",
            "sportverenigingen",
            "huisartsen",
            "welzijn op recept",
            "VNN",
            "Veilig Thuis",
            "GGZ",
            "jeugdzorg",
            "werkgevers",
            "mensen uit de wijk",
            "ervaringsdeskundigen",
            "inwoners",
        ],
        "trekker": "Gemeente Emmen",
        "lead": ("Gemeente Emmen", "Hanna Verzonnen"),
        "efforts": [
            ("Inzetten op vroegsignalering", "afgerond", 100),
            (
                "Experimenteren met langdurig aanwezig zijn, zichtbaar en toegankelijk blijven",
                "lopend",
                60,
            ),
        ],
    },
    {
        "goals": [("samenhang", "hoog"), ("prioriteit", "middel"), ("effectiever", "laag")],
        "period": (date(2023, 8, 1), date(2023, 12, 1)),
        "involved": [
            "sociale teams",
            "informele zorg",
            "programma Kansen voor Kinderen",
            "project Moeders Midden-Groningen",
            "mensen uit de wijk",
            "ervaringsdeskundigen",
            "inwoners",
        ],
        "trekker": None,
        "lead": None,
        "efforts": [
            ("Breder kijken dan alleen financiële problematiek", "afgerond", 100),
            (
                "Experimenteren met verschillende manieren om de samenhang van problemen te "
                "verkennen en prioriteit te bepalen",
                "afgerond",
                100,
            ),
            ("Delen van kennis over het stellen van de juiste prioritering", "afgerond", 100),
            (
                "Het netwerk van de AVK uitbreiden met partners om het hele spectrum in beeld "
                "te krijgen",
                "lopend",
                70,
            ),
            (
                "Stimuleren dat vanuit de samenhang de juiste doorverwijzingen worden gerealiseerd",
                "gepland",
                0,
            ),
        ],
    },
    {
        "goals": [("tijd", "hoog"), ("langdurig", "middel")],
        "period": (date(2023, 8, 1), date(2023, 12, 1)),
        "involved": [
            GEMEENTEN,
            "de partners van de AVK",
            "PMM",
            "Noorderpoort",
            "de BOEG (Noorderpoort)",
            "jongeren aan zet (Noorderpoort)",
            "ervaringsdeskundigen",
            "inwoners",
        ],
        "trekker": "Noorderpoort",
        "lead": ("Noorderpoort", "Fenna Fictief"),
        "efforts": [
            (
                "Meer tijd organiseren voor kennismaking, nazorg en warme overdrachten",
                "lopend",
                50,
            ),
            (
                "Experimenteren of er een lagere caseload voor professionals moet komen of dat er "
                "meer geld beschikbaar moet worden gesteld",
                "gestopt",
                20,
            ),
            (
                "Luisteren naar en leren van wat professionals zelf aangeven nodig te hebben",
                "afgerond",
                100,
            ),
        ],
    },
    {
        "goals": [("lerend", "hoog"), ("methodieken", "middel")],
        "period": (date(2023, 8, 1), date(2023, 12, 1)),
        "involved": [],
        "trekker": None,
        "lead": ("CMO STAMM", "Daan Demoweg"),
        "efforts": [
            ("Aanjagen van experimenten voor werkende methodieken", "lopend", 40),
            (
                "Organiseren, uitvoeren en analyseren van lerend evalueren sessies met "
                "samenwerkingspartners (bv. casuïstiekbespreking)",
                "afgerond",
                100,
            ),
            (
                "Inzicht krijgen in de ervaringen van gezinnen met de dienstverlening binnen de "
                "experimenten (met Hanze-studenten, innovatielabs)",
                "afgerond",
                100,
            ),
            ("Rapporten opstellen en publiceren over de monitoring en evaluaties", "afgerond", 100),
            (
                "Good practices in het netwerk in kaart brengen en de uitkomsten verspreiden",
                "lopend",
                30,
            ),
            ("Monitoren van maatschappelijke trends gedurende de looptijd", "afgerond", 100),
        ],
    },
    {
        "goals": [("opleiding", "hoog")],
        "period": (date(2023, 1, 1), date(2024, 7, 1)),
        "involved": [
            "Wedeka",
            "WiZ ontwikkelcentra (Wedeka)",
            "Hanzehogeschool",
            "Noorderpoort",
            "Cosis",
            "Windesheim",
            "Afeer",
            "NHL Stenden",
            "Zorgplein Noord",
            "project Ed en werk",
            "Jimmy's",
            "Werkpro",
            "Drenthe College",
            "Alfa College",
            "Leger des Heils",
            "project 50-50 (Leger des Heils)",
            "Veilig Thuis",
            "jeugdzorg partners",
            "ervaringsdeskundigen",
            "inwoners",
        ],
        "trekker": "Wedeka",
        "lead": ("Noorderpoort", "Joris Proefmans"),
        "efforts": [
            ("Stimuleren van het erkennen en herkennen van talenten", "afgerond", 100),
            ("Inzetten op goede infrastructuur van en naar opleidingscentra", "lopend", 80),
        ],
    },
    {
        "goals": [("kennis", "hoog"), ("kennisdeling", "laag")],
        "period": (date(2023, 8, 1), date(2023, 12, 1)),
        "involved": [
            "de partners van de AVK",
            "Hanzehogeschool",
            "CMO STAMM",
            "RUG",
            "GRO Next",
            "de dynamische leeromgeving van de AVK",
            "aardbevingsacademie",
            "ervaringsdeskundigen",
            "inwoners",
        ],
        "trekker": "Hanzehogeschool",
        "lead": ("Hanzehogeschool", "Tom Probeersma"),
        "efforts": [
            (
                "Organiseren van workshops door (opgeleide) ervaringsdeskundigen (bv. over "
                "multiculturele verschillen)",
                "afgerond",
                100,
            ),
            (
                "Podcasts met ervaringskennis maken en verspreiden met Sterke Verhalen",
                "afgerond",
                100,
            ),
            ("Organiseren van trainingen (bv. over het signaleren van armoede)", "lopend", 75),
            (
                "Organiseren van lerend evalueren sessies met samenwerkingspartners",
                "afgerond",
                100,
            ),
            ("Organiseren van netwerkcafés en netwerkborrels", "afgerond", 100),
            ("Organiseren van workshops door informele hulpverleners", "idee", 0),
        ],
    },
    {
        "goals": [],
        "period": (date(2023, 8, 1), date(2023, 12, 1)),
        "involved": [],
        "trekker": None,
        "lead": "team",
        "efforts": [
            (
                "Vormgeven besluitvorming, besturing, organisatie en samenwerking",
                "afgerond",
                100,
            ),
            ("Creëren randvoorwaarden (mensen, middelen, programmaruimte)", "afgerond", 100),
            (
                "Inrichten van een centrale ondersteuningsstructuur die we voor elke opgave per "
                "wijk, dorp of buurt op maat aanbieden",
                "lopend",
                45,
            ),
            ("Gezamenlijk ontwikkelen van een communicatiestrategie per doelgroep", "lopend", 60),
            ("Eiland van reflectie", "afgerond", 100),
        ],
    },
    {
        "goals": [],
        "period": (None, None),
        "involved": ["wijk, dorp of buurt: nog niet bekend"],
        "trekker": None,
        "lead": None,
        "efforts": [("Lokale experimenten in wijk, dorp of buurt", "idee", 0)],
    },
]

STRUCTURAL = [
    ("Aanjagen van de betrokkenheid van ervaringsdeskundigen", [("kennis", "middel")]),
    ("Monitoring van het programma", [("rapportage", "hoog")]),
    ("Communicatie over het programma en de uitkomsten", [("kennisdeling", "middel")]),
    ("Het leren van elkaar en weten wat effectief is", [("leeragenda", "hoog")]),
]

WORKING_GROUPS = [
    (
        "Ervaringsdeskundigheid en werk",
        "Ervaringsdeskundigen betrekken bij het programma en bij werk.",
        [
            "Aanjagen van de betrokkenheid van ervaringsdeskundigen",
            "Organiseren van workshops door (opgeleide)",
        ],
        [],
    ),
    (
        "Monitoring en evaluatie",
        "Monitoren en evalueren van het programma en de lokale experimenten; jaarlijkse "
        "rapportage.",
        [
            "Monitoring van het programma",
            "Rapporten opstellen",
            "Organiseren, uitvoeren en analyseren",
        ],
        ["Hanzehogeschool", "CMO STAMM"],
    ),
    (
        "Communicatie",
        "Communicatie over het programma en de uitkomsten.",
        [
            "Communicatie over het programma",
            "Gezamenlijk ontwikkelen van een communicatiestrategie",
        ],
        [],
    ),
    (
        "Ondersteuningsstructuur",
        "Een centrale ondersteuningsstructuur per wijk, dorp of buurt op maat.",
        ["Inrichten van een centrale ondersteuningsstructuur"],
        [],
    ),
]

LANDERD_LINES = [
    (
        "Wmo: zelfstandig wonen en meedoen",
        "Er voor zorgdragen dat mensen met plezier zo lang en zelfstandig mogelijk in hun dorp "
        "kunnen blijven wonen en deelnemen aan de samenleving (Wmo).",
        "We willen een samenleving waarin iedereen mee kan doen.",
    ),
    (
        "Wpg: gezondheid bevorderen",
        "Gezondheid bevorderen en chronische ziekten voorkomen door een integrale aanpak in de "
        "omgeving waar mensen wonen, werken, leren en leven (Wpg).",
        "We werken aan gezonde, duurzame en leefbare dorpskernen.",
    ),
    (
        "Jeugdwet: goede ontwikkeling van jeugd",
        "Goede ontwikkeling van jeugd bevorderen tot gezonde en maatschappelijk betrokken "
        "burgers door een integrale aanpak in alle omgevingen waar kinderen leven, leren, "
        "spelen (Jeugdwet).",
        "We willen zelfredzaamheid/weerbaarheid bevorderen.",
    ),
]


def load(context: dict) -> None:
    admin = context["admin"]
    programmes = context["programmes"]
    team = context["accounts"].get("programmateam", admin)
    out = context["out"]
    avk = programmes["avk"]
    before = Effort.objects.filter(programme=avk).count()
    goals = _tree(avk, admin)
    partners = {
        p.name.lower(): p
        for p in Partner.objects.filter(participations__programme=avk).order_by("name")
    } | {
        p.short_name.lower(): p
        for p in Partner.objects.filter(participations__programme=avk).exclude(short_name="")
    }
    efforts = {}
    for group in GROUPS:
        for title, status, progress in group["efforts"]:
            efforts[title] = _effort(
                avk, admin, team, group, title, status, progress, goals, partners
            )
    for title, links in STRUCTURAL:
        efforts[title] = _structural(avk, admin, team, title, links, goals)
    _working_groups(avk, admin, efforts, partners)
    _indicators(avk, admin, team, goals, context["accounts"], context)
    _landerd(programmes["landerd"], admin)
    _date_history(context, avk, programmes["landerd"])
    made = Effort.objects.filter(programme=avk).count() - before
    out(
        f"  DIN AVK: {ProgrammeLine.objects.filter(programme=avk).count()} lijnen, "
        f"{Effort.objects.filter(programme=avk).count()} inspanningen ({made} nieuw)"
    )


def _tree(programme, admin) -> dict[str, OperationalGoal]:
    goals = {}
    for name, challenge, approach in LINES:
        line = ProgrammeLine.objects.filter(programme=programme, name=name).first()
        if line is None:
            line = services.line_create(
                programme=programme, by=admin, name=name, challenge=challenge, approach=approach
            )
        for stitle, otitles in GOALS[name]:
            sgoal = StrategicGoal.objects.filter(line=line, title=stitle).first()
            if sgoal is None:
                sgoal = services.strategic_goal_create(line=line, by=admin, title=stitle)
            for otitle in otitles:
                ogoal = OperationalGoal.objects.filter(strategic_goal=sgoal, title=otitle).first()
                if ogoal is None:
                    ogoal = services.operational_goal_create(
                        strategic_goal=sgoal, by=admin, title=otitle
                    )
                goals[otitle] = ogoal
    return {key: next(g for t, g in goals.items() if t.startswith(p)) for key, p in OG.items()}


def _member(programme, partner_name, person):
    return DelegationMember.objects.filter(
        programme=programme, partner__name=partner_name, name=person
    ).first()


def _effort(programme, admin, team, group, title, status, progress, goals, partners):
    existing = Effort.objects.filter(programme=programme, title=title).first()
    if existing is not None:
        return existing
    linked, others = [], []
    for name in group["involved"]:
        if name == GEMEENTEN:
            linked += [p for p in partners.values() if p.kind == "gemeente"]
            continue
        partner = partners.get(name.lower())
        (linked.append(partner) if partner else others.append(name))
    seen, partner_links = set(), []
    for partner in linked:
        if partner.pk in seen:
            continue
        seen.add(partner.pk)
        role = "trekker" if partner.name == group["trekker"] else "deelnemer"
        partner_links.append((partner, role))
    lead = group["lead"]
    lead_member = lead_user = None
    if lead == "team":
        lead_user = team
    elif lead:
        lead_member = _member(programme, *lead)
    start, end = group["period"]
    return services.effort_create(
        programme=programme,
        by=admin,
        title=title,
        goals=[(goals[key], c) for key, c in group["goals"]],
        partners=partner_links,
        capitals=_capitals(title),
        other_parties=", ".join(others),
        start_month=start,
        end_month=end,
        status=status,
        progress=progress,
        lead_member=lead_member,
        lead_user=lead_user,
        progress_note="Afgerond in faseplan 1." if status == "afgerond" else "",
    )


def _capitals(title: str) -> list[str]:
    text = title.lower()
    found = []
    if "opleiding" in text or "talent" in text or "training" in text:
        found.append("pedagogisch")
    if "netwerk" in text or "ervaringsdeskundig" in text or "samenhang" in text:
        found.append("sociaal")
    if "financi" in text or "geld" in text:
        found.append("economisch")
    if "podcast" in text or "multicultur" in text:
        found.append("cultureel")
    if "luisteren" in text or "prioriteit" in text:
        found.append("mentaal")
    return found


def _structural(programme, admin, team, title, links, goals):
    existing = Effort.objects.filter(programme=programme, title=title).first()
    if existing is not None:
        return existing
    return services.effort_create(
        programme=programme,
        by=admin,
        title=title,
        goals=[(goals[key], c) for key, c in links],
        structural=True,
        start_month=date(2023, 8, 1),
        status="lopend",
        progress=50,
        lead_user=team,
        progress_note="Structurele activiteit gedurende het hele programma.",
    )


def _find(efforts, prefix):
    return next(e for title, e in efforts.items() if title.startswith(prefix))


def _working_groups(programme, admin, efforts, partners):
    for order, (name, theme, prefixes, kartrekkers) in enumerate(WORKING_GROUPS):
        if WorkingGroup.objects.filter(programme=programme, name=name).exists():
            continue
        group = services.working_group_create(
            programme=programme,
            by=admin,
            name=name,
            theme=theme,
            order=order,
            efforts=[_find(efforts, p) for p in prefixes],
        )
        for partner_name in kartrekkers:
            partner = partners.get(partner_name.lower())
            if partner is not None:
                services.working_group_member_add(
                    working_group=group, by=admin, partner=partner, is_lead=True
                )


def _date_history(context, avk, landerd) -> None:
    """What this run made, on the day of its fact instead of the day the demo was loaded."""
    for model in (ProgrammeLine, StrategicGoal, OperationalGoal):
        demo.backdate(context, model.objects.filter(programme=avk), PLAN_ADOPTED)
        demo.backdate(context, model.objects.filter(programme=landerd), LANDERD_LINES_SET)
    for effort in Effort.objects.filter(programme=avk):
        # taken up with the programme plan, or with phase plan 1 at the latest
        started = min(effort.start_month or PHASE_PLAN_1, PHASE_PLAN_1)
        demo.backdate(context, effort, max(started, PLAN_ADOPTED))
    demo.backdate(context, WorkingGroup.objects.filter(programme=avk), PHASE_PLAN_1)
    demo.backdate(
        context, WorkingGroupMember.objects.filter(working_group__programme=avk), PHASE_PLAN_1
    )
    demo.backdate(context, Indicator.objects.filter(programme=avk), PHASE_PLAN_1)


def _indicators(programme, admin, team, goals, accounts, context):
    secretary = accounts.get("secretaris", team)
    specs = [
        # goal, name, unit, baseline (value, year), target (value, year), direction, owner,
        # measurements [(label, end, value, entered by team (approved) or owner (draft))]
        (
            "leeragenda",
            "Leeragenda's opgesteld per jaar",
            "leeragenda's",
            (0, 2023),
            (2, 2024),
            "hoger",
            team,
            [
                ("2023", date(2023, 12, 31), 2, True),
                ("2024", date(2024, 12, 31), 2, True),
            ],
        ),
        (
            "rapportage",
            "Rapportages monitoring en evaluatie per jaar",
            "rapportages",
            (0, 2023),
            (1, 2024),
            "hoger",
            team,
            [("2023", date(2023, 12, 31), 1, True), ("2024", date(2024, 12, 31), 1, True)],
        ),
        (
            "bereikt",
            "Huishoudens in armoede in het werkgebied",
            "huishoudens",
            (14000, 2023),
            (None, None),
            "lager",
            team,
            [],
        ),
        (
            "samenhang",
            "Partners in de alliantie",
            "partners",
            (42, 2023),
            (None, None),
            "hoger",
            secretary,
            [
                ("2023", date(2023, 12, 31), 42, True),
                ("2024", date(2024, 12, 31), 44, True),
                ("2025", date(2025, 12, 31), 51, False),
            ],
        ),
    ]
    for key, name, unit, (bv, by_), (tv, ty), direction, owner, measurements in specs:
        goal = goals[key]
        indicator = Indicator.objects.filter(goal=goal, name=name).first()
        if indicator is None:
            indicator = services.indicator_create(
                goal=goal,
                by=admin,
                name=name,
                unit=unit,
                baseline_value=Decimal(bv),
                baseline_year=by_,
                target_value=None if tv is None else Decimal(tv),
                target_year=ty,
                direction=direction,
                owner=owner,
                frequency="jaarlijks",
            )
        for label, end, value, approved in measurements:
            if Measurement.objects.filter(indicator=indicator, period_end=end).exists():
                continue
            measurement = services.measurement_enter(
                indicator=indicator,
                by=team if approved else owner,
                period_label=label,
                period_end=end,
                value=Decimal(value),
                source="Programmaplan en jaarverslagen (seeds 002 en 003)",
            )
            # entered (and approved) a fortnight after the period ended
            entered = min(end + timedelta(days=14), timezone.localdate())
            demo.backdate(context, measurement, entered)
            demo.redate(
                context, Measurement.objects.filter(pk=measurement.pk), "reviewed_at", entered
            )


def _landerd(programme, admin):
    for name, challenge, strategic in LANDERD_LINES:
        line = ProgrammeLine.objects.filter(programme=programme, name=name).first()
        if line is None:
            line = services.line_create(
                programme=programme, by=admin, name=name, challenge=challenge
            )
        if not StrategicGoal.objects.filter(line=line, title=strategic).exists():
            services.strategic_goal_create(line=line, by=admin, title=strategic)
