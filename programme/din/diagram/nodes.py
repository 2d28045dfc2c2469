"""The DIN diagram's building blocks: sizes, colours and the nodes, headers and edges the
layout (placement.py) positions and the templates draw. Everything is in SVG user units
(1 unit = 1 CSS pixel at 100%)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

WIDTH = 1280
COLUMN_WIDTH = 330
GOAL_X = 8
EFFORT_X = (WIDTH - COLUMN_WIDTH) // 2  # 475
PARTNER_X = WIDTH - COLUMN_WIDTH - 8  # 942
TOP = 40  # room for the column headings
BOTTOM = 16
GAP = 8  # between two nodes of a column
LINE_HEADER_HEIGHT = 26
STRATEGIC_HEADER_HEIGHT = 22
HEADER_GAP = 4
TEXT_LINE = 15  # line height of the 12px node titles
CHARS_PER_LINE = 46  # what fits in COLUMN_WIDTH at 12px, with padding
GOAL_HEIGHT = 40  # two lines of title
EFFORT_HEIGHT = 54  # two lines of title and one of status
PARTNER_HEIGHT = 26  # one line

#: Stroke width of a goal-effort line by contribution: thicker for a higher contribution.
CONTRIBUTION_STROKE = {"laag": 1.5, "middel": 3.5, "hoog": 6.0}
#: Effort-partner lines: the trekker solid and thicker, a deelnemer dashed and thin.
ROLE_STROKE = {"trekker": 2.5, "deelnemer": 1.25}
ROLE_DASH = {"trekker": "", "deelnemer": "6 4"}


def wrap(text: str, width: int = CHARS_PER_LINE, lines: int = 2) -> list[str]:
    """`text` in at most `lines` lines of `width` characters; the last one ends in an
    ellipsis when the text was longer (the full text goes into the node's <title>)."""
    text = " ".join((text or "").split())
    if not text:
        return [""]
    wrapped = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1]
    if len(last) > width - 1:
        last = last[: width - 1].rstrip()
    kept[-1] = last + "\u2026"
    return kept


#: Per effort status: (strong colour for the border and the pattern, pale fill). Each strong
#: colour has at least 4.5:1 contrast on white; node text is #212529 on the pale fill.
STATUS_COLOURS = {
    "idee": ("#5c636a", "#f4f5f6"),
    "gepland": ("#0a58ca", "#eaf1fc"),
    "lopend": ("#1e7b34", "#e8f5ec"),
    "afgerond": ("#5a3d99", "#f1ecf8"),
    "gestopt": ("#b02a37", "#fcecee"),
}


@dataclass
class Item:
    """What the selector hands in for one node."""

    key: int
    title: str
    url: str | None = None
    status: str = ""  # efforts only
    status_label: str = ""
    progress: int | None = None


@dataclass
class GoalGroup:
    """A strategic goal (with its line) and its operational goals, in order."""

    line: str
    strategic_goal: str
    goals: list[Item]
    line_key: int = 0
    line_url: str | None = None
    strategic_url: str | None = None


@dataclass
class Node:
    kind: str  # "goal", "effort", "partner"
    item: Item
    x: float
    y: float
    width: float
    height: float
    lines: list[str] = field(default_factory=list)

    @property
    def key(self):
        return self.item.key

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def text_y(self) -> list[tuple[float, str]]:
        """(baseline y, text) for each title line."""
        return [(self.y + 16 + i * TEXT_LINE, line) for i, line in enumerate(self.lines)]

    @property
    def colour(self) -> str:
        return STATUS_COLOURS.get(self.item.status, STATUS_COLOURS["idee"])[0]

    @property
    def tint(self) -> str:
        return STATUS_COLOURS.get(self.item.status, STATUS_COLOURS["idee"])[1]

    @property
    def status_y(self) -> float:
        return self.y + self.height - 8


@dataclass
class Header:
    kind: str  # "line" or "strategic"
    text: str
    full: str
    x: float
    y: float
    width: float
    height: float
    url: str | None = None

    @property
    def text_y(self) -> float:
        return self.y + self.height - 7


@dataclass
class Edge:
    kind: str  # "goal" (goal-effort) or "partner" (effort-partner)
    source: Node
    target: Node
    style: str  # contribution (laag/middel/hoog) or role (trekker/deelnemer)
    width: float
    dash: str = ""

    @property
    def path(self) -> str:
        """A horizontal S-curve from the right edge of the source to the left of the target."""
        x1 = self.source.x + self.source.width
        y1 = self.source.cy
        x2 = self.target.x
        y2 = self.target.cy
        mid = (x1 + x2) / 2
        return f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"


@dataclass
class Diagram:
    width: int
    height: int
    headers: list[Header]
    goals: list[Node]
    efforts: list[Node]
    partners: list[Node]
    edges: list[Edge]
    goal_column: list = field(default_factory=list)  # headers and goals, top to bottom

    @property
    def nodes(self) -> list[Node]:
        return self.goals + self.efforts + self.partners

    @property
    def goal_edges(self) -> list[Edge]:
        return [e for e in self.edges if e.kind == "goal"]

    @property
    def partner_edges(self) -> list[Edge]:
        return [e for e in self.edges if e.kind == "partner"]
