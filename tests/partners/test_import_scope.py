"""An import only updates partners of the importing programme: a name that exists only in
another programme is a row error (Dutch, with the row number) and nothing is written, on the
portal's import page and in the admin import alike. Updates go through the services."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.models import Commitment, Participation, Partner
from tests.partners.test_import import confirm, csv_bytes, state, upload

MESSAGE = (
    "'Gemeente Landerd' bestaat al in een ander programma; vraag een beheerder om de "
    "organisatie aan dit programma toe te voegen."
)


def test_the_portal_import_refuses_a_partner_of_another_programme(
    client, users, programme, other_programme, own, elsewhere
):
    client.force_login(users["secretary"])
    before = state()
    content = csv_bytes(
        [
            ["name", "kind", "municipality"],
            ["Stichting Nieuw", "welzijn", "Emmen"],
            ["gemeente landerd", "gemeente", "Uden"],
        ]
    )
    response = upload(client, programme, "partners", "p.csv", content)
    assert response.status_code == 200
    problems = response.context["problems"]
    assert problems == [
        "Rij 3, kolom name: " + MESSAGE.replace("Gemeente Landerd", "gemeente landerd")
    ]
    confirm(client, programme, response)  # nothing checked: nothing to confirm
    assert state() == before
    elsewhere.refresh_from_db()
    assert elsewhere.municipality == "Landerd"
    assert not Participation.objects.filter(partner=elsewhere, programme=programme).exists()


def test_the_resource_refuses_it_too(users, programme, own, elsewhere):
    """Without the file checks (as in the admin) the resource itself refuses the row."""
    from partners import imports

    dataset = imports.read_upload(
        name="p.csv",
        content=b"name,kind,municipality\nGemeente Landerd,gemeente,Uden\n",
        kind="partners",
    )
    resource = imports.RESOURCES["partners"](programme=programme, by=users["secretary"])
    result = resource.import_data(dataset, dry_run=False, use_transactions=True)
    assert result.has_validation_errors()
    assert MESSAGE in str(result.invalid_rows[0].error)
    elsewhere.refresh_from_db()
    assert elsewhere.municipality == "Landerd"
    assert not Participation.objects.filter(partner=elsewhere, programme=programme).exists()


def _admin_import(client, programme, content):
    url = reverse("admin:partners_partner_import")
    return client.post(
        url,
        {
            "programme": programme.pk,
            "import_file": SimpleUploadedFile("p.csv", content),
        },
    )


def test_the_admin_import_refuses_a_partner_of_another_programme(
    client, users, programme, other_programme, own, elsewhere
):
    client.force_login(users["superuser"])
    before = state()
    response = _admin_import(
        client, programme, b"name,kind,municipality\nGemeente Landerd,gemeente,Uden\n"
    )
    assert response.status_code == 200
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert "bestaat al in een ander programma" in response.content.decode()
    assert state() == before
    elsewhere.refresh_from_db()
    assert elsewhere.municipality == "Landerd"


def test_an_import_update_goes_through_the_service(client, users, programme, own):
    client.force_login(users["secretary"])
    content = csv_bytes([["name", "kind", "municipality"], ["Noorderpoort", "onderwijs", "Assen"]])
    preview = upload(client, programme, "partners", "p.csv", content)
    assert preview.context["outcome"].ok
    confirm(client, programme, preview)
    own.refresh_from_db()
    assert (own.municipality, own.version) == ("Assen", 2)
    record = own.history.first()
    assert (record.history_user, record.history_change_reason) == (
        users["secretary"],
        "imported",
    )


def test_a_commitment_correction_by_import_goes_through_the_service(client, users, programme, own):
    client.force_login(users["secretary"])
    commitment = Commitment.objects.get(partner=own, programme=programme)
    content = csv_bytes(
        [
            ["partner", "package", "valid_from", "yearly_contribution"],
            ["Noorderpoort", commitment.package.code, "2023-01-01", "1234,50"],
        ]
    )
    preview = upload(client, programme, "commitments", "c.csv", content)
    outcome = preview.context["outcome"]
    assert outcome.ok, outcome.problems
    confirm(client, programme, preview)
    commitment.refresh_from_db()
    assert str(commitment.yearly_contribution) == "1234.50"
    assert commitment.version == 2
    assert commitment.valid_from == date(2023, 1, 1)
    record = commitment.history.first()
    assert (record.history_user, record.history_change_reason) == (
        users["secretary"],
        "imported",
    )
    assert Partner.objects.get(pk=own.pk).version == 1


def test_the_resource_asks_for_the_same_spelling_of_a_partner_here(users, programme, own):
    from partners import imports

    dataset = imports.read_upload(
        name="p.csv", content=b"name,kind\nNOORDERPOORT,onderwijs\n", kind="partners"
    )
    resource = imports.RESOURCES["partners"](programme=programme, by=users["secretary"])
    result = resource.import_data(dataset, dry_run=False, use_transactions=True)
    assert "'NOORDERPOORT' bestaat al als 'Noorderpoort'; gebruik dezelfde schrijfwijze." in str(
        result.invalid_rows[0].error
    )
