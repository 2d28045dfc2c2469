"""Cleaning one cell for its kind of column: ordinary untidiness is cleaned, real faults raise
`Problem` with a Dutch sentence (without the row and column, which the table adds).

Every pattern is compiled once here; cleaning a cell is a few string operations.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

KINDS = (
    "text",
    "date",
    "month",
    "money",
    "number",
    "email",
    "url",
    "phone",
    "choice",
    "int",
    "bool",
)
CENTS = Decimal("0.01")
#: How much of a value a message quotes.
QUOTE_LIMIT = 60

_SPACES = re.compile(r"[^\S\n]+")  # every space but a line break: tabs, non-breaking spaces
_AROUND_BREAKS = re.compile(r" ?\n ?")
_NOT_ALNUM = re.compile(r"[\W_]+")
_FORMULA = re.compile(
    r"""^=
    | ^[-+@]\s*(?:
          [^\W\d][\w.]*\(                     # a function: +HYPERLINK(, @SUM(
        | \$?[A-Za-z]{1,3}\$?\d+\b             # a cell: +A1
        | [\d.,\s]*\d[\d.,\s]*[+*/^&=<>]\s*[\d(A-Za-z$]  # a sum: +1+1, -2*3
        | .*\|                                 # a link to a program: -2+3+cmd|' /C calc'!A0
        | .*!\$?[A-Za-z]{1,3}\$?\d             # a cell on another sheet: +Blad1!A1
    )""",
    re.X,
)
_FORMULA_START = ("=", "+", "-", "@")
_QUOTED_START = (*_FORMULA_START, "\t", "\r")  # what avk.exports.neutralise quotes
_PHONE = re.compile(r"^[\d\s+\-()]*\d[\d\s+\-()]*$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$|^(\d{1,2})[-/.](\d{4})$")  # 2023-08, 08-2023
_SERIAL = re.compile(r"^\d{1,5}(?:[.,]0+)?$")
_CURRENCY = re.compile(r"^(?:€|euro?(?![a-z]))|(?<![a-z])(?:€|euro?)$", re.I)
_NO_CENTS = re.compile(r"[.,]-$")  # "2.500,-"
_DUTCH_AMOUNT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")  # 2.500,00 2500,5
_ENGLISH_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d+$|^\d+$")  # 2,500.00
_THOUSANDS_ONLY = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 2.500 is two thousand five hundred
_INT = re.compile(r"^[-+]?\d+$")
_TRUE = frozenset({"ja", "j", "yes", "y", "x", "1", "waar", "true", "wel"})
_FALSE = frozenset({"nee", "n", "no", "0", "onwaar", "false", "niet"})
_EXCEL_LAST_DAY = 2958465  # 31-12-9999

_email = EmailValidator()
_url = URLValidator(schemes=["http", "https"])


class Problem(Exception):
    """A cell that cannot be taken as it is; `str()` is the Dutch sentence."""


def key(text) -> str:
    """What headings and choices are compared by: no case, accents, spaces or punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", plain.casefold())


def quoted(value) -> str:
    text = value if isinstance(value, str) else show(value)
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "\u2026"


def show(value) -> str:
    """A cell as the person typed it, for messages and for text columns."""
    if isinstance(value, datetime):
        value = value.date() if value.time() == time(0) else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def tidy(value: str) -> str:
    """Trimmed; every run of spaces (non-breaking ones, tabs) one space; line breaks kept."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _AROUND_BREAKS.sub("\n", _SPACES.sub(" ", value)).strip()


def looks_like_formula(value: str) -> bool:
    return value.startswith(_FORMULA_START) and bool(_FORMULA.match(value))


def strip_quote_prefix(value: str) -> str:
    """A leading apostrophe marks a cell as text ("'=A1" is the text "=A1"); `avk.exports`
    writes it (one more before "'=A1"), so what the portal exported reads back as it was."""
    if value.startswith("'") and value.lstrip("'")[:1] in _QUOTED_START:
        return value[1:]
    return value


# -- the kinds ---------------------------------------------------------------------------------


def clean_text(value, column, context) -> str:
    return tidy(show(value))


def clean_email(value, column, context) -> str:
    text = tidy(show(value))
    if text.lower().startswith("mailto:"):
        text = text[7:]
    local, at, domain = text.rpartition("@")
    if at:
        text = f"{local}@{domain.lower()}"
    try:
        _email(text)
    except ValidationError:
        raise Problem(
            _("'%(value)s' is not a valid e-mail address.") % {"value": quoted(value)}
        ) from None
    return text


def clean_url(value, column, context) -> str:
    text = tidy(show(value))
    if "://" not in text:
        text = "https://" + text
    try:
        _url(text)
    except ValidationError:
        raise Problem(
            _("'%(value)s' is not a valid website address.") % {"value": quoted(value)}
        ) from None
    return text


def clean_phone(value, column, context) -> str:
    text = tidy(show(value))
    if not _PHONE.match(text):
        raise Problem(
            _("'%(value)s' is not a phone number: use only digits, spaces, +, - and parentheses.")
            % {"value": quoted(value)}
        )
    return text


def clean_date(value, column, context) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(value, value, context)
    text = tidy(str(value))
    found = _DMY.match(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
    else:
        found = _YMD.match(text)
        if found:
            year, month, day = (int(part) for part in found.groups())
        elif _SERIAL.match(text):
            return _from_serial(float(text.replace(",", ".")), value, context)
        else:
            raise _not_a_date(value)
    try:
        return date(year, month, day)
    except ValueError:
        raise Problem(
            _("'%(value)s' is not an existing date.") % {"value": quoted(value)}
        ) from None


def _from_serial(number: float, value, context) -> date:
    """An Excel day number (45292 is 01-01-2024), in the workbook's 1900 or 1904 system."""
    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, from_excel

    if not 1 <= number <= _EXCEL_LAST_DAY:
        raise _not_a_date(value)
    found = from_excel(int(number), context.get("epoch") or CALENDAR_WINDOWS_1900)
    return found.date() if isinstance(found, datetime) else found


def _not_a_date(value) -> Problem:
    return Problem(
        _("'%(value)s' is not a date; write it as dd-mm-yyyy.") % {"value": quoted(value)}
    )


def clean_month(value, column, context) -> date:
    """A month as its first day: a date cell, 2023-08, 08-2023, or a date in it."""
    if isinstance(value, str):
        found = _MONTH.match(tidy(value))
        if found:
            year, month = (found[1], found[2]) if found[1] else (found[4], found[3])
            if 1 <= int(month) <= 12:
                return date(int(year), int(month), 1)
    try:
        day = clean_date(value, column, context)
    except Problem:
        raise Problem(
            _("'%(value)s' is not a month; write it as yyyy-mm, like 2023-08.")
            % {"value": quoted(value)}
        ) from None
    return day.replace(day=1)


def clean_number(value, column, context) -> Decimal:
    """A number, negative or with decimals, as a cell or as Dutch or English text."""
    if isinstance(value, bool):
        raise _not_a_number(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        try:
            number = _parse_amount(tidy(str(value)), value)
        except Problem:
            raise _not_a_number(value) from None
    if not number.is_finite():
        raise _not_a_number(value)
    return number


def _not_a_number(value) -> Problem:
    return Problem(_("'%(value)s' is not a number.") % {"value": quoted(value)})


def clean_money(value, column, context) -> Decimal:
    if isinstance(value, bool):
        raise _not_an_amount(value)
    if isinstance(value, int | float | Decimal):
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        amount = _parse_amount(tidy(str(value)), value)
    if not amount.is_finite():
        raise _not_an_amount(value)
    if amount < 0:
        raise Problem(
            _("'%(value)s' is a negative amount; only amounts of zero or more can be imported.")
            % {"value": quoted(value)}
        )
    return amount.quantize(CENTS, rounding=ROUND_HALF_UP)


def _parse_amount(text: str, value) -> Decimal:
    text = _CURRENCY.sub("", text).strip()
    negative = text.startswith("-")
    if negative:
        text = _CURRENCY.sub("", text[1:].strip()).strip()
    text = _NO_CENTS.sub("", text).replace(" ", "")
    if _THOUSANDS_ONLY.match(text):
        number = text.replace(".", "")
    elif _DUTCH_AMOUNT.match(text):
        number = text.replace(".", "").replace(",", ".")
    elif _ENGLISH_AMOUNT.match(text):
        number = text.replace(",", "")
    else:
        raise _not_an_amount(value)
    try:
        amount = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only numbers
        raise _not_an_amount(value) from None
    return -amount if negative else amount


def _not_an_amount(value) -> Problem:
    return Problem(
        _("'%(value)s' is not an amount; write it like 2.500,00.") % {"value": quoted(value)}
    )


def clean_int(value, column, context) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = tidy(show(value)).replace(" ", "")
    if not _INT.match(text):
        raise Problem(_("'%(value)s' is not a whole number.") % {"value": quoted(value)})
    return int(text)


def clean_bool(value, column, context) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = tidy(str(value)).casefold().rstrip(".")
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise Problem(_("'%(value)s' is not yes or no; write yes or no.") % {"value": quoted(value)})


def clean_choice(value, column, context) -> str:
    lookup, labels = context["choices"][column.key]
    found = lookup.get(key(show(value)))
    if found is None:
        raise Problem(
            _("'%(value)s' is not one of the choices: %(choices)s.")
            % {"value": quoted(value), "choices": ", ".join(labels)}
        )
    return found


CLEANERS = {
    "text": clean_text,
    "date": clean_date,
    "month": clean_month,
    "money": clean_money,
    "number": clean_number,
    "email": clean_email,
    "url": clean_url,
    "phone": clean_phone,
    "choice": clean_choice,
    "int": clean_int,
    "bool": clean_bool,
}
#: What an empty cell reads as, per kind.
#: Kinds whose values are text, checked against `max_length`.
TEXT_KINDS = frozenset({"text", "email", "url", "phone", "choice"})
EMPTY = {kind: "" if kind in TEXT_KINDS else None for kind in KINDS}


def choice_lookup(choices) -> tuple[dict[str, str], list[str]]:
    """(normalised label or code -> code, the labels to name in a message) of a TextChoices or
    a mapping of label -> code. Labels count in the active language, in the portal's (Dutch)
    and in English."""
    from django.conf import settings
    from django.utils import translation

    if hasattr(choices, "choices"):
        pairs = [(code, label) for code, label in choices.choices]
    else:
        pairs = [(code, label) for label, code in dict(choices).items()]
    lookup: dict[str, str] = {}
    labels = []
    for code, label in pairs:
        labels.append(str(label))
        lookup.setdefault(key(code), code)
    for code, label in pairs:
        lookup[key(label)] = code  # a label wins over a code it happens to look like
    for language in (settings.LANGUAGE_CODE, "en"):
        with translation.override(language):
            for code, label in pairs:
                lookup.setdefault(key(label), code)
    return lookup, labels


def clean(value, column, context):
    """The cleaned value of one non-empty cell, or Problem."""
    if isinstance(value, str):
        text = strip_quote_prefix(value.strip())
        marked_as_text = text != value.strip()
        if column.kind == "text" and not marked_as_text and looks_like_formula(text):
            raise _formula(value)
        try:
            cleaned = CLEANERS[column.kind](text, column, context)
        except Problem:
            if not marked_as_text and looks_like_formula(text):
                raise _formula(value) from None
            raise
    else:
        cleaned = CLEANERS[column.kind](value, column, context)
    if column.max_length and column.kind in TEXT_KINDS and len(cleaned) > column.max_length:
        raise Problem(
            _("'%(value)s' is %(length)s characters long; at most %(limit)s fit.")
            % {"value": quoted(cleaned), "length": len(cleaned), "limit": column.max_length}
        )
    return cleaned


def _formula(value) -> Problem:
    return Problem(
        _("'%(value)s' looks like a formula; type the text itself, without =, +, - or @ in front.")
        % {"value": quoted(value.strip())}
    )
