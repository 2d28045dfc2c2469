"""A partner is changed only in a programme it takes part in, and a programme's history shows
only its own events (review of issue 9).

- a package change re-reads the participation under the partner's lock, so a deactivation
  that got there first is seen; a partner that never joined the programme is refused;
- the back office of one programme cannot edit or "reactivate" a partner of another programme
  by naming its own programme (the services refuse, and so does the policy for the pair);
- the organisation's row is shared by the programmes, but Landerd's deactivation (and the note
  Landerd's staff typed) is not shown in the AVK's history of the partner.
"""

import html
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from partners import permissions, services
from partners.events import EVENTS
from partners.models import Commitment, Participation, Partner
from partners.services import commitments as commitment_services
from tests.factories import CommitmentFactory, CommitmentPackageFactory


@pytest.fixture
def in_two(programme, other_programme, own):
    """Noorderpoort also takes part in the other programme (Landerd), with a commitment there."""
    Participation.objects.create(programme=other_programme, partner=own, joined_on=date(2020, 1, 1))
    package = CommitmentPackageFactory(programme=other_programme, code="A")
    CommitmentFactory(
        programme=other_programme, partner=own, package=package, valid_from=date(2023, 1, 1)
    )
    return own


# 1. A package change sees the participation as it is under the lock ----------------------------


def test_a_deactivation_that_got_the_lock_first_refuses_the_package_change(
    monkeypatch, users, programme, own, packages
):
    locking = commitment_services._lock_partner

    def deactivated_while_waiting(partner_id):
        # the other request (partner_deactivate) committed while this one waited for the lock
        Participation.objects.filter(programme=programme, partner_id=partner_id).update(
            left_on=timezone.localdate()
        )
        return locking(partner_id)

    monkeypatch.setattr(commitment_services, "_lock_partner", deactivated_while_waiting)
    before = Commitment.objects.count()
    with pytest.raises(ValidationError, match="heeft dit programma verlaten"):
        services.commitment_change(
            programme=programme,
            partner=own,
            package=packages["A"],
            valid_from=timezone.localdate(),
            by=users["programme_team"],
        )
    assert Commitment.objects.count() == before


def test_a_partner_that_never_joined_the_programme_gets_no_package_there(
    users, programme, packages, elsewhere
):
    with pytest.raises(ValidationError, match="neemt niet deel aan"):
        services.commitment_change(
            programme=programme,
            partner=elsewhere,
            package=packages["A"],
            valid_from=timezone.localdate(),
            by=users["superuser"],
        )
    assert not Commitment.objects.filter(partner=elsewhere).exists()
    assert not Participation.objects.filter(programme=programme, partner=elsewhere).exists()


# 2. The back office of one programme cannot act on a partner of another ----------------------


@pytest.mark.parametrize("who", ["programme_team", "secretary", "superuser"])
def test_a_partner_of_another_programme_is_not_edited_by_naming_this_one(
    users, programme, elsewhere, who
):
    with pytest.raises(ValidationError, match="neemt niet deel aan"):
        services.partner_update(
            partner_id=elsewhere.pk,
            version=elsewhere.version,
            by=users[who],
            programme=programme,
            municipality="Ergens",
        )
    assert Partner.objects.get(pk=elsewhere.pk).municipality == "Landerd"


@pytest.mark.parametrize("who", ["programme_team", "secretary", "superuser"])
def test_a_partner_of_another_programme_is_not_reactivated_into_this_one(
    users, programme, elsewhere, who
):
    recorded = elsewhere.history.count()
    with pytest.raises(ValidationError, match="neemt niet deel aan"):
        services.partner_reactivate(
            partner_id=elsewhere.pk, version=elsewhere.version, by=users[who], programme=programme
        )
    assert not Participation.objects.filter(programme=programme, partner=elsewhere).exists()
    assert elsewhere.history.count() == recorded


def test_a_partner_of_another_programme_is_not_deactivated_here(users, programme, elsewhere):
    with pytest.raises(ValidationError, match="neemt niet deel aan"):
        services.partner_deactivate(
            programme=programme,
            partner_id=elsewhere.pk,
            version=elsewhere.version,
            by=users["programme_team"],
        )
    assert Partner.objects.get(pk=elsewhere.pk).active


@pytest.mark.parametrize(
    "action", ["change", "change_all", "change_commitment", "change_delegation", "reactivate"]
)
def test_the_policy_refuses_a_pair_of_a_partner_that_is_not_in_the_programme(
    users, programme, elsewhere, action
):
    pair = Participation(programme=programme, partner=elsewhere)
    for who in ["programme_team", "secretary", "superuser"]:
        assert permissions.allowed(users[who], action, pair) is False, who
        assert permissions.allowed(users[who], action, (programme, elsewhere)) is False, who


def test_a_partner_that_has_left_is_still_the_back_offices_to_reactivate(users, programme, own):
    services.partner_deactivate(
        programme=programme, partner_id=own.pk, version=own.version, by=users["programme_team"]
    )
    own.refresh_from_db()
    pair = Participation(programme=programme, partner=own)  # unsaved: asked of the database
    assert permissions.allowed(users["programme_team"], "reactivate", pair) is True
    partner = services.partner_reactivate(
        partner_id=own.pk, version=own.version, by=users["programme_team"], programme=programme
    )
    assert partner.active


# 3. A programme's history shows only its own events of the organisation -----------------------


def history_page(client, programme, partner):
    url = reverse("partners:partner-history", args=[programme.slug, partner.pk])
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode()).split("<main", 1)[-1]


def test_the_history_does_not_show_another_programmes_deactivation_note(
    client, users, programme, other_programme, in_two
):
    services.partner_deactivate(
        programme=other_programme,
        partner_id=in_two.pk,
        version=in_two.version,
        by=users["other_team"],
        note="Geheime reden van Landerd",
    )
    in_two.refresh_from_db()
    services.partner_update(
        partner_id=in_two.pk,
        version=in_two.version,
        by=users["programme_team"],
        programme=programme,
        municipality="Assen",
    )
    in_two.refresh_from_db()
    services.partner_deactivate(
        programme=programme,
        partner_id=in_two.pk,
        version=in_two.version,
        by=users["programme_team"],
        note="Eigen reden van de AVK",
    )
    with translation.override("nl"):
        left_landerd = str(EVENTS["partner.left_programme"]) % {"programme": "Landerd"}
    client.force_login(users["programme_team"])
    page = history_page(client, programme, in_two)
    assert "Geheime reden van Landerd" not in page
    assert left_landerd not in page
    assert "Eigen reden van de AVK" in page  # this programme's own event
    assert "Assen" in page  # the organisation's own edits are shown in every programme
    client.force_login(users["other_team"])
    page = history_page(client, other_programme, in_two)
    assert "Geheime reden van Landerd" in page
    assert "Eigen reden van de AVK" not in page
    assert "Assen" in page


def test_a_programme_event_keeps_the_programme_in_its_details(
    users, programme, other_programme, in_two
):
    services.partner_deactivate(
        programme=other_programme,
        partner_id=in_two.pk,
        version=in_two.version,
        by=users["other_team"],
    )
    in_two.refresh_from_db()
    record = in_two.history.first()
    assert record.history_change_reason == "partner.left_programme"
    assert record.history_details["programme_id"] == other_programme.pk
    services.partner_reactivate(
        partner_id=in_two.pk,
        version=in_two.version,
        by=users["other_team"],
        programme=other_programme,
    )
    in_two.refresh_from_db()
    record = in_two.history.first()
    assert record.history_change_reason == "partner.reactivated"
    assert record.history_details["programme_id"] == other_programme.pk
