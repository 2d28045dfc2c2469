"""Pure layout for the phase plan's planning: the efforts on a timeline of months, drawn as an
inline SVG (a vector image, on the page and in the PDF). No queries and no templates here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from avk.formats import month

LABEL_WIDTH = 250
MONTH_WIDTH = 30
ROW_HEIGHT = 18
HEAD_HEIGHT = 34
LABEL_CHARS = 46


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _short(text: str, chars: int = LABEL_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "\u2026"


@dataclass
class Bar:
    label: str
    title: str
    y: int
    x: int = 0
    width: int = 0
    period: str = ""
    before: bool = False  # starts before the plan's period
    after: bool = False  # runs on after it
    planned: bool = True


@dataclass
class Tick:
    x: int
    label: str
    year: str = ""


@dataclass
class Timeline:
    width: int
    height: int
    top: int
    label_width: int
    ticks: list[Tick] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)


def layout(efforts: list[dict], start: date, end: date) -> Timeline:
    """`efforts`: dicts with title, start and end (dates or None, first of month). Months from
    `start` to `end` inclusive make the columns; a bar is clipped to them and marked when it
    runs on before or after; an effort without a period gets a row without a bar."""
    first, last = month_index(start), month_index(end)
    count = max(last - first + 1, 1)
    ticks = []
    for offset in range(count):
        index = first + offset
        day = date(index // 12, index % 12 + 1, 1)
        label = month(day).split("\u00a0")[0]
        ticks.append(
            Tick(
                LABEL_WIDTH + offset * MONTH_WIDTH,
                label,
                str(day.year) if offset == 0 or day.month == 1 else "",
            )
        )
    bars = []
    for row, effort in enumerate(efforts):
        y = HEAD_HEIGHT + row * ROW_HEIGHT
        bar = Bar(_short(effort["title"]), effort["title"], y, period=effort.get("period", ""))
        s, e = effort.get("start"), effort.get("end")
        if s is None and e is None:
            bar.planned = False
        else:
            s_index = month_index(s) if s else first
            e_index = month_index(e) if e else last
            bar.before, bar.after = s_index < first, e_index > last or e is None
            s_index, e_index = max(s_index, first), min(e_index, last)
            if e_index < s_index:
                bar.planned = False
            else:
                bar.x = LABEL_WIDTH + (s_index - first) * MONTH_WIDTH + 1
                bar.width = (e_index - s_index + 1) * MONTH_WIDTH - 2
        bars.append(bar)
    return Timeline(
        width=LABEL_WIDTH + count * MONTH_WIDTH + 4,
        height=HEAD_HEIGHT + len(efforts) * ROW_HEIGHT + 4,
        top=HEAD_HEIGHT,
        label_width=LABEL_WIDTH,
        ticks=ticks,
        bars=bars,
    )
