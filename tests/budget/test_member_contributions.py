"""The member contributions coverage line, derived from the commitments in force in the budget's
period: pro rata for partners who join or change package during it, exact to the cent, with a
breakdown per partner and per package that adds up; fixed at adoption, after which a change in
the commitments shows as a difference."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from budget import selectors, services
from partners import services as partners
from partners.selectors import contributions_for_year
from tests.budget.conftest import adopt, draw_up, member

pytestmark = pytest.mark.django_db


def derived(budget):
    budget.refresh_from_db()
    return selectors.derived_contributions(budget)


def test_a_full_year_of_three_partners(concept):
    found = derived(concept)
    assert found.total == Decimal("10000.00")
    assert {p["partner"].name: p["amount"] for p in found.partners} == {
        "Cosis": Decimal("1000.00"),
        "Gemeente Emmen": Decimal("6000.00"),
        "Noorderpoort": Decimal("3000.00"),
    }
    assert [(p["code"], p["partners"], p["amount"]) for p in found.packages] == [
        ("A", 1, Decimal("6000.00")),
        ("B", 1, Decimal("3000.00")),
        ("C", 1, Decimal("1000.00")),
    ]


def test_a_partner_joining_and_one_changing_package_count_pro_rata(
    users, programme, packages, members, concept
):
    member(programme, packages["C"], "Laatkomer", valid_from=date(2025, 10, 1))
    partners.commitment_change(
        programme=programme,
        partner=members["Noorderpoort"],
        package=packages["A"],
        valid_from=date(2025, 7, 1),
        by=users["programme_team"],
        notify=False,
    )
    found = derived(concept)
    amounts = {p["partner"].name: p["amount"] for p in found.partners}
    # 1000 x 92/365 = 252.0547...; B 181 days and A 184 days of 365: 4512.3287...
    assert amounts["Laatkomer"] == Decimal("252.05")
    assert amounts["Noorderpoort"] == Decimal("4512.33")
    assert amounts["Noorderpoort"] == ((Decimal(3000) * 181 + Decimal(6000) * 184) / 365).quantize(
        Decimal("0.01")
    )
    packages_ = {p["code"]: p["amount"] for p in found.packages}
    assert packages_ == {
        "A": Decimal("9024.66"),  # Emmen 6000 + Noorderpoort's 3024.66 of A
        "B": Decimal("1487.67"),  # Noorderpoort's 181 days of B
        "C": Decimal("1252.05"),  # Cosis 1000 + Laatkomer 252.05
    }
    assert found.total == sum(packages_.values()) == sum(amounts.values()) == Decimal("11764.38")
    # the same figures as the partners' own yearly view
    assert found.total == sum(
        r["amount"] for r in contributions_for_year(programme=programme, year=2025)
    )
    # and the budget's coverage follows them while it is a concept
    costs, coverage = selectors.balance_of(concept)
    assert coverage - costs == Decimal("1764.38")


def test_a_phase_plan_period_counts_its_own_days(users, programme, packages, members):
    partners.commitment_change(
        programme=programme,
        partner=members["Noorderpoort"],
        package=packages["A"],
        valid_from=date(2026, 1, 1),
        by=users["programme_team"],
        notify=False,
    )
    budget = services.budget_create(
        programme=programme,
        by=users["programme_team"],
        title="Faseplan 3",
        valid_from=date(2025, 8, 1),
        valid_until=date(2026, 7, 31),
    )
    amounts = {p["partner"].name: p["amount"] for p in derived(budget).partners}
    # B from August to December 2025 (153 days), A from January to July 2026 (212 days)
    assert amounts["Noorderpoort"] == Decimal("4742.47")
    assert amounts["Gemeente Emmen"] == Decimal("6000.00")


def test_sums_have_no_rounding_drift(users, programme, packages):
    # seven partners joining on odd days: each share is rounded to cents, yet the packages,
    # the partners and the total agree to the cent
    for n, day in enumerate([3, 7, 11, 13, 17, 19, 23]):
        member(programme, packages["ABC"[n % 3]], f"Partner {n}", valid_from=date(2025, 3, day))
    budget = draw_up(programme, users["programme_team"], funds=Decimal("0"))
    found = derived(budget)
    assert found.total == sum(p["amount"] for p in found.partners)
    assert found.total == sum(p["amount"] for p in found.packages)
    assert all(p["amount"] == p["amount"].quantize(Decimal("0.01")) for p in found.packages)


def test_fixed_at_adoption_and_a_later_change_shows_as_a_difference(
    client, users, programme, packages, members, concept, board
):
    adopt(concept, board, users)
    member(programme, packages["C"], "Laatkomer", valid_from=date(2025, 10, 1))
    line = concept.lines.get(derived=True)
    assert line.amount == Decimal("10000.00")  # not a silent change
    sheet = selectors.budget_sheet(concept)
    assert sheet.derived.total == Decimal("10252.05")
    assert sheet.derived.difference == Decimal("-252.05")
    assert sheet.balanced  # the adopted budget still balances on its fixed amounts
    client.force_login(users["board"])
    page = client.get(reverse("budget:detail", args=["avk", concept.pk])).content.decode()
    assert "€\u00a010.252,05" in page and "-€\u00a0252,05" in page
    assert "Laatkomer" in page  # the board sees the breakdown per partner


def test_a_partner_contact_sees_the_total_but_no_partner_amounts(client, users, concept, board):
    adopt(concept, board, users)
    client.force_login(users["partner_contact"])
    page = client.get(reverse("budget:detail", args=["avk", concept.pk])).content.decode()
    assert "€\u00a010.000" in page
    assert "Gemeente Emmen" not in page and "Cosis" not in page
