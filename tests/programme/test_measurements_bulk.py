"""Approving several draft measurements at once: the service (all or nothing, through the
policy, history per measurement, a bounded number of queries) and the indicator page's
checkboxes."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.concurrency import StaleEdit
from programme.din.services.measurements import measurements_approve
from programme.models import Measurement
from tests.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(programme):
    return IndicatorFactory(goal__strategic_goal__line__programme=programme, name="Leeragenda's")


def drafts(indicator, count, *, by=None, first_year=2020):
    return [
        MeasurementFactory(
            indicator=indicator,
            period_label=str(first_year + i),
            period_end=date(first_year + i, 12, 31),
            value=i + 1,
            status="concept",
            entered_by=by,
        )
        for i in range(count)
    ]


def versions(measurements):
    return {m.pk: m.version for m in measurements}


def statuses(measurements):
    return [Measurement.objects.get(pk=m.pk).status for m in measurements]


# --- the service ---------------------------------------------------------------------------------


def test_the_team_approves_several_drafts_at_once_each_with_its_history(indicator, users):
    team = users["programme_team"]
    rows = drafts(indicator, 3, by=users["reader"])
    approved = measurements_approve(versions=versions(rows[:2]), by=team, indicator=indicator)
    assert sorted(m.pk for m in approved) == sorted(m.pk for m in rows[:2])
    assert statuses(rows) == ["goedgekeurd", "goedgekeurd", "concept"]
    for row in rows[:2]:
        row.refresh_from_db()
        assert row.reviewed_by == team and row.reviewed_at is not None
        assert row.version == 2
        latest = row.history.order_by("-history_id").first()
        assert latest.history_change_reason == "din.measurement.approved"
        assert latest.history_user == team and latest.status == "goedgekeurd"


def test_a_superuser_may_approve_too(indicator, users):
    rows = drafts(indicator, 2)
    measurements_approve(versions=versions(rows), by=users["superuser"])
    assert statuses(rows) == ["goedgekeurd", "goedgekeurd"]


@pytest.mark.parametrize(
    "who",
    ["board", "secretary", "partner_contact", "reader", "other_team", "nobody", "former_team"],
)
def test_no_one_else_approves(indicator, users, who):
    rows = drafts(indicator, 2, by=users[who])
    with pytest.raises(PermissionDenied):
        measurements_approve(versions=versions(rows), by=users[who])
    assert statuses(rows) == ["concept", "concept"]


def test_a_draft_of_another_programme_refuses_them_all(indicator, users, other_programme):
    own = drafts(indicator, 2)
    foreign_indicator = IndicatorFactory(goal__strategic_goal__line__programme=other_programme)
    foreign = drafts(foreign_indicator, 1)
    with pytest.raises(PermissionDenied):
        measurements_approve(versions=versions(own + foreign), by=users["programme_team"])
    assert statuses(own + foreign) == ["concept"] * 3
    # the other programme's team may approve its own draft, not ours
    measurements_approve(versions=versions(foreign), by=users["other_team"])
    with pytest.raises(PermissionDenied):
        measurements_approve(versions=versions(own), by=users["other_team"])


@pytest.mark.parametrize("state", ["goedgekeurd", "teruggestuurd"])
def test_only_drafts_all_or_nothing(indicator, users, state):
    rows = drafts(indicator, 2)
    done = MeasurementFactory(
        indicator=indicator, period_label="2030", period_end=date(2030, 12, 31), status=state
    )
    with pytest.raises(PermissionDenied):
        measurements_approve(versions=versions([*rows, done]), by=users["programme_team"])
    assert statuses(rows) == ["concept", "concept"]


def test_a_stale_measurement_refuses_them_all(indicator, users):
    rows = drafts(indicator, 2)
    stale = versions(rows)
    stale[rows[1].pk] = rows[1].version + 1  # someone changed it meanwhile (or a forged post)
    with pytest.raises(StaleEdit):
        measurements_approve(versions=stale, by=users["programme_team"])
    assert statuses(rows) == ["concept", "concept"]


def test_bad_input(indicator, users):
    team = users["programme_team"]
    with pytest.raises(ValidationError):
        measurements_approve(versions={}, by=team)
    rows = drafts(indicator, 1)
    with pytest.raises(ValidationError):  # one of them does not exist (any more)
        measurements_approve(versions={**versions(rows), 999999: 1}, by=team)
    other = IndicatorFactory(goal=indicator.goal)
    theirs = drafts(other, 1)
    with pytest.raises(ValidationError):  # not of the indicator named
        measurements_approve(versions=versions(rows + theirs), by=team, indicator=indicator)
    assert statuses(rows + theirs) == ["concept", "concept"]


def test_the_number_of_queries_does_not_grow_with_the_number_of_drafts(indicator, users):
    def count(n, first_year):
        team = type(users["programme_team"]).objects.get(pk=users["programme_team"].pk)
        rows = drafts(indicator, n, first_year=first_year)
        with CaptureQueriesContext(connection) as queries:
            measurements_approve(versions=versions(rows), by=team, indicator=indicator)
        return len(queries)

    assert count(2, 2000) == count(12, 2010)


# --- the indicator page ----------------------------------------------------------------------


def bulk_url(indicator):
    return reverse("programme:measurements-approve", args=[indicator.pk])


def post_data(rows):
    data = {"measurement": [str(m.pk) for m in rows]}
    data.update({f"version-{m.pk}": str(m.version) for m in rows})
    return data


def test_the_page_offers_checkboxes_to_the_team_only(client, indicator, users):
    rows = drafts(indicator, 2, by=users["reader"])
    page_url = reverse("programme:indicator-detail", args=[indicator.pk])
    client.force_login(users["programme_team"])
    html = client.get(page_url).content.decode()
    assert f'action="{bulk_url(indicator)}"' in html
    for row in rows:
        assert f'id="select-{row.pk}" form="bulk-approve"' in html
        assert f'name="version-{row.pk}" value="{row.version}" form="bulk-approve"' in html
        assert f'<label class="visually-hidden" for="select-{row.pk}">' in html
    for who in ["reader", "board"]:
        client.force_login(users[who])
        html = client.get(page_url).content.decode()
        assert "bulk-approve" not in html and 'name="measurement"' not in html


def test_a_single_draft_has_no_bulk_form_but_its_own_buttons_in_its_row(client, indicator, users):
    (row,) = drafts(indicator, 1)
    client.force_login(users["programme_team"])
    html = client.get(reverse("programme:indicator-detail", args=[indicator.pk])).content.decode()
    assert "bulk-approve" not in html
    review = reverse("programme:measurement-review", args=[row.pk])
    # the approve and send-back forms sit in the row's own cell, before the row ends
    cell = html[html.index('class="measurement-actions"') :]
    assert cell.index(review) < cell.index("</tr>")
    assert 'name="remark"' in cell[: cell.index("</tr>")]


def test_the_team_approves_the_ticked_drafts(client, indicator, users):
    rows = drafts(indicator, 3)
    client.force_login(users["programme_team"])
    response = client.post(bulk_url(indicator), post_data(rows[:2]))
    assert response.status_code == 302 and response["Location"] == indicator.get_absolute_url()
    assert statuses(rows) == ["goedgekeurd", "goedgekeurd", "concept"]


def test_nothing_ticked_or_a_damaged_post(client, indicator, users):
    rows = drafts(indicator, 2)
    client.force_login(users["programme_team"])
    assert client.post(bulk_url(indicator), {}).status_code == 302
    damaged = post_data(rows)
    del damaged[f"version-{rows[0].pk}"]
    assert client.post(bulk_url(indicator), damaged).status_code == 400
    assert client.post(bulk_url(indicator), {"measurement": ["x"]}).status_code == 400
    stale = post_data(rows)
    stale[f"version-{rows[0].pk}"] = "7"
    assert client.post(bulk_url(indicator), stale).status_code == 302  # with the message
    assert statuses(rows) == ["concept", "concept"]
    assert client.get(bulk_url(indicator)).status_code == 405


@pytest.mark.parametrize("who", ["reader", "partner_contact", "board", "other_team", "nobody"])
def test_others_are_refused_at_the_page(client, indicator, users, who):
    rows = drafts(indicator, 2)
    client.force_login(users[who])
    assert client.post(bulk_url(indicator), post_data(rows)).status_code == 403
    assert statuses(rows) == ["concept", "concept"]
