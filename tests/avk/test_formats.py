"""One Dutch style everywhere: dates "19 juni 2023" (tables "19-06-2023"), months "aug. 2023",
money "€ 84.000" (cents only where there are cents), date fields that take dd-mm-jjjj, and
Dutch content marked lang="nl" in the English interface."""

import re
from collections import Counter
from datetime import date, datetime
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from avk import formats
from avk.forms import DateInput, DateTimeInput, normalise_date, parse_date

NBSP = "\u00a0"
DAY = date(2023, 6, 19)


def render(source: str, language: str = "nl", **context) -> str:
    with translation.override(language):
        return Template("{% load avk %}" + source).render(Context(context))


# --- dates, months and money ---------------------------------------------------------------


@pytest.mark.parametrize(
    "language, long, short, moment",
    [
        ("nl", "19 juni 2023", "19-06-2023", "19-06-2023 14:05"),
        ("en", "19 June 2023", "19-06-2023", "19-06-2023 14:05"),
    ],
)
def test_dates_are_day_first_in_both_languages(language, long, short, moment):
    with translation.override(language):
        assert date_format(DAY) == long
        assert date_format(DAY, "SHORT_DATE_FORMAT") == short
        assert date_format(datetime(2023, 6, 19, 14, 5), "SHORT_DATETIME_FORMAT") == moment
    assert render("{{ day|date }} | {{ day|date:'SHORT_DATE_FORMAT' }}", language, day=DAY) == (
        f"{long} | {short}"
    )


@pytest.mark.parametrize(
    "amount, dutch, english",
    [
        (Decimal("84000"), f"€{NBSP}84.000", "€84,000"),
        (Decimal("84000.00"), f"€{NBSP}84.000", "€84,000"),
        (Decimal("1234.5"), f"€{NBSP}1.234,50", "€1,234.50"),
        (6000, f"€{NBSP}6.000", "€6,000"),
        ("249750", f"€{NBSP}249.750", "€249,750"),
        (Decimal("0"), f"€{NBSP}0", "€0"),
        (Decimal("-12.5"), f"-€{NBSP}12,50", "-€12.50"),
        (None, "", ""),
        ("", "", ""),
        ("n.v.t.", "n.v.t.", "n.v.t."),
    ],
)
def test_money_shows_cents_only_where_there_are_cents(amount, dutch, english):
    assert render("{{ amount|money }}", "nl", amount=amount) == dutch
    assert render("{{ amount|money }}", "en", amount=amount) == english


def test_money_shows_cents_when_asked():
    assert render("{{ amount|money:2 }}", amount=Decimal("84000")) == f"€{NBSP}84.000,00"


@pytest.mark.parametrize(
    "day, dutch, english",
    [
        (date(2023, 8, 1), f"aug.{NBSP}2023", f"Aug.{NBSP}2023"),
        (date(2023, 3, 1), f"mrt.{NBSP}2023", f"Mar.{NBSP}2023"),
        (date(2024, 5, 1), f"mei{NBSP}2024", f"May{NBSP}2024"),
        (date(2024, 6, 30), f"jun.{NBSP}2024", f"Jun.{NBSP}2024"),
        (None, "", ""),
    ],
)
def test_months_are_short_with_a_full_stop(day, dutch, english):
    assert render("{{ day|month }}", "nl", day=day) == dutch
    assert render("{{ day|month }}", "en", day=day) == english


def test_a_period_of_months():
    aug, dec = date(2023, 8, 1), date(2023, 12, 1)
    with translation.override("nl"):
        assert formats.months(aug, dec) == f"aug.{NBSP}2023 – dec.{NBSP}2023"
        assert formats.months(aug, date(2023, 8, 31)) == f"aug.{NBSP}2023"
        assert formats.months(aug, None) == f"aug.{NBSP}2023 –"
        assert formats.months(None, dec) == f"– dec.{NBSP}2023"
        assert formats.months(None, None) == ""
    assert render("{{ a|months:b }}", a=aug, b=dec) == f"aug.{NBSP}2023 – dec.{NBSP}2023"


# --- date fields ---------------------------------------------------------------------------


class DayForm(forms.Form):
    day = forms.DateField(label="Dag", widget=DateInput(), required=False)
    noted = forms.DateField(label="Met toelichting", widget=DateInput(), help_text="Uitleg")
    at = forms.DateTimeField(label="Moment", widget=DateTimeInput(), required=False)


def test_a_date_field_is_a_text_field_with_a_dd_mm_yyyy_hint():
    with translation.override("nl"):
        html = str(DayForm(initial={"day": DAY, "at": datetime(2023, 6, 19, 14, 0)}))
    day = re.search(r"<input[^>]*name=\"day\"[^>]*>", html).group(0)
    assert 'type="text"' in day and 'value="19-06-2023"' in day
    assert 'aria-describedby="id_day_hint"' in day
    assert 'id="id_day_hint"' in html
    # the field's own help text stays described too
    noted = re.search(r"<input[^>]*name=\"noted\"[^>]*>", html).group(0)
    assert 'aria-describedby="id_noted_hint id_noted_helptext"' in noted
    at = re.search(r"<input[^>]*name=\"at\"[^>]*>", html).group(0)
    assert 'type="text"' in at and 'value="19-06-2023 14:00"' in at
    assert 'type="date"' not in html and "datetime-local" not in html


@pytest.mark.parametrize(
    "typed",
    [
        "19-06-2023",
        "19-6-2023",
        "19-06-23",
        "19/06/2023",
        "19.06.2023",
        "19 juni 2023",
        "19 Juni 2023",
        "19 jun. 2023",
        "19 jun 2023",
        "19 June 2023",
        "2023-06-19",
        "  19-06-2023  ",
    ],
)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_date_field_takes_dates_as_people_write_them(typed, language):
    with translation.override(language):
        form = DayForm({"day": typed, "noted": "1-1-2024"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == DAY


@pytest.mark.parametrize("typed", ["morgen", "2023-13-01", "31-02-2024", "19 foo 2023"])
def test_a_date_field_refuses_what_is_no_date(typed):
    with translation.override("nl"):
        form = DayForm({"day": typed, "noted": "1-1-2024"})
        assert not form.is_valid()
    assert "day" in form.errors


def test_day_first_in_english_too():
    with translation.override("en"):
        form = DayForm({"day": "06/07/2023", "noted": "1-1-2024"})
        assert form.is_valid()
    assert form.cleaned_data["day"] == date(2023, 7, 6)


@pytest.mark.parametrize(
    "typed", ["19-06-2023 14:00", "19-06-2023 14.00", "19 juni 2023 14:00", "2023-06-19T14:00"]
)
def test_a_moment_field_takes_dutch_and_iso(typed):
    with translation.override("nl"):
        form = DayForm({"at": typed, "noted": "1-1-2024"})
        assert form.is_valid(), form.errors
    at = form.cleaned_data["at"]
    assert (at.date(), at.hour, at.minute) == (DAY, 14, 0)


def test_parse_date_for_filters():
    with translation.override("nl"):
        assert parse_date("19 juni 2023") == DAY
        assert parse_date("2023-06-19") == DAY
        assert parse_date("morgen") is None
        assert parse_date("") is None
    assert normalise_date("19 mrt. 2023") == "19-3-2023"
    assert normalise_date(None) is None


# --- Dutch content in the English interface ------------------------------------------------


def test_dutch_content_is_marked_in_the_english_interface():
    source = "<h1{% content_lang %}>{{ t }}</h1> {{ t|nl }} {{ empty|nl }}"
    assert render(source, "nl", t="Doel <één>", empty="") == (
        "<h1>Doel &lt;één&gt;</h1> Doel &lt;één&gt; "
    )
    assert render(source, "en", t="Doel <één>", empty="") == (
        '<h1 lang="nl">Doel &lt;één&gt;</h1> <span lang="nl">Doel &lt;één&gt;</span> '
    )


def test_marked_content_keeps_its_line_breaks():
    html = render("{{ t|linebreaksbr|nl }}", "en", t="een\ntwee")
    assert html == '<span lang="nl">een<br>twee</span>'


# --- pages ---------------------------------------------------------------------------------


def test_the_programme_page_has_no_duplicate_ids_and_every_field_its_label(client, users):
    client.force_login(users["programme_team"])
    html = client.get(reverse("programme:detail", args=["avk"])).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
    main = html[html.index("<main") : html.index("</main>")]
    for field in re.findall(r"<(?:input|select|textarea)\b[^>]*>", main):
        if 'type="hidden"' in field or 'type="submit"' in field:
            continue
        field_id = re.search(r'\sid="([^"]+)"', field).group(1)
        assert f'for="{field_id}"' in html, field
