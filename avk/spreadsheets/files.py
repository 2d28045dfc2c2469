"""The raw rows of an uploaded file: xlsx through openpyxl, csv in the encodings and delimiters
people's spreadsheet programs write. Each row comes with the number the person sees (the Excel
row, the csv line). A file that cannot be read raises `Unreadable` with a Dutch message.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

#: How many rows at the top of a sheet may hold a title or banner above the headings.
HEADER_SCAN_ROWS = 15

Numbered = tuple[int, list]  # (row or line number, cells)


class Unreadable(Exception):
    """The file is no spreadsheet, or a damaged one; the message is for the person."""


@dataclass
class Sheet:
    name: str
    rows: Callable[[], Iterator[Numbered]]  # every call reads the sheet from its start


def not_a_spreadsheet() -> Unreadable:
    return Unreadable(
        _(
            "This file cannot be read as a spreadsheet: upload an Excel workbook (.xlsx) "
            "or a CSV file."
        )
    )


ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an xlsx protected with a password
_XLSX_EXTENSIONS = (".xlsx", ".xlsm")
_CSV_EXTENSIONS = (".csv", ".txt", ".tsv")


def kind_of(content: bytes, filename: str) -> str:
    """ "xlsx" or "csv", by the content first and the name second; Unreadable otherwise."""
    lower = (filename or "").lower()
    if content.startswith(ZIP):
        return "xlsx"
    if content.startswith(_OLE):
        raise Unreadable(
            _(
                "This file is in the old Excel format (.xls) or protected with a password. "
                "Save it as an Excel workbook (.xlsx) without a password and upload it again."
            )
        )
    if lower.endswith(_CSV_EXTENSIONS):
        return "csv"
    raise not_a_spreadsheet()


def damaged() -> Unreadable:
    return Unreadable(
        _(
            "This file is damaged or is not an Excel workbook. Open it in Excel, save it as an "
            "Excel workbook (.xlsx) and upload it again."
        )
    )


# -- xlsx --------------------------------------------------------------------------------------


class Workbook:
    """An xlsx opened read-only with cached values; use as a context manager."""

    def __init__(self, content: bytes):
        from openpyxl import load_workbook

        try:
            self.book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - whatever a damaged zip raises, the answer is the same
            raise damaged() from None
        self.epoch = self.book.epoch

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc) -> None:
        self.book.close()

    def sheets(self) -> list[Sheet]:
        return [Sheet(sheet.title, _sheet_rows(sheet)) for sheet in self.book.worksheets]


def _sheet_rows(sheet) -> Callable[[], Iterator[Numbered]]:
    def rows() -> Iterator[Numbered]:
        if hasattr(sheet, "reset_dimensions"):
            # A stored dimension can be wrong (some programs write "A1"); read what is there.
            sheet.reset_dimensions()
        try:
            # Missing rows come as empty ones, so the count is the Excel row number.
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(cells)
        except Unreadable:
            raise
        except Exception:  # noqa: BLE001 - a damaged sheet shows while it is read
            raise damaged() from None

    return rows


# -- csv ---------------------------------------------------------------------------------------

_DELIMITERS = (";", ",", "\t")
_BLANK = " \t\u00a0;,"  # a line of only these is empty, whatever the delimiter
#: Signs of UTF-8 read as Windows-1252 ("CafÃ©", "â€™"): the file mixes encodings.
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u203a]|â€")


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; never mangled."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise unreadable_characters() from None
    if b"\x00" in content[:4096]:
        raise not_a_spreadsheet()
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = content.decode("cp1252")
    except UnicodeDecodeError:
        raise unreadable_characters() from None
    if _MOJIBAKE.search(text):
        raise unreadable_characters()
    return text


def unreadable_characters() -> Unreadable:
    return Unreadable(
        _(
            "The letters in this file cannot be read reliably. Save it in Excel as "
            "“CSV UTF-8” and upload it again."
        )
    )


def _csv_rows(text: str, delimiter: str) -> Iterator[Numbered]:
    """Records with the line on which each starts (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error:
        raise not_a_spreadsheet() from None


def csv_sheet(content: bytes, score: Callable[[list], int]) -> Sheet:
    """The csv as one sheet, split on the delimiter whose top rows match the most headings
    (`score`), else on the one that splits the top rows most consistently."""
    text = decode(content)
    top = text[: 64 * 1024]

    def rank(delimiter: str) -> tuple[int, int, int]:
        """(headings matched, cells in the heading row, rows as wide as the heading row)."""
        head = []
        for _number, cells in _csv_rows(top, delimiter):
            if any(cell.strip(_BLANK) for cell in cells):
                head.append(cells)
            if len(head) >= HEADER_SCAN_ROWS:
                break
        if not head:
            return (0, 0, 0)
        header = max(head, key=score)  # the first of the best, as the table will choose
        width = len(header)
        return (score(header), width, sum(len(cells) == width for cells in head))

    delimiter = max(_DELIMITERS, key=rank)
    return Sheet("", lambda: _csv_rows(text, delimiter))
