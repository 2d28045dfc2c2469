"""The shared reading layer of every import (`avk.spreadsheets`): the files people keep, read
under loosely matched headings, cleaned per kind of column, every fault named by row and column.

The messages are asserted in English (the msgids), so these tests hold before and after the
Dutch catalogue has them; `test_dutch_messages` asserts the Dutch once it does.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import models
from django.utils import translation
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from avk.exports import neutralise
from avk.spreadsheets import Column, Row, RowError, Table, check_duplicates, read_table

FILES = Path(__file__).resolve().parents[1] / "import_files"


class Kind(models.TextChoices):
    MUNICIPALITY = "gemeente", "Gemeente"
    CARE = "zorg", "Zorg"
    MENTAL_HEALTH = "ggz", "GGZ / Verslavingszorg"
    HOUSING = "wonen", "Wonen"
    EDUCATION = "onderwijs", "Onderwijs"
    WELFARE = "welzijn", "Welzijn"
    OTHER = "overig", "Overig"


COLUMNS = [
    Column("name", "Naam", aliases=("Name",), required=True, max_length=200),
    Column("short_name", "Korte naam", aliases=("Short name",), max_length=30),
    Column("kind", "Soort", aliases=("Kind",), kind="choice", choices=Kind),
    Column("municipality", "Gemeente", max_length=100),
    Column("website", "Website", kind="url", max_length=200),
    Column("phone", "Telefoon", aliases=("Phone",), kind="phone", max_length=30),
    Column("email", "E-mail", aliases=("General e-mail",), kind="email"),
    Column("package", "Pakket"),
    Column("valid_from", "Ingangsdatum", aliases=("Package since",), kind="date"),
    Column("yearly_contribution", "Jaarlijkse bijdrage", kind="money"),
    Column("active", "Actief", kind="bool"),
    Column("note", "Opmerking"),
]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def read(name: str, **kwargs) -> Table:
    return read_table((FILES / name).read_bytes(), name, columns=COLUMNS, **kwargs)


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def read_csv(text: str, columns=None) -> Table:
    return read_table(csv_bytes(text), "lijst.csv", columns=columns or COLUMNS)


def one(column: Column, *values) -> Table:
    """A csv with one column and a row per value (rows 2, 3, ...)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.heading])
    for value in values:
        writer.writerow([value])
    return read_table(out.getvalue().encode("utf-8"), "een.csv", columns=[column])


def xlsx(tmp_path, rows, *, epoch=None, name="lijst.xlsx") -> bytes:
    book = Workbook()
    if epoch is not None:
        book.epoch = epoch
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path.read_bytes()


# -- the files of tests/import_files -----------------------------------------------------------


def test_xlsx_with_a_title_row_and_a_merged_banner_above_dutch_headings():
    table = read("partners_banner.xlsx")
    assert table.errors == []
    assert table.sheet_name == "Partners"  # the first sheet, "Toelichting", has no headings
    assert table.header_row == 4
    assert table.headings_found == [
        "Naam",
        "korte naam",
        "SOORT",
        "Gemeente",
        "Web-site",
        "Telefoon",
        "E mail",
        "Pakket",
        "Ingangs datum",
        "Jaarlijkse_bijdrage",
        "Opmerking",
    ]
    assert table.notes == ["The headings are in row 4; the rows above them were skipped."]
    # rows 7 (empty), 8 (spaces and a non-breaking space) and 9 (only borders) are skipped
    assert [row.number for row in table.rows] == [5, 6, 10]
    assert table.rows[0].values == {
        "name": "Noorderpoort",
        "short_name": "NP",
        "kind": "onderwijs",
        "municipality": "Groningen",
        "website": "https://www.noorderpoort.nl",
        "phone": "050 - 123 45 67",
        "email": "Info@noorderpoort.nl",
        "package": "Basis",
        "valid_from": date(2024, 1, 1),
        "yearly_contribution": Decimal("2500.00"),
        "note": "eerste partner",
    }
    second = table.rows[1].values
    assert second["name"] == "Zuidlaren \u2013 Caf\u00e9 \u2019t Hoekje"
    assert second["short_name"] == ""
    assert second["kind"] == "ggz"  # "GGZ/verslavingszorg"
    assert second["valid_from"] == date(2024, 3, 15)
    assert second["yearly_contribution"] == Decimal("1250.50")
    third = table.rows[2].values
    assert third["name"] == "Gemeente Tynaarlo"  # a non-breaking space inside
    assert third["kind"] == "ggz"  # "ggz / Verslavingszorg"
    assert third["phone"] == "(0592) 26 66 62"
    assert third["valid_from"] == date(2024, 4, 1)  # serial number 45383
    assert third["yearly_contribution"] == Decimal("2500.00")
    assert "active" not in third  # the file has no such column


def test_the_sheet_named_like_the_data_is_read():
    table = read("partners_banner.xlsx", sheet_names=("archief_2023",))
    assert table.sheet_name == "Archief 2023"
    assert table.header_row == 1
    assert table.notes == []
    assert [(row.number, row.values["name"]) for row in table.rows] == [(2, "De Oude Partner")]


def test_without_a_sheet_with_every_required_heading_the_one_with_most_headings_is_read(
    tmp_path,
):
    book = Workbook()
    book.active.title = "Uitleg"
    book.active.append(["Naam van de organisatie invullen"])
    data = book.create_sheet("Data")
    data.append(["Korte naam", "Soort"])
    data.append(["NP", "zorg"])
    book.save(tmp_path / "b.xlsx")
    table = read_table((tmp_path / "b.xlsx").read_bytes(), "b.xlsx", columns=COLUMNS)
    assert table.sheet_name == "Data"
    assert table.messages == [
        "Row 1: The column Naam is missing. The headings found are: Korte naam, Soort."
    ]
    assert table.rows == []


def test_dates_as_date_cells_serial_numbers_and_text_and_amounts_as_numbers_and_dutch_text():
    table = read("dates.xlsx")
    values = {
        row.number: (row.values["valid_from"], row.values["yearly_contribution"])
        for row in table.rows
    }
    assert values == {
        2: (date(2024, 1, 1), Decimal("2500.00")),
        3: (date(2024, 2, 29), Decimal("2500.50")),  # a datetime cell
        4: (date(2024, 1, 1), Decimal("2500.00")),  # 45292, "€ 2.500"
        5: (date(2024, 1, 1), Decimal("2500.50")),  # 45292.0, "EUR 2500,5"
        6: (date(2024, 1, 1), Decimal("2500.00")),  # "01-01-2024", "2500.00"
        7: (date(2024, 2, 1), Decimal("2500.00")),  # "1-2-2024", "2.500,-"
        8: (date(2024, 3, 15), Decimal("1000000.00")),  # "15/03/2024", "1.000.000,00"
        9: (date(2024, 4, 1), Decimal("0.00")),  # "2024-04-01", 0
        10: (None, None),
        11: (None, None),
    }
    assert table.messages == [
        "Row 10, column Ingangsdatum: '31-02-2024' is not an existing date.",
        "Row 10, column Jaarlijkse bijdrage: '-100' is a negative amount; only amounts of zero "
        "or more can be imported.",
        "Row 11, column Ingangsdatum: 'morgen' is not a date; write it as dd-mm-yyyy.",
        "Row 11, column Jaarlijkse bijdrage: 'veel' is not an amount; write it like 2.500,00.",
    ]
    assert [(e.number, e.column_heading) for e in table.errors] == [
        (10, "Ingangsdatum"),
        (10, "Jaarlijkse bijdrage"),
        (11, "Ingangsdatum"),
        (11, "Jaarlijkse bijdrage"),
    ]
    assert [error.message for error in table.rows[-1].errors] == table.messages[2:]


def test_every_fault_is_named_with_its_row_and_column_and_reading_goes_on():
    table = read("faults.xlsx")
    formula = "looks like a formula; type the text itself, without =, +, - or @ in front."
    assert table.messages == [
        f'Row 3, column Naam: \'=HYPERLINK("http://evil.example","klik")\' {formula}',
        f"Row 4, column Naam: '=1+1' {formula}",
        "Row 5, column E-mail: 'jan@' is not a valid e-mail address.",
        "Row 6, column Website: 'www.twee woorden.nl' is not a valid website address.",
        "Row 7, column Telefoon: 'bel 06-1234' is not a phone number: use only digits, spaces, "
        "+, - and parentheses.",
        "Row 8, column Soort: 'bakkerij' is not one of the choices: Gemeente, Zorg, "
        "GGZ / Verslavingszorg, Wonen, Onderwijs, Welzijn, Overig.",
        f"Row 9, column Naam: '{'X' * 59}\u2026' is 201 characters long; at most 200 fit.",
        "Row 10, column Naam: This cell is empty, but a value is required.",
        "Row 11, column Actief: 'misschien' is not yes or no; write yes or no.",
    ]
    assert [row.number for row in table.rows] == list(range(2, 12))
    assert table.rows[0].values == {
        "name": "Goed",
        "kind": "zorg",
        "website": "https://goed.nl",
        "phone": "06-12345678",
        "email": "a@goed.nl",
        "active": True,
    }
    assert table.rows[0].errors == []
    assert table.rows[1].values["name"] is None  # a refused cell has no value


def test_csv_utf8_as_dutch_excel_saves_it():
    content = (FILES / "excel_csv_utf8.csv").read_bytes()
    assert content.startswith(b"\xef\xbb\xbfNaam;") and b"\r\n" in content
    table = read("excel_csv_utf8.csv")
    assert table.errors == [] and table.notes == []
    assert table.headings_found[0] == "Naam"  # no byte-order mark left on it
    assert [row.number for row in table.rows] == [2, 3, 4]
    assert table.rows[0].values == {
        "name": "Noorderpoort",
        "short_name": "NP",
        "kind": "onderwijs",
        "municipality": "Groningen",
        "package": "Basis",
        "valid_from": date(2024, 1, 1),
        "yearly_contribution": Decimal("2500.00"),
        "website": "https://www.noorderpoort.nl",
        "phone": "050 123 4567",
        "email": "info@noorderpoort.nl",
    }
    assert table.rows[1].values["name"] == "Caf\u00e9 De Brug"
    assert table.rows[1].values["municipality"] == "K\u00f6ln"
    assert table.rows[1].values["valid_from"] == date(2024, 7, 1)
    assert table.rows[1].values["yearly_contribution"] == Decimal("750.00")
    assert table.rows[2].values["name"] == "Zorg, Welzijn; en Wonen"


def test_plain_csv_with_commas_and_the_column_codes():
    table = read("plain_comma.csv")
    assert table.errors == []
    assert [row.values for row in table.rows] == [
        {
            "name": "Noorderpoort",
            "kind": "onderwijs",
            "municipality": "Groningen",
            "yearly_contribution": Decimal("2500.00"),
            "valid_from": date(2024, 1, 1),
        },
        {
            "name": "Zorg, Welzijn en Wonen",
            "kind": "zorg",
            "municipality": "Assen, Drenthe",
            "yearly_contribution": Decimal("1250.50"),
            "valid_from": date(2024, 2, 1),
        },
    ]


def test_windows_1252_csv_keeps_accents_dashes_and_curly_quotes():
    table = read("windows1252.csv")
    assert table.errors == []
    assert [(row.number, row.values) for row in table.rows] == [
        (
            2,
            {
                "name": "Zuidlaren \u2013 Caf\u00e9 \u2019t Hoekje",
                "municipality": "Tynaarlo",
                "note": "\u201eDe\u201d Brug \u2018oud\u2019",
            },
        ),
        (
            3,
            {
                "name": "Stichting Zo\u00eb & Ren\u00e9e",
                "municipality": "Emmen",
                "note": "\u20ac 5 \u2014 d\u00e9j\u00e0 vu",
            },
        ),
    ]


@pytest.mark.parametrize(
    ("name", "numbers"), [("empty_rows.xlsx", [2, 6]), ("empty_rows.csv", [2, 7])]
)
def test_empty_whitespace_and_border_only_rows_are_skipped_silently(name, numbers):
    table = read(name)
    assert table.errors == [] and table.notes == []
    assert [row.number for row in table.rows] == numbers
    assert [row.values for row in table.rows] == [
        {"name": "Eerste", "kind": "zorg"},
        {"name": "Tweede", "kind": "wonen"},
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "corrupt.xlsx",
            "This file is damaged or is not an Excel workbook. Open it in Excel, save it as an "
            "Excel workbook (.xlsx) and upload it again.",
        ),
        (
            "picture.xlsx",
            "This file cannot be read as a spreadsheet: upload an Excel workbook (.xlsx) or a "
            "CSV file.",
        ),
    ],
)
def test_a_corrupt_file_or_a_picture_is_a_message_not_a_traceback(name, message):
    table = read(name)
    assert table.rows == []
    assert table.errors == [RowError(None, None, message)]
    assert not table.ok


def test_every_committed_file_is_made_and_described_by_the_script():
    script = (FILES / "make_files.py").read_text(encoding="utf-8")
    for name in (
        "partners_banner.xlsx",
        "dates.xlsx",
        "faults.xlsx",
        "excel_csv_utf8.csv",
        "plain_comma.csv",
        "windows1252.csv",
        "empty_rows.xlsx",
        "empty_rows.csv",
        "corrupt.xlsx",
        "picture.xlsx",
    ):
        assert (FILES / name).is_file(), name
        assert f"`{name}`" in script, name


# -- files that are no spreadsheets ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (
            b"%PDF-1.7 ...",
            "lijst.pdf",
            "This file cannot be read as a spreadsheet: upload an Excel workbook (.xlsx) or a "
            "CSV file.",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "lijst.csv",
            "This file cannot be read as a spreadsheet: upload an Excel workbook (.xlsx) or a "
            "CSV file.",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "lijst.xls",
            "This file is in the old Excel format (.xls) or protected with a password. Save it "
            "as an Excel workbook (.xlsx) without a password and upload it again.",
        ),
        (
            b"PK\x03\x04 not really a zip",
            "lijst.xlsx",
            "This file is damaged or is not an Excel workbook. Open it in Excel, save it as an "
            "Excel workbook (.xlsx) and upload it again.",
        ),
        (b"", "lijst.csv", "The file is empty."),
        (b"\r\n;;\r\n  \r\n", "lijst.csv", "The file is empty."),
    ],
)
def test_unreadable_files(content, filename, message):
    table = read_table(content, filename, columns=COLUMNS)
    assert table.messages == [message]
    assert table.rows == []


def test_an_xlsx_saved_under_another_name_is_read_as_xlsx(tmp_path):
    content = xlsx(tmp_path, [["Naam"], ["Noorderpoort"]])
    table = read_table(content, "lijst.csv", columns=COLUMNS)
    assert [row.values for row in table.rows] == [{"name": "Noorderpoort"}]


def test_utf8_read_as_windows_1252_would_be_mangled_so_the_person_is_asked_for_utf8():
    content = "Naam\r\nCaf\u00e9\r\n".encode() + "Zo\u00eb\r\n".encode("cp1252")
    table = read_table(content, "lijst.csv", columns=COLUMNS)
    assert table.messages == [
        "The letters in this file cannot be read reliably. Save it in Excel as "
        "\u201cCSV UTF-8\u201d and upload it again."
    ]


def test_utf16_as_excel_saves_unicode_text():
    content = "Naam\tSoort\r\nCaf\u00e9 \u2019t Hoekje\tzorg\r\n".encode("utf-16")
    table = read_table(content, "lijst.txt", columns=COLUMNS)
    assert [row.values for row in table.rows] == [
        {"name": "Caf\u00e9 \u2019t Hoekje", "kind": "zorg"}
    ]


# -- csv: delimiters, line ends, line numbers --------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_delimiters_and_line_ends(delimiter, newline):
    lines = [
        delimiter.join(["Naam", "Jaarlijkse bijdrage", "Gemeente"]),
        delimiter.join(["Noorderpoort", '"2.500,00"', "Groningen"]),
        delimiter.join(["De Brug", "750", '"Assen; Drenthe, NL"']),
    ]
    table = read_csv(newline.join(lines) + newline)
    assert table.errors == []
    assert [(row.number, row.values) for row in table.rows] == [
        (
            2,
            {
                "name": "Noorderpoort",
                "yearly_contribution": Decimal("2500.00"),
                "municipality": "Groningen",
            },
        ),
        (
            3,
            {
                "name": "De Brug",
                "yearly_contribution": Decimal("750.00"),
                "municipality": "Assen; Drenthe, NL",
            },
        ),
    ]


def test_semicolons_win_over_the_commas_of_dutch_amounts():
    table = read_csv('Naam;Jaarlijkse bijdrage\n"A";2.500,00\nB;1,5\n')
    assert [row.values["yearly_contribution"] for row in table.rows] == [
        Decimal("2500.00"),
        Decimal("1.50"),
    ]


def test_csv_line_numbers_are_the_lines_the_person_sees():
    text = (
        "Titel van de lijst\r\n\r\nNaam;Opmerking\r\n"  # lines 1-3
        'A;"twee\r\nregels"\r\n\r\nB;x\r\n;\r\n=1+1;\r\n'  # lines 4-9
    )
    table = read_csv(text)
    assert table.header_row == 3
    assert [row.number for row in table.rows] == [4, 7, 9]
    assert table.rows[0].values == {"name": "A", "note": "twee\nregels"}
    assert table.messages == [
        "Row 9, column Naam: '=1+1' looks like a formula; type the text itself, without =, +, - "
        "or @ in front."
    ]


# -- headings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["E-mail", "email", "E mail", "  e-MAIL ", "E_mail", "É-mail", "General e-mail", "e.mail"],
)
def test_headings_match_ignoring_case_spaces_accents_and_punctuation(heading):
    table = read_csv(f"Naam;{heading}\nA;a@b.nl\n")
    assert table.columns_found == {"name": "Naam", "email": " ".join(heading.split())}
    assert table.rows[0].values == {"name": "A", "email": "a@b.nl"}


@pytest.mark.parametrize(
    "heading",
    [
        "Jaarlijkse bijdrage",
        "jaarlijkse_bijdrage",
        "JAARLIJKSE  BIJDRAGE",
        "Jaarlijkse-Bijdrage",
        "yearly_contribution",
    ],
)
def test_headings_of_several_words(heading):
    table = read_csv(f"Naam;{heading}\nA;10\n")
    assert table.rows[0].values == {"name": "A", "yearly_contribution": Decimal("10.00")}


def test_unknown_columns_are_ignored_with_a_note():
    table = read_csv("Opmerking intern;Naam;Kolom Z\nx;A;y\n", columns=COLUMNS[:1])
    assert table.errors == []
    assert table.notes == ["The columns Opmerking intern, Kolom Z are not used and were skipped."]
    assert table.rows[0].values == {"name": "A"}
    table = read_csv("Naam;Kolom Z\nA;y\n", columns=COLUMNS[:1])
    assert table.notes == ["The column Kolom Z is not used and was skipped."]


def test_a_missing_required_column_names_it_and_the_headings_found():
    columns = [*COLUMNS, Column("package", "Pakket", required=True)]
    columns = [c for c in columns if c.key != "package" or c.required]
    table = read_csv("Titel\nSoort;Gemeente;Organisatie\nzorg;Assen;A\n", columns=columns)
    assert table.messages == [
        "Row 2: The columns Naam, Pakket are missing. The headings found are: Soort, Gemeente, "
        "Organisatie."
    ]
    assert table.rows == []
    assert table.headings_found == ["Soort", "Gemeente", "Organisatie"]
    table = read_csv("Soort;Gemeente\nzorg;Assen\n")
    assert table.messages == [
        "Row 1: The column Naam is missing. The headings found are: Soort, Gemeente."
    ]


def test_no_expected_heading_at_all():
    columns = [Column("municipality", "Gemeente"), Column("note", "Opmerking")]
    table = read_csv("Plaats;Tekst\nAssen;x\n", columns=columns)
    assert table.messages == [
        "Row 1: None of the expected headings (Gemeente, Opmerking) was found. The headings "
        "found are: Plaats, Tekst."
    ]


def test_one_column_twice_is_refused():
    table = read_csv("Naam;E-mail;Email\nA;a@b.nl;c@d.nl\n")
    assert table.messages == [
        "Row 1: The columns E-mail and Email are the same column; keep one of them."
    ]
    assert table.rows == []


def test_headings_but_no_rows():
    table = read_csv("Naam;Soort\r\n;\r\n")
    assert table.messages == ["The file has headings but no rows below them."]


def test_the_heading_row_is_the_one_naming_the_most_columns_within_the_first_rows(tmp_path):
    rows = [["Overzicht partners"], [], ["Naam", None, "Soort"], ["Naam", "Soort", "Gemeente"]]
    rows += [["A", "zorg", "Assen"]]
    table = read_table(xlsx(tmp_path, rows), "lijst.xlsx", columns=COLUMNS)
    assert table.header_row == 4
    assert table.errors == []
    assert [(row.number, row.values) for row in table.rows] == [
        (5, {"name": "A", "kind": "zorg", "municipality": "Assen"})
    ]


def test_empty_rows_above_the_headings_do_not_count_as_the_rows_scanned(tmp_path):
    book = Workbook()
    book.active["A1"] = "Partnerlijst"
    book.active["A25"] = "Naam"
    book.active["A26"] = "Noorderpoort"
    book.save(tmp_path / "laag.xlsx")
    table = read_table((tmp_path / "laag.xlsx").read_bytes(), "laag.xlsx", columns=COLUMNS)
    assert table.header_row == 25
    assert [(row.number, row.values) for row in table.rows] == [(26, {"name": "Noorderpoort"})]
    assert table.notes == ["The headings are in row 25; the rows above them were skipped."]


# -- cleaning per kind -------------------------------------------------------------------------

TEXT = Column("name", "Naam", required=True, max_length=20)


def test_text_is_trimmed_and_inner_spaces_collapsed():
    table = one(
        Column("note", "Opmerking"),
        "  Noorderpoort  ",
        "De\u00a0\u00a0Brug",
        "Stichting \t Zorg",
        "twee \r\n regels ",
    )
    assert [row.values["note"] for row in table.rows] == [
        "Noorderpoort",
        "De Brug",
        "Stichting Zorg",
        "twee\nregels",
    ]


def test_text_from_number_and_date_cells(tmp_path):
    rows = [["Opmerking"], [612345678], [12.5], [datetime(2024, 1, 2)], [True]]
    table = read_table(xlsx(tmp_path, rows), "a.xlsx", columns=[Column("note", "Opmerking")])
    assert [row.values["note"] for row in table.rows] == ["612345678", "12.5", "02-01-2024", "yes"]


def test_a_value_longer_than_the_field_is_refused():
    table = one(TEXT, "x" * 20, "y" * 21)
    assert table.rows[0].values == {"name": "x" * 20}
    assert table.messages == [
        f"Row 3, column Naam: '{'y' * 21}' is 21 characters long; at most 20 fit."
    ]


@pytest.mark.parametrize(
    ("typed", "website"),
    [
        ("www.x.nl", "https://www.x.nl"),
        ("  noorderpoort.nl/over-ons ", "https://noorderpoort.nl/over-ons"),
        ("http://x.nl", "http://x.nl"),
        ("HTTPS://X.NL/Pad", "HTTPS://X.NL/Pad"),
    ],
)
def test_a_website_without_scheme_gets_https(typed, website):
    table = one(Column("website", "Website", kind="url"), typed)
    assert table.errors == []
    assert table.rows[0].values == {"website": website}


@pytest.mark.parametrize("typed", ["geen site", "ftp://x.nl", "https://", "x"])
def test_a_bad_website_is_refused(typed):
    table = one(Column("website", "Website", kind="url"), typed)
    assert table.messages == [f"Row 2, column Website: '{typed}' is not a valid website address."]


@pytest.mark.parametrize(
    ("typed", "email"),
    [
        (" jan@x.nl ", "jan@x.nl"),
        ("Jan.Jansen@Noorderpoort.NL", "Jan.Jansen@noorderpoort.nl"),
        ("mailto:info@x.nl", "info@x.nl"),
    ],
)
def test_an_email_is_trimmed_with_its_domain_in_lower_case(typed, email):
    table = one(Column("email", "E-mail", kind="email"), typed)
    assert table.errors == []
    assert table.rows[0].values == {"email": email}


@pytest.mark.parametrize("typed", ["jan@", "jan", "jan@x", "jan de vries@x.nl", "@x.nl"])
def test_an_invalid_email_is_refused(typed):
    table = one(Column("email", "E-mail", kind="email"), typed)
    assert table.messages == [f"Row 2, column E-mail: '{typed}' is not a valid e-mail address."]


@pytest.mark.parametrize(
    "typed", ["06-12345678", "+31 6 1234 5678", "(050) 123 45 67", "050 - 123 45 67", "+31 (0)6 12"]
)
def test_phone_numbers_are_kept_as_typed(typed):
    table = one(Column("phone", "Telefoon", kind="phone"), f"  {typed} ")
    assert table.errors == []
    assert table.rows[0].values == {"phone": typed}


@pytest.mark.parametrize("typed", ["06-1234x", "bel mij", "06.12345678", "+-()"])
def test_a_phone_with_other_signs_is_refused(typed):
    table = one(Column("phone", "Telefoon", kind="phone"), typed)
    assert table.messages == [
        f"Row 2, column Telefoon: '{typed}' is not a phone number: use only digits, spaces, +, - "
        "and parentheses."
    ]


DATE = Column("valid_from", "Ingangsdatum", kind="date")


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("01-01-2024", date(2024, 1, 1)),
        ("1-2-2024", date(2024, 2, 1)),
        ("29/02/2024", date(2024, 2, 29)),
        ("2024-03-05", date(2024, 3, 5)),
        ("2024-03-05 00:00:00", date(2024, 3, 5)),
        ("2024/03/05", date(2024, 3, 5)),
        ("31.12.2024", date(2024, 12, 31)),
        ("45292", date(2024, 1, 1)),
    ],
)
def test_dates_as_text(typed, day):
    table = one(DATE, typed)
    assert table.errors == []
    assert table.rows[0].values == {"valid_from": day}


def test_impossible_and_unreadable_dates_are_row_errors():
    table = one(DATE, "31-02-2024", "2023-02-29", "1-13-2024", "volgend jaar", "1-1-24", "3000000")
    assert table.messages == [
        "Row 2, column Ingangsdatum: '31-02-2024' is not an existing date.",
        "Row 3, column Ingangsdatum: '2023-02-29' is not an existing date.",
        "Row 4, column Ingangsdatum: '1-13-2024' is not an existing date.",
        "Row 5, column Ingangsdatum: 'volgend jaar' is not a date; write it as dd-mm-yyyy.",
        "Row 6, column Ingangsdatum: '1-1-24' is not a date; write it as dd-mm-yyyy.",
        "Row 7, column Ingangsdatum: '3000000' is not a date; write it as dd-mm-yyyy.",
    ]
    assert len(table.rows) == 6


def test_serial_numbers_in_a_workbook_counting_from_1904(tmp_path):
    content = xlsx(tmp_path, [["Ingangsdatum"], [43830], [0.5 + 43831]], epoch=CALENDAR_MAC_1904)
    table = read_table(content, "mac.xlsx", columns=[DATE])
    assert [row.values["valid_from"] for row in table.rows] == [date(2024, 1, 1), date(2024, 1, 2)]


def test_a_negative_serial_number_is_no_date(tmp_path):
    table = read_table(xlsx(tmp_path, [["Ingangsdatum"], [-5]]), "a.xlsx", columns=[DATE])
    assert table.messages == [
        "Row 2, column Ingangsdatum: '-5' is not a date; write it as dd-mm-yyyy."
    ]


MONEY = Column("yearly_contribution", "Jaarlijkse bijdrage", kind="money")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("2.500,00", "2500.00"),
        ("\u20ac 2.500", "2500.00"),
        ("\u20ac2.500,-", "2500.00"),
        ("EUR 2500,5", "2500.50"),
        ("2500.00", "2500.00"),
        ("2500", "2500.00"),
        ("2 500,00", "2500.00"),
        ("1.234.567,891", "1234567.89"),
        ("0,005", "0.01"),
        ("2,500.75", "2500.75"),
        ("2500 euro", "2500.00"),
        ("EUR2500", "2500.00"),
        ("2500\u20ac", "2500.00"),
        ("\u00a02.500,00\u00a0", "2500.00"),
    ],
)
def test_amounts_as_dutch_text(typed, amount):
    table = one(MONEY, typed)
    assert table.errors == []
    assert table.rows[0].values == {"yearly_contribution": Decimal(amount)}
    assert str(table.rows[0].values["yearly_contribution"]) == amount


def test_amounts_from_number_cells(tmp_path):
    rows = [["Jaarlijkse bijdrage"], [2500], [2500.5], [0.1 + 0.2], [-1], [True]]
    table = read_table(xlsx(tmp_path, rows), "a.xlsx", columns=[MONEY])
    assert [row.values["yearly_contribution"] for row in table.rows] == [
        Decimal("2500.00"),
        Decimal("2500.50"),
        Decimal("0.30"),
        None,
        None,
    ]
    assert table.messages == [
        "Row 5, column Jaarlijkse bijdrage: '-1' is a negative amount; only amounts of zero or "
        "more can be imported.",
        "Row 6, column Jaarlijkse bijdrage: 'yes' is not an amount; write it like 2.500,00.",
    ]


def test_negative_and_non_numeric_amounts_are_refused():
    table = one(MONEY, "-2.500,00", "\u20ac -5", "veel", "2.50.0", "12abc", "=1+1", "Europa")
    assert table.messages == [
        "Row 2, column Jaarlijkse bijdrage: '-2.500,00' is a negative amount; only amounts of "
        "zero or more can be imported.",
        "Row 3, column Jaarlijkse bijdrage: '\u20ac -5' is a negative amount; only amounts of "
        "zero or more can be imported.",
        "Row 4, column Jaarlijkse bijdrage: 'veel' is not an amount; write it like 2.500,00.",
        "Row 5, column Jaarlijkse bijdrage: '2.50.0' is not an amount; write it like 2.500,00.",
        "Row 6, column Jaarlijkse bijdrage: '12abc' is not an amount; write it like 2.500,00.",
        "Row 7, column Jaarlijkse bijdrage: '=1+1' looks like a formula; type the text itself, "
        "without =, +, - or @ in front.",
        "Row 8, column Jaarlijkse bijdrage: 'Europa' is not an amount; write it like 2.500,00.",
    ]


KIND = Column("kind", "Soort", kind="choice", choices=Kind)


@pytest.mark.parametrize(
    "typed",
    [
        "ggz/verslavingszorg",
        "GGZ / Verslavingszorg",
        "ggz / verslavingszorg",
        " GGZ/ Verslavingszorg ",
        "ggz",
        "GGZ",
    ],
)
def test_choices_match_labels_and_codes_loosely(typed):
    table = one(KIND, typed)
    assert table.errors == []
    assert table.rows[0].values == {"kind": "ggz"}


def test_choices_ignore_accents_and_take_a_mapping_of_label_to_code():
    column = Column(
        "level",
        "Niveau",
        kind="choice",
        choices={"Bestuurder": "bestuurder", "Uitvoering / praktijk": "uitvoering"},
    )
    table = one(column, "bestuurdér", "uitvoering/praktijk", "UITVOERING", "manager")
    assert [row.values["level"] for row in table.rows] == [
        "bestuurder",
        "uitvoering",
        "uitvoering",
        None,
    ]
    assert table.messages == [
        "Row 5, column Niveau: 'manager' is not one of the choices: Bestuurder, Uitvoering / "
        "praktijk."
    ]


def test_choices_with_translated_labels_match_in_dutch_and_english():
    from django.utils.translation import gettext_lazy

    class Level(models.TextChoices):
        YES = "j", gettext_lazy("yes")
        NO = "n", gettext_lazy("no")

    table = one(Column("answer", "Antwoord", kind="choice", choices=Level), "Ja", "no", "NEE")
    assert [row.values["answer"] for row in table.rows] == ["j", "n", "n"]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("ja", True),
        ("Ja", True),
        ("JA", True),
        ("yes", True),
        ("x", True),
        ("X", True),
        ("1", True),
        ("waar", True),
        ("WAAR", True),
        ("true", True),
        ("nee", False),
        ("Nee", False),
        ("no", False),
        ("0", False),
        ("onwaar", False),
        ("ONWAAR", False),
        ("false", False),
    ],
)
def test_yes_and_no(typed, value):
    table = one(Column("active", "Actief", kind="bool"), typed)
    assert table.errors == []
    assert table.rows[0].values == {"active": value}


def test_yes_and_no_from_cells_and_refused(tmp_path):
    rows = [
        ["Naam", "Actief"],
        ["a", True],
        ["b", False],
        ["c", 1],
        ["d", 0],
        ["e", None],
        ["f", 2],
    ]
    columns = [TEXT, Column("active", "Actief", kind="bool")]
    table = read_table(xlsx(tmp_path, rows), "a.xlsx", columns=columns)
    assert [row.values["active"] for row in table.rows] == [True, False, True, False, None, None]
    assert table.messages == ["Row 7, column Actief: '2' is not yes or no; write yes or no."]


def test_whole_numbers():
    column = Column("seats", "Zetels", kind="int")
    table = one(column, "5", " 12 ", "-3", "5,5", "vijf")
    assert [row.values["seats"] for row in table.rows] == [5, 12, -3, None, None]
    assert table.messages == [
        "Row 5, column Zetels: '5,5' is not a whole number.",
        "Row 6, column Zetels: 'vijf' is not a whole number.",
    ]


def test_empty_cells_per_kind(tmp_path):
    columns = [TEXT, *(c for c in COLUMNS if c.key != "name")]
    header = [c.heading for c in columns]
    table = read_table(xlsx(tmp_path, [header, ["A"]]), "a.xlsx", columns=columns)
    assert table.rows[0].values == {
        "name": "A",
        "short_name": "",
        "kind": "",
        "municipality": "",
        "website": "",
        "phone": "",
        "email": "",
        "package": "",
        "valid_from": None,
        "yearly_contribution": None,
        "active": None,
        "note": "",
    }


def test_a_required_value_of_only_spaces_is_refused():
    table = read_csv("Naam;Soort\nA;zorg\n   ;zorg\n\u00a0;wonen\n", columns=[TEXT, KIND])
    assert table.messages == [
        "Row 3, column Naam: This cell is empty, but a value is required.",
        "Row 4, column Naam: This cell is empty, but a value is required.",
    ]
    assert [row.values["name"] for row in table.rows] == ["A", "", ""]


# -- formulas ----------------------------------------------------------------------------------

NOTE = Column("note", "Opmerking")
FORMULA = "looks like a formula; type the text itself, without =, +, - or @ in front."


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://x.example","klik")',
        "=1+1",
        "=A1",
        "+1+1",
        "-2+3",
        "@SUM(A1:A3)",
        "+A1",
        "-2+3+cmd|' /C calc'!A0",
        "+Blad1!A1",
        "-SUM(1)",
    ],
)
def test_a_formula_where_text_is_expected_is_refused(typed):
    table = one(NOTE, typed)
    assert table.messages == [f"Row 2, column Opmerking: '{typed}' {FORMULA}"]
    assert table.rows[0].values == {"note": None}


@pytest.mark.parametrize(
    "typed",
    [
        "+31 6 1234 5678",
        "+31-6-12345678",
        "-",
        "- geen -",
        "@noorderpoort",
        "-5 graden",
        "- Zorg (GGZ)",
        "Een = teken",
        "+ extra",
    ],
)
def test_text_starting_with_a_sign_that_is_no_formula_is_kept(typed):
    table = one(NOTE, typed)
    assert table.errors == []
    assert table.rows[0].values == {"note": typed}


def test_phones_and_negative_amounts_are_not_taken_for_formulas():
    table = one(Column("phone", "Telefoon", kind="phone"), "+31 6 1234 5678", "=1+1")
    assert table.rows[0].values == {"phone": "+31 6 1234 5678"}
    assert table.messages == [f"Row 3, column Telefoon: '=1+1' {FORMULA}"]
    table = one(MONEY, "-100")
    assert "negative amount" in table.messages[0]


def test_text_the_portal_exported_with_a_quote_prefix_reads_back_as_it_was():
    table = one(NOTE, neutralise("=HYPERLINK(x)"), neutralise("+1+1"), "'gewoon")
    assert table.errors == []
    assert [row.values["note"] for row in table.rows] == ["=HYPERLINK(x)", "+1+1", "'gewoon"]


# -- duplicates --------------------------------------------------------------------------------


def test_check_duplicates_names_both_rows():
    table = read_csv(
        "Naam;Soort\nNoorderpoort;zorg\nDe Brug;zorg\n  noorderpoort ;zorg\n\n"
        "NOORDERPOORT;zorg\nde  brug;wonen\n"
    )
    check_duplicates(table, "name", label="The partner")
    assert table.messages == [
        "Row 4, column Naam: The partner 'noorderpoort' appears more than once: in row 2 and in "
        "row 4.",
        "Row 6, column Naam: The partner 'NOORDERPOORT' appears more than once: in row 2 and in "
        "row 6.",
        "Row 7, column Naam: The partner 'de brug' appears more than once: in row 3 and in row 7.",
    ]
    assert [e.number for e in table.rows[2].errors] == [4]


def test_check_duplicates_skips_empty_values_and_missing_columns():
    table = read_csv("Naam;Korte naam\nA;\nB;\nC;c\n")
    check_duplicates(table, "short_name", label="The short name")
    check_duplicates(table, "email", label="The e-mail address")
    assert table.errors == []


def test_callers_add_their_own_row_errors_in_the_same_words():
    table = read_csv("Naam;Pakket\nA;Goud\n")
    row = table.rows[0]
    table.add_error(row, "package", "There is no such package.")
    table.add_error(row, None, "Something about the whole row.")
    assert table.messages == [
        "Row 2, column Pakket: There is no such package.",
        "Row 2: Something about the whole row.",
    ]
    assert row.errors == table.errors
    assert isinstance(row, Row)


# -- size --------------------------------------------------------------------------------------


def test_five_thousand_rows_are_read_whole_with_every_bad_row_reported():
    lines = ["Naam;Soort;Website;E-mail;Ingangsdatum;Jaarlijkse bijdrage"]
    for number in range(2, 5002):
        email = "fout@" if number % 1000 == 0 else f"info@p{number}.nl"
        lines.append(f"Partner {number};zorg;www.p{number}.nl;{email};01-01-2024;2.500,00")
    table = read_csv("\r\n".join(lines))
    assert len(table.rows) == 5000
    assert table.rows[-1].number == 5001
    assert table.rows[-1].values["website"] == "https://www.p5001.nl"
    assert [error.number for error in table.errors] == [1000, 2000, 3000, 4000, 5000]


# -- Dutch -------------------------------------------------------------------------------------

FORMULE = "lijkt een formule; typ de tekst zelf, zonder =, +, - of @ ervoor."
DUTCH = {
    "faults.xlsx": [
        f'Rij 3, kolom Naam: \'=HYPERLINK("http://evil.example","klik")\' {FORMULE}',
        f"Rij 4, kolom Naam: '=1+1' {FORMULE}",
        "Rij 5, kolom E-mail: 'jan@' is geen geldig e-mailadres.",
        "Rij 6, kolom Website: 'www.twee woorden.nl' is geen geldig websiteadres.",
        "Rij 7, kolom Telefoon: 'bel 06-1234' is geen telefoonnummer: gebruik alleen cijfers, "
        "spaties, +, - en haakjes.",
        "Rij 8, kolom Soort: 'bakkerij' is geen van de keuzes: Gemeente, Zorg, "
        "GGZ / Verslavingszorg, Wonen, Onderwijs, Welzijn, Overig.",
        f"Rij 9, kolom Naam: '{'X' * 59}\u2026' is 201 tekens lang; er passen er hoogstens 200 in.",
        "Rij 10, kolom Naam: Deze cel is leeg, maar hier is een waarde verplicht.",
        "Rij 11, kolom Actief: 'misschien' is geen ja of nee; schrijf ja of nee.",
    ],
    "dates.xlsx": [
        "Rij 10, kolom Ingangsdatum: '31-02-2024' is geen bestaande datum.",
        "Rij 10, kolom Jaarlijkse bijdrage: '-100' is een negatief bedrag; alleen bedragen van "
        "nul of meer kunnen worden ingelezen.",
        "Rij 11, kolom Ingangsdatum: 'morgen' is geen datum; schrijf hem als dd-mm-jjjj.",
        "Rij 11, kolom Jaarlijkse bijdrage: 'veel' is geen bedrag; schrijf het als 2.500,00.",
    ],
    "corrupt.xlsx": [
        "Dit bestand is beschadigd of is geen Excel-werkmap. Open het in Excel, sla het op als "
        "Excel-werkmap (.xlsx) en upload het opnieuw."
    ],
}


def _translated() -> bool:
    msgid = "'%(value)s' is not a valid e-mail address."
    with translation.override("nl"):
        return translation.gettext(msgid) != msgid


needs_dutch = pytest.mark.skipif(
    not _translated(), reason="the Dutch catalogue lacks the msgids of avk.spreadsheets yet"
)


@needs_dutch
@pytest.mark.parametrize("name", sorted(DUTCH))
def test_dutch_messages(name):
    with translation.override("nl"):
        assert read(name).messages == DUTCH[name]


@needs_dutch
def test_dutch_messages_about_headings_notes_and_duplicates():
    with translation.override("nl"):
        assert read("partners_banner.xlsx").notes == [
            "De kolomkoppen staan in rij 4; de rijen erboven zijn overgeslagen."
        ]
        table = read_csv("Titel\nSoort;Gemeente;Plaats\nzorg;Assen;x\n")
        assert table.messages == [
            "Rij 2: De kolom Naam ontbreekt. De gevonden kolomkoppen zijn: Soort, Gemeente, Plaats."
        ]
        table = read_csv("Naam;Soort;Plaats\nA;zorg;x\n a ;zorg;y\n")
        check_duplicates(table, "name", label="De partner")
        assert table.notes == ["De kolom Plaats wordt niet gebruikt en is overgeslagen."]
        assert table.messages == [
            "Rij 3, kolom Naam: De partner 'a' staat meer dan één keer in het bestand: in rij 2 "
            "en in rij 3."
        ]
