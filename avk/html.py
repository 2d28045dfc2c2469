"""Escaping for markup written in Python (template tags that write a page's rows).

`esc` gives what Django's `conditional_escape` gives, without its lazy-string wrapper and
`__html__` checks for the plain strings and numbers that make up nearly every value: a DIN
diagram of ten times the AVK's size escapes some 30.000 texts per page (issue 15)."""

from __future__ import annotations

import html

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
