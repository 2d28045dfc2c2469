"""'Mijn organisatie': a partner contact keeps their own organisation's details, delegation and
package up to date; every change is in the history with the user, the programme team gets an
e-mail; another partner's pages are refused, also by a crafted POST."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partners.models import Commitment, DelegationMember, Partner
from tests.factories import DelegationMemberFactory


@pytest.fixture
def contact(client, users):
    client.force_login(users["partner_contact"])
    return users["partner_contact"]


def member_url(name, programme, member):
    return reverse(f"partners:{name}", args=[programme.slug, member.pk])


def url(name, programme, partner, *extra):
    return reverse(f"partners:{name}", args=[programme.slug, partner.pk, *extra])


def test_my_organisation_shows_the_five_seats_and_what_is_missing(client, contact, programme, own):
    DelegationMemberFactory(
        programme=programme, partner=own, level="bestuurder", name="Bram Bedenksel"
    )
    response = client.get(reverse("partners:mine", args=[programme.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn organisatie: Noorderpoort" in html
    assert html.count("lege zetel") == 4
    assert "4 zetels zijn leeg." in html
    assert "Er is geen aanspreekpunt benoemd." in html
    assert "Bram Bedenksel" in html
    seats = response.context["seats"]
    assert [(s.level, s.number, bool(s.member)) for s in seats] == [
        ("bestuurder", 1, True),
        ("manager", 1, False),
        ("manager", 2, False),
        ("uitvoering", 1, False),
        ("uitvoering", 2, False),
    ]


def test_the_home_page_tells_a_contact_what_is_missing(client, contact, programme, own):
    html = client.get(reverse("home")).content.decode()
    assert "Noorderpoort" in html and "?level=bestuurder" in html  # an empty seat to fill in
    assert "Lege zetel: bestuurder 1" in html
    assert "Er is geen aanspreekpunt benoemd." in html


def test_filling_a_seat_keeps_history_and_mails_the_team(
    client, contact, users, programme, own, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("delegation-add", programme, own),
            {
                "level": "uitvoering",
                "name": "Joris Proefmans",
                "function": "loopbaanbegeleider",
                "email": "joris@example.org",
                "phone": "050 000 0000",
                "is_contact": "on",
            },
        )
    assert response.status_code == 302
    assert response.url == reverse("partners:mine", args=[programme.slug])
    member = DelegationMember.objects.get(name="Joris Proefmans")
    assert (member.partner, member.programme, member.is_contact) == (own, programme, True)
    record = member.history.first()
    assert record.history_user == contact
    assert record.history_change_reason == "delegation.added"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [users["programme_team"].email]
    assert "Noorderpoort" in message.subject
    assert "Joris Proefmans" in message.body
    assert f"/partners/{programme.slug}/{own.pk}/" in message.body


def test_a_third_manager_is_refused_with_a_dutch_message(client, contact, programme, own):
    DelegationMemberFactory.create_batch(2, programme=programme, partner=own, level="manager")
    response = client.post(
        url("delegation-add", programme, own), {"level": "manager", "name": "Derde Manager"}
    )
    assert response.status_code == 200
    assert "Alle 2 zetels op het niveau manager zijn bezet." in response.content.decode()
    assert not DelegationMember.objects.filter(name="Derde Manager").exists()


def test_a_new_point_of_contact_replaces_the_old_one(client, contact, programme, own):
    old = DelegationMemberFactory(
        programme=programme, partner=own, level="manager", is_contact=True
    )
    new = DelegationMemberFactory(programme=programme, partner=own, level="bestuurder")
    response = client.post(
        member_url("delegation-edit", programme, new),
        {"level": "bestuurder", "name": new.name, "email": "", "is_contact": "on", "version": 1},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.is_contact, new.is_contact) == (False, True)
    assert old.history.first().history_user == contact


def test_editing_a_member_with_a_stale_form_is_refused(client, contact, users, programme, own):
    from partners import services

    member = DelegationMemberFactory(programme=programme, partner=own, level="manager", name="Oud")
    services.delegation_member_update(
        member_id=member.pk, version=1, by=users["programme_team"], name="Door het team"
    )
    response = client.post(
        member_url("delegation-edit", programme, member),
        {"level": "manager", "name": "Door de partner", "version": 1},
    )
    assert response.status_code == 200
    assert (
        "nadat u het opende" in response.content.decode()
        or "opgeslagen" in response.content.decode()
    )
    member.refresh_from_db()
    assert member.name == "Door het team"


def test_removing_a_member_keeps_it_in_the_history(client, contact, programme, own):
    member = DelegationMemberFactory(programme=programme, partner=own, name="Weg Ermee")
    response = client.post(member_url("delegation-remove", programme, member), {"version": 1})
    assert response.status_code == 302
    assert not DelegationMember.objects.filter(pk=member.pk).exists()
    removed = DelegationMember.history.filter(id=member.pk, history_type="-").get()
    assert removed.history_user == contact
    assert removed.name == "Weg Ermee"


def test_editing_the_organisation_details(
    client, contact, programme, own, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("partner-edit", programme, own),
            {
                "name": "Noorderpoort",
                "short_name": "NP",
                "municipality": "Groningen",
                "website": "https://www.noorderpoort.nl",
                "phone": "050 000",
                "email": "info@example.org",
                "version": 1,
            },
        )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.short_name, own.version) == ("NP", 2)
    assert own.history.first().history_user == contact
    assert len(mail.outbox) == 1
    assert "korte naam" in mail.outbox[0].body


def test_a_contact_cannot_change_kind_notes_or_active(client, contact, programme, own):
    client.post(
        url("partner-edit", programme, own),
        {"name": "Noorderpoort", "kind": "fonds", "notes": "gehackt", "active": "", "version": 1},
    )
    own.refresh_from_db()
    assert (own.kind, own.notes, own.active) == ("onderwijs", "", True)


def test_an_invalid_email_gets_a_dutch_message(client, contact, programme, own):
    response = client.post(
        url("partner-edit", programme, own),
        {"name": "Noorderpoort", "email": "geen-adres", "version": 1},
    )
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.content.decode()


def test_changing_the_package_from_next_month(
    client, contact, users, programme, own, packages, django_capture_on_commit_callbacks
):
    start = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("commitment-change", programme, own),
            {
                "package": packages["A"].pk,
                "valid_from": start.isoformat(),
                "motivation": "We willen in de stuurgroep.",
            },
        )
    assert response.status_code == 302
    new = Commitment.objects.get(partner=own, valid_from=start)
    assert new.package == packages["A"]
    assert new.yearly_contribution == packages["A"].yearly_contribution  # a contact cannot set it
    assert new.motivation == "We willen in de stuurgroep."
    assert new.history.first().history_user == contact
    old = Commitment.objects.get(partner=own, package=packages["B"])
    assert old.valid_until == start - timedelta(days=1)
    assert len(mail.outbox) == 1
    assert "Pakket B → A" in mail.outbox[0].body
    page = client.get(reverse("partners:mine", args=[programme.slug])).content.decode()
    assert "pakket A" in page  # the upcoming change is shown


def test_a_contact_cannot_backdate_a_package_change(client, contact, programme, own, packages):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        url("commitment-change", programme, own),
        {"package": packages["A"].pk, "valid_from": yesterday.isoformat(), "motivation": "Terug"},
    )
    assert response.status_code == 200
    assert "Het nieuwe pakket kan niet vóór vandaag ingaan" in response.content.decode()
    assert Commitment.objects.filter(partner=own).count() == 1


def test_a_contact_must_give_a_motivation(client, contact, programme, own, packages):
    response = client.post(
        url("commitment-change", programme, own),
        {"package": packages["A"].pk, "valid_from": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()


def test_the_back_office_may_backdate_and_set_the_amount(client, users, programme, own, packages):
    from datetime import date

    client.force_login(users["secretary"])
    response = client.post(
        url("commitment-change", programme, own),
        {
            "package": packages["C"].pk,
            "valid_from": "2024-01-01",
            "yearly_contribution": "750",
            "signed_on": "2023-12-01",
        },
    )
    assert response.status_code == 302
    new = Commitment.objects.get(partner=own, valid_from=date(2024, 1, 1))
    assert str(new.yearly_contribution) == "750.00"
    assert response.url == url("partner-detail", programme, own)


def test_changes_by_the_back_office_send_no_mail(
    client, users, programme, own, django_capture_on_commit_callbacks
):
    client.force_login(users["secretary"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("delegation-add", programme, own),
            {"level": "manager", "name": "Via het secretariaat"},
        )
    assert DelegationMember.objects.filter(name="Via het secretariaat").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name, data",
    [
        ("partner-edit", {"name": "Overgenomen", "version": 1}),
        (
            "commitment-change",
            {"package": "PACKAGE", "valid_from": "2099-01-01", "motivation": "x"},
        ),
        ("delegation-add", {"level": "manager", "name": "Indringer"}),
        ("partner-deactivate", {"on": "2099-01-01", "version": 1}),
    ],
)
def test_a_crafted_post_for_another_partner_is_refused(
    client, contact, programme, other, packages, name, data
):
    data = {k: (packages["C"].pk if v == "PACKAGE" else v) for k, v in data.items()}
    before = (
        Partner.objects.get(pk=other.pk).name,
        Commitment.objects.count(),
        DelegationMember.objects.count(),
    )
    assert client.get(url(name, programme, other)).status_code == 403
    assert client.post(url(name, programme, other), data).status_code == 403
    after = (
        Partner.objects.get(pk=other.pk).name,
        Commitment.objects.count(),
        DelegationMember.objects.count(),
    )
    assert after == before


def test_a_crafted_post_on_another_partners_member_is_refused(
    client, contact, programme, own, other, other_programme
):
    member = DelegationMemberFactory(programme=programme, partner=other, name="Van Emmen")
    for name, data in [
        ("delegation-remove", {"version": 1}),
        ("delegation-edit", {"level": "manager", "name": "X", "version": 1}),
    ]:
        assert client.get(member_url(name, programme, member)).status_code in (403, 405)
        assert client.post(member_url(name, programme, member), data).status_code == 403
        # the member is not found under another programme's address
        other_address = reverse(f"partners:{name}", args=[other_programme.slug, member.pk])
        assert client.post(other_address, data).status_code == 404
    assert DelegationMember.objects.filter(pk=member.pk, name="Van Emmen").exists()


def test_a_contact_whose_role_ended_has_no_organisation_any_more(
    client, contact, users, programme, own
):
    from programme.models import RoleAssignment

    RoleAssignment.objects.filter(user=contact).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(reverse("partners:mine", args=[programme.slug])).status_code == 403
    assert (
        client.post(url("partner-edit", programme, own), {"name": "X", "version": 1}).status_code
        == 403
    )
