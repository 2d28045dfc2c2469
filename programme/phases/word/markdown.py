"""Markdown as the plan's texts hold it, read for Word: the blocks of a text (headings,
paragraphs, bulleted and numbered lists) and its emphasis and links as runs of a paragraph."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+•]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
#: **bold**, __bold__, *italic*, _italic_ and [a link](url), in that order of preference.
_INLINE = re.compile(
    r"(\*\*|__)(?P<bold>.+?)\1"
    r"|(?<![\w*])\*(?P<em>[^\s*](?:[^*]*[^\s*])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<em2>[^\s_](?:[^_]*[^\s_])?)_(?![\w_])"
    r"|\[(?P<label>[^\]]+)\]\((?P<href>[^)\s]+)\)"
)


def markdown_blocks(text: str) -> list[tuple[str, object]]:
    """The blocks of a plan's text: ("h", (level, text)), ("p", [lines]), ("ul", [items]),
    ("ol", [items]). A blank line ends a block; single line breaks stay line breaks in a
    paragraph (as on the page); an indented line continues the list item above it."""
    blocks: list[tuple[str, object]] = []
    current = None  # the block still open, or None after a blank line
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        number = _NUMBER.match(line)
        if heading:
            blocks.append(("h", (len(heading.group(1)), heading.group(2))))
            current = None
        elif bullet or number:
            kind = "ul" if bullet else "ol"
            item = (bullet or number).group(1).strip()
            if current is not None and current[0] == kind:
                current[1].append(item)
            else:
                current = (kind, [item])
                blocks.append(current)
        elif current is not None and current[0] in ("ul", "ol") and raw[:1].isspace():
            current[1][-1] += " " + line.strip()
        elif current is not None and current[0] == "p":
            current[1].append(line.strip())
        else:
            current = ("p", [line.strip()])
            blocks.append(current)
    return blocks


def add_inline(paragraph, text: str, *, bold: bool = False) -> None:
    """`text` (Markdown) as runs of `paragraph`, its emphasis as bold and italic runs."""
    position = 0
    for found in _INLINE.finditer(text):
        if found.start() > position:
            paragraph.add_run(text[position : found.start()]).bold = bold or None
        if found.group("bold") is not None:
            paragraph.add_run(found.group("bold")).bold = True
        elif found.group("em") is not None or found.group("em2") is not None:
            run = paragraph.add_run(found.group("em") or found.group("em2"))
            run.italic, run.bold = True, bold or None
        else:
            label, href = found.group("label"), found.group("href")
            shown = label if label == href else f"{label} ({href})"
            paragraph.add_run(shown).bold = bold or None
        position = found.end()
    if position < len(text):
        paragraph.add_run(text[position:]).bold = bold or None
