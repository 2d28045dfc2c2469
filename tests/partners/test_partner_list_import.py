"""The partner list import as a secretary uses it: one sheet with the export's Dutch headings,
one row per organisation with its commitment; untidy files are cleaned, real faults refused
all or nothing with the row and column named; the export reads back unchanged; the preview and
confirmation run the same number of queries for 5 rows as for 50."""

import io
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Side

from partners.models import Commitment, Participation, Partner
from tests.factories import CommitmentFactory, CommitmentPackageFactory, PartnerFactory
from tests.partners.test_import import confirm, state, upload

FILES = Path(__file__).resolve().parent.parent / "import_files"
EXPIRED = "Het gecontroleerde bestand is verlopen."
HEADINGS = [
    "Naam",
    "Korte naam",
    "Soort",
    "Gemeente",
    "Website",
    "Telefoon",
    "E-mail",
    "Pakket",
    "Ingangsdatum",
    "Jaarlijkse bijdrage",
]


@pytest.fixture
def secretary(client, users):
    client.force_login(users["secretary"])
    return users["secretary"]


@pytest.fixture
def basis_plus(programme, packages):
    """The package names the hand-made files in tests/import_files use."""
    return {
        "Basis": CommitmentPackageFactory(
            programme=programme, code="BAS", name="Basis", yearly_contribution=Decimal("2500")
        ),
        "Plus": CommitmentPackageFactory(
            programme=programme, code="PLS", name="Plus", yearly_contribution=Decimal("5000")
        ),
    }


def write_xlsx(path: Path, rows, *, title=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Partners"
    if title:
        sheet.append([title])
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path.read_bytes()


def problems_of(response) -> list[str]:
    return list(response.context["problems"] or [])


def test_a_dutch_partner_list_with_commitments_is_imported(
    client, secretary, programme, own, packages, tmp_path
):
    content = write_xlsx(
        tmp_path / "lijst.xlsx",
        [
            HEADINGS,
            [
                "Stichting Proef",
                "SP",
                "Welzijn",
                "Emmen",
                "proef.nl",
                "0591 123 456",
                " info@proef.nl ",
                "a",
                date(2024, 1, 1),
                "2.500,00",
            ],
            ["Gemeente Pekela", None, "gemeente", "Pekela", None, None, None, "C", "01-03-2024"],
            ["Zonder Pakket", None, "GGZ/verslavingszorg", None, None, None, None, None, None],
        ],
        title="Partnerlijst 2024",
    )
    before = state()
    response = upload(client, programme, "partners", "lijst.xlsx", content)
    outcome = response.context["outcome"]
    assert outcome.ok, outcome.problems
    assert (outcome.new, outcome.updated, outcome.skipped) == (3, 0, 0)
    assert [row["number"] for row in response.context["preview_rows"]] == [4, 5, 6]
    assert "Alle rijen zijn in orde: 3 nieuw, 0 gewijzigd, 0 ongewijzigd." in (
        response.content.decode()
    )
    assert state() == before

    done = confirm(client, programme, response)
    assert "Geïmporteerd: 3 nieuw, 0 gewijzigd, 0 ongewijzigd." in done.content.decode()
    proef = Partner.objects.get(name="Stichting Proef")
    assert (proef.kind, proef.website, proef.email, proef.phone) == (
        "welzijn",
        "https://proef.nl",
        "info@proef.nl",
        "0591 123 456",
    )
    commitment = Commitment.objects.get(partner=proef)
    assert (commitment.package, commitment.valid_from, commitment.yearly_contribution) == (
        packages["A"],
        date(2024, 1, 1),
        Decimal("2500.00"),
    )
    pekela = Commitment.objects.get(partner__name="Gemeente Pekela")
    assert pekela.yearly_contribution == packages["C"].yearly_contribution  # the package's
    assert Partner.objects.get(name="Zonder Pakket").kind == "ggz"
    assert not Commitment.objects.filter(partner__name="Zonder Pakket").exists()
    assert Participation.objects.filter(programme=programme).count() == 4
    record = proef.history.first()
    assert (record.history_user, record.history_change_reason) == (secretary, "imported")
    assert commitment.history.first().history_user == secretary


def test_a_row_of_a_partner_here_updates_it_with_history(
    client, secretary, programme, own, packages, tmp_path
):
    content = write_xlsx(
        tmp_path / "p.xlsx",
        [
            ["Naam", "Soort", "Gemeente", "Pakket", "Ingangsdatum", "Jaarlijkse bijdrage"],
            ["Noorderpoort", "onderwijs", "Groningen", "A", "01-07-2024", "6.500"],
        ],
    )
    response = upload(client, programme, "partners", "p.xlsx", content)
    outcome = response.context["outcome"]
    assert (outcome.new, outcome.updated, outcome.skipped) == (0, 1, 0), outcome.problems
    confirm(client, programme, response)
    own.refresh_from_db()
    assert (own.municipality, own.version) == ("Groningen", 2)
    assert own.history.first().history_change_reason == "imported"
    old, new = Commitment.objects.filter(partner=own).order_by("valid_from")
    assert old.valid_until == date(2024, 6, 30)
    assert (new.package, new.yearly_contribution) == (packages["A"], Decimal("6500.00"))
    assert new.history.first().history_user == secretary


def test_a_correction_of_the_amount_goes_through_the_service(
    client, secretary, programme, own, packages, tmp_path
):
    content = write_xlsx(
        tmp_path / "p.xlsx",
        [
            ["Naam", "Soort", "Pakket", "Ingangsdatum", "Jaarlijkse bijdrage"],
            ["Noorderpoort", "onderwijs", "B", "01-01-2023", "1.234,50"],
        ],
    )
    response = upload(client, programme, "partners", "p.xlsx", content)
    assert response.context["outcome"].updated == 1
    confirm(client, programme, response)
    commitment = Commitment.objects.get(partner=own)
    assert (commitment.yearly_contribution, commitment.version) == (Decimal("1234.50"), 2)
    assert Partner.objects.get(pk=own.pk).version == 1


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_export_reads_back_unchanged(client, secretary, programme, own, other, packages, fmt):
    """Export the demo-like list, import it back: nothing changes, no errors."""
    own.short_name, own.website, own.phone = "=1+1", "https://noorderpoort.nl", "+31 50 000"
    own.email, own.municipality = "info@noorderpoort.nl", "Groningen"
    own.save()
    caf = PartnerFactory(name="Café ’t Hoekje", kind="ggz", municipality="Tynaarlo")
    Participation.objects.create(programme=programme, partner=caf)
    CommitmentFactory(
        programme=programme,
        partner=caf,
        package=packages["C"],
        valid_from=date(2024, 3, 15),
        yearly_contribution=Decimal("1250.50"),
    )
    loose = PartnerFactory(name="Zonder Commitment", kind="overig")
    Participation.objects.create(programme=programme, partner=loose)
    exported = client.get(reverse(f"partners:export-{fmt}", args=[programme.slug]))
    content = b"".join(exported.streaming_content) if exported.streaming else exported.content
    before = state()
    response = upload(client, programme, "partners", f"export.{fmt}", content)
    outcome = response.context["outcome"]
    assert outcome.ok, outcome.problems
    assert (outcome.new, outcome.updated, outcome.skipped) == (0, 0, 4)
    done = confirm(client, programme, response)
    assert "Geïmporteerd: 0 nieuw, 0 gewijzigd, 4 ongewijzigd." in done.content.decode()
    assert state() == before


def test_a_messy_workbook_from_the_import_files(
    client, secretary, programme, own, basis_plus, tmp_path
):
    """tests/import_files/partners_banner.xlsx: an explanation sheet first, a title, a merged
    banner, headings in row 4 spelled loosely, empty, spaces-only and border-only rows."""
    path = tmp_path / "partners_banner.xlsx"
    shutil.copy(FILES / "partners_banner.xlsx", path)
    response = upload(client, programme, "partners", path.name, path.read_bytes())
    outcome = response.context["outcome"]
    assert outcome.ok, outcome.problems
    assert [row["number"] for row in response.context["preview_rows"]] == [5, 6, 10]
    assert (outcome.new, outcome.updated) == (2, 1)
    confirm(client, programme, response)
    hoekje = Partner.objects.get(name="Zuidlaren – Café ’t Hoekje")
    assert hoekje.kind == "ggz"
    commitment = Commitment.objects.get(partner=hoekje)
    assert (commitment.package, commitment.valid_from, commitment.yearly_contribution) == (
        basis_plus["Plus"],
        date(2024, 3, 15),
        Decimal("1250.50"),
    )
    tynaarlo = Commitment.objects.get(partner__name="Gemeente Tynaarlo")
    assert tynaarlo.valid_from == date(2024, 4, 1)  # an Excel serial number
    own.refresh_from_db()
    assert (own.website, own.email, own.short_name) == (
        "https://www.noorderpoort.nl",
        "Info@noorderpoort.nl",
        "NP",
    )


@pytest.mark.parametrize("name", ["excel_csv_utf8.csv"])
def test_dutch_excel_csv_utf8(client, secretary, programme, own, basis_plus, tmp_path, name):
    path = tmp_path / name
    shutil.copy(FILES / name, path)
    response = upload(client, programme, "partners", name, path.read_bytes())
    outcome = response.context["outcome"]
    assert outcome.ok, outcome.problems
    assert (outcome.new, outcome.updated) == (2, 1)
    confirm(client, programme, response)
    brug = Partner.objects.get(name="Café De Brug")
    assert brug.municipality == "Köln"
    assert Commitment.objects.get(partner=brug).yearly_contribution == Decimal("750.00")
    assert Partner.objects.filter(name="Zorg, Welzijn; en Wonen").exists()


def test_windows_1252_csv_keeps_its_accents(client, secretary, programme, tmp_path):
    path = tmp_path / "w.csv"
    text = "Naam;Soort;Gemeente\r\nZuidlaren – Café ’t Hoekje;zorg;Tynaarlo\r\n"
    path.write_bytes(text.encode("cp1252"))
    response = upload(client, programme, "partners", "w.csv", path.read_bytes())
    assert response.context["outcome"].ok, response.context["problems"]
    confirm(client, programme, response)
    assert Partner.objects.filter(name="Zuidlaren – Café ’t Hoekje").exists()


def _faulty_sheet(path: Path) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Partners"
    sheet.append(["Lijst van partners"])  # row 1: a title
    sheet.append(HEADINGS)  # row 2
    rows = [
        ["Goed", None, "zorg", None, None, None, None, "A", "01-01-2024", "100"],  # 3
        ["Fout Pakket", None, "zorg", None, None, None, None, "Z", "01-01-2024", None],  # 4
        ["   ", None, "zorg", None, None, None, None, None, None, None],  # 5
        ["goed ", None, "zorg", None, None, None, None, None, None, None],  # 6
        ["NOORDERPOORT", None, "onderwijs", None, None, None, None, None, None, None],  # 7
        ["Slecht Adres", None, "zorg", None, None, None, "jan@", None, None, None],  # 8
        ["Min", None, "zorg", None, None, None, None, "B", "01-01-2024", "-100"],  # 9
        ["Veel", None, "zorg", None, None, None, None, "B", "01-01-2024", "veel"],  # 10
        ["X" * 201, None, "zorg", None, None, None, None, None, None, None],  # 11
        ["Formule", None, "zorg", None, None, None, None, None, None, None],  # 12
        ["Datum", None, "zorg", None, None, None, None, "B", "31-02-2024", None],  # 13
    ]
    for row in rows:
        sheet.append(row)
    sheet["A12"].value = "=1+1"
    sheet["A12"].data_type = "s"
    thin = Side(style="thin")
    sheet.cell(row=14, column=1).border = Border(top=thin, bottom=thin)  # only borders
    book.save(path)
    return path.read_bytes()


def test_every_fault_is_named_with_row_and_column_and_nothing_is_written(
    client, secretary, programme, own, packages, tmp_path
):
    before = state()
    response = upload(client, programme, "partners", "f.xlsx", _faulty_sheet(tmp_path / "f.xlsx"))
    problems = problems_of(response)
    assert problems == [
        "Rij 4, kolom Pakket: 'Z' is geen van de keuzes: A, Kernpartner, B, Partner, C, "
        "Netwerkpartner.",
        "Rij 5, kolom Naam: Deze cel is leeg, maar hier is een waarde verplicht.",
        "Rij 8, kolom E-mail: 'jan@' is geen geldig e-mailadres.",
        "Rij 9, kolom Jaarlijkse bijdrage: '-100' is een negatief bedrag; alleen bedragen van "
        "nul of meer kunnen worden ingelezen.",
        "Rij 10, kolom Jaarlijkse bijdrage: 'veel' is geen bedrag; schrijf het als 2.500,00.",
        f"Rij 11, kolom Naam: '{'X' * 59}…' is 201 tekens lang; er passen er hoogstens 200 in.",
        "Rij 12, kolom Naam: '=1+1' lijkt een formule; typ de tekst zelf, zonder =, +, - of @ "
        "ervoor.",
        "Rij 13, kolom Ingangsdatum: '31-02-2024' is geen bestaande datum.",
        "Rij 6, kolom Naam: Organisatie 'goed' staat meer dan één keer in het bestand: in rij 3 "
        "en in rij 6.",
        "Rij 7, kolom Naam: 'NOORDERPOORT' bestaat al als 'Noorderpoort'; gebruik dezelfde "
        "schrijfwijze.",
    ]
    assert "Het bestand kan niet worden geïmporteerd; er is niets opgeslagen" in (
        response.content.decode()
    )
    assert response.context["token"] == ""
    assert state() == before


def test_a_missing_column_names_the_headings_found(client, secretary, programme, tmp_path):
    content = write_xlsx(tmp_path / "p.xlsx", [["Organisatienaam", "Plaats"], ["X", "Emmen"]])
    response = upload(client, programme, "partners", "p.xlsx", content)
    assert problems_of(response) == [
        "Rij 1: De kolommen Naam, Soort ontbreken. De gevonden kolomkoppen zijn: "
        "Organisatienaam, Plaats."
    ]


def test_a_partner_of_another_programme_is_a_row_error(
    client, secretary, programme, own, elsewhere, tmp_path
):
    content = write_xlsx(
        tmp_path / "p.xlsx",
        [
            ["Naam", "Soort", "Gemeente"],
            ["Nieuw", "zorg", "Emmen"],
            ["Gemeente Landerd", "gemeente", "Uden"],
        ],
    )
    before = state()
    response = upload(client, programme, "partners", "p.xlsx", content)
    assert problems_of(response) == [
        "Rij 3, kolom Naam: 'Gemeente Landerd' bestaat al in een ander programma; vraag een "
        "beheerder om de organisatie aan dit programma toe te voegen."
    ]
    assert state() == before
    elsewhere.refresh_from_db()
    assert elsewhere.municipality == "Landerd"


def test_another_programmes_partner_is_found_whatever_the_case_of_its_accents(
    client, secretary, programme, tmp_path
):
    """SQLite's LOWER() leaves "É" alone; the name is still recognised on either database."""
    PartnerFactory(name="École Émmen")
    content = write_xlsx(tmp_path / "p.xlsx", [["Naam", "Soort"], ["école émmen", "onderwijs"]])
    before = state()
    response = upload(client, programme, "partners", "p.xlsx", content)
    assert problems_of(response) == [
        "Rij 2, kolom Naam: 'école émmen' bestaat al in een ander programma; vraag een "
        "beheerder om de organisatie aan dit programma toe te voegen."
    ]
    assert state() == before


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "kapot.xlsx",
            (FILES / "corrupt.xlsx").read_bytes(),
            "Dit bestand is beschadigd of is geen Excel-werkmap. Open het in Excel, sla het op als "
            "Excel-werkmap (.xlsx) en upload het opnieuw.",
        ),
        ("plaatje.xlsx", (FILES / "picture.xlsx").read_bytes(), "niet als spreadsheet te lezen"),
    ],
)
def test_a_corrupt_file_is_refused(client, secretary, programme, name, content, message):
    before = state()
    response = upload(client, programme, "partners", name, content)
    problems = problems_of(response)
    assert len(problems) == 1 and message in problems[0], problems
    assert state() == before


def test_a_second_upload_replaces_the_first_and_an_old_token_is_refused(
    client, secretary, programme, tmp_path
):
    first = upload(
        client,
        programme,
        "partners",
        "a.xlsx",
        write_xlsx(tmp_path / "a.xlsx", [["Naam", "Soort"], ["Eerste", "zorg"]]),
    )
    second = upload(
        client,
        programme,
        "partners",
        "b.xlsx",
        write_xlsx(tmp_path / "b.xlsx", [["Naam", "Soort"], ["Tweede", "zorg"]]),
    )
    done = confirm(client, programme, first)
    assert "Er is geen gecontroleerd bestand" in done.content.decode()
    assert not Partner.objects.filter(name="Eerste").exists()
    confirm(client, programme, second)
    assert Partner.objects.filter(name="Tweede").exists()


def test_an_expired_preview_is_refused(client, secretary, programme, tmp_path, monkeypatch):
    from avk import staging

    response = upload(
        client,
        programme,
        "partners",
        "a.xlsx",
        write_xlsx(tmp_path / "a.xlsx", [["Naam", "Soort"], ["Eerste", "zorg"]]),
    )
    monkeypatch.setattr(staging, "MAX_AGE_SECONDS", -1)
    done = confirm(client, programme, response)
    assert EXPIRED in done.content.decode()
    assert not Partner.objects.filter(name="Eerste").exists()


def _rows(count: int, *, place="Emmen", package="B", start="01-01-2024", amount="3.000,00"):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    for number in range(count):
        sheet.append(
            [f"Partner {number}", f"P{number}", "zorg", place, f"p{number}.nl", "050 123 4567",
             f"info@p{number}.nl", package, start, amount]
        )  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _queries(client, programme, count: int) -> tuple[int, int]:
    content = _rows(count)
    with CaptureQueriesContext(connection) as preview_queries:
        preview = upload(client, programme, "partners", "p.xlsx", content)
    assert preview.context["outcome"].new == count
    with CaptureQueriesContext(connection) as confirm_queries:
        confirm(client, programme, preview)
    assert Partner.objects.filter(name__startswith="Partner ").count() == count
    assert Commitment.objects.filter(partner__name__startswith="Partner ").count() == count
    Commitment.objects.filter(partner__name__startswith="Partner ").delete()
    Partner.objects.filter(name__startswith="Partner ").delete()
    return len(preview_queries), len(confirm_queries)


def test_the_queries_do_not_grow_with_the_rows(client, secretary, programme, own, packages):
    assert _queries(client, programme, 5) == _queries(client, programme, 50)


def test_unchanged_rows_cost_no_queries_per_row(client, secretary, programme, packages):
    def count(n):
        content = _rows(n)
        preview = upload(client, programme, "partners", "p.xlsx", content)
        confirm(client, programme, preview)  # now they exist
        with CaptureQueriesContext(connection) as again:
            preview = upload(client, programme, "partners", "p.xlsx", content)
            assert preview.context["outcome"].skipped == n
            confirm(client, programme, preview)
        return len(again)

    assert count(5) == count(50)


def test_changed_rows_cost_no_queries_per_row(client, secretary, programme, packages):
    """Partners of the programme whose details change, whose package changes (ending the one
    in force) or whose amount is corrected: the same queries for 5 rows as for 50."""

    def count(n):
        confirm(client, programme, upload(client, programme, "partners", "p.xlsx", _rows(n)))
        spent = []
        for content in (
            _rows(n, place="Assen", package="A", start="01-01-2025"),  # details and package
            _rows(n, place="Assen", package="A", start="01-01-2025", amount="3.100,00"),
        ):
            with CaptureQueriesContext(connection) as queries:
                preview = upload(client, programme, "partners", "p.xlsx", content)
                assert preview.context["outcome"].updated == n, preview.context["problems"]
                confirm(client, programme, preview)
            spent.append(len(queries))
        partners = Partner.objects.filter(name__startswith="Partner ")
        assert set(partners.values_list("municipality", "version")) == {("Assen", 2)}
        held = Commitment.objects.filter(partner__in=partners).order_by("valid_from")
        assert set(held.values_list("package__code", "valid_until", "yearly_contribution")) == {
            ("B", date(2024, 12, 31), Decimal("3000.00")),
            ("A", None, Decimal("3100.00")),
        }
        ended = held.filter(package__code="B").first().history.first()
        assert (ended.history_change_reason, ended.history_user) == (
            "commitment.ended_by_change",
            secretary,
        )
        assert ended.history_details["from"] == "2025-01-01"
        corrected = held.filter(package__code="A").first().history.first()
        assert (corrected.history_change_reason, corrected.version) == ("imported", 2)
        Commitment.objects.filter(partner__in=partners).delete()
        partners.delete()
        return spent

    assert count(5) == count(50)


def test_a_commitment_changed_after_the_check_refuses_the_whole_import(
    programme, own, packages, users
):
    """What the preview planned is written only when it still holds: a commitment corrected
    in between refuses the import, and nothing of it is written."""
    from django.core.exceptions import ValidationError

    from partners import partner_import, services

    content = _rows(0)
    book = load_workbook(io.BytesIO(content))
    book.active.append(["Noorderpoort", None, "onderwijs", "Groningen", None, None, None, "A",
                        "01-07-2024", None])  # fmt: skip
    book.active.append(["Nieuw", None, "zorg", None, None, None, None, None, None, None])
    out = io.BytesIO()
    book.save(out)
    plan = partner_import.check(
        content=out.getvalue(), filename="p.xlsx", programme=programme, by=users["secretary"]
    )
    assert plan.ok and (plan.new, plan.updated) == (1, 1)
    held = Commitment.objects.get(partner=own)
    services.commitment_update(
        commitment_id=held.pk,
        version=held.version,
        by=users["secretary"],
        yearly_contribution=Decimal("1.00"),
        signed_on=held.signed_on,
        motivation="",
    )
    before = state()
    with pytest.raises(ValidationError, match="Upload het bestand opnieuw"):
        services.import_partner_rows(programme=programme, by=users["secretary"], plan=plan)
    assert state() == before
    assert Partner.objects.get(pk=own.pk).municipality != "Groningen"


def test_a_new_commitment_before_today_needs_the_back_office(programme, packages, users):
    """The plan asks the policy once; the secretary (back office) may start in the past."""
    from partners import partner_import

    content = _rows(1)
    plan = partner_import.check(
        content=content, filename="p.xlsx", programme=programme, by=users["secretary"]
    )
    assert plan.ok and plan.rows[0].commitment[2] < timezone.localdate()


# The admin import is the same import ---------------------------------------------------------


def _admin_upload(client, programme, name, content):
    return client.post(
        reverse("admin:partners_partner_import"),
        {"programme": programme.pk, "import_file": SimpleUploadedFile(name, content)},
    )


def test_the_admin_import_gives_the_same_messages_without_a_traceback(
    client, users, programme, own, packages, tmp_path, settings
):
    settings.DEBUG = False
    client.force_login(users["superuser"])
    before = state()
    page = upload(client, programme, "partners", "f.xlsx", _faulty_sheet(tmp_path / "f.xlsx"))
    client.force_login(users["superuser"])
    response = _admin_upload(client, programme, "f.xlsx", (tmp_path / "f.xlsx").read_bytes())
    assert response.status_code == 200
    assert response.context["problems"] == page.context["problems"]
    assert len(response.context["problems"]) == 10
    html = response.content.decode()
    assert "Traceback" not in html and "site-packages" not in html
    assert response.context["confirm_form"] is None
    for name, content in [
        ("kapot.xlsx", (FILES / "corrupt.xlsx").read_bytes()),
        ("x.csv", b"\x00\x01\x02"),
        ("leeg.csv", b";;\r\n"),
    ]:
        refused = _admin_upload(client, programme, name, content)
        assert refused.status_code == 200 and refused.context["problems"], name
    assert state() == before


def test_the_admin_import_writes_through_the_same_service(
    client, users, programme, own, packages, tmp_path
):
    client.force_login(users["superuser"])
    content = write_xlsx(
        tmp_path / "a.xlsx",
        [HEADINGS, ["Admin BV", None, "overig", None, None, None, None, "C", "01-01-2025", None]],
    )
    response = _admin_upload(client, programme, "a.xlsx", content)
    assert response.context["plan"].new == 1
    assert not Partner.objects.filter(name="Admin BV").exists()
    done = client.post(
        reverse("admin:partners_partner_process_import"), response.context["confirm_form"].initial
    )
    assert done.status_code == 302
    partner = Partner.objects.get(name="Admin BV")
    assert partner.history.first().history_user == users["superuser"]
    assert Commitment.objects.get(partner=partner).package == packages["C"]
    again = client.post(
        reverse("admin:partners_partner_process_import"), response.context["confirm_form"].initial
    )
    assert again.status_code == 302  # the staged file is gone: a message, nothing written
    assert Partner.objects.filter(name="Admin BV").count() == 1


def test_the_import_page_offers_an_empty_partner_list(client, secretary, programme, packages):
    page = client.get(reverse("partners:import", args=[programme.slug]))
    url = reverse("partners:import-template", args=[programme.slug])
    assert url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet, explanation = book.worksheets
    assert sheet.title == "Partners"
    assert [cell.value for cell in sheet[1]] == HEADINGS
    assert sheet.max_row == 1
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert set(lists) == {"C2:C1000", "H2:H1000"}
    values = {
        ref: [row[0].value for row in explanation[formula.split("!")[1].replace("$", "")]]
        for ref, formula in lists.items()
    }
    assert values["H2:H1000"] == ["A", "B", "C"]
    assert "ggz / verslavingszorg" in values["C2:C1000"]
    # the template reads back: headings found, no rows yet
    refused = upload(client, programme, "partners", "leeg.xlsx", response.content)
    assert refused.context["problems"] == [
        "Het bestand heeft kolomkoppen, maar geen rijen eronder."
    ]


def test_only_the_back_office_gets_the_template(client, users, programme):
    client.force_login(users["board"])
    url = reverse("partners:import-template", args=[programme.slug])
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("name", ["empty_rows.xlsx", "empty_rows.csv"])
def test_empty_space_and_border_rows_are_skipped(client, secretary, programme, tmp_path, name):
    path = tmp_path / name
    shutil.copy(FILES / name, path)
    response = upload(client, programme, "partners", name, path.read_bytes())
    assert response.context["outcome"].ok, response.context["problems"]
    numbers = [row["number"] for row in response.context["preview_rows"]]
    assert numbers == ([2, 6] if name.endswith(".xlsx") else [2, 7])
    before = Partner.objects.count()
    confirm(client, programme, response)
    assert Partner.objects.count() == before + 2
    assert Partner.objects.get(name="Tweede").kind == "wonen"


def test_a_date_or_amount_without_a_package_is_refused(client, secretary, programme, tmp_path):
    path = tmp_path / "plain_comma.csv"
    shutil.copy(FILES / "plain_comma.csv", path)
    before = state()
    response = upload(client, programme, "partners", path.name, path.read_bytes())
    # a new message (its Dutch is added to the translations with this change)
    missing = gettext("Fill in the package, or leave the start date and amount empty.")
    assert problems_of(response) == [
        f"Rij 2, kolom valid_from: {missing}",
        f"Rij 3, kolom valid_from: {missing}",
    ]
    assert state() == before
