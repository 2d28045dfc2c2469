"""avk.html.esc writes what Django's conditional_escape writes, for every kind of value."""

from decimal import Decimal

import pytest
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from avk.html import esc


class Marked:
    def __html__(self):
        return "<b>al veilig</b>"


VALUES = [
    "",
    "Gewoon",
    "Tom & Jerry <script>alert('x')</script> \"quoted\"",
    "€ 249.750 — ‘curly’ ",
    mark_safe("<em>al veilig</em>"),
    format_html("<i>{}</i>", "<&>"),
    gettext_lazy("Effort"),
    0,
    -12,
    True,
    None,
    Decimal("12.50"),
    3.25,
    Marked(),
]


@pytest.mark.parametrize(
    "value", VALUES, ids=[f"{i}-{type(v).__name__}" for i, v in enumerate(VALUES)]
)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_esc_writes_what_conditional_escape_writes(value, language):
    with override(language):
        escaped, django = esc(value), conditional_escape(value)
        assert escaped == django
        assert type(escaped) is type(django)  # safe: format_html does not escape it twice


def test_markup_in_plain_text_is_escaped_once():
    assert esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert format_html("<p>{}</p>", esc("&")) == "<p>&amp;</p>"


SHOWN = ["", "Gewoon", "<b>Tom & 'Jerry'</b>", 0, 7, 12345, -3, True, None, 3.25, Decimal("1234.5")]


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_shown_writes_what_the_template_engine_writes(language, autoescape):
    from datetime import date

    from django.template import Context
    from django.template.base import render_value_in_context

    from avk.html import shown

    with override(language):
        context = Context(autoescape=autoescape)
        for value in [*SHOWN, date(2023, 6, 19), mark_safe("<i>x</i>"), gettext_lazy("Effort")]:
            assert shown(value, context) == render_value_in_context(value, context), value


def test_pk_urls_are_what_reverse_gives():
    from django.urls import reverse

    from avk.html import pk_urls

    url = pk_urls("partners:partner-detail", "avk")
    for pk in [1, 9, 10, 918273645, 123456789012]:
        assert url(pk) == reverse("partners:partner-detail", args=["avk", pk])
    # a slug holding the marker's digits still gets its own URL
    tricky = pk_urls("partners:partner-detail", "p918273645")
    assert tricky(5) == reverse("partners:partner-detail", args=["p918273645", 5])


def test_per_render_makes_once_per_render():
    from django.template import Context, Template

    from avk.html import per_render

    made = []

    def make():
        made.append(1)
        return len(made)

    context = Context()
    with context.render_context.push_state(Template("")):
        assert [per_render(context, "k", make) for _ in range(3)] == [1, 1, 1]
    with context.render_context.push_state(Template("")):
        assert per_render(context, "k", make) == 2  # another render: made anew
