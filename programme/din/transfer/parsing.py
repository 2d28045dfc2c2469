"""Reading the DIN workbook's cells: text, lists, months, yes/no, choices and numbers, each
refused with a Dutch message naming the column (a RowError)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .sheets import DIN_SHEETS, _uncell


class RowError(Exception):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _list(value) -> list[str]:
    return [part.strip() for part in _text(value).split(";") if part.strip()]


def _parse_month(value, column) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime | date):
        return date(value.year, value.month, 1)
    text = _text(value)
    try:
        return datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise RowError(
            _("%(column)s '%(value)s' is not a month like 2023-08.")
            % {"column": column, "value": text}
        ) from None


def _parse_bool(value, column) -> bool:
    text = _text(value).lower()
    if text in ("ja", "j", "yes", "1", "waar", "true"):
        return True
    if text in ("", "nee", "n", "no", "0", "onwaar", "false"):
        return False
    raise RowError(_("%(column)s must be 'ja' or 'nee'.") % {"column": column})


def _parse_choice(value, choices, column, default=""):
    text = _text(value).lower() or default
    if text not in choices:
        raise RowError(
            _("%(column)s '%(value)s' is not one of: %(choices)s.")
            % {"column": column, "value": text, "choices": ", ".join(choices)}
        )
    return text


def _parse_decimal(value, column):
    if value in (None, ""):
        return None
    try:
        return Decimal(_text(value).replace(",", "."))
    except InvalidOperation:
        raise RowError(_("%(column)s is not a number.") % {"column": column}) from None


def _parse_int(value, column, *, maximum=None):
    if value in (None, ""):
        return None
    try:
        number = int(Decimal(_text(value)))
    except InvalidOperation:
        raise RowError(_("%(column)s is not a whole number.") % {"column": column}) from None
    if number < 0 or (maximum is not None and number > maximum):
        raise RowError(_("%(column)s is out of range.") % {"column": column})
    return number


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(m for errors in error.message_dict.values() for m in errors)
    return " ".join(error.messages)


def _rows(book, name):
    if name not in book.sheetnames:
        raise RowError(_("The sheet '%(sheet)s' is missing.") % {"sheet": name})
    sheet = book[name]
    rows = sheet.iter_rows(values_only=True)
    headers = [_text(h) for h in next(rows, [])]
    expected = DIN_SHEETS[name]
    if headers[: len(expected)] != expected:
        raise RowError(
            _("The sheet '%(sheet)s' needs the columns: %(columns)s.")
            % {"sheet": name, "columns": ", ".join(expected)}
        )
    for number, row in enumerate(rows, start=2):
        if row is None or all(v in (None, "") for v in row):
            continue
        values = [_uncell(v) for v in row] + [None] * (len(expected) - len(row))
        yield number, dict(zip(expected, values, strict=False))
