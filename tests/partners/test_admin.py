"""The partners admin: rows of the programmes a person administers only, commitments read-only,
changes through the services (seats, history), imports that ask for the programme."""

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.models import Commitment, DelegationMember, Participation, Partner
from tests.factories import DelegationMemberFactory


def make_staff(user, *codenames):
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="partners", codename__in=codenames)
    )
    return user


ALL = [
    f"{verb}_{model}"
    for verb in ("view", "add", "change", "delete")
    for model in ("partner", "commitment", "delegationmember", "commitmentpackage")
]


def test_staff_see_only_the_partners_of_their_programme(
    client, users, programme, own, other, elsewhere
):
    client.force_login(make_staff(users["secretary"], *ALL))
    page = client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert "Noorderpoort" in page and "Gemeente Emmen" in page and "Gemeente Landerd" not in page
    assert client.get(reverse("admin:partners_partner_change", args=[own.pk])).status_code == 200
    assert (
        client.get(reverse("admin:partners_partner_change", args=[elsewhere.pk])).status_code == 302
    )


def test_editing_a_partner_in_the_admin_goes_through_the_service(client, users, programme, own):
    user = make_staff(users["programme_team"], *ALL)
    client.force_login(user)
    url = reverse("admin:partners_partner_change", args=[own.pk])
    response = client.post(
        url,
        {
            "name": "Noorderpoort",
            "kind": "onderwijs",
            "municipality": "Groningen",
            "version": "1",
            "participations-TOTAL_FORMS": "1",
            "participations-INITIAL_FORMS": "1",
            "participations-MIN_NUM_FORMS": "0",
            "participations-MAX_NUM_FORMS": "1000",
            "participations-0-id": str(Participation.objects.get(partner=own).pk),
            "participations-0-partner": str(own.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    own.refresh_from_db()
    assert (own.municipality, own.version) == ("Groningen", 2)
    assert own.history.first().history_user == user
    assert own.history.first().history_change_reason == "admin.edited"


def test_commitments_are_read_only_history_in_the_admin(client, users, programme, own):
    client.force_login(users["superuser"])
    commitment = Commitment.objects.get(partner=own)
    url = reverse("admin:partners_commitment_change", args=[commitment.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(url, {"yearly_contribution": "1"}).status_code == 403
    assert client.get(reverse("admin:partners_commitment_add")).status_code == 403


def test_delegation_seats_hold_in_the_admin(client, users, programme, own):
    DelegationMemberFactory.create_batch(2, programme=programme, partner=own, level="manager")
    client.force_login(users["superuser"])
    response = client.post(
        reverse("admin:partners_delegationmember_add"),
        {
            "programme": programme.pk,
            "partner": own.pk,
            "level": "manager",
            "name": "Derde",
        },
    )
    assert response.status_code == 200
    assert "Alle 2 zetels op het niveau manager zijn bezet." in response.content.decode()
    response = client.post(
        reverse("admin:partners_delegationmember_add"),
        {
            "programme": programme.pk,
            "partner": own.pk,
            "level": "uitvoering",
            "name": "Past wel",
        },
    )
    assert response.status_code == 302
    member = DelegationMember.objects.get(name="Past wel")
    assert member.history.first().history_user == users["superuser"]


def test_partners_cannot_be_deleted_in_the_admin(client, users, own):
    client.force_login(users["superuser"])
    url = reverse("admin:partners_partner_delete", args=[own.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Partner.objects.filter(pk=own.pk).exists()


def test_import_in_the_admin_asks_for_the_programme(client, users, programme, own):
    client.force_login(users["superuser"])
    content = b"name,kind,municipality\nStichting Admin,welzijn,Emmen\n"
    url = reverse("admin:partners_partner_import")
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url,
        {
            "programme": programme.pk,
            "import_file": SimpleUploadedFile("p.csv", content),
        },
    )
    assert response.status_code == 200
    confirm = response.context["confirm_form"]
    assert not Partner.objects.filter(name="Stichting Admin").exists()  # dry run
    done = client.post(
        reverse("admin:partners_partner_process_import"),
        {
            **confirm.initial,
            "programme": programme.pk,
        },
    )
    assert done.status_code == 302
    partner = Partner.objects.get(name="Stichting Admin")
    assert Participation.objects.filter(partner=partner, programme=programme).exists()
    assert partner.history.first().history_user == users["superuser"]


def test_the_admin_pages_open(client, users, programme, own, packages):
    client.force_login(users["superuser"])
    for name in ["partner", "commitment", "delegationmember", "commitmentpackage"]:
        assert client.get(reverse(f"admin:partners_{name}_changelist")).status_code == 200, name
    url = reverse("admin:partners_commitmentpackage_change", args=[packages["A"].pk])
    assert "Volledige delegatie" in client.get(url).content.decode()


def test_the_admin_import_refuses_a_file_over_the_limit(client, users, programme, settings):
    settings.IMPORT_MAX_UPLOAD_SIZE = 100
    client.force_login(users["superuser"])
    content = b"name,kind\n" + b"".join(f"Partner {i},zorg\n".encode() for i in range(20))
    response = client.post(
        reverse("admin:partners_partner_import"),
        {
            "programme": programme.pk,
            "import_file": SimpleUploadedFile("p.csv", content),
        },
    )
    assert response.status_code == 200
    assert "er kan hoogstens 100\xa0bytes worden geïmporteerd" in response.content.decode()
    assert not Partner.objects.filter(name="Partner 1").exists()


def test_the_admin_import_asks_avk_staging_for_the_limit(
    client, users, programme, settings, monkeypatch
):
    from avk import staging

    settings.IMPORT_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    monkeypatch.setattr(staging, "max_upload_size", lambda: 100)
    client.force_login(users["superuser"])
    content = b"name,kind\n" + b"".join(f"Partner {i},zorg\n".encode() for i in range(20))
    response = client.post(
        reverse("admin:partners_partner_import"),
        {
            "programme": programme.pk,
            "import_file": SimpleUploadedFile("p.csv", content),
        },
    )
    assert response.status_code == 200
    assert "er kan hoogstens 100\xa0bytes worden geïmporteerd" in response.content.decode()
    assert not Partner.objects.filter(name="Partner 1").exists()
