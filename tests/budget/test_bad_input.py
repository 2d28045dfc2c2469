"""Bad input is refused per field, in Dutch, on the pages and by the services; nothing is saved.
(The budget's own messages are Dutch once the lead has compiled tr-h7-budget.json.)"""

import html
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from budget import services
from budget.models import Budget, BudgetLine, Realisation, Side, SourceKind
from tests.budget.conftest import draw_up
from tests.factories import EffortFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def post_line(client, users, budget, side, **data):
    client.force_login(users["programme_team"])
    url = reverse("budget:line-add", args=["avk", budget.pk, side])
    fields = {"description": "Congres", "amount": "10000", "category": "", "explanation": ""}
    return client.post(url, {**fields, **data})


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"amount": "tienduizend"}, "amount", "Geef een bedrag in euro's, zoals 2500 of 2500,50."),
        ({"amount": "-5"}, "amount", "Een bedrag kan niet negatief zijn."),
        ({"amount": "12,345"}, "amount", "Een bedrag heeft hoogstens twee decimalen (centen)."),
        ({"amount": ""}, "amount", "Dit veld is verplicht."),
        ({"description": ""}, "description", "Dit veld is verplicht."),
        ({"description": "x" * 201}, "description", "200 tekens"),
    ],
)
def test_a_cost_line_refuses_bad_input_per_field(client, users, concept, data, field, message):
    before = BudgetLine.objects.count()
    response = post_line(client, users, concept, "kosten", **data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in " ".join(errors[field])
    assert BudgetLine.objects.count() == before


def test_a_coverage_line_needs_its_source(client, users, concept):
    response = post_line(client, users, concept, "dekking", source_kind="")
    assert response.context["form"].errors["source_kind"] == ["Dit veld is verplicht."]
    with pytest.raises(ValidationError) as refused:
        services.line_add(
            budget_id=concept.pk,
            by=users["programme_team"],
            side=Side.COVERAGE,
            description="NPG",
            amount=Decimal(1),
        )
    assert refused.value.message_dict["source_kind"] == ["Kies waar deze dekking vandaan komt."]


def test_a_line_on_another_programmes_effort_or_working_group_is_refused(
    client, users, concept, other_programme
):
    theirs = EffortFactory(programme=other_programme, title="Hun inspanning")
    their_group = WorkingGroupFactory(programme=other_programme, name="Hun werkgroep")
    response = post_line(client, users, concept, "kosten", effort=theirs.pk)
    assert "Selecteer een geldige keuze" in response.context["form"].errors["effort"][0]
    for field, linked, message in (
        ("effort", theirs, "Deze inspanning hoort bij een ander programma."),
        ("working_group", their_group, "Deze werkgroep hoort bij een ander programma."),
    ):
        with pytest.raises(ValidationError) as refused:
            services.line_add(
                budget_id=concept.pk,
                by=users["programme_team"],
                side=Side.COSTS,
                description="Elders",
                amount=Decimal(1),
                **{field: linked},
            )
        assert refused.value.message_dict[field] == [message]
    assert not BudgetLine.objects.filter(description="Elders").exists()


def test_a_line_on_its_own_programmes_effort_is_saved(client, users, concept, programme):
    ours = EffortFactory(programme=programme, title="Congres organiseren")
    response = post_line(client, users, concept, "kosten", effort=ours.pk)
    assert response.status_code == 302
    assert BudgetLine.objects.get(description="Congres").effort == ours


def test_only_member_contributions_are_derived_and_only_once(users, concept):
    team = users["programme_team"]
    with pytest.raises(ValidationError) as refused:
        services.line_add(
            budget_id=concept.pk,
            by=team,
            side=Side.COVERAGE,
            description="Fonds",
            amount=Decimal(1),
            source_kind=SourceKind.FUNDS,
            derived=True,
        )
    assert list(refused.value.message_dict) == ["derived"]
    with pytest.raises(ValidationError) as twice:
        services.line_add(
            budget_id=concept.pk,
            by=team,
            side=Side.COVERAGE,
            description="Nog eens",
            amount=Decimal(1),
            source_kind=SourceKind.MEMBERS,
            derived=True,
        )
    assert "Deze begroting heeft al een regel die uit de toezeggingen volgt." in str(twice.value)


@pytest.mark.parametrize(
    "valid_from, valid_until, field, message",
    [
        (date(2026, 1, 1), date(2025, 12, 31), "valid_until", "De einddatum kan niet voor"),
        (date(2026, 1, 1), date(2027, 1, 1), "valid_until", "hoogstens één jaar"),
        (date(2025, 7, 1), date(2026, 6, 30), "valid_from", "overlapt"),
        (
            date(2025, 1, 1),
            date(2025, 6, 30),
            "__all__",
            "heeft al een begroting voor deze periode",
        ),
    ],
)
def test_a_budget_period_refuses_bad_input(
    users, programme, concept, valid_from, valid_until, field, message
):
    with pytest.raises(ValidationError) as refused:
        services.budget_create(
            programme=programme,
            by=users["programme_team"],
            title="Nog een",
            valid_from=valid_from,
            valid_until=valid_until,
        )
    assert message in " ".join(refused.value.message_dict[field])
    assert Budget.objects.filter(programme=programme).count() == 1


def test_a_phase_plan_period_of_a_year_is_accepted(users, programme):
    budget = services.budget_create(
        programme=programme,
        by=users["programme_team"],
        title="Faseplan 1",
        valid_from=date(2023, 8, 1),
        valid_until=date(2024, 7, 31),  # 366 days: it holds 29 February 2024
    )
    assert budget.period_label == "aug.\u00a02023 – jul.\u00a02024"


def test_realisation_refuses_bad_input_per_field(client, users, concept, programme, members):
    team = users["programme_team"]
    line = concept.lines.get(description="Programmaleiding")
    other = draw_up(programme, team, year=2026).lines.first()
    cases = [
        ({"amount": Decimal(0)}, "amount", "Geef een ander bedrag dan nul."),
        ({"booked_on": date(2024, 12, 31)}, "booked_on", "buiten de periode"),
        ({"line": other}, "line", "Kies een regel van deze begroting."),
    ]
    for change, field, message in cases:
        values = {"line": line, "booked_on": date(2025, 2, 1), "amount": Decimal(10), **change}
        with pytest.raises(ValidationError) as refused:
            services.realisation_record(budget_id=concept.pk, by=team, **values)
        assert message in " ".join(refused.value.message_dict[field])
    client.force_login(team)
    url = reverse("budget:realisation-add", args=["avk", concept.pk])
    response = client.post(url, {"line": line.pk, "booked_on": "2025-02-01", "amount": "veel"})
    assert response.status_code == 400
    assert "Geef een bedrag in euro's" in html.unescape(response.content.decode())
    assert not Realisation.objects.exists()


def test_a_payment_refuses_bad_input(client, users, programme, members):
    services.contributions_invoice(programme=programme, year=2025, by=users["programme_team"])
    contribution = members["Cosis"].member_contributions.get()
    client.force_login(users["secretary"])
    url = reverse("budget:payment", args=["avk", contribution.pk])
    base = {"version": contribution.version, "paid_on": "2025-03-01", "note": ""}
    response = client.post(url, {**base, "amount": "0"})
    assert response.context["form"].errors["amount"] == ["Geef een bedrag boven nul."]
    response = client.post(url, {**base, "amount": "100", "paid_on": "2099-01-01"})
    assert response.context["form"].errors["paid_on"] == [
        "Een betaling kan niet in de toekomst liggen."
    ]
    contribution.refresh_from_db()
    assert contribution.paid_amount == 0
