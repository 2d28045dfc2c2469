"""`avk.formats.money` writes its figures without going through Django's `number_format` on
every call (issue 15: some 2.000 amounts on a budget page of ten times the AVK's size); it must
write exactly what the plain `number_format` version wrote, for every kind of value, in Dutch
and in English, with and without asked decimals, including what that version refused."""

import itertools
import random
from decimal import Decimal
from functools import partial

import pytest
from django.utils import translation
from django.utils.formats import number_format

from avk import formats

NBSP = "\u00a0"


def money_by_number_format(value, decimals=None):
    """`avk.formats.money` as it was written before, on Django's `number_format`."""
    amount = formats.as_decimal(value)
    if amount is None:
        return "" if value in (None, "") else str(value)
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    sign = "-" if amount < 0 else ""
    figures = number_format(
        abs(amount), decimal_pos=int(decimals), use_l10n=True, force_grouping=True
    )
    dutch = (translation.get_language() or "nl").split("-")[0] != "en"
    return f"{sign}€{NBSP}{figures}" if dutch else f"{sign}€{figures}"


def outcome(function, value, decimals):
    try:
        return function(value, decimals)
    except Exception as error:  # noqa: BLE001 - the same refusal is part of the same output
        return type(error)


SPECIAL = [
    None, "", "n.v.t.", "12,50", " 7 ", "1e3", "-0", "+5", True, False, 0, 1, -1, 999, 1000,
    -1000, 10**12, -(10**15), 10**40, 0.0, -0.0, 0.1, 0.005, 1.5, -2.675, 1e20, 1e-7, 123456.789,
    float("inf"), float("nan"), Decimal("0"), Decimal("-0"), Decimal("0.00"), Decimal("-0.00"),
    Decimal("0E-10"), Decimal("0E+3"), Decimal("1E+5"), Decimal("-1E+5"), Decimal("249750.00"),
    Decimal("84000"), Decimal("1234.5"), Decimal("-12.5"), Decimal("0.001"), Decimal("-0.001"),
    Decimal("0.009"), Decimal("0.01"), Decimal("0.099"), Decimal("0.0999999"),
    Decimal("999999.999"), Decimal("-999999.995"), Decimal("1.23456789"),
    Decimal("12345678901234567890123456789.987"), Decimal("9" * 35 + ".99"),
    Decimal("0." + "9" * 250), Decimal("0.0" + "9" * 250), Decimal("0.00" + "9" * 250),
    Decimal("1E+300"), Decimal("1E-300"), Decimal("1" * 199 + ".5"),
    Decimal("1" * 201), Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN"),
    Decimal("sNaN"), Decimal("1E+1000000"),
]  # fmt: skip
DECIMALS = [None, 0, 1, 2, 3, 6, 7, 12, -1, 2.0, True]


def random_values(count=1000, seed=15):
    draw = random.Random(seed)
    for _ in range(count):
        digits = "".join(draw.choice("0123456789") for _ in range(draw.randint(1, 14)))
        places = draw.randint(0, 5)
        text = digits if not places else f"{digits[:-places] or '0'}.{digits[-places:]}"
        sign = draw.choice(["", "-"])
        yield Decimal(sign + text)
        yield int(sign + digits)
        yield float(sign + text)
        yield sign + text


@pytest.mark.parametrize("language", ["nl", "en", "en-gb", "de"])
def test_money_writes_what_number_format_wrote(language):
    values = SPECIAL + list(random_values())
    with translation.override(language):
        for value, decimals in itertools.product(values, DECIMALS):
            expected = outcome(money_by_number_format, value, decimals)
            assert outcome(formats.money, value, decimals) == expected, (value, decimals)


def test_money_without_an_active_language():
    with translation.override(None):
        for value, decimals in itertools.product(SPECIAL, DECIMALS):
            expected = outcome(money_by_number_format, value, decimals)
            assert outcome(formats.money, value, decimals) == expected, (value, decimals)


@pytest.mark.parametrize("language", ["zh-hans", "fy"])
def test_money_in_other_groupings_goes_through_number_format(language, settings):
    """Groups of four (Chinese) or no grouping of the language's own (Frisian: the settings'
    NUMBER_GROUPING, here Indian 3-2-2) are written by `number_format` itself."""
    settings.NUMBER_GROUPING = (3, 2, 0)
    with translation.override(language):
        for value, decimals in itertools.product(SPECIAL, DECIMALS):
            expected = outcome(money_by_number_format, value, decimals)
            assert outcome(formats.money, value, decimals) == expected, (value, decimals)
    with translation.override("fy"):
        assert formats.money(Decimal("123456789.5")) == f"€{NBSP}12,34,56,789.50"


@pytest.mark.parametrize("language", ["nl", "en", "zh-hans"])
def test_money_in_a_language_passed_as_in_that_language_active(language):
    """A table asks for the language once and passes it: the same text as with it active."""
    values = SPECIAL + list(random_values(200))
    with translation.override(language):
        expected = [outcome(formats.money, value, None) for value in values]
    other = "en" if language == "nl" else "nl"
    with translation.override(other):
        passed = [
            outcome(partial(formats.money, language=language), value, None) for value in values
        ]
    assert passed == expected
