"""The DIN on a partner's page and "Mijn organisatie", the home panels and the menu."""

import pytest
from django.urls import reverse

from partners.models import Partner
from programme.din import selectors
from tests.factories import (
    EffortFactory,
    EffortPartnerFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    WorkingGroupFactory,
    WorkingGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def noorderpoort(users):
    return Partner.objects.get(name="Noorderpoort")


def test_partner_din_selector(programme, other_programme, noorderpoort, django_assert_num_queries):
    mine = EffortFactory(programme=programme, title="Jongeren aan zet")
    EffortPartnerFactory(effort=mine, partner=noorderpoort, role="trekker")
    EffortFactory(programme=programme, title="Zonder Noorderpoort")
    group = WorkingGroupFactory(programme=programme, name="Ervaringsdeskundigheid en werk")
    WorkingGroupMemberFactory(working_group=group, partner=noorderpoort, is_lead=True)
    WorkingGroupFactory(programme=programme, name="Communicatie")
    with django_assert_num_queries(2):
        found = selectors.partner_din(noorderpoort, programme)
        titles = [link.effort.title for link in found["effort_links"]]
        groups = [(g.name, g.partner_leads) for g in found["working_groups"]]
    assert titles == ["Jongeren aan zet"]
    assert groups == [("Ervaringsdeskundigheid en werk", 1)]
    assert selectors.partner_din(noorderpoort, other_programme)["effort_links"] == []


def test_partner_page_and_my_organisation_list_efforts_and_groups(
    client, users, programme, noorderpoort
):
    effort = EffortFactory(programme=programme, title="Jongeren aan zet")
    EffortPartnerFactory(effort=effort, partner=noorderpoort, role="trekker")
    group = WorkingGroupFactory(programme=programme, name="Ervaringsdeskundigheid en werk")
    WorkingGroupMemberFactory(working_group=group, partner=noorderpoort)
    client.force_login(users["partner_contact"])
    for url in [
        reverse("partners:mine", args=[programme.slug]),
        reverse("partners:partner-detail", args=[programme.slug, noorderpoort.pk]),
    ]:
        page = client.get(url).content.decode()
        assert "Inspanningen en werkgroepen" in page, url
        assert "Jongeren aan zet" in page and "Ervaringsdeskundigheid en werk" in page


def test_home_panels_for_team_and_owner(client, users, programme):
    goal = OperationalGoalFactory(strategic_goal__line__programme=programme)
    indicator = IndicatorFactory(goal=goal, owner=users["reader"], name="Partners in de alliantie")
    MeasurementFactory(indicator=indicator, status="concept", period_label="2025")
    client.force_login(users["programme_team"])
    page = client.get(reverse("home")).content.decode()
    assert "operationeel doel zonder inspanningen" in page and "#goals_without_efforts" in page
    assert "Partners in de alliantie" in page  # the draft measurement waits for approval
    client.force_login(users["reader"])
    page = client.get(reverse("home")).content.decode()
    assert "Gevraagde metingen" in page and "Partners in de alliantie" in page
    assert "#goals_without_efforts" not in page


def test_menu_has_din_entries(client, users, programme):
    client.force_login(users["reader"])
    page = client.get(reverse("programme:detail", args=[programme.slug])).content.decode()
    assert reverse("programme:din", args=[programme.slug]) in page
    assert reverse("programme:din-health", args=[programme.slug]) in page
