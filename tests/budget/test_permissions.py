"""The budget's access matrix, at the pages and at the services (`require` refuses the people the
pages refuse): each role in its own programme and in another one."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from avk.policy import Refused, allowed
from budget import services
from budget.models import MemberContribution, Side
from tests.budget.conftest import draw_up
from tests.factories import RoleAssignmentFactory

pytestmark = pytest.mark.django_db

EVERYONE = ["programme_team", "board", "secretary", "partner_contact", "reader", "superuser"]
OUTSIDERS = ["other_team", "nobody", "former_team"]
BACK_OFFICE = ["programme_team", "secretary", "superuser"]
READS_ALL = ["programme_team", "board", "secretary", "superuser"]


def status(client, user, url, method="get", data=None):
    client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def expect(users, allowed_keys):
    return {key: (200 if key in allowed_keys else 403) for key in EVERYONE + OUTSIDERS}


@pytest.mark.parametrize(
    "page, allowed_keys",
    [
        ("list", EVERYONE),
        ("create", BACK_OFFICE),
        ("contributions", READS_ALL),
        ("mine", ["partner_contact"]),
    ],
)
def test_programme_pages(client, users, programme, page, allowed_keys):
    url = reverse(f"budget:{page}", args=[programme.slug])
    found = {key: status(client, users[key], url) for key in EVERYONE + OUTSIDERS}
    assert found == expect(users, allowed_keys)


@pytest.mark.parametrize(
    "page, concept_keys, adopted_keys",
    [
        ("detail", READS_ALL, EVERYONE),
        ("export", READS_ALL, READS_ALL),
        ("history", BACK_OFFICE, BACK_OFFICE),
        ("edit", BACK_OFFICE, []),
        ("submit", BACK_OFFICE, []),
        ("lines-import", BACK_OFFICE, []),
        ("ledger-import", BACK_OFFICE, BACK_OFFICE),
    ],
)
def test_budget_pages(client, users, programme, concept, board, page, concept_keys, adopted_keys):
    from tests.budget.conftest import adopt

    for budget, keys in ((concept, concept_keys),):
        url = reverse(f"budget:{page}", args=[programme.slug, budget.pk])
        found = {key: status(client, users[key], url) for key in EVERYONE + OUTSIDERS}
        assert found == expect(users, keys), "concept"
    adopt(concept, board, users)
    url = reverse(f"budget:{page}", args=[programme.slug, concept.pk])
    found = {key: status(client, users[key], url) for key in EVERYONE + OUTSIDERS}
    assert found == expect(users, adopted_keys), "adopted"


def test_nothing_across_programmes(client, users, programme, other_programme, members):
    theirs = draw_up(other_programme, users["superuser"], costs=[], funds=Decimal("0"))
    ours = draw_up(programme, users["programme_team"])
    team, other_team = users["programme_team"], users["other_team"]
    assert status(client, other_team, theirs.get_absolute_url()) == 200
    assert status(client, team, theirs.get_absolute_url()) == 403
    assert status(client, other_team, ours.get_absolute_url()) == 403
    # a programme's slug with another programme's budget: not found
    assert status(client, team, reverse("budget:detail", args=[programme.slug, theirs.pk])) == 404
    with pytest.raises(Refused):
        services.line_add(
            budget_id=theirs.pk, by=team, side=Side.COSTS, description="x", amount=Decimal(1)
        )
    with pytest.raises(Refused):
        services.contributions_invoice(programme=other_programme, year=2025, by=team)
    line = ours.lines.first()
    with pytest.raises(Refused):
        services.realisation_record(
            budget_id=ours.pk, by=other_team, line=line, booked_on=date(2025, 1, 2), amount=1
        )


@pytest.mark.parametrize("key", EVERYONE + OUTSIDERS)
def test_services_refuse_whom_the_pages_refuse(users, programme, concept, key):
    user = users[key]
    line = concept.lines.get(description="Programmaleiding")
    checks = {
        "create": (
            BACK_OFFICE,
            lambda: services.budget_create(
                programme=programme,
                by=user,
                title="x",
                valid_from=date(2030, 1, 1),
                valid_until=date(2030, 12, 31),
            ),
        ),
        "change": (
            BACK_OFFICE,
            lambda: services.line_update(
                line_id=line.pk, version=line.version, by=user, amount=Decimal(1)
            ),
        ),
        "realisation": (
            BACK_OFFICE,
            lambda: services.realisation_record(
                budget_id=concept.pk, by=user, line=line, booked_on=date(2025, 1, 2), amount=1
            ),
        ),
        "invoice": (
            BACK_OFFICE,
            lambda: services.contributions_invoice(programme=programme, year=2025, by=user),
        ),
    }
    for name, (keys, call) in checks.items():
        if key in keys:
            call()
            line.refresh_from_db()
        else:
            with pytest.raises(Refused):
                call()
            assert name  # refused, as the page is


def test_only_the_programme_team_closes(users, programme, concept, board):
    from tests.budget.conftest import adopt

    adopt(concept, board, users)
    found = {key: allowed(users[key], "budget.close", concept) for key in EVERYONE + OUTSIDERS}
    assert {k for k, v in found.items() if v} == {"programme_team", "superuser"}


def test_a_partner_contact_sees_only_its_own_contribution(client, users, programme, members):
    services.contributions_invoice(programme=programme, year=2025, by=users["programme_team"])
    contact = users["partner_contact"]
    own, other = members["Noorderpoort"], members["Gemeente Emmen"]
    assert allowed(contact, "budget.view_contribution", (programme, own))
    assert not allowed(contact, "budget.view_contribution", (programme, other))
    client.force_login(contact)
    page = client.get(reverse("budget:mine", args=[programme.slug])).content.decode()
    assert "Noorderpoort" in page and "€\u00a03.000" in page
    assert "Gemeente Emmen" not in page and "€\u00a06.000" not in page
    theirs = MemberContribution.objects.get(partner=other)
    url = reverse("budget:payment", args=[programme.slug, theirs.pk])
    assert client.get(url).status_code == 403
    # a partner contact of the adopted budget sees the totals, not the amounts per partner
    budget = draw_up(programme, users["programme_team"])
    assert not allowed(contact, "budget.view_breakdown", budget)


def test_a_role_elsewhere_gives_nothing_here(client, users, programme, other_programme):
    reader_elsewhere = users["nobody"]
    RoleAssignmentFactory(programme=other_programme, user=reader_elsewhere, role="bestuur")
    assert status(client, reader_elsewhere, reverse("budget:list", args=[programme.slug])) == 403
    assert status(client, reader_elsewhere, reverse("budget:list", args=["landerd"])) == 200
