"""The access matrix at the service level: every partners service asks the policy itself, so it
refuses exactly those the pages refuse (tests/partners/test_permissions.py), whoever calls it:
a page, the admin, the import or the demo data.

Who: the programme team and the secretariat of this programme, the partner contact on its own
organisation and on another one, the board, and the programme team of another programme.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from avk.policy import Refused
from partners import imports, services
from partners.models import Commitment, DelegationMember, Participation, Partner
from tests.factories import DelegationMemberFactory
from tests.partners.test_import import csv_bytes

TODAY = timezone.localdate

#: (user key, which partner): True = allowed, False = Refused.
WHO = [
    ("programme_team", "own"),
    ("secretary", "own"),
    ("partner_contact", "own"),
    ("partner_contact", "other"),
    ("board", "own"),
    ("other_team", "own"),
]
# Per service, allowed for:  team  secretary  contact-own  contact-other  board  other-team
MATRIX = {
    "commitment_change": (True, True, True, False, False, False),
    "partner_update": (True, True, True, False, False, False),
    "delegation_member_add": (True, True, True, False, False, False),
    "delegation_member_remove": (True, True, True, False, False, False),
    "partner_deactivate": (True, True, False, False, False, False),
    "import": (True, True, False, False, False, False),
}


def cases():
    for service, answers in MATRIX.items():
        for (who, which), answer in zip(WHO, answers, strict=True):
            yield pytest.param(service, who, which, answer, id=f"{service}-{who}-{which}")


def state():
    return (
        list(Partner.objects.values_list("name", "version", "active")),
        list(Commitment.objects.values_list("pk", "valid_until")),
        list(DelegationMember.objects.values_list("pk", "name")),
        list(Participation.objects.values_list("pk", "left_on")),
    )


def call(service, by, programme, partner, packages):
    if service == "commitment_change":
        return services.commitment_change(
            programme=programme,
            partner=partner,
            package=packages["C"],
            valid_from=TODAY() + timedelta(days=7),
            motivation="Andere rol",
            by=by,
        )
    if service == "partner_update":
        return services.partner_update(
            partner_id=partner.pk,
            version=partner.version,
            by=by,
            programme=programme,
            short_name="Nieuw",
        )
    if service == "delegation_member_add":
        return services.delegation_member_add(
            programme=programme, partner=partner, by=by, level="uitvoering", name="Nieuwe Zetel"
        )
    if service == "delegation_member_remove":
        member = DelegationMember.objects.get(programme=programme, partner=partner)
        return services.delegation_member_remove(member_id=member.pk, version=1, by=by)
    if service == "partner_deactivate":
        return services.partner_deactivate(
            programme=programme, partner_id=partner.pk, version=partner.version, by=by
        )
    if service == "import":
        content = csv_bytes([["name", "kind"], ["Stichting Import", "welzijn"]])
        dataset = imports.read_upload(name="p.csv", content=content, kind="partners")
        return imports.run_import(
            kind="partners", dataset=dataset, programme=programme, by=by, dry_run=False
        )
    raise AssertionError(service)


@pytest.mark.parametrize("service, who, which, allowed", list(cases()))
def test_the_service_refuses_whom_the_page_refuses(
    users, programme, own, other, packages, service, who, which, allowed
):
    partner = own if which == "own" else other
    for target in (own, other):
        DelegationMemberFactory(programme=programme, partner=target, level="manager", name="Lid")
    before = state()
    if allowed:
        result = call(service, users[who], programme, partner, packages)
        if service == "import":
            assert result.ok, result.problems
        assert state() != before
    else:
        with pytest.raises(Refused):
            call(service, users[who], programme, partner, packages)
        assert state() == before


@pytest.mark.parametrize(
    "who, allowed", [("programme_team", True), ("secretary", True), ("partner_contact", False)]
)
def test_only_the_back_office_backdates_a_package(users, programme, own, packages, who, allowed):
    """A contact may change its package, but not before today: the service asks
    `partners.backdate_commitment` itself (no flag from the view)."""
    kwargs = {
        "programme": programme,
        "partner": own,
        "package": packages["A"],
        "valid_from": date(2024, 7, 1),
        "by": users[who],
    }
    if allowed:
        assert services.commitment_change(**kwargs).valid_from == date(2024, 7, 1)
    else:
        with pytest.raises(ValidationError, match="niet vóór vandaag"):
            services.commitment_change(**kwargs)
        assert Commitment.objects.filter(partner=own).count() == 1


@pytest.mark.parametrize("who", ["partner_contact", "board", "other_team"])
def test_correcting_a_commitment_is_for_the_back_office(users, programme, own, who):
    commitment = Commitment.objects.get(partner=own)
    with pytest.raises(Refused):
        services.commitment_update(
            commitment_id=commitment.pk,
            version=1,
            by=users[who],
            yearly_contribution=commitment.yearly_contribution,
            signed_on=None,
            motivation="",
        )


def test_a_contact_changes_the_public_details_only(users, programme, own):
    contact = users["partner_contact"]
    with pytest.raises(Refused):
        services.partner_update(
            partner_id=own.pk, version=1, by=contact, programme=programme, kind="fonds"
        )
    with pytest.raises(Refused):
        services.partner_update(
            partner_id=own.pk, version=1, by=contact, programme=programme, notes="intern"
        )
    own.refresh_from_db()
    assert (own.kind, own.notes, own.version) == ("onderwijs", "", 1)


def test_a_contact_of_an_organisation_that_left_changes_nothing_any_more(
    users, programme, own, packages
):
    services.partner_deactivate(
        programme=programme, partner_id=own.pk, version=1, by=users["programme_team"]
    )
    own.refresh_from_db()
    contact = users["partner_contact"]
    with pytest.raises(Refused):
        services.partner_update(
            partner_id=own.pk, version=own.version, by=contact, programme=programme, phone="1"
        )
    with pytest.raises(Refused):
        services.delegation_member_add(
            programme=programme, partner=own, by=contact, level="manager", name="Te laat"
        )


@pytest.mark.parametrize("who", ["programme_team", "secretary", "board", "partner_contact"])
def test_packages_are_changed_by_the_programme_team(users, programme, packages, who):
    by = users[who]
    if who == "programme_team":
        services.package_update(package_id=packages["C"].pk, by=by, name="Vriend")
        assert packages["C"].history.first().history_change_reason == "package.edited"
        return
    with pytest.raises(Refused):
        services.package_update(package_id=packages["C"].pk, by=by, name="Vriend")
