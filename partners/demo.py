"""Demo data for partners (from the seeds). Idempotent. Runs after programme.demo.

AVK: every organisation the seeds name (seed 002's thanks list and effort partners, seed 001's
participants), with packages A/B/C whose yearly contributions add up to the EUR 84.000 member
contributions of the budget (seed 002), and delegations for some of them. The people in the
delegations are invented (is_demo=True, names that are clearly not real). Landerd: the partners
of seed 004's appendix 1.
"""

from datetime import date, timedelta
from decimal import Decimal

from avk import demo
from avk.access import Role
from programme.core.models import RoleAssignment
from programme.core.services import role_grant

from . import services
from .models import (
    Commitment,
    CommitmentPackage,
    DelegationMember,
    PackageItem,
    Participation,
    Partner,
)

R = PackageItem.Rule

PACKAGES = [
    {
        "code": "A",
        "name": "Kernpartner",
        "yearly_contribution": Decimal("6000.00"),
        "steering_group_seat": True,
        "description": (
            "Draagt het programma mee: een zetel in de stuurgroep, een volledige delegatie, "
            "deelname aan een werkgroep en een lokaal experiment in het eigen werkgebied."
        ),
        "items": [
            (
                "Een volledige delegatie (1 bestuurder, 2 managers, 2 uitvoering)",
                False,
                R.DELEGATION_COMPLETE,
            ),
            ("Een vast aanspreekpunt", False, R.POINT_OF_CONTACT),
            ("Een plek in minstens een werkgroep", False, R.WORKING_GROUP),
            ("Gastheer van een lokaal experiment", False, R.LOCAL_EXPERIMENT),
            ("De jaarlijkse bijdrage betaald", False, R.CONTRIBUTION_PAID),
            ("Een zetel in de stuurgroep", True, R.NONE),
            ("Stem in de ledenraad", True, R.NONE),
        ],
    },
    {
        "code": "B",
        "name": "Partner",
        "yearly_contribution": Decimal("3000.00"),
        "steering_group_seat": False,
        "description": ("Werkt actief mee: een volledige delegatie en een plek in een werkgroep."),
        "items": [
            (
                "Een volledige delegatie (1 bestuurder, 2 managers, 2 uitvoering)",
                False,
                R.DELEGATION_COMPLETE,
            ),
            ("Een vast aanspreekpunt", False, R.POINT_OF_CONTACT),
            ("Een plek in minstens een werkgroep", False, R.WORKING_GROUP),
            ("De jaarlijkse bijdrage betaald", False, R.CONTRIBUTION_PAID),
            ("Stem in de ledenraad", True, R.NONE),
        ],
    },
    {
        "code": "C",
        "name": "Netwerkpartner",
        "yearly_contribution": Decimal("1000.00"),
        "steering_group_seat": False,
        "description": (
            "Verbonden met het netwerk: een aanspreekpunt en toegang tot het lerend netwerk."
        ),
        "items": [
            ("Een vast aanspreekpunt", False, R.POINT_OF_CONTACT),
            ("De jaarlijkse bijdrage betaald", False, R.CONTRIBUTION_PAID),
            ("Stem in de ledenraad", True, R.NONE),
            ("Toegang tot de netwerkcafés en leersessies", True, R.NONE),
        ],
    },
]

# name, short name, kind, municipality, package in force today
AVK_PARTNERS = [
    ("Noorderpoort", "", "onderwijs", "Groningen", "B"),
    ("Leger des Heils", "", "welzijn", "Groningen", "B"),
    ("Tinten", "", "welzijn", "Assen", "B"),
    ("Cosis", "", "zorg", "Groningen", "B"),
    ("Zorg Innovatie Forum", "ZIF", "overig", "Groningen", "C"),
    ("Gemeente Emmen", "Emmen", "gemeente", "Emmen", "A"),
    ("Gemeente Westerwolde", "Westerwolde", "gemeente", "Westerwolde", "A"),
    ("Gemeente Stadskanaal", "Stadskanaal", "gemeente", "Stadskanaal", "A"),
    ("Gemeente Veendam", "Veendam", "gemeente", "Veendam", "A"),
    ("De GKB", "GKB", "overig", "Assen", "B"),
    ("GGD Drenthe", "", "zorg", "Assen", "B"),
    ("Hanzehogeschool", "Hanze", "kennisinstelling", "Groningen", "B"),
    ("Wedeka", "", "overig", "Stadskanaal", "B"),
    ("Afeer", "", "welzijn", "Groningen", "C"),
    ("Sociaal Werk Oldambt", "", "welzijn", "Oldambt", "B"),
    ("VNN", "", "ggz", "Groningen", "B"),
    ("Zorgplein Noord", "", "zorg", "Groningen", "C"),
    ("Sterk uit Armoede", "", "overig", "Veendam", "C"),
    ("Accare", "", "ggz", "Assen", "B"),
    ("Lentis", "", "ggz", "Groningen", "B"),
    ("Kredietbank Midden-Groningen", "", "overig", "Midden-Groningen", "C"),
    ("SWW", "", "wonen", "Westerwolde", "B"),
    ("Domesta", "", "wonen", "Emmen", "A"),
    ("CMO STAMM", "", "kennisinstelling", "Assen", "B"),
    ("Windesheim", "", "kennisinstelling", "Zwolle", "C"),
    ("NHL Stenden", "", "kennisinstelling", "Leeuwarden", "C"),
    ("Drenthe College", "", "onderwijs", "Emmen", "C"),
    ("Alfa College", "", "onderwijs", "Hoogeveen", "C"),
    ("Werkpro", "", "welzijn", "Groningen", "C"),
    ("Rijksuniversiteit Groningen", "RUG", "kennisinstelling", "Groningen", "C"),
    ("Jimmy's", "", "welzijn", "Emmen", "C"),
]

#: Earlier commitments, so the history and the steering group on a past date show something:
#: (partner, package, from, until). The package in force today follows from AVK_PARTNERS.
EARLIER = [
    ("Lentis", "A", date(2023, 1, 1), date(2024, 6, 30)),
    ("Wedeka", "C", date(2023, 1, 1), date(2023, 12, 31)),
]
START = date(2023, 1, 1)
SIGNED = date(2022, 12, 14)
#: The packages were set up before the covenant was signed; the delegations were named when
#: the programme went into execution (phase plan 1, August 2023).
PACKAGES_SET_UP = date(2022, 11, 1)
DELEGATIONS_NAMED = date(2023, 9, 1)

# level, name, function, is_contact
DELEGATIONS = {
    "Noorderpoort": [
        ("bestuurder", "Bram Bedenksel", "lid college van bestuur", False),
        ("manager", "Fenna Fictief", "teamleider entree-opleidingen", False),
        ("uitvoering", "Joris Proefmans", "loopbaanbegeleider", False),
        # manager 2 is Petra Partner (the `partner` demo account), front line 2 stays empty
    ],
    "Gemeente Emmen": [
        ("bestuurder", "Wethouder Wim Voorbeeld", "wethouder sociaal domein", False),
        ("manager", "Hanna Verzonnen", "manager sociaal domein", True),
        ("manager", "Kees Testwijk", "beleidsadviseur armoede", False),
        ("uitvoering", "Lotte Demodorp", "medewerker sociaal team", False),
        ("uitvoering", "Sem Nepveld", "schuldhulpverlener", False),
    ],
    "Hanzehogeschool": [
        ("bestuurder", "Dr. Ida Oefenhuis", "lid college van bestuur", False),
        ("manager", "Tom Probeersma", "lector armoede en schulden", True),
        ("manager", "Mila Schijnveld", "onderzoeker", False),
        ("uitvoering", "Noor Denkbeeld", "docent-onderzoeker", False),
        ("uitvoering", "Ruben Fantasia", "student-onderzoeker", False),
    ],
    "Lentis": [
        ("bestuurder", "Erik Proefkonijn", "bestuurder", False),
        ("manager", "Saar Verzinsel", "manager ambulante zorg", False),
    ],
    "CMO STAMM": [
        ("manager", "Daan Demoweg", "adviseur sociaal domein", True),
        ("uitvoering", "Iris Voorbeeldt", "onderzoeker monitoring", False),
    ],
}

# name, short name, kind, municipality
LANDERD_PARTNERS = [
    ("Adviesraad Sociaal Domein Landerd", "Adviesraad", "overig", "Landerd"),
    ("Brabant Zorg", "", "zorg", "Oss"),
    ("IBN", "", "overig", "Uden"),
    ("Jij en IK", "", "welzijn", "Landerd"),
    ("Gemeente Landerd", "Landerd", "gemeente", "Landerd"),
    ("GGD Hart voor Brabant", "GGD", "zorg", "'s-Hertogenbosch"),
    ("Huisartsen Landerd", "Huisarts", "zorg", "Landerd"),
    ("Ons Welzijn", "", "welzijn", "Uden"),
    ("Optimus primair onderwijs", "Optimus", "onderwijs", "Landerd"),
    ("Pantein", "", "zorg", "Boxmeer"),
    ("Zorgcoöperatie Reek", "", "zorg", "Landerd"),
    ("Zorgcoöperatie Schaik", "", "zorg", "Landerd"),
    ("Zorgcoöperatie Zeeland", "", "zorg", "Landerd"),
]


def _partner(context, programme, name, short_name, kind, municipality, joined_on) -> Partner:
    admin = context["admin"]
    partner = Partner.objects.filter(name__iexact=name).first()
    if partner is None:
        partner = services.partner_create(
            programme=programme,
            by=admin,
            joined_on=joined_on,
            name=name,
            short_name=short_name,
            kind=kind,
            municipality=municipality,
        )
    else:
        services.participation_ensure(
            programme=programme, partner=partner, by=admin, joined_on=joined_on
        )
    # history on the day the partner joined, not the day the demo was loaded (avk.demo)
    demo.backdate(context, partner, joined_on)
    demo.backdate(context, Participation.objects.filter(partner=partner), joined_on)
    return partner


def _packages(context, programme, admin) -> dict[str, CommitmentPackage]:
    found = {}
    for order, spec in enumerate(PACKAGES, start=1):
        package = CommitmentPackage.objects.filter(programme=programme, code=spec["code"]).first()
        if package is None:
            package = services.package_create(programme=programme, by=admin, order=order, **spec)
            demo.backdate(context, package, PACKAGES_SET_UP)
            demo.backdate(context, package.items.all(), PACKAGES_SET_UP)
        found[spec["code"]] = package
    return found


def load(context: dict) -> None:
    admin = context["admin"]
    out = context["out"]
    avk = context["programmes"]["avk"]
    landerd = context["programmes"]["landerd"]

    packages = _packages(context, avk, admin)
    partners = {}
    for name, short_name, kind, municipality, _code in AVK_PARTNERS:
        partners[name] = _partner(
            context, avk, name, short_name, kind, municipality, date(2017, 1, 1)
        )
    noorderpoort = partners["Noorderpoort"]

    for name, _short, _kind, _municipality, code in AVK_PARTNERS:
        partner = partners[name]
        if Commitment.objects.filter(programme=avk, partner=partner).exists():
            continue
        earlier = [e for e in EARLIER if e[0] == name]
        start = START
        for _name, old_code, valid_from, valid_until in earlier:
            services.commitment_change(
                programme=avk,
                partner=partner,
                package=packages[old_code],
                valid_from=valid_from,
                signed_on=SIGNED,
                by=admin,
                notify=False,
            )
            _date_commitments(context, avk, partner, SIGNED)
            start = valid_until + timedelta(days=1)
        services.commitment_change(
            programme=avk,
            partner=partner,
            package=packages[code],
            valid_from=start,
            signed_on=SIGNED if start == START else start,
            motivation="" if start == START else "Andere rol in het programma na het faseplan.",
            by=admin,
            notify=False,
        )
        _date_commitments(context, avk, partner, SIGNED if start == START else start)

    for name, members in DELEGATIONS.items():
        partner = partners[name]
        if DelegationMember.objects.filter(programme=avk, partner=partner).exists():
            continue
        for level, person, function, is_contact in members:
            slug = person.lower().replace("dr. ", "").replace(" ", ".")
            services.delegation_member_add(
                programme=avk,
                partner=partner,
                by=admin,
                is_demo=True,
                level=level,
                name=person,
                function=function,
                email=f"{slug}@example.org",
                phone="050 000 0000",
                is_contact=is_contact,
            )
        demo.backdate(context, partner, DELEGATIONS_NAMED)
        demo.backdate(
            context,
            DelegationMember.objects.filter(programme=avk, partner=partner),
            DELEGATIONS_NAMED,
        )

    contact = context["accounts"]["partner"]
    if not RoleAssignment.objects.filter(
        user=contact, programme=avk, role=Role.PARTNER_CONTACT
    ).exists():
        assignment = role_grant(
            programme=avk,
            user=contact,
            role=Role.PARTNER_CONTACT,
            by=admin,
            valid_from=avk.start_date,
            partner=noorderpoort,
        )
        demo.backdate(context, assignment, avk.start_date)
    if not DelegationMember.objects.filter(programme=avk, user=contact).exists():
        services.delegation_member_add(
            programme=avk,
            partner=noorderpoort,
            by=admin,
            is_demo=True,
            level="manager",
            name=contact.get_full_name(),
            function="coördinator armoede en onderwijs",
            email=contact.email,
            phone="050 000 0001",
            is_contact=True,
            user=contact,
        )
        demo.backdate(context, noorderpoort, DELEGATIONS_NAMED)
        demo.backdate(
            context, DelegationMember.objects.filter(programme=avk, user=contact), DELEGATIONS_NAMED
        )

    for name, short_name, kind, municipality in LANDERD_PARTNERS:
        _partner(context, landerd, name, short_name, kind, municipality, date(2017, 5, 1))
    out(f"  {len(AVK_PARTNERS)} AVK-partners, {len(LANDERD_PARTNERS)} Landerd-partners")


def _date_commitments(context, programme, partner, signed) -> None:
    """The commitment just recorded (and the end of the one before it) on its signing day."""
    demo.backdate(context, Commitment.objects.filter(programme=programme, partner=partner), signed)
    demo.backdate(context, partner, signed)
