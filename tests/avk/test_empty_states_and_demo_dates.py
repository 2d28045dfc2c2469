"""Empty states that guide (an empty DIN is not "in order"; partners without commitments say
what to do first) and demo data that reads true (history on the day of the fact)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from avk import demo
from tests.factories import ParticipationFactory
from tests.factories.din import ProgrammeLineFactory, StrategicGoalFactory

AMS = ZoneInfo("Europe/Amsterdam")


# --- DIN health -------------------------------------------------------------------------


def test_an_empty_din_says_it_is_empty_and_where_to_start(client, users, programme):
    line = ProgrammeLineFactory(programme=programme)
    StrategicGoalFactory(line=line, programme=programme)
    client.force_login(users["programme_team"])
    response = client.get(reverse("programme:din-health", args=[programme.slug]))
    html = response.content.decode()
    assert response.context["size"]["goals"] == 0 and response.context["size"]["efforts"] == 0
    assert 'id="h-empty"' in html
    assert f'href="{reverse("programme:din", args=[programme.slug])}"' in html
    assert f'href="{reverse("programme:din-import", args=[programme.slug])}"' in html
    assert 'id="goals_without_efforts"' not in html  # no list of zeros


def test_a_reader_of_an_empty_din_is_not_sent_to_edit_it(client, users, programme):
    client.force_login(users["reader"])
    html = client.get(reverse("programme:din-health", args=[programme.slug])).content.decode()
    assert 'id="h-empty"' in html
    assert reverse("programme:din-import", args=[programme.slug]) not in html


def test_a_din_with_goals_shows_its_checks(client, users, programme):
    from tests.factories.din import OperationalGoalFactory

    OperationalGoalFactory(programme=programme)
    client.force_login(users["programme_team"])
    html = client.get(reverse("programme:din-health", args=[programme.slug])).content.decode()
    assert 'id="h-empty"' not in html and 'id="goals_without_efforts"' in html


# --- partners without commitments -------------------------------------------------------


def test_a_partner_list_without_any_commitment_says_what_to_do(client, users, programme):
    for _n in range(3):
        ParticipationFactory(programme=programme)
    client.force_login(users["programme_team"])
    response = client.get(reverse("partners:list", args=[programme.slug]))
    html = response.content.decode()
    assert response.context["no_commitments"] and not response.context["has_packages"]
    assert 'id="h-no-commitments"' in html
    assert 'id="h-summary"' not in html  # no "0 with a commitment, total € 0"
    assert f'href="{reverse("partners:import", args=[programme.slug])}"' in html
    # the filtered list is not "empty": it only matches nothing
    response = client.get(reverse("partners:list", args=[programme.slug]), {"kind": "zorg"})
    assert not response.context["no_commitments"]


def test_a_partner_page_without_packages_says_so_instead_of_offering_a_change(
    client, users, programme
):
    partner = ParticipationFactory(programme=programme).partner
    client.force_login(users["programme_team"])
    url = reverse("partners:partner-detail", args=[programme.slug, partner.pk])
    response = client.get(url)
    assert response.context["has_packages"] is False
    change = reverse("partners:commitment-change", args=[programme.slug, partner.pk])
    assert change not in response.content.decode()


# --- demo data on the day of the fact ---------------------------------------------------


@pytest.fixture
def context(users):
    return {"started": timezone.now() - timedelta(seconds=1), "admin": users["superuser"]}


def test_backdate_dates_what_this_run_wrote_in_order(context, users, programme):
    from partners import services

    partner = services.partner_create(
        programme=programme, by=users["superuser"], name="Dorpshuis De Kroon", kind="welzijn"
    )
    services.partner_update(
        partner_id=partner.pk,
        version=partner.version,
        by=users["superuser"],
        programme=programme,
        municipality="Emmen",
    )
    assert demo.backdate(context, partner, date(2017, 1, 1)) == 2
    dates = list(partner.history.order_by("history_id").values_list("history_date", flat=True))
    assert dates[0] == datetime(2017, 1, 1, demo.FACT_HOUR, tzinfo=AMS)
    assert dates == sorted(dates)  # the order of what happened stays
    # a second run (or a real edit since) is left alone
    assert demo.backdate(context | {"started": timezone.now()}, partner, date(2020, 1, 1)) == 0


def test_backdate_can_keep_later_events_today(context, users, programme):
    from partners import services

    partner = services.partner_create(
        programme=programme, by=users["superuser"], name="Buurtkamer", kind="welzijn"
    )
    assert demo.backdate(context, partner, date(2017, 1, 1), events=["no.such.event"]) == 0
    assert partner.history.filter(history_date__year=timezone.now().year).exists()


def test_redate_sets_a_rows_own_moment(context):
    from tests.factories import UserFactory

    user = UserFactory(username="laat")
    rows = type(user).objects.filter(pk=user.pk)
    when = datetime(2023, 6, 19, 14, 0, tzinfo=AMS)
    assert demo.redate(context, rows, "date_joined", when) == 1
    assert rows.get().date_joined == when
    assert demo.redate(context, rows, "date_joined", date(2020, 1, 1)) == 0  # done already
    assert demo.moment(date(2023, 6, 19)) == datetime(2023, 6, 19, 12, 0, tzinfo=AMS)
    assert demo.moment(datetime(2023, 6, 19, 14, 0)) == when


def test_backdate_needs_the_runs_start():
    with pytest.raises(ValueError):
        demo.backdate({}, [], date(2023, 1, 1))
