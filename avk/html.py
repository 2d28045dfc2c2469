"""Markup written in Python: the template tags that write a page's rows (issue 15) write what
the template engine wrote, without its per-call overhead.

- `esc`: Django's `conditional_escape`, directly for plain strings and whole numbers (a DIN
  diagram of ten times the AVK's size escapes some 30.000 texts per page);
- `shown`: `{{ value }}` as the engine writes it in a context (localised, escaped);
- `pk_urls`: each row's URL with one `reverse()` for all the rows;
- `per_render`: what every row shares (texts in the page's language), made once per render."""

from __future__ import annotations

import html
from collections.abc import Callable

from django.conf import settings
from django.template.base import render_value_in_context
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString


def esc(value) -> SafeString:
    """`conditional_escape(value)`: a plain `str` or `int` escaped as Django's `escape` does
    (`html.escape`, quotes included), anything else (safe strings, lazy translations, None,
    Decimals, objects with `__html__`) handed to Django."""
    kind = type(value)
    if kind is str:
        return SafeString(html.escape(value))
    if kind is int:
        return SafeString(value)
    return conditional_escape(value)


def shown(value, context) -> str:
    """`{{ value }}` in `context`, as `render_value_in_context` writes it (localised, escaped
    when the context escapes): a plain string, and a whole number while no thousands
    separator is set, directly."""
    kind = type(value)
    if kind is str:
        return esc(value) if context.autoescape else value
    if kind is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)
    return render_value_in_context(value, context)


#: A key no row has: reversed once, to find where a page's URL holds its key.
_MARKER = 918273645


def pk_urls(name: str, *args) -> Callable[[int], str]:
    """pk -> `reverse(name, args=[*args, pk])`, reversing once for any number of rows (a
    `reverse()` per row was a tenth to a fifth of a list's time): the URL of a marker key with
    each row's key in its place. Other keys than whole numbers, or a URL that holds the marker
    more than once, go through `reverse()` each time."""
    marker = str(_MARKER)
    url = reverse(name, args=[*args, _MARKER])
    if url.count(marker) != 1:
        return lambda pk: reverse(name, args=[*args, pk])
    before, _marker, after = url.partition(marker)
    return lambda pk: (
        f"{before}{pk}{after}" if type(pk) is int and pk >= 0 else reverse(name, args=[*args, pk])
    )


def per_render(context, key, make):
    """`make()`, made once for the template being rendered (one page: one language, one
    person) and kept in its `render_context` under `key` (a key of the caller's own)."""
    made = context.render_context
    if key not in made:
        made[key] = make()
    return made[key]
