"""The indicator page asks the policy once, not per measurement: its query count is the same
for 2 and 20 measurements sent back to a partner contact (the most expensive path)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Partner
from programme.din import permissions as policy
from tests.factories import (
    EffortGoalFactory,
    EffortPartnerFactory,
    IndicatorFactory,
    MeasurementFactory,
    OperationalGoalFactory,
    WorkingGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


def _indicator(programme, users, returned):
    contact = users["partner_contact"]
    goal = OperationalGoalFactory(strategic_goal__line__programme=programme)
    link = EffortGoalFactory(effort__programme=programme, goal=goal)
    EffortPartnerFactory(effort=link.effort, partner=Partner.objects.get(name="Noorderpoort"))
    indicator = IndicatorFactory(goal=goal)
    for n in range(returned):
        MeasurementFactory(
            indicator=indicator,
            status="teruggestuurd",
            entered_by=contact,
            period_label=f"Periode {n}",
            period_end=date(2000 + n, 12, 31),
        )
    return indicator


def _page_queries(client, user, indicator):
    client.force_login(user)
    url = reverse("programme:indicator-detail", args=[indicator.pk])
    client.get(url)  # the session settles (remembered programme) before we count
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url)
    assert page.status_code == 200
    return len(queries), page.content.decode()


def test_indicator_page_queries_flat_for_2_and_20_measurements(
    client, users, programme, other_programme
):
    contact = users["partner_contact"]
    small, page = _page_queries(client, contact, _indicator(programme, users, 2))
    assert page.count("Verbeteren en opnieuw aanbieden") == 2
    large, page = _page_queries(client, contact, _indicator(programme, users, 20))
    assert page.count("Verbeteren en opnieuw aanbieden") == 20
    assert large == small


def test_partner_ids_are_cached_per_request_user_and_kartrekker_stays_fresh(
    users, programme, django_assert_num_queries
):
    contact = users["partner_contact"]
    noorderpoort = Partner.objects.get(name="Noorderpoort")
    assert policy.partner_ids_spoken_for(contact, programme) == {noorderpoort.pk}
    with django_assert_num_queries(0):  # partners.permissions.contact_partner_ids' cache
        assert policy.partner_ids_spoken_for(contact, programme) == {noorderpoort.pk}
    reader = users["reader"]
    assert not policy.is_kartrekker(reader, programme)
    WorkingGroupMemberFactory(working_group__programme=programme, user=reader, is_lead=True)
    assert policy.is_kartrekker(reader, programme)
