"""The demo budget: seed 002's yearly budget, adopted by the Dagelijks Bestuur, balanced at
EUR 249.750 with EUR 84.000 from the members' commitments, a little realisation, the year's
contributions invoiced and mostly paid, next year's concept showing its gap; idempotent."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from budget import selectors
from budget.demo import year_of_demo
from budget.models import Budget, MemberContribution, Realisation
from partners.models import Partner
from programme.core.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def avk(settings, db):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    return Programme.objects.get(slug="avk")


def test_the_demo_budget_follows_seed_002(avk):
    year = year_of_demo()
    budget = Budget.objects.get(programme=avk, valid_from=date(year, 1, 1))
    assert budget.status == "vastgesteld" and budget.adopted_by.number.startswith("DB-")
    sheet = selectors.budget_sheet(budget)
    assert sheet.costs.planned == sheet.coverage.planned == Decimal("249750.00")
    assert len(sheet.costs.rows) == 10
    assert {r.line.description: r.planned for r in sheet.costs.rows}["Programmaleiding"] == Decimal(
        "97962.00"
    )
    assert sheet.derived.total == sheet.derived.line.amount == Decimal("84000.00")
    assert sheet.costs.realised > 0 and "generatiearmoede" not in budget.explanation
    assert "ervaringsdeskundigheid" in budget.explanation
    following = Budget.objects.get(programme=avk, valid_from=date(year + 1, 1, 1))
    assert following.is_concept
    assert selectors.budget_sheet(following).balance == Decimal("-15750.00")
    noorderpoort = Partner.objects.get(name="Noorderpoort")
    assert selectors.contribution_paid_check(noorderpoort, avk) == "met"
    assert selectors.contribution_paid_check(Partner.objects.get(name="Wedeka"), avk) == "not_met"


def test_loading_the_demo_twice_adds_nothing(avk, settings):
    counts = (
        Budget.objects.count(),
        Realisation.objects.count(),
        MemberContribution.objects.count(),
    )
    call_command("load_demo", stdout=StringIO())
    assert counts == (
        Budget.objects.count(),
        Realisation.objects.count(),
        MemberContribution.objects.count(),
    )
