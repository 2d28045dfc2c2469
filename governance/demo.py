"""Demo data for governance (seeds 001 and 003), built through the services. Idempotent.

- AVK bodies: Dagelijks Bestuur (DB, richten) with the `bestuur` account, a chair, a member,
  an expert by experience and the `secretaris` account as secretary; Programmateam (PT,
  inrichten) with `programmateam` (Saskia Duursma).
- The memo of 19 June 2023 by Saskia Duursma (projectleider) with its six proposed decisions,
  decided in the DB meeting of 19 June 2023: all adopted, DB-2023-001 to DB-2023-005.
- A proposal on the attention points for phase plan 3 (seed 003) in an open written round; the
  chair and one member have voted, `bestuur` has not.
- A programme-team meeting with action items from seed 003.
- Who attended: the DB meeting of 19 June 2023 (chair Jannie Hoving, minutes by the secretary,
  the four voting members present: the memo's decisions were taken 4-0-0) and the programme-team
  meeting of 12 June 2024 (chaired by Saskia Duursma).
- The next DB meeting, three weeks ahead, with its agenda (the written round's outcome, the
  islands of reflection of seed 003), and one member who sent notice of absence.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from avk import demo

from . import services
from .models import ActionItem, Body, Meeting, Membership, Proposal, Vote

User = get_user_model()
AMS = ZoneInfo("Europe/Amsterdam")

MEMO_TITLE = "Randvoorwaarden en inrichting van de programma-organisatie"
ROUND_TITLE = "Aandachtspunten voor faseplan 3 vaststellen"

MEMO_INTRODUCTION = """\
De stuurgroep van de Alliantie van Kracht heeft op 23 februari 2023 besloten in te stemmen met het
programmaplan ‘het duurzaam doorbreken van generatiearmoede in de Veenkoloniën’. Tijdens de 2e fase
van het programma zijn er diverse werksessies gepland waarin we diverse onderdelen van het
programmaplan verder uitwerken. Tijdens de werksessie ‘Creëren van de randvoorwaarden voor het
programma’ op donderdag 15 juni 2023 hebben we met 4 ervaringsdeskundigen (ED-ers) en 9
betrokkenen uit diverse organisaties over dit onderwerp gesproken. Met dank aan: Lineke, Nico,
Manna en Marga (ED-ers) en Zorg Innovatie Forum, Cosis, Afeer, Lentis, VNN, de GKB, Leger des Heils,
Noorderpoort en CMO STAMM.

Het resultaat van deze sessie is:

- Een voorstel voor de randvoorwaarden voor het programma: hoe is de inzet van mensen, middelen,
  programmaruimte etc.;
- Een voorstel voor de inrichting van de programma-organisatie: verdeling van
  verantwoordelijkheden en bevoegdheden (wie doet wat) en sturingslijnen tussen diverse niveaus in
  het programma (tussen deelprogramma’s, inspanningen).

Deze voorstellen werken we hieronder verder uit.
"""

MEMO_CONTENT = """\
## Sturingsvormen: theorie en inhoudelijke keuzes

In het programma van de Alliantie van Kracht brengen we veel mensen uit de 42 betrokken
organisaties bij elkaar. Daarbij is de vraag hoe we vanuit het programma sturen op het halen van de
doelen die we met elkaar in het programma hebben vastgesteld voor 20 jaar. Er zijn vier algemene
sturingsvormen en tussenvormen; de vorm bepaalt de invulling van de rol van programmamanager (PGM).

**Samengevat**

1. We willen flexibiliteit in de vorm houden en niet nu iets vastleggen voor 20 jaar;
2. het is belangrijk dat we voorbij het organisatiebelang denken;
3. laat de 42 betrokken organisaties kiezen en commitment uitspreken via een convenant op diverse
   vormen van commitment en betrokkenheid (A/B/C pakket);
4. zorg ervoor dat de bestrijding van armoede in de gemeentelijke dienstverlening als speerpunt
   wordt vastgesteld en onderdeel wordt van het primaire proces en de primaire taken;
5. de vorm die we nu op dit moment het beste vinden passen is de regievorm. Daar willen we voor
   gaan.

## Programma-organisatie: theorie en inhoudelijke keuzes

Er zijn drie niveaus van sturing: richten, inrichten en verrichten. En er zijn basisrollen die bij
een programma-organisatie horen: opdrachtgever, programmamanager en inspanningsleiders, naast de
ondersteunende rollen van programmasecretaris, programmacontroller en communicatieleider.

**Samengevat**

6. We willen ervaringsdeskundigen toevoegen aan de programma-organisatie;
7. we vinden een lichte ondersteuningsvorm met alleen ondersteunende basisrollen van
   programmasecretaris, programmacontroller en communicatieleider het meest passend;
8. we hebben nog geen duidelijke beelden bij de invulling van de rol van opdrachtgever,
   stuurgroep en evt. ledengroep. Dat vraagt een nadere verkenning;
9. hou jaarlijks een eiland van reflectie op alle betrokken niveaus.

## Middelen: theorie en inhoudelijke keuzes

**Samengevat**

10. We willen morgen klein beginnen, daar waar de energie zit en waar geen extra middelen nodig
    zijn om te starten;
11. we vinden dat er middelen nodig zijn voor de inrichting van de programma-organisatie;
12. we hebben nog geen duidelijke beelden bij verdere benodigde middelen en strategie (beter
    richten bestaand geld/lobbystrategie inzetten). Dat vraagt een nadere verkenning;
13. het voorstel is om besluitvorming op de inzet van middelen die nodig zijn voor de inrichting
    van de programma-organisatie plaats te laten vinden door het Dagelijks bestuur.

## Dagelijks bestuur-besluitvorming

Aan het dagelijks bestuur wordt ter besluitvorming voorgelegd: de voorgestelde besluiten hieronder.
"""

MEMO_DECISIONS = [
    (
        "kennisnemen",
        "Het dagelijks bestuur wordt gevraagd kennis nemen van dit inhoudelijke voorstel.",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met het inzetten van een regievorm;",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met een nadere uitwerking van "
        "de precieze vorm op basis van de hierboven genoemde uitgangspunten;",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met het inzetten op de lichte "
        "ondersteuningsstructuur met alleen ondersteunende basisrollen van programmasecretaris, "
        "programmacontroller en communicatieleider. En hiervoor middelen te vergaren;",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met een nadere uitwerking van "
        "de invulling van de rol van opdrachtgever, stuurgroep en evt ledengroep op basis van de "
        "hierboven genoemde uitgangspunten;",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met een nadere uitwerking van "
        "de verdere benodigde middelen en strategie (beter richten bestaand geld/lobby strategie "
        "inzetten).",
    ),
]

ROUND_INTRODUCTION = """\
Elk jaar nodigen we alle partners uit op een ‘Eiland van reflectie’. In juni 2024 waren er drie:
programmateam (2 juni), managers/leidinggevenden (5 juni) en stuurgroep (11 juni), begeleid door
Algra Consulting aan de hand van het Lemniscaat model. Op basis van de uitkomsten passen we zo nodig
onze doelstellingen en inspanningen aan in faseplan 3, dat na de zomer van 2025 wordt opgeleverd.
"""

ROUND_CONTENT = """\
## Aandachtspunten uit de eilanden van reflectie

- **Monitoring, effectiviteit en ervaringen**: bestaande interventies inventariseren, een
  framework maken (wat willen we weten?), de omvang van generatiearmoede in kaart brengen,
  terugkoppelen naar de AVK-partners en lerend evalueren.
- **Samen handen en voeten geven aan een visie**: onboarding met standaard middelen, duo’s in de
  lokale, integrale context, pilots ‘visievorming en vertaling in actie’, aansluiten bij
  bestaande netwerken en overlegstructuren.
- **Per partner één AVK-team**: 1 bestuurder, 2 managers en 2 mensen uit de uitvoering als
  aanspreekpunt.
- **Programmateamoverleggen**: de frequentie omhoog, 4x per jaar een ontmoeting tussen de
  afvaardigingen van de partners en het programmateam.
"""

ROUND_DECISIONS = [
    (
        "kennisnemen",
        "Het dagelijks bestuur wordt gevraagd kennis te nemen van de uitkomsten van de "
        "drie eilanden van reflectie van juni 2024.",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met ‘monitoring, effectiviteit "
        "en ervaringen’ als aandachtspunt voor faseplan 3.",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met ‘samen handen en voeten "
        "geven aan de visie van de AVK’ als aandachtspunt voor faseplan 3.",
    ),
    (
        "instemmen",
        "Het dagelijks bestuur wordt gevraagd in te stemmen met het vragen aan elke "
        "partner om één intern AVK-team op te tuigen (1 bestuurder, 2 managers, 2 uitvoering).",
    ),
]

# username, first, last, body code, role, expert by experience
MEMBERS = [
    ("db.voorzitter", "Jannie", "Hoving", "DB", "voorzitter", False),
    ("bestuur", None, None, "DB", "lid", False),
    ("db.lid", "Gerrit", "Mulder", "DB", "lid", False),
    ("db.ed", "Anneke", "Jonker", "DB", "lid", True),
    ("secretaris", None, None, "DB", "secretaris", False),
    ("programmateam", None, None, "PT", "voorzitter", False),
    ("pt.ed", "Nico", "Smit", "PT", "lid", True),
    ("pt.controller", "Ria", "de Boer", "PT", "lid", False),
    ("secretaris", None, None, "PT", "secretaris", False),
]

PT_ACTIONS = [
    (
        "WhatsApp-groep van het programmateam opzetten voor onderlinge uitwisseling.",
        "pt.ed",
        date(2024, 6, 19),
        True,
    ),
    (
        "Maandelijks programmateamoverleg van 3 uur inplannen, afwisselend op inhoud (thema’s) en "
        "op proces.",
        "programmateam",
        date(2024, 7, 1),
        False,
    ),
    (
        "Rooster maken voor woensdagochtend fysiek samen op locatie, rouleren bij partners; "
        "delen met "
        "het netwerk.",
        "pt.controller",
        date(2024, 7, 3),
        False,
    ),
    (
        "Actie-besluitenlijst bijhouden; rouleren binnen het team (niet Saskia).",
        "secretaris",
        date(2024, 6, 26),
        False,
    ),
    (
        "Stakeholderanalyse van de partners maken: wat weten we, hoe staan ze erin, waarmee bezig?",
        "programmateam",
        date(2024, 9, 1),
        False,
    ),
]


#: The written-round memo reports on the islands of reflection of June 2024 (seed 003) and is
#: dated after them; it is put to the vote today, so that `bestuur` has something to vote on.
ROUND_DATE = date(2024, 6, 24)
#: What was written then (the rest of the round, opening and votes, happens today).
WRITTEN = ["proposal.drafted", "decision.written", "proposal.submitted"]


def _date_history(context, avk):
    """History on the day of each fact, not the day the demo was loaded (avk.demo.backdate):
    the bodies from the programme's start, the meetings that were held on their day, the memo
    of 19 June 2023 decided in its meeting, the written-round memo written on its date."""
    demo.backdate(context, Body.objects.filter(programme=avk), avk.start_date)
    demo.backdate(context, Membership.objects.filter(body__programme=avk), avk.start_date)
    held = Meeting.objects.filter(body__programme=avk, starts_at__lt=timezone.now())
    for meeting in held:
        when = meeting.starts_at
        demo.backdate(context, meeting, when)
        demo.backdate(context, meeting.agenda_items.all(), when)
        demo.backdate(context, meeting.attendance.all(), when)
        for item in ActionItem.objects.filter(meeting=meeting):
            demo.backdate(context, item, when, events=["action_item.added"])
            demo.redate(context, ActionItem.objects.filter(pk=item.pk), "created_at", when)
            if item.done_on:
                demo.backdate(context, item, item.done_on)
    memo = Proposal.objects.filter(programme=avk, title=MEMO_TITLE).first()
    written = Proposal.objects.filter(programme=avk, title=ROUND_TITLE).first()
    for proposal, when, events in [
        (memo, memo and memo.date, None),
        (written, ROUND_DATE, WRITTEN),
    ]:
        if proposal is None:
            continue
        meeting = (
            proposal.decisions.exclude(decided_in=None)
            .values_list("decided_in__starts_at", flat=True)
            .first()
        )
        when = meeting or when
        demo.backdate(context, proposal, when, events=events)
        demo.backdate(context, proposal.decisions.all(), when, events=events)
        demo.backdate(
            context, Vote.objects.filter(decision__proposal=proposal), when, events=events
        )
        steps = proposal.transitions.all()
        if events is not None:
            steps = steps.filter(to_status__in=["concept", "ingediend"])
        demo.redate(context, steps, "at", when)
        demo.redate(context, Proposal.objects.filter(pk=proposal.pk), "created_at", when)


def _member(username, first, last):
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
        )
        user.set_unusable_password()
        user.save()
    return user


def load(context: dict) -> None:
    out = context["out"]
    admin = context["admin"]
    avk = context["programmes"]["avk"]
    saskia = context["accounts"]["programmateam"]

    bodies = {}
    for code, kind, name, level in [
        ("DB", "dagelijks_bestuur", "Dagelijks Bestuur", "richten"),
        ("PT", "programmateam", "Programmateam", "inrichten"),
        ("SG", "stuurgroep", "Stuurgroep", "richten"),
    ]:
        body = Body.objects.filter(programme=avk, code=code).first()
        if body is None:
            body = services.body_create(
                programme=avk, kind=kind, name=name, code=code, steering_level=level, by=admin
            )
            out(f"  orgaan {name} aangemaakt")
        bodies[code] = body

    users = {}
    for username, first, last, code, role, expert in MEMBERS:
        user = _member(username, first, last)
        users[username] = user
        if not Membership.objects.filter(body=bodies[code], user=user).exists():
            services.membership_add(
                body=bodies[code],
                user=user,
                role=role,
                by=admin,
                valid_from=date(2023, 1, 1),
                expert_by_experience=expert,
            )

    _memo(avk, bodies["DB"], saskia, admin, out)
    _round(avk, bodies["DB"], saskia, users, out)
    _pt_meeting(bodies["PT"], saskia, users, out)
    _concept(avk, bodies["DB"], saskia, out)
    _attendance(bodies, users, out)
    _next_db_meeting(bodies["DB"], saskia, users, out)
    _date_history(context, avk)


def _memo(avk, db, saskia, admin, out):
    if Proposal.objects.filter(programme=avk, title=MEMO_TITLE).exists():
        return
    proposal = services.proposal_create(
        programme=avk,
        body=db,
        title=MEMO_TITLE,
        drafter=saskia,
        drafter_function="projectleider",
        date=date(2023, 6, 19),
        introduction=MEMO_INTRODUCTION,
        content=MEMO_CONTENT,
        decisions=[{"kind": k, "text": t} for k, t in MEMO_DECISIONS],
        by=saskia,
    )
    services.proposal_submit(proposal_id=proposal.pk, by=saskia)
    meeting = services.meeting_create(
        body=db,
        starts_at=datetime(2023, 6, 19, 14, 0, tzinfo=AMS),
        place="Veendam",
        by=admin,
    )
    services.proposal_schedule(proposal_id=proposal.pk, meeting=meeting, by=saskia)
    outcomes = {
        d.pk: {
            "outcome": "kennisgenomen" if d.kind == "kennisnemen" else "aangenomen",
            "votes_for": None if d.kind == "kennisnemen" else 4,
            "votes_against": None if d.kind == "kennisnemen" else 0,
            "votes_abstain": None if d.kind == "kennisnemen" else 0,
        }
        for d in proposal.decisions.all()
    }
    secretary = User.objects.get(username="secretaris")
    services.meeting_record(proposal_id=proposal.pk, by=secretary, outcomes=outcomes)
    services.meeting_update(
        meeting_id=meeting.pk,
        version=Meeting.objects.get(pk=meeting.pk).version,
        by=secretary,
        minutes=(
            "## Memo randvoorwaarden\n\nSaskia Duursma licht het memo toe. Het bestuur neemt "
            "kennis van het voorstel en stemt in met besluiten 2 tot en met 6 "
            "(DB-2023-001 tot en met DB-2023-005). De regievorm is gekozen; de uitwerking komt "
            "terug in het Dagelijks Bestuur."
        ),
    )
    services.action_item_create(
        body=db,
        meeting=meeting,
        by=secretary,
        owner=saskia,
        description="Ontwerpuitgangspunten voor de regievorm uitwerken (5-10) en voorleggen.",
        due_date=date(2023, 9, 1),
    )
    out("  memo 19 juni 2023 besloten in de DB-vergadering")


def _round(avk, db, saskia, users, out):
    if Proposal.objects.filter(programme=avk, title=ROUND_TITLE).exists():
        return
    proposal = services.proposal_create(
        programme=avk,
        body=db,
        title=ROUND_TITLE,
        drafter=saskia,
        drafter_function="projectleider",
        date=ROUND_DATE,
        introduction=ROUND_INTRODUCTION,
        content=ROUND_CONTENT,
        decisions=[{"kind": k, "text": t} for k, t in ROUND_DECISIONS],
        by=saskia,
    )
    services.proposal_submit(proposal_id=proposal.pk, by=saskia)
    deadline = (timezone.localtime() + timedelta(days=10)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    services.round_open(proposal_id=proposal.pk, deadline=deadline, by=saskia)
    agree = [d for d in proposal.decisions.order_by("position") if d.kind == "instemmen"]
    services.vote_cast(
        proposal_id=proposal.pk,
        by=users["db.voorzitter"],
        votes={d.pk: ("voor", "") for d in agree},
    )
    services.vote_cast(
        proposal_id=proposal.pk,
        by=users["db.ed"],
        votes={
            agree[0].pk: ("voor", "Graag ervaringen van de mensen zelf meenemen."),
            agree[1].pk: ("voor", ""),
            agree[2].pk: ("onthouding", "Eerst navragen of kleine partners dit kunnen."),
        },
    )
    out("  schriftelijke ronde faseplan 3 geopend")


def _pt_meeting(pt, saskia, users, out):
    starts = datetime(2024, 6, 12, 9, 30, tzinfo=AMS)
    if Meeting.objects.filter(body=pt, starts_at=starts).exists():
        return
    meeting = services.meeting_create(
        body=pt,
        starts_at=starts,
        place="Stadskanaal",
        by=saskia,
        minutes=(
            "## Terugblik eiland van reflectie (2 juni)\n\n"
            "We bespreken de aandachtspunten voor faseplan 3. Het team wil vaker samenkomen en "
            "zelf de actie-besluitenlijst bijhouden.\n\n"
            "- Frequentie programmateamoverleggen omhoog\n"
            "- 4x per jaar een ontmoeting met de afvaardigingen van de partners"
        ),
    )
    for title in [
        "Terugblik eiland van reflectie",
        "Aandachtspunten faseplan 3",
        "Programmateamoverleggen",
    ]:
        services.agenda_item_add(meeting=meeting, title=title, by=saskia)
    services.meeting_mark_held(meeting_id=meeting.pk, by=saskia)
    for description, who, due, done in PT_ACTIONS:
        item = services.action_item_create(
            body=pt,
            meeting=meeting,
            by=saskia,
            owner=users[who],
            description=description,
            due_date=due,
        )
        if done:
            services.action_item_close(action_item_id=item.pk, by=saskia, done_on=due)
    out("  programmateamoverleg 12 juni 2024 met actiepunten")


CONCEPT_TITLE = "Ontmoetingen met de afvaardigingen van de partners"


def _concept(avk, db, saskia, out):
    """A draft the programme team is still writing (seed 003, IK-kant)."""
    if Proposal.objects.filter(programme=avk, title=CONCEPT_TITLE).exists():
        return
    services.proposal_create(
        programme=avk,
        body=db,
        title=CONCEPT_TITLE,
        drafter=saskia,
        drafter_function="projectleider",
        introduction=(
            "Het programmateam wil 4x per jaar een ontmoeting tussen de afvaardigingen van de "
            "partners en het programmateam, afgestemd op de bestaande overleggen."
        ),
        decisions=[
            {
                "kind": "instemmen",
                "text": "Het dagelijks bestuur wordt gevraagd in te stemmen met vier "
                "ontmoetingen per jaar tussen de afvaardigingen van de partners en het "
                "programmateam.",
            }
        ],
        by=saskia,
    )
    out("  conceptvoorstel ontmoetingen aangemaakt")


def _attendance(bodies, users, out):
    """Attendance, chair and minute taker of the two meetings that were held (once)."""
    secretary = users["secretaris"]
    held = [
        (
            bodies["DB"],
            datetime(2023, 6, 19, 14, 0, tzinfo=AMS),
            users["db.voorzitter"],
            {
                "db.voorzitter": "aanwezig",
                "bestuur": "aanwezig",
                "db.lid": "aanwezig",
                "db.ed": "aanwezig",
                "secretaris": "aanwezig",
            },
        ),
        (
            bodies["PT"],
            datetime(2024, 6, 12, 9, 30, tzinfo=AMS),
            users["programmateam"],
            {
                "programmateam": "aanwezig",
                "pt.ed": "aanwezig",
                "pt.controller": "afgemeld",
                "secretaris": "aanwezig",
            },
        ),
    ]
    for body, starts, chair, presence in held:
        meeting = Meeting.objects.filter(body=body, starts_at=starts).first()
        if meeting is None or meeting.chair_id is not None:
            continue
        services.meeting_attendance_set(
            meeting_id=meeting.pk,
            version=None,
            by=secretary,
            chair=chair,
            minute_taker=secretary,
            attendance={users[name].pk: value for name, value in presence.items()},
        )
        out(f"  aanwezigheid vastgelegd: {meeting}")


NEXT_DB_AGENDA = [
    "Opening en mededelingen",
    "Uitkomst schriftelijke ronde aandachtspunten faseplan 3",
    "Eilanden van reflectie juni 2025: programmateam, managers en stuurgroep",
    "Ontmoetingen met de afvaardigingen van de partners (4x per jaar)",
    "Rondvraag en sluiting",
]


def _next_db_meeting(db, saskia, users, out):
    """A planned DB meeting three weeks ahead with its agenda, so the board sees what is coming."""
    if Meeting.objects.filter(body=db, status="gepland").exists():
        return
    day = timezone.localdate() + timedelta(days=21)
    meeting = services.meeting_create(
        body=db,
        starts_at=datetime(day.year, day.month, day.day, 14, 0, tzinfo=AMS),
        place="Veendam",
        by=saskia,
    )
    for title in NEXT_DB_AGENDA:
        services.agenda_item_add(meeting=meeting, title=title, by=saskia)
    services.meeting_attendance_set(
        meeting_id=meeting.pk,
        version=None,
        by=users["secretaris"],
        chair=users["db.voorzitter"],
        minute_taker=users["secretaris"],
        attendance={users["db.lid"].pk: "afgemeld"},
    )
    out(f"  volgende DB-vergadering gepland: {meeting}")
