"""Who may do what, at the page and at the service: the programme team edits; every role in
the programme reads; the history is for the back office; a partner contact fills in only their
own organisation's quick scan and sees no other partner's answers; a role elsewhere gives
nothing."""

import pytest
from django.urls import reverse

from avk.policy import Refused, allowed
from reflection import services
from reflection.models import AttentionPoint, ScanResponse
from tests.reflection.conftest import add_point, fill

pytestmark = pytest.mark.django_db

READERS = ["programme_team", "board", "secretary", "partner_contact", "reader", "superuser"]
OUTSIDERS = ["nobody", "other_team", "former_team"]
NOT_TEAM = ["board", "secretary", "partner_contact", "reader", *OUTSIDERS]


@pytest.fixture
def point(users, session):
    return add_point(session, users["programme_team"])


def read_urls(session, point):
    return [
        reverse("reflection:round-list", args=["avk"]),
        reverse("reflection:round-detail", args=[session.round_id]),
        reverse("reflection:round-follow-up", args=[session.round_id]),
        reverse("reflection:session-detail", args=[session.pk]),
        reverse("reflection:point-detail", args=[point.pk]),
    ]


def change_urls(session, point):
    return [
        reverse("reflection:round-create", args=["avk"]),
        reverse("reflection:round-edit", args=[session.round_id]),
        reverse("reflection:session-create", args=[session.round_id]),
        reverse("reflection:session-edit", args=[session.pk]),
        reverse("reflection:point-add", args=[session.pk]),
        reverse("reflection:point-edit", args=[point.pk]),
        reverse("reflection:point-remove", args=[point.pk]),
    ]


@pytest.mark.parametrize("who", READERS + OUTSIDERS)
def test_every_role_in_the_programme_reads(client, users, session, point, who):
    client.force_login(users[who])
    expected = 200 if who in READERS else 403
    for url in read_urls(session, point):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize("who", ["programme_team", "superuser", *NOT_TEAM])
def test_only_the_programme_team_changes(client, users, session, point, who):
    client.force_login(users[who])
    expected = 200 if who in ("programme_team", "superuser") else 403
    for url in change_urls(session, point):
        assert client.get(url).status_code == expected, url
    if expected == 403:
        response = client.post(
            reverse("reflection:point-add", args=[session.pk]), {"title": "Binnengesmokkeld"}
        )
        assert response.status_code == 403
        assert not AttentionPoint.objects.filter(title="Binnengesmokkeld").exists()
        with pytest.raises(Refused):
            services.point_add(session=session, by=users[who], title="Via de service")
        with pytest.raises(Refused):
            services.follow_up_set(
                source=point, status="afgerond", version=point.version, by=users[who]
            )


@pytest.mark.parametrize(
    "who, expected",
    [
        ("programme_team", 200),
        ("secretary", 200),
        ("board", 403),
        ("reader", 403),
        ("partner_contact", 403),
        ("other_team", 403),
    ],
)
def test_history_is_for_the_back_office(client, users, session, point, who, expected):
    client.force_login(users[who])
    for url in (
        reverse("reflection:round-history", args=[session.round_id]),
        reverse("reflection:session-history", args=[session.pk]),
        reverse("reflection:point-history", args=[point.pk]),
    ):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(
    "who, listing, results",
    [
        ("programme_team", 200, 200),
        ("partner_contact", 200, 403),
        ("board", 403, 403),
        ("secretary", 403, 403),
        ("reader", 403, 403),
        ("other_team", 403, 403),
    ],
)
def test_quick_scan_pages(client, users, scan, who, listing, results):
    client.force_login(users[who])
    assert client.get(reverse("reflection:scan-list", args=["avk"])).status_code == listing
    assert client.get(reverse("reflection:scan-detail", args=[scan.pk])).status_code == results
    assert client.get(reverse("reflection:scan-export", args=[scan.pk])).status_code == results


def test_a_partner_contact_fills_in_only_their_own_organisation(client, users, scan, own, other):
    contact = users["partner_contact"]
    fill(scan, other, ["ja", "ja", "nee"], by=users["superuser"], remark="Geheim van Emmen")
    client.force_login(contact)
    items = list(scan.items.all())
    data = {f"answer_{item.pk}": "deels" for item in items}
    own_url = reverse("reflection:scan-fill", args=[scan.pk, own.pk])
    assert client.get(own_url).status_code == 200
    assert client.post(own_url, data).status_code == 302
    assert ScanResponse.objects.get(partner=own).answers.count() == 3
    other_url = reverse("reflection:scan-fill", args=[scan.pk, other.pk])
    assert client.get(other_url).status_code == 403
    assert client.post(other_url, data).status_code == 403
    # nothing of another partner on the pages the contact sees
    listing = client.get(reverse("reflection:scan-list", args=["avk"])).content.decode()
    assert "Geheim van Emmen" not in listing and "Gemeente Emmen" not in listing
    with pytest.raises(Refused):
        fill(scan, other, ["nee", "nee", "nee"], by=contact)
    assert allowed(contact, "reflection.view_scan_response", (scan, own))
    assert not allowed(contact, "reflection.view_scan_response", (scan, other))


def test_a_closed_scan_can_no_longer_be_filled_in(client, users, scan, own):
    scan = services.scan_update(
        scan_id=scan.pk, version=scan.version, by=users["programme_team"], is_open=False
    )
    client.force_login(users["partner_contact"])
    url = reverse("reflection:scan-fill", args=[scan.pk, own.pk])
    assert client.get(url).status_code == 200  # read only
    assert client.post(url, {}).status_code == 403
    with pytest.raises(Refused):
        fill(scan, own, ["ja", "ja", "ja"], by=users["partner_contact"])


def test_the_programme_team_does_not_fill_in_for_a_partner(client, users, scan, own):
    client.force_login(users["programme_team"])
    url = reverse("reflection:scan-fill", args=[scan.pk, own.pk])
    assert client.get(url).status_code == 200  # sees the answers
    assert client.post(url, {}).status_code == 403
