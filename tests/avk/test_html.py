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
