"""What every export to a spreadsheet shares: safe cells, a formatted sheet, one response.

`xlsx_response` is the spreadsheet twin of `avk.pdf.pdf_response`: every download of a workbook
goes through it, so file names, content type and headers are the same everywhere; `docx_response`
does the same for a Word document.
"""

from collections.abc import Iterable
from datetime import date, datetime
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: Text starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A value safe for a spreadsheet cell: text that would start a formula gets a leading
    apostrophe, so "=HYPERLINK(...)" stays text. Text that already starts with apostrophes
    before such a character gets one more, so an import (avk.spreadsheets) that takes one off
    reads every value back exactly. Other values pass unchanged."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def add_sheet(book, title: str, headers: list[str], rows: Iterable[list], widths=(), wrap=True):
    """A sheet with bold, frozen headings, neutralised cells, Dutch dates and a filter."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title[:31])  # Excel's limit for sheet names
    sheet.append([neutralise(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    alignment = Alignment(wrap_text=True, vertical="top") if wrap else None
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date | datetime):
                cell.number_format = "DD-MM-YYYY"
            if alignment is not None:
                cell.alignment = alignment
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    return sheet


def workbook_bytes(book) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def download_name(stem: str, extension: str, *, dated: bool = True) -> str:
    """`partners-avk-2026-12-01.xlsx`: a safe file name, with today's date by default."""
    safe = slugify(stem) or "export"
    if dated:
        safe = f"{safe}-{timezone.localdate().isoformat()}"
    return f"{safe}.{extension}"


def xlsx_response(content, *, filename: str) -> HttpResponse:
    """A workbook (openpyxl `Workbook` or its bytes) as a download named `filename`."""
    if not isinstance(content, bytes | bytearray):
        content = workbook_bytes(content)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def docx_response(content, *, filename: str) -> HttpResponse:
    """A Word document (python-docx `Document` or its bytes) as a download named `filename`."""
    if not isinstance(content, bytes | bytearray):
        out = BytesIO()
        content.save(out)
        content = out.getvalue()
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(text: str, *, filename: str) -> HttpResponse:
    """CSV text as a download; the byte-order mark makes Excel read it as UTF-8."""
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
