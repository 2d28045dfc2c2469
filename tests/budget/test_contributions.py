"""Contributions received: a year's contributions invoiced (pro rata), payments recorded, who is
behind, and the package item "jaarlijkse bijdrage betaald" checked from these data."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from budget import selectors, services
from budget.models import MemberContribution
from partners.models import PackageItem
from tests.budget.conftest import member
from tests.factories import PackageItemFactory

pytestmark = pytest.mark.django_db


def test_invoicing_a_year_invoices_each_partner_once_pro_rata(users, programme, packages, members):
    team = users["programme_team"]
    member(programme, packages["C"], "Laatkomer", valid_from=date(2025, 10, 1))
    new = services.contributions_invoice(
        programme=programme, year=2025, by=team, invoiced_on=date(2025, 1, 15)
    )
    amounts = {c.partner.name: c.invoiced_amount for c in new}
    assert amounts == {
        "Cosis": Decimal("1000.00"),
        "Gemeente Emmen": Decimal("6000.00"),
        "Laatkomer": Decimal("252.05"),
        "Noorderpoort": Decimal("3000.00"),
    }
    assert services.contributions_invoice(programme=programme, year=2025, by=team) == []
    assert MemberContribution.objects.count() == 4
    assert MemberContribution.history.first().history_change_reason == "contribution.invoiced"


def test_payments_and_who_is_behind(client, users, programme, members):
    team = users["programme_team"]
    services.contributions_invoice(programme=programme, year=2025, by=team)
    emmen = members["Gemeente Emmen"].member_contributions.get()
    cosis = members["Cosis"].member_contributions.get()
    services.payment_record(
        contribution_id=emmen.pk, version=emmen.version, by=team, amount=Decimal("2500"),
        on=date(2025, 2, 1),
    )  # fmt: skip
    emmen.refresh_from_db()
    services.payment_record(
        contribution_id=emmen.pk, version=emmen.version, by=team, amount=Decimal("3500"),
        on=date(2025, 3, 1),
    )  # fmt: skip
    services.payment_record(
        contribution_id=cosis.pk, version=cosis.version, by=team, amount=Decimal("400"),
        on=date(2025, 3, 1),
    )  # fmt: skip
    rows = {r.partner.name: r for r in selectors.contribution_rows(programme=programme, year=2025)}
    assert (rows["Gemeente Emmen"].paid, rows["Gemeente Emmen"].state) == (Decimal("6000"), "paid")
    assert rows["Gemeente Emmen"].contribution.paid_on == date(2025, 3, 1)
    assert (rows["Cosis"].outstanding, rows["Cosis"].state) == (Decimal("600"), "behind")
    assert rows["Noorderpoort"].state == "behind"
    summary = selectors.summarise(list(rows.values()))
    assert (summary.due, summary.invoiced, summary.paid) == (
        Decimal("10000"),
        Decimal("10000"),
        Decimal("6400"),
    )
    assert summary.behind == 2
    assert selectors.behind_counts(programme_ids=[programme.pk]) == {programme.pk: 2}
    client.force_login(users["board"])
    page = client.get(reverse("budget:contributions", args=["avk"]) + "?year=2025")
    html = page.content.decode()
    assert "€\u00a0600" in html and "Record a payment" not in html  # the board only reads
    client.force_login(team)
    html = client.get(reverse("budget:contributions", args=["avk"]) + "?year=2025").content.decode()
    assert reverse("budget:payment", args=["avk", cosis.pk]) in html


def test_the_payment_page_records_a_payment(client, users, programme, members):
    services.contributions_invoice(programme=programme, year=2025, by=users["programme_team"])
    cosis = members["Cosis"].member_contributions.get()
    client.force_login(users["secretary"])
    url = reverse("budget:payment", args=["avk", cosis.pk])
    assert client.get(url).context["form"].initial["amount"] == Decimal("1000.00")
    response = client.post(
        url, {"version": cosis.version, "amount": "1000", "paid_on": "01-03-2025", "note": "bank"}
    )
    assert response.status_code == 302
    cosis.refresh_from_db()
    assert (cosis.paid_amount, cosis.is_paid, cosis.note) == (Decimal("1000"), True, "bank")


def test_the_package_item_contribution_paid_is_checked_from_the_data(
    client, users, programme, packages, members
):
    PackageItemFactory(
        package=packages["B"], text="Jaarlijkse bijdrage betaald",
        rule=PackageItem.Rule.CONTRIBUTION_PAID,
    )  # fmt: skip
    own = members["Noorderpoort"]
    client.force_login(users["programme_team"])
    url = reverse("partners:partner-detail", args=["avk", own.pk])

    def state():
        checks = client.get(url).context["checks"]
        return next(c.state for c in checks if c.item.text == "Jaarlijkse bijdrage betaald")

    assert state() == "unknown"  # nothing invoiced yet
    year = timezone.localdate().year
    services.contributions_invoice(programme=programme, year=year, by=users["programme_team"])
    assert state() == "not_met"
    contribution = own.member_contributions.get()
    services.payment_record(
        contribution_id=contribution.pk,
        version=contribution.version,
        by=users["programme_team"],
        amount=contribution.invoiced_amount,
        on=timezone.localdate(),
    )
    assert state() == "met"
    # the partner contact sees its own contribution on "Mijn organisatie"
    client.force_login(users["partner_contact"])
    html = client.get(reverse("partners:mine", args=["avk"])).content.decode()
    assert "€\u00a03.000" in html


def test_the_home_page_names_who_is_behind(client, users, programme, members):
    services.contributions_invoice(
        programme=programme, year=timezone.localdate().year, by=users["programme_team"]
    )
    client.force_login(users["secretary"])
    html = client.get(reverse("home")).content.decode()
    assert reverse("budget:contributions", args=["avk"]) in html
    client.force_login(users["reader"])
    html = client.get(reverse("home")).content.decode()
    assert reverse("budget:contributions", args=["avk"]) not in html


def test_the_partner_page_reckons_the_contributions_from_the_commitments_it_read(
    client, users, programme, packages, members
):
    """The page's contribution section: the same years and amounts as reckoned on their own
    (a package change in a year counts pro rata), without reading the commitments again."""
    from partners import services as partners

    own = members["Noorderpoort"]
    partners.commitment_change(
        programme=programme, partner=own, package=packages["A"], valid_from=date(2025, 7, 1),
        by=users["programme_team"], notify=False,
    )  # fmt: skip
    client.force_login(users["programme_team"])
    url = reverse("partners:partner-detail", args=["avk", own.pk])
    panel = next(p for p in client.get(url).context["sections"] if p.title == "Bijdrage")
    shown = [(r.year, r.due) for r in panel.context["rows"]]
    alone = selectors.partner_contributions(programme=programme, partner=own)[:3]
    assert shown == [(r.year, r.due) for r in alone]
    assert (2025, Decimal("4512.33")) in shown  # B 181 days, A 184 days of 2025
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    commitment_reads = [q for q in queries if 'FROM "partners_commitment"' in q["sql"]]
    assert len(commitment_reads) == 1
