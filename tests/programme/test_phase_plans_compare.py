"""The comparison of two phase plans on a known pair: plan 1 adopted (frozen), then the DIN moves
on and plan 2 drops an effort, adds a new one, replans another, leaves a goal out, and its
budget changes a line; the page shows it, and the PDF's annex when asked."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from budget import services as budget_services
from budget.models import Side
from partners.models import Participation
from programme.din import services as din_services
from programme.phases import selectors, services
from tests.factories import EffortFactory, EffortGoalFactory, PartnerFactory
from tests.programme.phase_plans_setup import make_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(adopted, din, programme, users):
    team = users["programme_team"]
    first, second, third = din["efforts"]
    new = EffortFactory(
        programme=programme,
        title="Onboarding van partners",
        start_month=date(2024, 9, 1),
        end_month=date(2025, 6, 1),
    )
    EffortGoalFactory(effort=new, goal=din["operational"][0])
    joining = PartnerFactory(name="Cosis")
    Participation.objects.create(programme=programme, partner=joining)
    din_services.effort_update(
        effort_id=third.pk,
        version=third.version,
        by=team,
        partners=[*[link.partner for link in third.partner_links.all()], joining],
    )
    next_budget = make_budget(programme, team, start=date(2024, 8, 1), end=date(2025, 7, 31))
    congres = next_budget.lines.get(description="Congres")
    budget_services.line_update(
        line_id=congres.pk, version=congres.version, by=team, amount=Decimal("12500")
    )
    budget_services.line_add(
        budget_id=next_budget.pk,
        by=team,
        side=Side.COSTS,
        description="Quick scan en onboarding partners",
        amount=Decimal("5000"),
    )
    plan = services.plan_create(
        programme=programme, by=team, copy_from=adopted, number=2, title="Faseplan 2",
        valid_from=date(2024, 8, 1), valid_until=date(2025, 8, 31), budget=next_budget,
    )  # fmt: skip
    services.selection_set(
        plan_id=plan.pk,
        version=None,
        by=team,
        strategic_goals=[g.pk for g in din["strategic"]],
        operational_goals=[g.pk for g in din["operational"][:2]],  # the third left out
        efforts={
            second.pk: (date(2024, 9, 1), date(2025, 6, 1)),
            third.pk: (date(2024, 9, 1), date(2025, 6, 1)),
            new.pk: None,
        },
    )
    plan.refresh_from_db()
    return adopted, plan, {"dropped": first, "replanned": second, "joined": third, "new": new}


def _by_kind(section):
    found = {}
    for change in section.changes:
        found.setdefault(change.kind, []).append(change)
    return found


def test_the_comparison_of_a_known_pair(pair, din):
    older, newer, efforts = pair
    comparison = selectors.compare(selectors.contents(older), selectors.contents(newer))
    sections = {s.key: s for s in comparison.sections}
    assert comparison.period.old != comparison.period.new
    assert sections["strategic"].changes == []
    operational = _by_kind(sections["operational"])
    assert [c.title for c in operational["dropped"]] == [din["operational"][2].title]
    changes = _by_kind(sections["efforts"])
    assert [c.title for c in changes["new"]] == [efforts["new"].title]
    assert [c.title for c in changes["dropped"]] == [efforts["dropped"].title]
    changed = {c.title: c for c in changes["changed"]}
    assert set(changed) == {efforts["replanned"].title, efforts["joined"].title}
    replanned = changed[efforts["replanned"].title].details
    assert [(d.old, d.new) for d in replanned] == [
        ("aug.\u00a02023 – dec.\u00a02023", "sep.\u00a02024 – jun.\u00a02025")
    ]
    joined = changed[efforts["joined"].title].details
    assert [(d.old, d.new) for d in joined][1:] == [("", "Cosis")]  # replanned, and Cosis joined
    budget = _by_kind(sections["budget"])
    costs = _("costs")
    assert [c.title for c in budget["new"]] == [f"Quick scan en onboarding partners ({costs})"]
    amounts = {c.title: c.details[0] for c in budget["changed"]}
    congres = amounts[f"Congres ({costs})"]
    assert (congres.old, congres.new) == ("€\u00a010.000", "€\u00a012.500")
    assert "dropped" not in budget


def test_the_same_plan_compared_with_itself_is_empty(adopted):
    data = selectors.contents(adopted)
    assert selectors.compare(data, data).empty


def test_the_comparison_page(pair, client, users):
    older, newer, efforts = pair
    client.force_login(users["board"])
    url = reverse("programme:phaseplan-compare", args=["avk", newer.pk])
    response = client.get(url)  # by default the previous plan
    assert response.status_code == 200
    html = response.content.decode()
    assert efforts["new"].title in html and efforts["dropped"].title in html
    assert "Cosis" in html and "€\u00a012.500" in html
    assert client.get(url, {"with": older.pk}).status_code == 200
