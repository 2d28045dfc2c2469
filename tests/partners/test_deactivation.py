"""Deactivating a partner in one programme leaves its other programmes alone; the organisation
is inactive only when it takes part in no programme any more. Reactivating is the mirror."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partners import services
from partners.models import Commitment, Participation
from tests.factories import CommitmentFactory, CommitmentPackageFactory


@pytest.fixture
def in_two(programme, other_programme, own):
    """Noorderpoort also takes part in the other programme, with a commitment there."""
    Participation.objects.create(programme=other_programme, partner=own, joined_on=date(2020, 1, 1))
    package = CommitmentPackageFactory(programme=other_programme, code="A")
    CommitmentFactory(
        programme=other_programme, partner=own, package=package, valid_from=date(2023, 1, 1)
    )
    return own


def test_deactivating_in_one_programme_leaves_the_other_alone(
    client, users, programme, other_programme, in_two
):
    client.force_login(users["programme_team"])
    today = timezone.localdate()
    response = client.post(
        reverse("partners:partner-deactivate", args=[programme.slug, in_two.pk]),
        {"on": today.isoformat(), "reason": "gestopt", "version": 1},
    )
    assert response.status_code == 302
    in_two.refresh_from_db()
    assert in_two.active  # still takes part in the other programme
    here = Commitment.objects.get(partner=in_two, programme=programme)
    there = Commitment.objects.get(partner=in_two, programme=other_programme)
    assert here.valid_until == today
    assert there.valid_until is None
    assert Participation.objects.get(partner=in_two, programme=programme).left_on == today
    assert Participation.objects.get(partner=in_two, programme=other_programme).left_on is None
    assert in_two.history.first().history_user == users["programme_team"]
    # it is inactive here (hidden from the list, shown as inactive) but not there
    page = client.get(reverse("partners:partner-detail", args=[programme.slug, in_two.pk]))
    assert "Opnieuw activeren" in page.content.decode()
    listed = client.get(reverse("partners:list", args=[programme.slug])).context["page"]
    assert in_two.pk not in [p.pk for p in listed]
    # a second deactivation in the same programme is refused
    with pytest.raises(ValidationError, match="al inactief in dit programma"):
        services.partner_deactivate(
            programme=programme, partner_id=in_two.pk, version=in_two.version, by=users["superuser"]
        )
    # no new package in the programme it left
    with pytest.raises(ValidationError, match="heeft dit programma verlaten"):
        services.commitment_change(
            programme=programme,
            partner=in_two,
            package=here.package,
            valid_from=today,
            by=users["superuser"],
        )


def test_the_last_programme_makes_the_partner_inactive(users, programme, other_programme, in_two):
    today = timezone.localdate()
    partner = services.partner_deactivate(
        programme=programme, partner_id=in_two.pk, version=1, by=users["superuser"], on=today
    )
    assert partner.active
    partner = services.partner_deactivate(
        programme=other_programme,
        partner_id=in_two.pk,
        version=partner.version,
        by=users["superuser"],
        on=today,
    )
    assert not partner.active
    assert partner.history.first().history_change_reason == "partner.deactivated"
    assert not Commitment.objects.filter(partner=in_two, valid_until__isnull=True).exists()


def test_reactivating_is_per_programme(users, programme, other_programme, in_two):
    by = users["superuser"]
    today = timezone.localdate()
    partner = services.partner_deactivate(
        programme=programme, partner_id=in_two.pk, version=1, by=by, on=today
    )
    partner = services.partner_deactivate(
        programme=other_programme, partner_id=in_two.pk, version=partner.version, by=by, on=today
    )
    partner = services.partner_reactivate(
        programme=other_programme, partner_id=in_two.pk, version=partner.version, by=by
    )
    assert partner.active
    assert Participation.objects.get(partner=in_two, programme=other_programme).left_on is None
    assert Participation.objects.get(partner=in_two, programme=programme).left_on == today
    with pytest.raises(ValidationError, match="al actief in dit programma"):
        services.partner_reactivate(
            programme=other_programme, partner_id=in_two.pk, version=partner.version, by=by
        )


def test_the_other_programmes_team_cannot_deactivate_here(client, users, programme, in_two):
    client.force_login(users["other_team"])
    url = reverse("partners:partner-deactivate", args=[programme.slug, in_two.pk])
    assert client.post(url, {"on": "2099-01-01", "version": 1}).status_code == 403
    in_two.refresh_from_db()
    assert Participation.objects.get(partner=in_two, programme=programme).left_on is None
