"""One way of writing dates, months and money, in the reader's language.

Django reads the date formats of `nl/formats.py` and `en/formats.py` here (FORMAT_MODULE_PATH):
`{{ day|date }}` is "19 juni 2023", `{{ day|date:"SHORT_DATE_FORMAT" }}` (tables) "19-06-2023".
What Django has no format name for is written by the helpers below, which the template filters
of `avk.templatetags.avk` (`money`, `month`, `months`) and Python code share:

- money: "€ 84.000", with cents only when there are cents ("€ 1.234,50");
- a month: "aug. 2023" (the Taalunie's abbreviations: "mrt.", "mei", "jun.", see MONTHS_NL);
- a period of months: "aug. 2023 – dec. 2023" (an open side stays open: "aug. 2023 –");
- a file size: "10,4 MB", precise enough to differ from the limit it exceeds.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import numberformat
from django.utils.formats import date_format, get_format, number_format
from django.utils.translation import get_language

#: Dutch month abbreviations as the Taalunie writes them (mrt., mei, jun.).
MONTHS_NL = {
    1: "jan.",
    2: "feb.",
    3: "mrt.",
    4: "apr.",
    5: "mei",
    6: "jun.",
    7: "jul.",
    8: "aug.",
    9: "sep.",
    10: "okt.",
    11: "nov.",
    12: "dec.",
}
#: The same in English, for the English interface.
MONTHS_EN = {
    1: "Jan.",
    2: "Feb.",
    3: "Mar.",
    4: "Apr.",
    5: "May",
    6: "Jun.",
    7: "Jul.",
    8: "Aug.",
    9: "Sep.",
    10: "Oct.",
    11: "Nov.",
    12: "Dec.",
}

NBSP = "\u00a0"

#: The language the programmes' own content is written in (titles, descriptions, minutes).
CONTENT_LANGUAGE = "nl"


def _dutch() -> bool:
    return (get_language() or "nl").split("-")[0] != "en"


def is_content_language() -> bool:
    """Is the interface in the language the content is written in (Dutch)?"""
    return (get_language() or CONTENT_LANGUAGE).split("-")[0] == CONTENT_LANGUAGE


def as_decimal(value) -> Decimal | None:
    """A number from a Decimal, int, float or its text; None when it is none."""
    if value in (None, "") or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None


#: money()'s language when none is passed: the active one.
ACTIVE = object()


def money(value, decimals: int | None = None, *, language=ACTIVE) -> str:
    """€ 84.000 in Dutch (€84,000 in English); cents only when there are cents (€ 1.234,50),
    or always `decimals` places when asked. Empty for no value; text that is no number as is.

    The figures are Django's `number_format` of the amount (cut off, not rounded, after the
    decimals), written here without its per-call overhead: a page of ten times the AVK's
    size shows some 2.000 amounts (issue 15). What the short way does not cover (other
    groupings, a huge or infinite amount) goes through `number_format` itself. A table of
    many amounts may pass the `language` it asked `get_language()` for once."""
    amount = value if type(value) is Decimal else as_decimal(value)
    if amount is None:
        return "" if value in (None, "") else str(value)
    if language is ACTIVE:
        language = get_language()
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    sign = "-" if amount < 0 else ""
    figures = _figures(abs(amount), int(decimals), language)
    if (language or "nl").split("-")[0] != "en":
        return f"{sign}€{NBSP}{figures}"
    return f"{sign}€{figures}"


#: `number_format` counts an amount below these as zero (0.1 for no decimals too).
_CUTOFFS = {places: Decimal("0." + "1".rjust(places, "0")) for places in range(7)}
_ZERO = Decimal(0)


def _figures(number: Decimal, places: int, language) -> str:
    """`number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)` in
    `language` for a non-negative amount: grouped by thousands, `places` decimals cut off."""
    cutoff = _CUTOFFS.get(places)
    grouping = get_format("NUMBER_GROUPING", language, use_l10n=True)
    if cutoff is None or grouping != 3 or not number.is_finite():
        return _django_figures(number, places, language)
    if abs(number) < cutoff:  # as number_format tests it
        number = _ZERO
    _sign, digits, exponent = number.as_tuple()
    if abs(exponent) + len(digits) > 200:  # number_format writes it as 1.2e+300
        return _django_figures(number, places, language)
    whole, _point, fraction = f"{number:f}".partition(".")
    text = f"{int(whole):,}".replace(",", get_format("THOUSAND_SEPARATOR", language, use_l10n=True))
    if places:
        fraction = fraction[:places].ljust(places, "0")
        text += get_format("DECIMAL_SEPARATOR", language, use_l10n=True) + fraction
    return text


def _django_figures(number: Decimal, places: int, language) -> str:
    """`number_format` itself, in `language`."""
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR", language, use_l10n=True),
        places,
        get_format("NUMBER_GROUPING", language, use_l10n=True),
        get_format("THOUSAND_SEPARATOR", language, use_l10n=True),
        force_grouping=True,
        use_l10n=True,
    )


def month(value) -> str:
    """A month, short: "aug. 2023" (English "Aug. 2023"); empty for no value."""
    if not isinstance(value, datetime.date):
        return "" if value in (None, "") else str(value)
    names = MONTHS_NL if _dutch() else MONTHS_EN
    return f"{names[value.month]}{NBSP}{value.year}"


def month_long(value) -> str:
    """A month in full: "augustus 2023"; empty for no value."""
    if not isinstance(value, datetime.date):
        return "" if value in (None, "") else str(value)
    return date_format(value, "YEAR_MONTH_FORMAT")


def months(start, end) -> str:
    """A period of months, "aug. 2023 – dec. 2023"; a single month once; an open side stays
    open ("aug. 2023 –", "– dec. 2023"); empty when both are unknown."""
    if not start and not end:
        return ""
    if start and end and (start.year, start.month) == (end.year, end.month):
        return month(start)
    return f"{month(start)} – {month(end)}".strip()


def short_date(value) -> str:
    """A date in a table: "19-06-2023"; empty for no value."""
    if not isinstance(value, datetime.date):
        return "" if value in (None, "") else str(value)
    return date_format(value, "SHORT_DATE_FORMAT")


_SIZE_UNITS = [(1024**3, "GB"), (1024**2, "MB"), (1024, "KB")]


def _size_figure(value: Decimal, places: int) -> tuple[Decimal, str]:
    shown = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if shown == shown.to_integral_value():
        return shown, number_format(int(shown), use_l10n=True, force_grouping=True)
    shown = shown.normalize()
    decimals = -shown.as_tuple().exponent
    return shown, number_format(shown, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def file_size(size: int, *, above: int | None = None) -> str:
    """A file size as people read it: "10,4 MB", "850 KB", "10 MB" (no ",0"); 1 MB is 1024 KB.

    With `above` (a limit the size exceeds), as many decimals as it takes to show a size larger
    than the limit ("10,01 MB" over "10 MB", never "10,0 MB" over "10,0 MB"); in bytes when even
    three decimals do not tell them apart."""
    size = int(size)
    factor, unit = next(((f, u) for f, u in _SIZE_UNITS if size >= f), (1, "bytes"))
    if factor == 1:
        return f"{number_format(size, use_l10n=True, force_grouping=True)}{NBSP}bytes"
    value = Decimal(size) / factor
    limit = Decimal(above) / factor if above is not None and size > above else None
    for places in (1, 2, 3):
        shown, text = _size_figure(value, places)
        if limit is None or shown > _size_figure(limit, places)[0]:
            return f"{text}{NBSP}{unit}"
    return f"{number_format(size, use_l10n=True, force_grouping=True)}{NBSP}bytes"
