"""Import of partners, commitments and delegation members from xlsx and csv: a dry-run preview,
then the real import, all or nothing; every bad file gets a Dutch message with the row number,
and nothing is written."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from partners.models import Commitment, DelegationMember, Participation, Partner
from tests.factories import DelegationMemberFactory


def xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, delimiter=";") -> bytes:
    return "\n".join(
        delimiter.join("" if c is None else str(c) for c in row) for row in rows
    ).encode()


def upload(client, programme, kind, name, content):
    return client.post(
        reverse("partners:import", args=[programme.slug]),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


def confirm(client, programme, preview=None):
    """Confirm the file a preview checked: the preview page names it by a token (and its kind)
    in the confirmation form; without a checked file there is nothing to name."""
    context = preview.context if preview is not None else {}
    data = {"token": context.get("token") or "", "kind": context.get("kind") or ""}
    return client.post(reverse("partners:import-confirm", args=[programme.slug]), data, follow=True)


def state():
    return (
        Partner.objects.count(),
        Participation.objects.count(),
        Commitment.objects.count(),
        DelegationMember.objects.count(),
        Partner.history.count(),
        Commitment.history.count(),
        DelegationMember.history.count(),
    )


@pytest.fixture
def secretary(client, users):
    client.force_login(users["secretary"])
    return users["secretary"]


PARTNERS = [
    ["name", "kind", "municipality", "email", "short_name"],
    ["Stichting Proef", "welzijn", "Emmen", "info@proef.example.org", ""],
    ["Gemeente Pekela", "Gemeente", "Pekela", "", "Pekela"],  # a code in another capitalisation
    ["Huis van de Wijk", "ggz / verslavingszorg", "Veendam", "", ""],  # the Dutch label
]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_partners_preview_then_confirm(client, secretary, programme, own, fmt):
    content = xlsx(PARTNERS) if fmt == "xlsx" else csv_bytes(PARTNERS)
    before = state()
    response = upload(client, programme, "partners", f"partners.{fmt}", content)
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert outcome.ok, outcome.problems
    assert (outcome.new, outcome.updated) == (3, 0)
    html = response.content.decode()
    assert "Alle rijen zijn in orde: 3 nieuw" in html
    assert state() == before  # the preview wrote nothing

    done = confirm(client, programme, response)
    assert "Geïmporteerd: 3 nieuw, 0 gewijzigd, 0 ongewijzigd." in done.content.decode()
    pekela = Partner.objects.get(name="Gemeente Pekela")
    assert (pekela.kind, pekela.short_name) == ("gemeente", "Pekela")
    assert Partner.objects.get(name="Huis van de Wijk").kind == "ggz"
    assert Participation.objects.filter(programme=programme, partner=pekela).exists()
    record = pekela.history.first()
    assert (record.history_user, record.history_change_reason) == (secretary, "imported")


def test_an_existing_partner_is_updated_by_its_exact_name(client, secretary, programme, own):
    content = csv_bytes(
        [["name", "kind", "municipality"], ["Noorderpoort", "onderwijs", "Groningen"]]
    )
    response = upload(client, programme, "partners", "p.csv", content)
    assert (response.context["outcome"].new, response.context["outcome"].updated) == (0, 1)
    confirm(client, programme, response)
    own.refresh_from_db()
    assert (own.municipality, own.version) == ("Groningen", 2)


def test_commitments_import_closes_the_previous_commitment(
    client, secretary, programme, own, other, packages
):
    rows = [
        ["partner", "package", "valid_from", "yearly_contribution", "motivation"],
        ["noorderpoort", "a", "2024-07-01", "", "Stuurgroep"],
        ["Gemeente Emmen", "C", date(2025, 1, 1), "1.250,00", ""],
    ]
    response = upload(client, programme, "commitments", "c.xlsx", xlsx(rows))
    assert response.context["outcome"].ok, response.context["outcome"].problems
    assert Commitment.objects.count() == 2
    confirm(client, programme, response)
    new = Commitment.objects.get(partner=own, valid_from=date(2024, 7, 1))
    assert (new.package, new.yearly_contribution) == (
        packages["A"],
        packages["A"].yearly_contribution,
    )
    assert Commitment.objects.get(partner=own, package=packages["B"]).valid_until == date(
        2024, 6, 30
    )
    emmen = Commitment.objects.get(partner=other, valid_from=date(2025, 1, 1))
    assert str(emmen.yearly_contribution) == "1250.00"
    assert emmen.history.first().history_user == secretary


def test_delegation_import(client, secretary, programme, own):
    rows = [
        ["partner", "level", "name", "function", "email", "is_contact"],
        ["Noorderpoort", "bestuurder", "Bram Bedenksel", "bestuurder", "bram@example.org", "ja"],
        ["Noorderpoort", "manager", "Fenna Fictief", "", "", "nee"],
    ]
    response = upload(client, programme, "delegation", "d.csv", csv_bytes(rows, delimiter=","))
    assert response.context["outcome"].ok, response.context["outcome"].problems
    confirm(client, programme, response)
    bram = DelegationMember.objects.get(name="Bram Bedenksel")
    assert (bram.partner, bram.level, bram.is_contact) == (own, "bestuurder", True)
    assert bram.history.first().history_user == secretary


# Bad files: the message names the row and the reason; nothing is written -------------------

BAD = [
    pytest.param(
        "partners",
        "notities.txt",
        b"gewoon wat tekst",
        ["Dit is geen spreadsheet"],
        id="not-a-spreadsheet",
    ),
    pytest.param(
        "partners",
        "plaatje.xlsx",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
        ["niet als spreadsheet te lezen"],
        id="xlsx-that-is-not",
    ),
    pytest.param(
        "partners",
        "binair.csv",
        b"\x00\x01\x02PK\x00",
        ["niet als spreadsheet te lezen"],
        id="binary-csv",
    ),
    pytest.param(
        "partners",
        "p.csv",
        csv_bytes([["naam", "sort"], ["X", "zorg"]]),
        ["Rij 1: De kolom Soort ontbreekt. De gevonden kolomkoppen zijn: naam, sort."],
        id="wrong-columns",
    ),
    pytest.param(
        "partners",
        "p.csv",
        csv_bytes([["name", "municipality"], ["X", "Emmen"]]),
        ["Rij 1: De kolom Soort ontbreekt. De gevonden kolomkoppen zijn: name, municipality."],
        id="missing-column",
    ),
    pytest.param(
        "commitments",
        "c.csv",
        csv_bytes(
            [
                ["partner", "package", "valid_from"],
                ["Noorderpoort", "A", "2025-01-01"],
                ["Noorderpoort", "Z", "2026-01-01"],
            ]
        ),
        ["Rij 3, kolom package: Onbekende pakketcode 'Z'; dit programma kent: A, B, C."],
        id="unknown-package",
    ),
    pytest.param(
        "partners",
        "p.csv",
        csv_bytes(
            [
                ["name", "kind"],
                ["Stichting Proef", "zorg"],
                ["Ander", "zorg"],
                ["stichting proef", "zorg"],
            ]
        ),
        [
            "Rij 4, kolom name: Organisatie 'stichting proef' staat meer dan één keer in het "
            "bestand: in rij 2 en in rij 4."
        ],
        id="partner-twice",
    ),
    pytest.param(
        "partners",
        "p.xlsx",
        xlsx([["name", "kind"], ["Nieuw", "zorg"], ["NOORDERPOORT", "onderwijs"]]),
        [
            "Rij 3, kolom name: 'NOORDERPOORT' bestaat al als 'Noorderpoort'; gebruik dezelfde "
            "schrijfwijze."
        ],
        id="other-capitalisation",
    ),
    pytest.param(
        "partners",
        "p.csv",
        csv_bytes(
            [
                ["name", "kind", "email"],
                ["Goed", "zorg", "a@example.org"],
                ["Fout", "zorg", "geen-adres"],
            ]
        ),
        ["Rij 3, kolom email: 'geen-adres' is geen geldig e-mailadres."],
        id="invalid-email",
    ),
    pytest.param(
        "partners",
        "p.csv",
        csv_bytes([["name", "kind"], ["Fout", "bakkerij"]]),
        [
            "Rij 2, kolom kind: 'bakkerij' is geen van de keuzes: gemeente, kennisinstelling, "
            "onderwijs, wonen, welzijn, zorg, ggz / verslavingszorg, fonds, overig."
        ],
        id="unknown-kind",
    ),
    pytest.param(
        "commitments",
        "c.csv",
        csv_bytes([["partner", "package", "valid_from"], ["Noorderpoort", "A", "volgende week"]]),
        ["Rij 2, kolom valid_from: 'volgende week' is geen datum; schrijf hem als dd-mm-jjjj."],
        id="not-a-date",
    ),
    pytest.param(
        "partners",
        "p.csv",
        csv_bytes([["name", "kind"]]),
        ["Het bestand heeft kolomkoppen, maar geen rijen eronder."],
        id="header-only",
    ),
    pytest.param(
        "delegation",
        "d.csv",
        csv_bytes(
            [
                ["partner", "level", "name"],
                ["Noorderpoort", "manager", "Een"],
                ["Noorderpoort", "manager", "Twee"],
                ["Noorderpoort", "manager", "Drie"],
            ]
        ),
        ["Rij 4, kolom level: Alle 2 zetels op het niveau manager zijn bezet."],
        id="delegation-over-seats",
    ),
    pytest.param(
        "delegation",
        "d.csv",
        csv_bytes([["partner", "level", "name"], ["Onbekend BV", "manager", "Een"]]),
        ["Rij 2, kolom partner: 'Onbekend BV' is geen partner in dit programma."],
        id="unknown-partner",
    ),
    pytest.param(
        "commitments",
        "c.csv",
        csv_bytes([["partner", "package", "valid_from"], ["Noorderpoort", "A", "2022-01-01"]]),
        ["Rij 2, kolom valid_from: Er bestaat al een commitment vanaf 1 januari 2023 (pakket B)"],
        id="commitment-overlap",
    ),
]


@pytest.mark.parametrize("kind, name, content, messages", BAD)
def test_a_bad_file_is_refused_with_row_and_reason_and_nothing_is_written(
    client, secretary, programme, own, packages, kind, name, content, messages
):
    before = state()
    response = upload(client, programme, kind, name, content)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het bestand kan niet worden geïmporteerd; er is niets opgeslagen" in html
    problems = response.context["problems"]
    for message in messages:
        assert any(message in problem for problem in problems), (message, problems)
    assert state() == before
    # and there is nothing to confirm
    done = confirm(client, programme, response)
    assert "Er is geen gecontroleerd bestand" in done.content.decode()
    assert state() == before


@pytest.mark.parametrize(
    "name, content",
    [
        ("p.csv", csv_bytes([["name", "kind"], ["Een", "zorg"], ["", ""], ["Twee", "zorg"]])),
        ("p.xlsx", xlsx([["name", "kind"], ["Een", "zorg"], [None, None], ["Twee", "zorg"]])),
    ],
)
def test_empty_rows_of_a_partner_list_are_skipped(client, secretary, programme, name, content):
    """An empty row between the rows is skipped silently (it used to refuse the file)."""
    response = upload(client, programme, "partners", name, content)
    outcome = response.context["outcome"]
    assert outcome.ok, outcome.problems
    assert [row["number"] for row in response.context["preview_rows"]] == [2, 4]
    confirm(client, programme, response)
    assert set(Partner.objects.values_list("name", flat=True)) >= {"Een", "Twee"}


def test_an_empty_file_is_refused(client, secretary, programme):
    before = state()
    response = upload(client, programme, "partners", "p.csv", b"")
    assert response.context["form"].errors["file"] == ["Het verstuurde bestand is leeg."]
    assert state() == before


def test_a_file_with_only_empty_rows_is_refused(client, secretary, programme):
    response = upload(client, programme, "partners", "p.csv", b";\n;\n")
    assert response.context["problems"] == ["Het bestand is leeg."]


def test_a_file_over_the_size_limit_is_refused_unread(client, secretary, programme, settings):
    settings.IMPORT_MAX_UPLOAD_SIZE = 1024
    content = csv_bytes([["name", "kind"]] + [[f"Partner {i}", "zorg"] for i in range(200)])
    assert len(content) > 1024
    before = state()
    response = upload(client, programme, "partners", "groot.csv", content)
    assert "er kan hoogstens 1\xa0KB worden geïmporteerd" in response.content.decode()
    assert state() == before


def test_the_limit_is_ten_megabytes_by_default(settings):
    assert settings.IMPORT_MAX_UPLOAD_SIZE == 10 * 1024 * 1024


def test_one_bad_row_among_good_ones_writes_nothing(client, secretary, programme, own):
    rows = [["name", "kind", "email"]] + [[f"Goed {i}", "zorg", ""] for i in range(5)]
    rows.append(["Slecht", "zorg", "niet-goed"])
    before = state()
    response = upload(client, programme, "partners", "p.csv", csv_bytes(rows))
    assert response.context["problems"] == [
        "Rij 7, kolom email: 'niet-goed' is geen geldig e-mailadres."
    ]
    assert state() == before


def test_a_file_that_became_invalid_between_preview_and_confirm_writes_nothing(
    client, secretary, programme, own
):
    rows = [
        ["partner", "level", "name"],
        ["Noorderpoort", "manager", "Een"],
        ["Noorderpoort", "manager", "Twee"],
    ]
    response = upload(client, programme, "delegation", "d.csv", csv_bytes(rows))
    assert response.context["outcome"].ok
    DelegationMemberFactory(programme=programme, partner=own, level="manager", name="Tussendoor")
    before = state()
    done = confirm(client, programme, response)
    html = done.content.decode()
    assert "Rij 3, kolom level: Alle 2 zetels op het niveau manager zijn bezet." in html
    assert "Er is niets geïmporteerd." in html
    assert state() == before


@pytest.mark.parametrize("who", ["board", "partner_contact", "reader", "other_team"])
def test_only_the_back_office_imports(client, users, programme, own, who):
    client.force_login(users[who])
    before = state()
    response = upload(client, programme, "partners", "p.csv", csv_bytes(PARTNERS))
    assert response.status_code == 403
    assert client.post(reverse("partners:import-confirm", args=[programme.slug])).status_code == 403
    assert state() == before


def test_the_size_limit_is_the_shared_one_of_avk_staging(
    client, secretary, programme, settings, monkeypatch
):
    """The page asks avk.staging for the limit (before reading the file), as the admin does."""
    from avk import staging

    settings.IMPORT_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    monkeypatch.setattr(staging, "max_upload_size", lambda: 100)
    content = csv_bytes([["name", "kind"]] + [[f"Partner {i}", "zorg"] for i in range(20)])
    before = state()
    response = upload(client, programme, "partners", "p.csv", content)
    assert response.status_code == 200
    assert "er kan hoogstens 100\xa0bytes worden geïmporteerd" in response.content.decode()
    assert response.context["token"] == ""
    assert state() == before
