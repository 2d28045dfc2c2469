"""Demo data for reflection, from the seeds, built through the services. Idempotent.

- Three shared frameworks: the Lemniscaat model (four sides with the guiding topics of seed 003's
  figure), the Kijkglas model (seed 004: ambitie, belangen, relatie, organisatie, proces, with
  ranked statements) and a free framework without categories.
- The AVK's three islands of reflection of June 2024 (seed 003 in full): programme team (2 June),
  managers (5 June) and steering group (11 June), facilitated by Lauren Algra of Algra
  Consulting, with their sides, observations, attention points, ingredients and other points
  raised; themes where they overlap; links to the DIN efforts, the working group and the board's
  decisions they touch, some taken up.
- Landerd's round of the initiation phase (2017) with the Kijkglas statements and their
  priorities from seed 004, appendix 4.
- The quick scan "Is de organisatie AVK-proof?" filled in by three demo partners (not by
  Noorderpoort: the `partner` account can fill it in).
"""

from datetime import date

from django.contrib.auth.models import Group, Permission

from avk import demo
from governance.models import Proposal
from partners.models import Partner
from programme.din.models import Effort, WorkingGroup

from . import services
from .models import (
    AttentionPoint,
    Category,
    FollowUpLink,
    Framework,
    GuidingTopic,
    Ingredient,
    QuickScan,
    Round,
    ScanAnswer,
    ScanItem,
    ScanResponse,
)

#: When the follow-up was recorded: after the summer, as phase plan 3 was being prepared.
FOLLOW_UP_DAY = date(2024, 9, 2)

LEMNISCAAT = (
    "Lemniscaatmodel",
    "Vier kanten van een programma om op te reflecteren (zoals in de eilanden van reflectie "
    "van de Alliantie van Kracht, begeleid door Algra Consulting).",
    [
        (
            "HET-kant",
            "HET",
            "",
            [
                "Programmaorganisatie",
                "Methodische opzet programma",
                "Programmacontract",
                "Doelen - inspanningen - netwerk",
                "Monitoren en sturen",
            ],
        ),
        (
            "WIJ-kant",
            "WIJ",
            "",
            [
                "Samenwerking in het team",
                "Afstemming programma en lijnorganisatie",
                "Verbinding met bateneigenaren",
            ],
        ),
        (
            "IK-kant",
            "IK",
            "",
            [
                "Persoonlijk commitment",
                "Persoonlijk leiderschap",
                "Aanwezigheid noodzakelijke competenties en kwaliteiten",
                "Zingeving, waarden",
            ],
        ),
        (
            "ZIJ-kant",
            "ZIJ",
            "",
            [
                "Opdrachtgeverschap",
                "Omgang met stakeholders in de programmaomgeving",
                "Afstemming met politiek",
                "Samenwerking met externe partijen",
            ],
        ),
    ],
)

KIJKGLAS = (
    "Kijkglasmodel",
    "Het kijkglasmodel van Common Eye: de elementen van samenwerking, met uitspraken per "
    "element in volgorde van prioriteit (advies Landerd, bijlage 4).",
    [
        ("Ambitie", "", "", []),
        ("Belangen", "", "", []),
        ("Relatie", "", "", []),
        ("Organisatie", "", "", []),
        ("Proces", "", "", []),
    ],
)

FREE = ("Vrije indeling", "Zonder vaste kanten: alles wordt bij de sessie als geheel vastgelegd.")

ROUND_TITLE = "Eilanden van reflectie 2024"
ROUND_INTRODUCTION = (
    "We zetten binnen de Alliantie van Kracht tegen Armoede (AVK) in op een programma van 20 "
    "jaar. Onze ambitie is dat geen enkel kind, jongere of volwassene in ons werkgebied "
    "langdurig in armoede leeft. Dat is wat ons drijft. In het programma brengen we veel mensen "
    "uit de 44 betrokken organisaties bij elkaar. Daarbij is de vraag hoe we vanuit het "
    "programma sturen op het halen van de doelen die we met elkaar voor 20 jaar hebben "
    "vastgesteld, en hoe we komen tot een gezamenlijk wenkend toekomstperspectief en een koers "
    "bij de opgave.\n\n"
    "Elk jaar nodigen we alle partners uit op een ‘Eiland van reflectie’. Daar bespreken we hoe "
    "de projecten lopen en of de inspanningen die we hebben afgesproken ook daadwerkelijk "
    "bijdragen aan onze doelen. Op basis van de uitkomsten passen we zo nodig onze "
    "doelstellingen en inspanningen aan in het plan voor de volgende fase: faseplan 3. We hebben "
    "Lauren Algra van Algra Consulting bereid gevonden om onze drie ‘Eilanden van reflectie’ te "
    "begeleiden. Daarvoor hebben we het Lemniscaatmodel gebruikt."
)
ROUND_SUMMARY = (
    "Drie eilanden van reflectie: programmateam (2 juni), managers/leidinggevenden (5 juni) en "
    "stuurgroep (11 juni). In alle drie komen ‘samen handen en voeten geven aan een visie’ en "
    "‘monitoring, effectiviteit en ervaringen’ terug; programmateam en managers vragen allebei "
    "om één AVK-team per partner."
)
FACILITATOR = "Lauren Algra (Algra Consulting)"

THEMES = {
    "visie": "Samen handen en voeten geven aan een visie",
    "monitoring": "Monitoring, effectiviteit en ervaringen",
    "team": "Een AVK-team per partner",
    "uitgelicht": "Partners en acties uitgelicht",
}

# Per session: the level, its name, date, introduction, summary, participating partners, and per
# side (None: the session as a whole) the observations (topic, text), the attention points
# (title, description, theme, [ingredients]) and the other points raised.
PROGRAMME_TEAM = {
    "level": "programmateam",
    "level_name": "",
    "date": date(2024, 6, 2),
    "introduction": (
        "We hebben met het programmateam gesproken over drie vragen. Daarbij is het volgende "
        "ingebracht."
    ),
    "summary": "",
    "partners": [],
    "sides": {
        "HET-kant": {
            "observations": [
                ("", "Er is een helder ritme van plannen, uitvoeren en reflecteren en bijstellen.")
            ],
            "points": [
                (
                    "Monitoring, effectiviteit en ervaringen",
                    "",
                    "monitoring",
                    [
                        "Bestaande interventies inventariseren. Bij betrokken organisaties en "
                        "kernpersonen. Wat gebeurt er waar wat de moeite waard is?",
                        "Framework maken. Wat willen we weten? Visie en ervaringen.",
                        "In kaart brengen omvang generatiearmoede. Onderzoek Trendbureau Drenthe "
                        "en Sociaal Planbureau Groningen.",
                        "Terugkoppeling naar AVK-partners.",
                        "Lerend evalueren. Dit verloopt via de bovenstaande 4 punten als basis.",
                    ],
                ),
                (
                    "Per partner 1 afvaardigingsteam/aanspreekpunt",
                    "Bestuurlijk, manager, uitvoering.",
                    "team",
                    [],
                ),
            ],
            "others": [
                "AVK-doelen vastklikken aan wettelijke taken gemeente.",
                "Veel beter inzichtelijk maken waar mensen/organisaties goed bezig zijn. "
                "Spiegelen? Of goede voorbeelden in de etalage?",
                "Zijn organisaties AVK-proof? 5 sterrendorp als voorbeeld. Worden "
                "randvoorwaarden RUG uitgevoerd ja/nee?",
                "Wat is effectiviteit ten opzichte van de visie? Met betrekking tot monitoring.",
                "Weten wie waar wat doet en met wie.",
            ],
        },
        "WIJ-kant": {
            "observations": [
                (
                    "",
                    "Er is een goede samenwerking in het programmateam. Mensen kennen elkaar, "
                    "leren van elkaar en staan open voor nieuwe ontwikkelingen. Er zijn "
                    "regelmatig momenten van reflectie en inspiratie die zorgen voor een lerende, "
                    "toegankelijke sfeer. Het programma heeft aantrekkingskracht. Organisaties "
                    "staan welwillend om mee te doen aan pilots.",
                )
            ],
            "points": [
                (
                    "Samen handen en voeten geven aan een visie",
                    "De visie van de AVK eigen maken in alle bij de AVK betrokken organisaties. "
                    "En samen handen en voeten geven aan deze visie. Begrippen laden zoals "
                    "effectiviteit en maatwerk. Daarbij 3x input vanuit onderzoek: "
                    "randvoorwaarden RUG/kapitaalsvormen uit de duivelskring en Cirkel van "
                    "generatiearmoede.",
                    "visie",
                    [
                        "Onboarding. Met standaard middelen, aan te passen in eigen huisstijl.",
                        "Duo’s in de lokale, integrale context. Samen begrippen laden die horen "
                        "bij visie AVK (zoals effectiviteit, maatwerk). Elke organisatie heeft 1 "
                        "(of 2) x bestuurder, 2x manager, 2x uitvoering in een AVK-team. Daarin "
                        "is ook train-de-trainers mogelijk. Als dit team goed is aangehaakt bij "
                        "de AVK, kunnen ze dat zelf intern verder brengen en uitdragen.",
                        "Pilots draaien ‘visievorming en vertaling in actie’. Kijken of we met "
                        "een paar partners op logische plekken dit kunnen doen. We vragen via "
                        "een mail aan alle nieuwsbrieflezers (4000) wie er mee wil doen. We "
                        "begeleiden dit vanuit de AVK.",
                        "Aansluiten bij bestaande netwerken (woonzorgakkoorden) en bestaande "
                        "overlegstructuren.",
                        "Veranderaanpak schrijven en Marco de Witte vragen om reflectie.",
                        "Stakeholderanalyse maken van de partners. Wat weten we op dit moment "
                        "van alle partners? Hoe staan ze erin? Waar mee bezig?",
                    ],
                ),
                (
                    "Vanuit het programmateam de partners ondersteuning bieden bij deze beweging",
                    "Welke ondersteuning kunnen we partners bieden vanuit de AVK richting "
                    "vertaling naar de praktijk?",
                    "visie",
                    [],
                ),
            ],
            "others": [
                "Vriendelijk duwen en helpen. Organisaties moeten eraan toe zijn.",
                "Bruikbare elementen voor lokale vertaling bieden.",
                "Quick scan AVK en randvoorwaarden RUG voor alle 51 partners doen.",
                "Meer en nadrukkelijkere focus op de inhoudelijke uitgangspunten AVK leggen.",
                "Voer deze uitgangspunten in door de hele organisatie van 51 partners.",
            ],
        },
        "IK-kant": {
            "observations": [
                (
                    "",
                    "Er is een gedeeld gevoel van urgentie en betekenisvolheid in het "
                    "programmateam. Iedereen kan zijn kwaliteiten en talenten kwijt in het "
                    "programma. Er is ruimte om vanuit vertrouwen te ontwikkelen en nieuwe "
                    "ideeën te bedenken en te experimenteren.",
                )
            ],
            "points": [
                (
                    "Frequentie van programmateamoverleggen omhoog",
                    "Behoefte om meer samen te komen met het programmateam, en de frequentie "
                    "omhoog te schroeven van programmateamoverleggen.",
                    "",
                    [
                        "Via whatsappgroep uitwisseling (kan van alles zijn).",
                        "1x per maand 3 uur programmateamoverleg.",
                        "Elke week een dagdeel fysiek samen op locatie zijn. Dit wordt "
                        "woensdagochtend. Dit delen we ook met het netwerk. Mensen kunnen dan "
                        "aanhaken. We rouleren op plekken bij partners?",
                        "Agendavoering op inhoud (kan via thema’s), concrete acties afspreken. "
                        "Dit afwisselen met bijeenkomsten over proces. Hoe komen we verder? En "
                        "met communicatie.",
                        "We (het team en niet Saskia) maken een actie-besluitenlijst. Dit "
                        "rouleren we onderling.",
                        "Flap (dagdeel) met positieve en negatieve punten waar we mee bezig zijn.",
                        "Overzicht van wat/wanneer: planning en inbedden.",
                        "Communicatiemomenten (inhoud en middel).",
                    ],
                ),
                (
                    "4x per jaar een ontmoeting tussen afvaardigingen per partner en het "
                    "programmateam",
                    "Dat moet niet een extra overleg worden, maar beter afgestemd op de huidige "
                    "overleggen en bewegingen.",
                    "team",
                    [],
                ),
            ],
            "others": [],
        },
    },
}

MANAGERS = {
    "level": "managers",
    "level_name": "Managers/leidinggevenden",
    "date": date(2024, 6, 5),
    "introduction": (
        "We hebben met de managers/teamleiders gesproken over drie vragen. Daarbij is het "
        "volgende ingebracht."
    ),
    "summary": (
        "Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de managers/teamleiders. "
        "Er zijn vijf aandachtspunten die de managers/teamleiders in faseplan 3 extra aandacht "
        "willen geven."
    ),
    "partners": ["Noorderpoort", "Gemeente Emmen", "Cosis", "Leger des Heils", "Tinten", "VNN"],
    "sides": {
        None: {
            "observations": [
                (
                    THEMES["visie"],
                    "Er is bij de managers herkenning op de behoefte aan het doorleven en laden "
                    "van de begrippen: wat betekent dit voor mijn organisatie? Samenbrengen van "
                    "ambassadeurs; samenbrengen op thema.",
                ),
                (
                    THEMES["visie"],
                    "Meer doorvoelen waar we het over hebben als het gaat over "
                    "generatiearmoede. Via teamdagen/theater/Tim’s Jongers.",
                ),
                (
                    THEMES["visie"],
                    "Visie Alliantie van Kracht onderdeel laten zijn van eigen organisatievisie.",
                ),
                (
                    THEMES["visie"],
                    "Mandaten vanuit bestuurders om dingen anders te doen en daarvoor tijd in te "
                    "zetten. Passie bij bestuurders is daarin helpend. Weten zij waar ze ja "
                    "tegen zeggen?",
                ),
                (
                    THEMES["visie"],
                    "Over schotten en zittingsperiodes heen durven kijken (lef en visie).",
                ),
                (THEMES["visie"], "What’s in it for me door laten berekenen?"),
                (
                    THEMES["visie"],
                    "Overzicht van palet aan aanbod bij partners helpt. Hoe kun je buiten je "
                    "eigen kaders gebruikmaken van elkaar?",
                ),
                (
                    THEMES["visie"],
                    "Slim om te gaan kijken wat er allemaal al is aan overleggen en waar mensen "
                    "elkaar al ontmoeten en of we dit beter kunnen doen met elkaar, door "
                    "bijvoorbeeld een aantal integrale overlegtafels. Overal in het netwerk is "
                    "dit weer anders geregeld, omdat elke gemeente zijn beleid op een andere "
                    "manier georganiseerd heeft.",
                ),
                (
                    THEMES["visie"],
                    "De aangedragen ingrediënten van het programmateam worden hierin als zinvol "
                    "ervaren.",
                ),
                (
                    THEMES["monitoring"],
                    "Meer zichtbaar maken wat het programma als geheel bereikt. En wat waar "
                    "gebeurt, en door wie. Er is veel vastgelegd in DIN en faseplannen. "
                    "Tegelijkertijd groeit er veel organisch.",
                ),
                (
                    THEMES["monitoring"],
                    "Meer zichtbaar maken van de beweging. Relateren aan de halve maan (geen "
                    "shaming/blaming, maar met elkaar beeld en inzicht krijgen van hoe de "
                    "beweging zich ontwikkelt: van en met elkaar leren wat wel/niet werkt en "
                    "waarom).",
                ),
                (
                    THEMES["monitoring"],
                    "Meer inzicht in de ervaringen van de mensen voor wie we het doen.",
                ),
            ],
            "points": [
                (
                    "Handen en voeten geven aan de visie van de Alliantie van Kracht en deze "
                    "visie onderdeel laten zijn van eigen organisatievisie",
                    "",
                    "visie",
                    [],
                ),
                (
                    "Meer doorvoelen waar we het over hebben als het gaat over generatiearmoede",
                    "",
                    "visie",
                    [],
                ),
                (
                    "Mandaat krijgen vanuit het bestuur om dingen anders te doen en hiervoor tijd "
                    "in te zetten",
                    "",
                    "",
                    [],
                ),
                (
                    "Meer zichtbaar maken: wat het programma als geheel bereikt, wat de beweging "
                    "is en meer inzicht in de ervaringen van de mensen voor wie we het doen",
                    "",
                    "monitoring",
                    [],
                ),
                (
                    "Zorg dat elke partner 1 intern AVK-team optuigt",
                    "Met daarin 1x bestuurder, 2x manager en 2x uitvoering.",
                    "team",
                    [],
                ),
            ],
            "others": [],
        }
    },
}

STEERING_GROUP = {
    "level": "stuurgroep",
    "level_name": "",
    "date": date(2024, 6, 11),
    "introduction": (
        "We hebben met de stuurgroep gesproken over drie vragen. Daarbij is het volgende "
        "ingebracht."
    ),
    "summary": (
        "Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de stuurgroep. Er zijn "
        "vier aandachtspunten die de stuurgroep in faseplan 3 extra aandacht wil geven."
    ),
    "partners": [
        "Gemeente Emmen",
        "Gemeente Westerwolde",
        "Gemeente Stadskanaal",
        "Gemeente Veendam",
        "Domesta",
    ],
    "sides": {
        None: {
            "observations": [
                (THEMES["visie"], "Concreter maken waartoe de AVK op aarde is."),
                (
                    THEMES["visie"],
                    "De verbindende rol die de AVK daarin speelt is erg belangrijk voor de "
                    "samenwerking tussen de partners.",
                ),
                (
                    THEMES["visie"],
                    "Verinnerlijken AVK-visie is nog lastig: mooi als de AVK daarin veel "
                    "zichtbaarder kan zijn richting organisaties en het programmateam in kan "
                    "zetten.",
                ),
                (
                    THEMES["visie"],
                    "Opzet van het leeraanbod: meer kennis over minder armoede is daarin een "
                    "goed voorbeeld.",
                ),
                (
                    THEMES["visie"],
                    "Ondersteun met het programmateam vanuit de AVK de (interne) beweging van de "
                    "partners.",
                ),
                (
                    THEMES["monitoring"],
                    "Zorg voor een lerende gemeenschap en doorleving van de PDCA-cirkel "
                    "(plan-do-check-act).",
                ),
                (
                    THEMES["monitoring"],
                    "Deel wat werkt, maak het praktisch en geef handelingsperspectief.",
                ),
                (
                    THEMES["monitoring"],
                    "Er is herkenning ten aanzien van de vijf punten die de managers hebben "
                    "meegegeven.",
                ),
                (
                    THEMES["uitgelicht"],
                    "Er gebeurt zoveel moois in de praktijk. Partners die van allerlei projecten "
                    "en acties inzetten die naadloos passen in onze gezamenlijke visie.",
                ),
                (
                    THEMES["uitgelicht"],
                    "Juist die voorbeelden willen we veel meer uitdragen en gebruiken als een "
                    "vliegwiel.",
                ),
                (
                    THEMES["uitgelicht"],
                    "Elkaar beter leren kennen als alliantiepartners. Hier kan het "
                    "programmateam als vliegwiel/katalysator fungeren. Dit op lokaal niveau "
                    "organiseren omdat elke gemeente het verschillend heeft geregeld qua taken "
                    "en verantwoordelijkheden.",
                ),
            ],
            "points": [
                (
                    "Ondersteun met het programmateam vanuit de AVK de interne beweging van de "
                    "partners",
                    "",
                    "visie",
                    [],
                ),
                (
                    "Zorg voor een lerende gemeenschap en doorleving in de praktijk",
                    "Deel wat werkt, maak het praktisch en geef handelingsperspectief.",
                    "monitoring",
                    [],
                ),
                (
                    "Draag voorbeelden uit van partners die naadloos passen in onze "
                    "gezamenlijke visie",
                    "",
                    "uitgelicht",
                    [],
                ),
                (
                    "De verbindende rol die de AVK speelt is erg belangrijk voor de "
                    "samenwerking tussen de partners",
                    "",
                    "visie",
                    [],
                ),
            ],
            "others": [],
        }
    },
}

# What took points and ingredients up: (session level, point title prefix, ingredient prefix or
# None, kind, title prefix of the item, status or None, note).
LINKS = [
    (
        "programmateam",
        "Monitoring, effectiviteit",
        None,
        "effort",
        "Monitoring van het programma",
        "opgepakt",
        "Opgenomen als aandachtspunt voor faseplan 3.",
    ),
    (
        "programmateam",
        "Monitoring, effectiviteit",
        None,
        "working_group",
        "Monitoring en evaluatie",
        None,
        "",
    ),
    (
        "programmateam",
        "Monitoring, effectiviteit",
        "Bestaande interventies",
        "effort",
        "Good practices in het netwerk",
        "opgepakt",
        "",
    ),
    (
        "programmateam",
        "Monitoring, effectiviteit",
        "In kaart brengen omvang",
        "effort",
        "Monitoren van maatschappelijke trends",
        "opgepakt",
        "",
    ),
    (
        "programmateam",
        "Monitoring, effectiviteit",
        "Lerend evalueren",
        "effort",
        "Organiseren, uitvoeren en analyseren van lerend",
        "opgepakt",
        "",
    ),
    (
        "programmateam",
        "Monitoring, effectiviteit",
        None,
        "decision",
        2,
        None,
        "Voorgelegd aan het Dagelijks Bestuur.",
    ),
    (
        "programmateam",
        "Samen handen en voeten",
        None,
        "decision",
        3,
        None,
        "Voorgelegd aan het Dagelijks Bestuur.",
    ),
    (
        "programmateam",
        "Samen handen en voeten",
        "Aansluiten bij bestaande",
        "effort",
        "Het netwerk van de AVK uitbreiden",
        "opgepakt",
        "",
    ),
    (
        "programmateam",
        "Samen handen en voeten",
        "Onboarding",
        "effort",
        "Gezamenlijk ontwikkelen van een communicatiestrategie",
        None,
        "",
    ),
    ("programmateam", "Per partner 1 afvaardigingsteam", None, "decision", 4, None, ""),
    ("managers", "Zorg dat elke partner", None, "decision", 4, None, ""),
    (
        "programmateam",
        "Frequentie van programmateamoverleggen",
        "Via whatsappgroep",
        None,
        None,
        "afgerond",
        "De whatsappgroep van het programmateam is opgezet.",
    ),
    (
        "stuurgroep",
        "Zorg voor een lerende gemeenschap",
        None,
        "effort",
        "Het leren van elkaar en weten wat effectief is",
        None,
        "",
    ),
]

SCAN_TITLE = "Is de organisatie AVK-proof?"
SCAN_INTRODUCTION = (
    "Een korte quick scan per partner, naar aanleiding van het eiland van reflectie van het "
    "programmateam: zijn organisaties AVK-proof? Worden de randvoorwaarden uit het onderzoek "
    "van de RUG uitgevoerd, ja of nee?"
)
SCAN_ITEMS = [
    (
        "Worden de randvoorwaarden uit het onderzoek van de RUG in de organisatie uitgevoerd?",
        "De randvoorwaarden RUG en de kapitaalsvormen uit de duivelskring.",
    ),
    (
        "Heeft de organisatie een intern AVK-team met 1 bestuurder, 2 managers en 2 mensen uit de "
        "uitvoering?",
        "",
    ),
    ("Is er één aanspreekpunt voor de AVK?", ""),
    (
        "Is de visie van de AVK opgenomen in de eigen plannen van de organisatie (beleidsplan, "
        "jaarplan)?",
        "",
    ),
    (
        "Zijn begrippen als effectiviteit en maatwerk in de organisatie geladen zoals de AVK ze "
        "bedoelt?",
        "",
    ),
]
# partner, answers per item, remark
SCAN_ANSWERS = [
    ("Gemeente Emmen", ["ja", "ja", "ja", "deels", "deels"], ""),
    ("Cosis", ["deels", "nee", "ja", "nee", "deels"], "Het AVK-team wordt dit najaar gevormd."),
    ("Hanzehogeschool", ["ja", "deels", "ja", "ja", "ja"], ""),
]

LANDERD_TITLE = "Initiatiefase 2017: draagvlak voor programmatisch werken"
LANDERD_INTRODUCTION = (
    "In de externe initiatiefase (mei tot juli 2017) zijn één-op-één gesprekken gevoerd met een "
    "dwarsdoorsnede van partners, en gezamenlijke werksessies georganiseerd. Het kijkglasmodel "
    "van Common Eye is gebruikt om de input te koppelen aan de elementen van samenwerking."
)
LANDERD_STATEMENTS = {
    "Ambitie": [
        (1, "We willen een samenleving waarin iedereen mee kan doen."),
        (2, "We werken aan gezonde, duurzame en leefbare dorpskernen."),
        (3, "We willen zelfredzaamheid/weerbaarheid bevorderen."),
        (4, "We zien de inwoner van Landerd als start- en eindpunt voor onze ambitie."),
        (5, "We vinden dat de gezamenlijke ambitie overstijgend is aan onze eigen ambitie."),
    ],
    "Belangen": [
        (
            2,
            "Onze eigen corebusiness is een ingang om verantwoordelijkheid voor de "
            "preventieagenda te nemen.",
        ),
        (
            1,
            "We hebben elkaar als partners nodig om de maatschappelijke beweging mogelijk te "
            "maken.",
        ),
        (
            3,
            "We hebben richting en continuïteit nodig om een gezamenlijke beweging te bouwen/ "
            "te bestendigen.",
        ),
    ],
    "Relatie": [
        (1, "Een betekenisvolle relatie tussen deelnemende partners vinden we essentieel."),
        (2, "Eenheid van taal vinden we een voorwaarde voor succes."),
        (3, "Organiseer betekenisvolle interactie in de dorpskern."),
        (
            1,
            "Een gezamenlijke ambitie betekent voor ons een andere manier van (samen)werken. "
            "Dit betekent ook een (cultuur)verandering in houding en gedrag naar elkaar en "
            "intern. Hier willen we tijd voor nemen.",
        ),
    ],
    "Organisatie": [
        (5, "We zien de gemeente in de rol van aanjager."),
        (4, "Structuur volgt inhoud."),
        (3, "We zien met elkaar dat er al veel is en willen hier op inzetten."),
        (
            2,
            "We willen de uitvoering van het programma zo dicht mogelijk bij de inwoners "
            "organiseren.",
        ),
        (
            1,
            "We willen een gezamenlijke preventieagenda voor de hele gemeente, met "
            "(mogelijkheden voor) uitwerking per dorpskern.",
        ),
    ],
    "Proces": [
        (
            3,
            "Voor gezamenlijkheid vinden we gelijkwaardigheid een voorwaarde: elke partner heeft "
            "een gelijkwaardige stem en verantwoordelijkheid in het programma.",
        ),
        (
            2,
            "In de gezamenlijkheid vinden we het van belang dat iedere partner de mogelijkheid "
            "krijgt om vanuit zijn/haar tempo en dynamiek aan te sluiten.",
        ),
        (
            1,
            "We beseffen dat planvorming en voorbereiding noodzakelijk is voor een goede start "
            "van het programma, zodat de focus kan gaan naar de uitvoering: het doen.",
        ),
    ],
}


def load(context: dict) -> None:
    out = context["out"]
    admin = context["admin"]
    avk = context["programmes"]["avk"]
    landerd = context["programmes"]["landerd"]
    _permissions()
    frameworks = _frameworks(admin)
    if not Round.objects.filter(programme=avk, title=ROUND_TITLE).exists():
        round_ = _avk_round(avk, admin, context, frameworks["Lemniscaatmodel"])
        out(f"  reflectie AVK: {round_.title}, {round_.sessions.count()} sessies")
    if not Round.objects.filter(programme=landerd, title=LANDERD_TITLE).exists():
        _landerd(landerd, admin, context, frameworks["Kijkglasmodel"])
        out("  reflectie Landerd: kijkglasmodel met geprioriteerde uitspraken")
    if not QuickScan.objects.filter(programme=avk, title=SCAN_TITLE).exists():
        _scan(avk, admin)
        out(f"  quick scan AVK: {len(SCAN_ANSWERS)} partners ingevuld")
    _date_history(context, [avk, landerd])
    _date_follow_up_and_scans(context, avk, landerd)


def _date_follow_up_and_scans(context, avk, landerd) -> None:
    """The shared frameworks before Landerd's 2017 session; the follow-up (links, statuses)
    after the summer of 2024, as phase plan 3 was prepared; the quick scan in June and July."""
    demo.backdate(context, Framework.objects.filter(programme=None), date(2017, 5, 1))
    demo.backdate(context, Category.objects.filter(framework__programme=None), date(2017, 5, 1))
    demo.backdate(
        context, GuidingTopic.objects.filter(category__framework__programme=None), date(2017, 5, 1)
    )
    follow_up = ["link.added", "followup.status"]
    points = AttentionPoint.objects.filter(programme__in=[avk, landerd])
    demo.backdate(context, points, FOLLOW_UP_DAY, events=follow_up)
    demo.backdate(
        context,
        Ingredient.objects.filter(attention_point__in=points),
        FOLLOW_UP_DAY,
        events=follow_up,
    )
    links = FollowUpLink.objects.filter(programme__in=[avk, landerd])
    demo.backdate(context, links, FOLLOW_UP_DAY)
    demo.redate(context, links, "created_at", FOLLOW_UP_DAY)
    scans = QuickScan.objects.filter(programme=avk)
    demo.backdate(context, scans, date(2024, 6, 20))
    demo.backdate(context, ScanItem.objects.filter(scan__in=scans), date(2024, 6, 20))
    responses = ScanResponse.objects.filter(scan__in=scans)
    demo.backdate(context, responses, date(2024, 7, 1))
    demo.backdate(context, ScanAnswer.objects.filter(response__in=responses), date(2024, 7, 1))
    demo.redate(context, responses, "submitted_at", date(2024, 7, 1))


#: What was written in a session itself (its follow-up, later, keeps its own day).
SESSION_EVENTS = ["observation.added", "point.added", "ingredient.added", "statement.added"]


def _date_history(context, programmes) -> None:
    """History on the day of each fact, not the day the demo was loaded (avk.demo.backdate):
    a round and its themes from its first session, what a session noted on its day."""
    for round_ in Round.objects.filter(programme__in=programmes):
        sessions = list(round_.sessions.order_by("date"))
        if not sessions:
            continue
        demo.backdate(context, round_, sessions[0].date, events=["round.created", "theme.added"])
        demo.backdate(context, round_.themes.all(), sessions[0].date)
        for session in sessions:
            demo.backdate(context, session, session.date)
            for rows in (
                session.observations.all(),
                session.statements.all(),
                session.attention_points.all(),
                Ingredient.objects.filter(attention_point__session=session),
            ):
                demo.backdate(context, rows, session.date, events=SESSION_EVENTS)


def _permissions() -> None:
    """The back office's staff group may keep frameworks and quick scans in the admin too."""
    group, _created = Group.objects.get_or_create(name="Backoffice programma")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="reflection").exclude(
            codename__startswith="delete_"
        )
    )


def _frameworks(admin) -> dict[str, Framework]:
    found = {}
    for order, (name, description, categories) in enumerate((LEMNISCAAT, KIJKGLAS)):
        framework = Framework.objects.filter(programme=None, name=name).first()
        if framework is None:
            framework = services.framework_create(
                by=admin,
                name=name,
                description=description,
                ranks_statements=name == "Kijkglasmodel",
                order=order,
                categories=categories,
            )
        found[name] = framework
    if not Framework.objects.filter(programme=None, name=FREE[0]).exists():
        services.framework_create(by=admin, name=FREE[0], description=FREE[1], order=9)
    return found


def _avk_round(avk, admin, context, lemniscaat):
    team = context["accounts"].get("programmateam", admin)
    secretary = context["accounts"].get("secretaris")
    round_ = services.round_create(
        programme=avk,
        by=team,
        title=ROUND_TITLE,
        year=2024,
        feeds="faseplan 3",
        introduction=ROUND_INTRODUCTION,
        summary=ROUND_SUMMARY,
    )
    themes = {
        key: services.theme_add(round_=round_, by=team, name=name) for key, name in THEMES.items()
    }
    categories = {c.name: c for c in lemniscaat.categories.all()}
    sessions = {}
    for spec in (PROGRAMME_TEAM, MANAGERS, STEERING_GROUP):
        session = services.session_create(
            round_=round_,
            by=team,
            level=spec["level"],
            level_name=spec["level_name"],
            date=spec["date"],
            facilitator=FACILITATOR,
            framework=lemniscaat,
            introduction=spec["introduction"],
            summary=spec["summary"],
            participants=[u for u in (team, secretary) if u]
            if spec["level"] == "programmateam"
            else [],
            partners=list(Partner.objects.filter(name__in=spec["partners"])),
            participants_note="Programmateam van de AVK, met ervaringsdeskundigen"
            if spec["level"] == "programmateam"
            else "",
        )
        sessions[spec["level"]] = session
        for side, content in spec["sides"].items():
            category = categories.get(side) if side else None
            for topic, text in content["observations"]:
                services.observation_add(
                    session=session, by=team, category=category, topic=topic, text=text
                )
            for title, description, theme, ingredients in content["points"]:
                point = services.point_add(
                    session=session,
                    by=team,
                    category=category,
                    title=title,
                    description=description,
                    theme=themes.get(theme),
                )
                for text in ingredients:
                    services.ingredient_add(point=point, by=team, text=text, owner="Programmateam")
            for text in content["others"]:
                services.observation_add(
                    session=session, by=team, category=category, kind="overig", text=text
                )
    _links(avk, team, sessions)
    return round_


def _links(avk, team, sessions) -> None:
    proposal = Proposal.objects.filter(
        programme=avk, title="Aandachtspunten voor faseplan 3 vaststellen"
    ).first()
    for level, point_prefix, ingredient_prefix, kind, item, status, note in LINKS:
        point = sessions[level].attention_points.filter(title__startswith=point_prefix).first()
        if point is None:
            continue
        source = point
        if ingredient_prefix:
            source = point.ingredients.filter(text__startswith=ingredient_prefix).first()
            if source is None:
                continue
        target = None
        if kind == "effort":
            target = Effort.objects.filter(programme=avk, title__startswith=item).first()
        elif kind == "working_group":
            target = WorkingGroup.objects.filter(programme=avk, name=item).first()
        elif kind == "decision" and proposal is not None:
            target = proposal.decisions.filter(position=item).first()
        if target is not None:
            services.link_add(
                source=source, target=target, note=note if not status else "", by=team
            )
        if status:
            source.refresh_from_db()
            services.follow_up_set(
                source=source, status=status, note=note, version=source.version, by=team
            )


def _landerd(landerd, admin, context, kijkglas) -> None:
    team = context["accounts"].get("landerd", admin)
    round_ = services.round_create(
        programme=landerd,
        by=team,
        title=LANDERD_TITLE,
        year=2017,
        feeds="definitiefase: programmaplan en eerste faseplan",
        introduction=LANDERD_INTRODUCTION,
    )
    session = services.session_create(
        round_=round_,
        by=team,
        level="overig",
        level_name="Partners (één-op-één gesprekken en werksessies)",
        date=date(2017, 6, 26),
        facilitator="Joost Boerenkamp en Marieke Cloosterman (Robuust Maatwerk)",
        framework=kijkglas,
        introduction=(
            "Partners hebben een prioritering aangegeven in wat zij van belang vinden voor "
            "partnerschap (bijlage 4 van het advies)."
        ),
        partners=list(Partner.objects.filter(participations__programme=landerd)),
    )
    categories = {c.name: c for c in kijkglas.categories.all()}
    for name, statements in LANDERD_STATEMENTS.items():
        for priority, text in statements:
            services.statement_add(
                session=session, by=team, category=categories[name], text=text, priority=priority
            )


def _scan(avk, admin) -> None:
    round_ = Round.objects.filter(programme=avk, title=ROUND_TITLE).first()
    scan = services.scan_create(
        programme=avk,
        by=admin,
        title=SCAN_TITLE,
        introduction=SCAN_INTRODUCTION,
        round=round_,
        is_open=True,
        items=SCAN_ITEMS,
    )
    items = list(scan.items.all())
    for name, answers, remark in SCAN_ANSWERS:
        partner = Partner.objects.filter(name=name).first()
        if partner is None:
            continue
        services.scan_fill(
            scan=scan,
            partner=partner,
            answers={item.pk: (answer, "") for item, answer in zip(items, answers, strict=True)},
            remark=remark,
            version=None,
            by=admin,
        )
