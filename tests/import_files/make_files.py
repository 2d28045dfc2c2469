"""Makes the messy spreadsheets the import tests read, as people really keep them.

    .venv/bin/python tests/import_files/make_files.py

The files are committed, so the tests do not run this; run it again after changing it. Each file:

- `partners_banner.xlsx`: a sheet "Toelichting" without headings, then "Partners" with a title
  row, a merged banner and an empty row above Dutch headings (row 4), untidy but valid rows, an
  empty row, a row of only spaces and a row of only borders; then "Archief 2023" (headings in
  row 1, one old row).
- `dates.xlsx`: dates as date cells, datetimes, Excel serial numbers and text; amounts as
  numbers and Dutch text; one impossible date, one text that is no date, one negative amount.
- `faults.xlsx`: one fault per row (text cells that look like formulas, a bad e-mail, a website
  with spaces, a bad phone, an unknown kind, a name too long, a name of only spaces, a bad yes/no).
- `excel_csv_utf8.csv`: as Dutch Excel saves "CSV UTF-8": BOM, `;`, CRLF, `2.500,00`,
  `01-01-2024`, accents.
- `plain_comma.csv`: UTF-8 without BOM, `,`, LF, quoted cells holding commas.
- `windows1252.csv`: Windows-1252 with `;`, accents, a dash and curly quotes.
- `empty_rows.xlsx` and `empty_rows.csv`: data between empty rows, rows of spaces (also
  non-breaking ones), rows with only borders, and formatted rows after the data.
- `corrupt.xlsx`: a workbook cut off halfway; `picture.xlsx`: a PNG image named .xlsx.
"""

from __future__ import annotations

import struct
import zlib
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
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
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _save(book: Workbook, name: str) -> bytes:
    out = BytesIO()
    book.save(out)
    (HERE / name).write_bytes(out.getvalue())
    return out.getvalue()


def _text(cell, value: str) -> None:
    """A text cell, also when it starts with "=" (as Excel keeps a cell typed as '=...)."""
    cell.value = value
    cell.data_type = "s"


def partners_banner() -> None:
    book = Workbook()
    intro = book.active
    intro.title = "Toelichting"
    intro["A1"] = "Zo vult u de partnerlijst in"
    intro["A2"] = "Eén rij per organisatie. Soort en Pakket kiest u uit de lijst."

    sheet = book.create_sheet("Partners")
    sheet["A1"] = "Partnerlijst Alliantie van Kracht 2024"
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A2"] = "Vertrouwelijk \u2013 alleen voor de stuurgroep"
    sheet.merge_cells("A2:J2")
    sheet["A2"].fill = PatternFill("solid", fgColor="FFFF00")
    # row 3 stays empty; the headings, spelled as people do, are in row 4
    headings = [
        "Naam ",
        "korte  naam",
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
    for column, heading in enumerate(headings, start=1):
        sheet.cell(row=4, column=column, value=heading).font = Font(bold=True)
    rows = {
        5: [
            "  Noorderpoort ",
            "NP",
            "onderwijs",
            "Groningen",
            "www.noorderpoort.nl",
            "050 - 123 45 67",
            " Info@Noorderpoort.NL ",
            "Basis",
            date(2024, 1, 1),
            2500,
            "eerste partner",
        ],
        6: [
            "Zuidlaren \u2013 Caf\u00e9 \u2019t Hoekje",
            None,
            "GGZ/verslavingszorg",
            "Tynaarlo",
            "https://hoekje.nl",
            "+31 6 1234 5678",
            "kees@hoekje.nl",
            "Plus",
            "15-03-2024",
            "\u20ac 1.250,50",
            None,
        ],
        # row 7 is empty
        8: ["   ", " ", "\u00a0", None, None, None, None, None, None, None, None],
        # row 9 has only borders (below)
        10: [
            "Gemeente\u00a0Tynaarlo",
            "Tynaarlo",
            "ggz / Verslavingszorg",
            "Tynaarlo",
            None,
            "(0592) 26 66 62",
            None,
            "Basis",
            45383,
            "2.500,00",
            None,
        ],
    }
    for number, values in rows.items():
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    sheet["I5"].number_format = "DD-MM-YYYY"
    for column in range(1, 12):
        sheet.cell(row=9, column=column).border = BOX
    archive = book.create_sheet("Archief 2023")
    archive.append(HEADINGS)
    archive.append(["De Oude Partner", "DOP", "overig", "Assen", None, None, None, "Basis"])
    _save(book, "partners_banner.xlsx")


def dates() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Naam", "Ingangsdatum", "Jaarlijkse bijdrage"])
    rows = [
        ("datumcel", date(2024, 1, 1), 2500),
        ("datum en tijd", datetime(2024, 2, 29, 13, 30), 2500.5),
        ("serieel getal", 45292, "\u20ac 2.500"),
        ("serieel komma", 45292.0, "EUR 2500,5"),
        ("tekst dd-mm-jjjj", "01-01-2024", "2500.00"),
        ("tekst d-m-jjjj", "1-2-2024", "2.500,-"),
        ("tekst dd/mm/jjjj", "15/03/2024", "1.000.000,00"),
        ("tekst jjjj-mm-dd", "2024-04-01", 0),
        ("onmogelijk", "31-02-2024", "-100"),
        ("geen datum", "morgen", "veel"),
    ]
    for row in rows:
        sheet.append(list(row))
    sheet["B2"].number_format = "DD-MM-YYYY"
    sheet["B3"].number_format = "DD-MM-YYYY HH:MM"
    _save(book, "dates.xlsx")


def faults() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Partners"
    sheet.append(["Naam", "Soort", "Website", "Telefoon", "E-mail", "Actief"])
    sheet.append(["Goed", "zorg", "goed.nl", "06-12345678", "a@goed.nl", "ja"])  # row 2
    sheet.append(["Formule", "zorg", None, None, None, None])  # row 3, A3 below
    _text(sheet["A3"], '=HYPERLINK("http://evil.example","klik")')
    sheet.append(["Som", "zorg", None, None, None, None])  # row 4
    _text(sheet["A4"], "=1+1")
    sheet.append(["Slecht adres", "zorg", None, None, "jan@", None])  # row 5
    sheet.append(["Spaties in site", "zorg", "www.twee woorden.nl", None, None, None])  # row 6
    sheet.append(["Telefoon", "zorg", None, "bel 06-1234", None, None])  # row 7
    sheet.append(["Soort onbekend", "bakkerij", None, None, None, None])  # row 8
    sheet.append(["X" * 201, "zorg", None, None, None, None])  # row 9
    sheet.append(["   ", "zorg", None, None, None, None])  # row 10
    sheet.append(["Twijfel", "zorg", None, None, None, "misschien"])  # row 11
    _save(book, "faults.xlsx")


def excel_csv_utf8() -> None:
    lines = [
        "Naam;Korte naam;Soort;Gemeente;Pakket;Ingangsdatum;Jaarlijkse bijdrage;Website;"
        "Telefoon;E-mail",
        "Noorderpoort;NP;Onderwijs;Groningen;Basis;01-01-2024;2.500,00;www.noorderpoort.nl;"
        "050 123 4567;info@noorderpoort.nl",
        "Caf\u00e9 De Brug;;welzijn;K\u00f6ln;Plus;1-7-2024;\u20ac 750;;;",
        '"Zorg, Welzijn; en Wonen";ZWW;zorg;Assen;Basis;2024-12-31;0;;;',
    ]
    content = "\ufeff" + "\r\n".join(lines) + "\r\n"
    (HERE / "excel_csv_utf8.csv").write_bytes(content.encode("utf-8"))


def plain_comma() -> None:
    lines = [
        "name,kind,municipality,yearly_contribution,valid_from",
        "Noorderpoort,onderwijs,Groningen,2500.00,2024-01-01",
        '"Zorg, Welzijn en Wonen",zorg,"Assen, Drenthe",1250.5,2024-02-01',
    ]
    (HERE / "plain_comma.csv").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def windows1252() -> None:
    lines = [
        "Naam;Gemeente;Opmerking",
        "Zuidlaren \u2013 Caf\u00e9 \u2019t Hoekje;Tynaarlo;\u201eDe\u201d Brug \u2018oud\u2019",
        "Stichting Zo\u00eb & Ren\u00e9e;Emmen;\u20ac 5 \u2014 d\u00e9j\u00e0 vu",
    ]
    (HERE / "windows1252.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def empty_rows() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Partners"
    sheet.append(["Naam", "Soort"])  # row 1
    sheet.append(["Eerste", "zorg"])  # row 2
    # row 3 empty
    sheet["A4"] = "   "  # row 4: spaces only
    sheet["B4"] = "\u00a0\t"
    for column in (1, 2):  # row 5: only borders
        sheet.cell(row=5, column=column).border = BOX
    sheet["A6"] = "Tweede"  # row 6
    sheet["B6"] = "wonen"
    for number in range(7, 40):  # formatted rows after the data
        sheet.cell(row=number, column=1).border = BOX
        sheet.cell(row=number, column=2).fill = PatternFill("solid", fgColor="DDDDDD")
    _save(book, "empty_rows.xlsx")
    lines = ["Naam;Soort", "Eerste;zorg", "", ";", "  ;  ", "\u00a0;\t", "Tweede;wonen", ";", ""]
    (HERE / "empty_rows.csv").write_bytes("\r\n".join(lines).encode("utf-8"))


def broken() -> None:
    book = Workbook()
    book.active.append(HEADINGS)
    for number in range(50):
        book.active.append([f"Partner {number}", "", "zorg"])
    whole = _save(book, "corrupt.xlsx")
    (HERE / "corrupt.xlsx").write_bytes(whole[: len(whole) // 2])
    (HERE / "picture.xlsx").write_bytes(_png())


def _png() -> bytes:
    """A 1x1 white PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def main() -> None:
    partners_banner()
    dates()
    faults()
    excel_csv_utf8()
    plain_comma()
    windows1252()
    empty_rows()
    broken()


if __name__ == "__main__":
    main()
