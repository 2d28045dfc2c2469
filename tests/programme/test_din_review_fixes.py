"""Review fixes in the DIN: damaged posts get a Dutch message (never a 500), per-row buttons
say which measurement they act on, every role may export the DIN by its own named rule."""

from datetime import date

import pytest
from django.urls import reverse

from programme.din import permissions as policy
from programme.models import Measurement
from tests.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

DAMAGED = (
    "Het formulier is beschadigd of verouderd. Laad de pagina opnieuw en probeer het nog eens."
)


@pytest.fixture
def indicator(programme):
    return IndicatorFactory(goal__strategic_goal__line__programme=programme, name="Bereik")


def draft(indicator, user, status="concept"):
    return MeasurementFactory(
        indicator=indicator,
        status=status,
        entered_by=user,
        period_label="Kwartaal 3 2025",
        period_end=date(2025, 9, 30),
    )


@pytest.mark.parametrize(
    "data",
    [
        {"decision": "approve", "version": "abc"},
        {"decision": "approve"},
        {"decision": "approve", "version": "-1"},
        {"decision": "return", "version": "1x", "remark": "Bron ontbreekt"},
        {"decision": "return", "remark": "Bron ontbreekt"},
    ],
)
def test_review_with_a_damaged_version_is_refused_with_a_message(client, users, indicator, data):
    m = draft(indicator, users["reader"])
    client.force_login(users["programme_team"])
    response = client.post(reverse("programme:measurement-review", args=[m.pk]), data)
    assert response.status_code == 400
    assert DAMAGED in response.content.decode()
    assert Measurement.objects.get(pk=m.pk).status == "concept"


def test_sending_back_without_a_remark_names_the_field(client, users, indicator):
    m = draft(indicator, users["reader"])
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("programme:measurement-review", args=[m.pk]),
        {"decision": "return", "version": m.version, "remark": "  "},
        follow=True,
    )
    assert response.status_code == 200
    assert "Waarom gaat de meting terug?: Dit veld is verplicht." in response.content.decode()
    assert Measurement.objects.get(pk=m.pk).status == "concept"


def test_review_with_a_good_version_still_works(client, users, indicator):
    m = draft(indicator, users["reader"])
    client.force_login(users["programme_team"])
    response = client.post(
        reverse("programme:measurement-review", args=[m.pk]),
        {"decision": "return", "version": m.version, "remark": "Bron ontbreekt"},
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert (m.status, m.review_remark) == ("teruggestuurd", "Bron ontbreekt")


@pytest.mark.parametrize("version", ["abc", "", "1.5"])
def test_resubmit_with_a_damaged_version_is_refused_with_a_message(
    client, users, indicator, version
):
    m = draft(indicator, users["programme_team"], status="teruggestuurd")
    client.force_login(users["programme_team"])
    data = {
        "version": version,
        "period_label": m.period_label,
        "period_end": "2025-09-30",
        "value": "4",
    }
    if not version:
        del data["version"]
    response = client.post(reverse("programme:measurement-resubmit", args=[m.pk]), data)
    assert response.status_code == 400
    assert DAMAGED in response.content.decode()
    assert Measurement.objects.get(pk=m.pk).status == "teruggestuurd"


def test_per_row_buttons_name_the_measurement(client, users, indicator):
    draft(indicator, users["reader"])
    client.force_login(users["programme_team"])
    page = client.get(reverse("programme:indicator-detail", args=[indicator.pk])).content.decode()
    assert 'aria-label="De meting van Kwartaal 3 2025 goedkeuren"' in page
    assert 'aria-label="De meting van Kwartaal 3 2025 terugsturen"' in page


def test_resubmit_button_names_the_measurement(client, users, indicator):
    draft(indicator, users["programme_team"], status="teruggestuurd")
    client.force_login(users["programme_team"])
    page = client.get(reverse("programme:indicator-detail", args=[indicator.pk])).content.decode()
    assert 'aria-label="De meting van Kwartaal 3 2025 verbeteren en opnieuw aanbieden"' in page


EXPORT_DIN = {  # every role in the programme may download the DIN; nobody else
    "programme_team": True,
    "board": True,
    "secretary": True,
    "partner_contact": True,
    "reader": True,
    "other_team": False,
    "nobody": False,
    "former_team": False,
    "superuser": True,
}


@pytest.mark.parametrize("who,expected", EXPORT_DIN.items())
def test_export_din_rule_is_every_role(client, users, programme, who, expected):
    user = users[who]
    assert policy.allowed(user, "export_din", programme) is expected
    assert policy.can_export_din(user, programme) is policy.can_view_din(user, programme)
    client.force_login(user)
    response = client.get(reverse("programme:din-export", args=[programme.slug]))
    assert response.status_code == (200 if expected else 403)


def test_filter_fields_render_as_widgets(client, users, programme):
    client.force_login(users["reader"])
    page = client.get(reverse("programme:din", args=[programme.slug])).content.decode()
    assert (
        'for="filter_status"' in page and 'id="filter_status"' in page and 'name="status"' in page
    )
    assert "&lt;select" not in page and "&lt;input" not in page
