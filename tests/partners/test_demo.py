"""The partners demo data: every partner the seeds name, packages whose contributions add up to
the budget's EUR 84.000 member contributions, delegations, Landerd's partners; idempotent."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from partners import selectors
from partners.models import Commitment, DelegationMember, Participation, Partner
from programme.models import Programme, RoleAssignment

SEED_002_THANKS = [
    "Noorderpoort",
    "Leger des Heils",
    "Tinten",
    "Cosis",
    "Zorg Innovatie Forum",
    "Gemeente Emmen",
    "Gemeente Westerwolde",
    "Gemeente Stadskanaal",
    "Gemeente Veendam",
    "De GKB",
    "GGD Drenthe",
    "Hanzehogeschool",
    "Wedeka",
    "Afeer",
    "Sociaal Werk Oldambt",
    "VNN",
    "Zorgplein Noord",
    "Sterk uit Armoede",
    "Accare",
    "Lentis",
    "Kredietbank Midden-Groningen",
    "SWW",
    "Domesta",
    "CMO STAMM",
]
EFFORT_PARTNERS = [
    "Windesheim",
    "NHL Stenden",
    "Drenthe College",
    "Alfa College",
    "Werkpro",
    "Rijksuniversiteit Groningen",
]
LANDERD = [
    "Adviesraad Sociaal Domein Landerd",
    "Brabant Zorg",
    "IBN",
    "Jij en IK",
    "Gemeente Landerd",
    "GGD Hart voor Brabant",
    "Huisartsen Landerd",
    "Ons Welzijn",
    "Optimus primair onderwijs",
    "Pantein",
    "Zorgcoöperatie Reek",
    "Zorgcoöperatie Schaik",
    "Zorgcoöperatie Zeeland",
]


@pytest.fixture
def demo(settings, db):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    return {p.slug: p for p in Programme.objects.all()}


def counts():
    return tuple(
        m.objects.count() for m in (Partner, Participation, Commitment, DelegationMember)
    ) + (Commitment.history.count(), DelegationMember.history.count())


def test_every_partner_the_seeds_name_takes_part_in_the_avk(demo):
    avk = demo["avk"]
    names = set(
        Partner.objects.filter(participations__programme=avk).values_list("name", flat=True)
    )
    assert set(SEED_002_THANKS) | set(EFFORT_PARTNERS) <= names
    landerd = set(
        Partner.objects.filter(participations__programme=demo["landerd"]).values_list(
            "name", flat=True
        )
    )
    assert landerd == set(LANDERD)
    assert Partner.objects.get(name="Gemeente Emmen").kind == "gemeente"
    assert Partner.objects.get(name="Lentis").kind == "ggz"


def test_the_contributions_in_force_add_up_to_the_budgets_84000(demo):
    avk = demo["avk"]
    summary = selectors.list_summary(selectors.partner_rows(programme=avk))
    assert summary["total"] == Decimal("84000.00")
    assert set(summary["per_package"]) == {"A", "B", "C"}
    assert None not in summary["per_package"]  # every AVK partner has a package
    # and so does the budget question for this year and the first full year
    year = (
        Commitment.objects.filter(programme=avk, valid_until__isnull=True).first().valid_from.year
    )
    assert sum(
        r["amount"] for r in selectors.contributions_for_year(programme=avk, year=2025)
    ) == Decimal("84000.00")
    assert year == 2023


def test_package_a_gives_a_steering_group_seat_and_the_group_changed_over_time(demo):
    avk = demo["avk"]
    from datetime import date

    today = {c.partner.name for c in selectors.steering_group(programme=avk)}
    assert today and all(c.package.code == "A" for c in selectors.steering_group(programme=avk))
    earlier = {c.partner.name for c in selectors.steering_group(programme=avk, on=date(2024, 1, 1))}
    assert earlier - today == {"Lentis"}


def test_delegations_are_invented_demo_people_and_noorderpoort_has_an_empty_seat(demo):
    avk = demo["avk"]
    assert DelegationMember.objects.filter(programme=avk).exists()
    assert not DelegationMember.objects.filter(is_demo=False).exists()
    noorderpoort = Partner.objects.get(name="Noorderpoort")
    members = list(DelegationMember.objects.filter(programme=avk, partner=noorderpoort))
    missing = selectors.delegation_missing(members)
    assert len(missing.empty_seats) == 1 and not missing.no_contact
    petra = DelegationMember.objects.get(user__username="partner")
    assert (petra.partner, petra.is_contact) == (noorderpoort, True)
    role = RoleAssignment.objects.get(user__username="partner", role="partnercontact")
    assert role.partner == noorderpoort


def test_loading_twice_changes_nothing(demo, settings):
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
