"""A partner's history page: the organisation, its commitments and its delegation (removed
members too), in Dutch through the shared partial, without raw data; only for those who keep
the records (the back office of the programme), linked from the partner page only for them.
And a damaged hidden version is a 400 with a Dutch message, never a silent version 0."""

import html
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from partners import services
from partners.events import EVENTS
from partners.models import DelegationMember, Participation


def history_url(programme, partner):
    return reverse("partners:partner-history", args=[programme.slug, partner.pk])


def detail_url(programme, partner):
    return reverse("partners:partner-detail", args=[programme.slug, partner.pk])


@pytest.fixture
def changed(users, programme, own, packages):
    """A change of package, a correction, a member added and removed, new details."""
    team = users["programme_team"]
    services.commitment_change(
        programme=programme,
        partner=own,
        package=packages["A"],
        valid_from=date(2024, 7, 1),
        motivation="Meer betrokkenheid",
        by=team,
    )
    member = services.delegation_member_add(
        programme=programme, partner=own, by=team, level="manager", name="Mila Modelmens"
    )
    services.delegation_member_remove(member_id=member.pk, version=member.version, by=team)
    services.partner_update(
        partner_id=own.pk, version=own.version, by=team, programme=programme, municipality="Assen"
    )
    return own


@pytest.mark.parametrize(
    "who, status",
    [
        ("programme_team", 200),
        ("secretary", 200),
        ("superuser", 200),
        ("board", 403),
        ("partner_contact", 403),
        ("reader", 403),
        ("other_team", 403),
        ("nobody", 403),
    ],
)
def test_who_may_read_the_history(client, users, programme, own, who, status):
    client.force_login(users[who])
    assert client.get(history_url(programme, own)).status_code == status


def test_a_partner_of_another_programme_has_no_history_here(client, users, programme, elsewhere):
    client.force_login(users["programme_team"])
    assert client.get(history_url(programme, elsewhere)).status_code == 404


def test_the_other_programmes_team_is_refused_there_too(
    client, users, programme, other_programme, own
):
    Participation.objects.create(programme=other_programme, partner=own)
    client.force_login(users["other_team"])
    assert client.get(history_url(other_programme, own)).status_code == 200
    assert client.get(history_url(programme, own)).status_code == 403


def test_the_history_reads_in_dutch_without_raw_data(client, users, programme, changed):
    client.force_login(users["programme_team"])
    response = client.get(history_url(programme, changed))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for text in [
        "Geschiedenis van wijzigingen",
        "Delegatie: Mila Modelmens toegevoegd (manager)",
        "Delegatie: Mila Modelmens verwijderd",
        "Gewijzigd",
        "Assen",  # the changed field's new value
        "1 juli 2024",  # dates as people write them
    ]:
        assert text in page, text
    # every event reads as its label in the reader's language, filled with its details
    with translation.override("nl"):
        for code, details in [
            ("commitment.changed", {"old": "B", "package": "A", "from": "1 juli 2024"}),
            (
                "commitment.ended_by_change",
                {"on": "30 juni 2024", "package": "A", "from": "1 juli 2024"},
            ),
        ]:
            assert str(EVENTS[code]) % details in page, code
    body = page.split("<main", 1)[-1]
    for raw in ["commitment.", "delegation.", "partner.edited", "{'", "2024-07-01", "None"]:
        assert raw not in body, raw
    assert not re.search(r"#\d+", body)  # no ids of rows


def test_the_partner_page_links_to_the_history_only_for_who_may_read_it(
    client, users, programme, own
):
    link = history_url(programme, own)
    client.force_login(users["programme_team"])
    assert link in client.get(detail_url(programme, own)).content.decode()
    client.force_login(users["board"])
    page = client.get(detail_url(programme, own))
    assert page.status_code == 200
    assert link not in page.content.decode()


# A damaged hidden version -------------------------------------------------------------------


@pytest.mark.parametrize("version", [None, "", "twee", "-1"])
def test_a_damaged_version_is_a_400_and_removes_nothing(client, users, programme, own, version):
    member = services.delegation_member_add(
        programme=programme, partner=own, by=users["programme_team"], level="manager", name="Lid"
    )
    client.force_login(users["programme_team"])
    url = reverse("partners:delegation-remove", args=[programme.slug, member.pk])
    response = client.post(url, {} if version is None else {"version": version})
    assert response.status_code == 400
    assert "Het formulier is onderweg beschadigd" in response.content.decode()
    assert DelegationMember.objects.filter(pk=member.pk).exists()


def test_a_damaged_version_on_reactivation_is_a_400(client, users, programme, own):
    services.partner_deactivate(
        programme=programme, partner_id=own.pk, version=1, by=users["programme_team"]
    )
    client.force_login(users["programme_team"])
    url = reverse("partners:partner-reactivate", args=[programme.slug, own.pk])
    response = client.post(url, {"version": "x"})
    assert response.status_code == 400
    own.refresh_from_db()
    assert not own.active


def test_a_delegation_level_reads_as_its_label_in_the_readers_language(users, programme, own):
    from avk.history import entries

    member = services.delegation_member_add(
        programme=programme, partner=own, by=users["programme_team"], level="uitvoering", name="Uma"
    )
    with translation.override("en"):
        assert entries(member)[0]["event"] == "Delegation: Uma added (front line)"
    with translation.override("nl"):
        assert entries(member)[0]["event"] == "Delegatie: Uma toegevoegd (uitvoering)"
