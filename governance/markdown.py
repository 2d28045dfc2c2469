"""Markdown for proposals and minutes, rendered safely: Markdown -> HTML -> nh3 (an allow-list
sanitiser). No script, no raw HTML of the author's, no javascript: or data: links."""

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
    "h2",
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
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}


def render(text: str) -> str:
    if not text:
        return ""
    html = md.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    # Headings shift down: the page has its own h1 and h2.
    for level in (5, 4, 3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 2 if level < 5 else 6}>")
        html = html.replace(f"</h{level}>", f"</h{level + 2 if level < 5 else 6}>")
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
