"""Markdown for proposals and minutes, rendered safely: Markdown -> HTML -> nh3 (an allow-list
sanitiser). No script, no raw HTML of the author's, no javascript: or data: links."""

import re

import markdown as md
import nh3
from django.utils.safestring import mark_safe

TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}
#: The page has its own h1 and h2 sections: the author's # and ## become h3, ### h4, and so on.
HEADING_SHIFT = {1: 3, 2: 3, 3: 4, 4: 5, 5: 6, 6: 6}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_OL_START = re.compile(r'<ol start="(\d+)">')


def render(text: str) -> str:
    if not text:
        return ""
    converter = md.Markdown(
        extensions=["sane_lists", "tables"], output_format="html", lazy_ol=False
    )
    html = converter.convert(text)
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{HEADING_SHIFT[int(m.group(2))]}>", html)
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def render_for_print(text: str) -> str:
    """`render` for a PDF: WeasyPrint ignores `<ol start>`, so a list that goes on numbering
    ("6. ... 9." after "1. ... 5.", as in the memo of seed 001) gets a counter that starts there:
    the PDF keeps the author's own numbers."""
    html = render(text)
    if not html:
        return html

    def counted(match):
        start = int(match.group(1))
        return f'<ol start="{start}" style="counter-reset: list-item {start - 1}">'

    shifted = _OL_START.sub(counted, html)
    return mark_safe(shifted)  # noqa: S308 - only our own attribute added to sanitised HTML
