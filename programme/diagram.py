"""Pure layout code for the DIN diagram and the indicator chart: positions, sizes and lines.

No queries and no templates here: the selectors hand in plain data, the templates draw what
this module computes. Everything is in SVG user units (1 unit = 1 CSS pixel at 100%).

The DIN diagram has three columns: operational goals (grouped under their line and strategic
goal) on the left, efforts in the middle, partners on the right. Efforts and partners are
ordered by the average position of what they connect to (a barycentre heuristic), so most
lines run nearly horizontally. The shorter columns are spread over the height of the tallest.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal

# -- The DIN diagram -----------------------------------------------------------------------

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


def _barycentre_order(items, links, positions):
    """Order `items` by the mean position of what they link to; unlinked ones go last,
    ties keep the incoming order (titles or the selector's order)."""
    linked: dict = {}
    for own, other in links:
        if other in positions:
            linked.setdefault(own, []).append(positions[other])

    def key(pair):
        index, item = pair
        found = linked.get(item.key)
        return (0, sum(found) / len(found), index) if found else (1, 0, index)

    return [item for _i, item in sorted(enumerate(items), key=key)]


def _stack(entries, top: float, height: float) -> None:
    """Place `entries` (objects with y and height, a gap before each) from `top`,
    spreading any room left over `height` evenly between them."""
    natural = sum(e.height for e in entries) + GAP * max(len(entries) - 1, 0)
    extra = max(height - natural, 0)
    spread = extra / (len(entries) - 1) if len(entries) > 1 else 0
    y = top if len(entries) > 1 else top + extra / 2
    for entry in entries:
        entry.y = y
        y += entry.height + GAP + spread


def natural_height(kind: str, count: int, groups: int = 0, lines: int = 0) -> float:
    """The height one column needs for `count` nodes (and, for goals, its headers)."""
    size = {"goal": GOAL_HEIGHT, "effort": EFFORT_HEIGHT, "partner": PARTNER_HEIGHT}[kind]
    entries = count + groups + lines
    headers = groups * STRATEGIC_HEADER_HEIGHT + lines * LINE_HEADER_HEIGHT
    return count * size + headers + GAP * max(entries - 1, 0)


def layout(
    groups: list[GoalGroup],
    efforts: list[Item],
    partners: list[Item],
    goal_links: list[tuple[int, int, str]],
    partner_links: list[tuple[int, int, str]],
) -> Diagram:
    """Lay out the diagram.

    goal_links: (goal key, effort key, contribution); partner_links: (effort key, partner key,
    role). Links to items that are not shown are left out.
    """
    # The goal column: headers and goals in the order given.
    column: list = []
    goal_nodes: list[Node] = []
    headers: list[Header] = []
    previous_line = None
    for group in groups:
        if (group.line_key, group.line) != previous_line:
            header = Header(
                "line",
                wrap(group.line, CHARS_PER_LINE, 1)[0],
                group.line,
                GOAL_X,
                0,
                COLUMN_WIDTH,
                LINE_HEADER_HEIGHT,
                group.line_url,
            )
            headers.append(header)
            column.append(header)
            previous_line = (group.line_key, group.line)
        header = Header(
            "strategic",
            wrap(group.strategic_goal, CHARS_PER_LINE, 1)[0],
            group.strategic_goal,
            GOAL_X,
            0,
            COLUMN_WIDTH,
            STRATEGIC_HEADER_HEIGHT,
            group.strategic_url,
        )
        headers.append(header)
        column.append(header)
        for goal in group.goals:
            node = Node("goal", goal, GOAL_X, 0, COLUMN_WIDTH, GOAL_HEIGHT, wrap(goal.title))
            goal_nodes.append(node)
            column.append(node)

    goal_keys = {n.key for n in goal_nodes}
    effort_keys = {e.key for e in efforts}
    partner_keys = {p.key for p in partners}
    goal_links = [link for link in goal_links if link[0] in goal_keys and link[1] in effort_keys]
    partner_links = [
        link for link in partner_links if link[0] in effort_keys and link[1] in partner_keys
    ]

    # Order efforts by their goals' positions in the goal column, partners by their efforts'.
    goal_rank = {n.key: i for i, n in enumerate(goal_nodes)}
    efforts = _barycentre_order(efforts, [(e, g) for g, e, _c in goal_links], goal_rank)
    effort_rank = {e.key: i for i, e in enumerate(efforts)}
    partners = _barycentre_order(partners, [(p, e) for e, p, _r in partner_links], effort_rank)

    effort_nodes = [
        Node("effort", e, EFFORT_X, 0, COLUMN_WIDTH, EFFORT_HEIGHT, wrap(e.title)) for e in efforts
    ]
    partner_nodes = [
        Node("partner", p, PARTNER_X, 0, COLUMN_WIDTH, PARTNER_HEIGHT, wrap(p.title, lines=1))
        for p in partners
    ]

    # Efforts are stacked from the top; goals and partners sit as close as they can to the
    # mean height of the efforts they connect to, in order and without overlapping.
    _stack(effort_nodes, TOP, 0)
    inner = max(_column_height(column), _column_height(effort_nodes), _column_height(partner_nodes))
    effort_cy = {n.key: n.cy for n in effort_nodes}
    goal_pairs = [(g, e) for g, e, _c in goal_links]
    _place_near(column, _blend(column, goal_pairs, effort_cy, inner, 0.3), TOP, TOP + inner)
    partner_pairs = [(p, e) for e, p, _r in partner_links]
    _place_near(
        partner_nodes, _blend(partner_nodes, partner_pairs, effort_cy, inner), TOP, TOP + inner
    )
    bottom = max(
        (entry.y + entry.height for entry in column + effort_nodes + partner_nodes),
        default=TOP + EFFORT_HEIGHT,
    )

    goals_by_key = {n.key: n for n in goal_nodes}
    efforts_by_key = {n.key: n for n in effort_nodes}
    partners_by_key = {n.key: n for n in partner_nodes}
    edges = [
        Edge(
            "goal",
            goals_by_key[g],
            efforts_by_key[e],
            contribution,
            CONTRIBUTION_STROKE.get(contribution, CONTRIBUTION_STROKE["middel"]),
        )
        for g, e, contribution in goal_links
    ]
    # Thin lines first, so thick ones are drawn on top.
    edges.sort(key=lambda edge: edge.width)
    partner_edges = [
        Edge(
            "partner",
            efforts_by_key[e],
            partners_by_key[p],
            role,
            ROLE_STROKE.get(role, ROLE_STROKE["deelnemer"]),
            ROLE_DASH.get(role, ROLE_DASH["deelnemer"]),
        )
        for e, p, role in partner_links
    ]
    partner_edges.sort(key=lambda edge: edge.width)
    height = math.ceil(max(bottom, TOP + EFFORT_HEIGHT) + BOTTOM)
    return Diagram(
        WIDTH,
        height,
        headers,
        goal_nodes,
        effort_nodes,
        partner_nodes,
        edges + partner_edges,
        goal_column=column,
    )


def _ideal(entries, links, target_cy) -> list[float | None]:
    """The y each entry would like to have: centred on the mean height of what it links to.
    A header wants to sit right above the goal that follows it; unlinked entries have no
    wish (None) and simply follow the one before."""
    linked: dict = {}
    for own, other in links:
        if other in target_cy:
            linked.setdefault(own, []).append(target_cy[other])
    ideal: list[float | None] = [None] * len(entries)
    for i in range(len(entries) - 1, -1, -1):
        entry = entries[i]
        if isinstance(entry, Node):
            found = linked.get(entry.key)
            ideal[i] = sum(found) / len(found) - entry.height / 2 if found else None
        elif i + 1 < len(entries) and ideal[i + 1] is not None:
            ideal[i] = ideal[i + 1] - entry.height - HEADER_GAP
    return ideal


def _gap(previous, entry) -> float:
    """The space between two entries of a column: a header stays close to what follows it,
    and a group gets a little air above its first header."""
    if previous is None:
        return 0
    if isinstance(previous, Header):
        return HEADER_GAP
    if isinstance(entry, Header):
        return GAP * 2
    return GAP


def _column_height(entries) -> float:
    total = 0.0
    previous = None
    for entry in entries:
        total += _gap(previous, entry) + entry.height
        previous = entry
    return total


def _blend(entries, links, target_cy, height: float, pull: float = 0.5) -> list[float]:
    """Between an even spread over `height` and the ideal (see _ideal), `pull` of the way
    to the ideal: near what an entry connects to, without crowding a whole column around
    the middle when everything connects to everything."""
    _stack(entries, TOP, height)
    even = [entry.y for entry in entries]
    ideal = _ideal(entries, links, target_cy)
    return [e if i is None else e + (i - e) * pull for e, i in zip(even, ideal, strict=True)]


def _place_near(entries, wishes, top: float, bottom: float) -> None:
    """Each entry as close to its wished y as the order allows: a pass down keeps entries
    from overlapping, a pass up keeps them above `bottom` (when the column fits)."""
    y = top
    previous = None
    for entry, wish in zip(entries, wishes, strict=True):
        earliest = y + _gap(previous, entry)
        entry.y = max(earliest, wish)
        y = entry.y + entry.height
        previous = entry
    limit = bottom
    following = None
    for entry in reversed(entries):
        if following is not None:
            limit = following.y - _gap(entry, following)
        entry.y = max(min(entry.y, limit - entry.height), top)
        following = entry
    # Glue each header to the goal that follows it.
    for i in range(len(entries) - 2, -1, -1):
        if isinstance(entries[i], Header):
            entries[i].y = entries[i + 1].y - HEADER_GAP - entries[i].height


# Printed on A4 landscape, the 1280 units of the width fill 277 mm, so a page holds about
# 850 units of height; the first page also holds the title and the legend.
PRINT_FIRST_BAND = 560
PRINT_BAND = 860


def print_bands(
    d: Diagram, first: float = PRINT_FIRST_BAND, rest: float = PRINT_BAND
) -> list[tuple[float, float]]:
    """Cut the diagram into page-high bands (y, height) for printing, each cut in a gap that
    no node or header straddles (when the columns leave one), so no box is split."""
    boxes = [(b.y, b.y + b.height) for b in d.nodes + d.headers]

    def free(y: float) -> bool:
        return all(not (top < y < bottom) for top, bottom in boxes)

    candidates = sorted(
        {bottom + GAP / 2 for _top, bottom in boxes} | {top - GAP / 2 for top, _b in boxes}
    )
    bands = []
    y = 0
    limit = first
    while y + limit < d.height:
        target = y + limit
        cut = next(
            (c for c in reversed(candidates) if y + limit / 2 < c <= target and free(c)),
            target,
        )
        cut = round(cut)  # whole units: gaps between boxes are wider than a unit
        bands.append((y, cut - y))
        y = cut
        limit = rest
    bands.append((y, d.height - y))
    return bands


# -- The indicator chart -------------------------------------------------------------------

CHART_WIDTH = 660
CHART_HEIGHT = 300
CHART_LEFT = 72
CHART_RIGHT = 175  # room for the baseline and target labels
LABEL_GAP = 15  # the baseline and target labels keep at least this far apart
CHART_TOP = 28
CHART_BOTTOM = 48


def nice_ticks(low: float, high: float, count: int = 5, integer: bool = False) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) covering low..high;
    with `integer`, steps of at least 1 (counts have no halves)."""
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if integer:
        step = max(round(step), 1) if step >= 1 else 1
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while True:
        ticks.append(round(value, 10))
        if value >= high - step * 1e-9 or len(ticks) > 50:
            break
        value += step
    return ticks


@dataclass
class ChartPoint:
    x: float
    y: float
    value: Decimal
    label: str


@dataclass
class Chart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    ticks: list[tuple[float, float]]  # (y, value)
    points: list[ChartPoint]
    baseline_y: float | None
    target_y: float | None

    @property
    def label_ys(self) -> tuple[float | None, float | None]:
        """Where the baseline and target labels go: at their lines, pushed apart when the
        lines lie too close together to read both."""
        base, target = self.baseline_y, self.target_y
        if base is None or target is None or abs(base - target) >= LABEL_GAP:
            return base, target
        middle = (base + target) / 2
        if base >= target:
            return middle + LABEL_GAP / 2, middle - LABEL_GAP / 2
        return middle - LABEL_GAP / 2, middle + LABEL_GAP / 2

    @property
    def baseline_label_y(self) -> float | None:
        return self.label_ys[0]

    @property
    def target_label_y(self) -> float | None:
        return self.label_ys[1]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def chart_layout(
    points: list[tuple[str, Decimal]],
    baseline: Decimal | None = None,
    target: Decimal | None = None,
) -> Chart:
    """Positions for a line chart of `points` ((label, value) in time order), evenly spaced
    along x, with horizontal reference lines for the baseline and the target."""
    values = [float(v) for _label, v in points]
    refs = [float(v) for v in (baseline, target) if v is not None]
    everything = values + refs
    if not everything:
        everything = [0.0, 1.0]
    low, high = min(everything), max(everything)
    if low >= 0 and low <= high * 0.5:
        low = 0.0  # start at zero unless that would flatten the changes that matter
    if high > low:
        high += (high - low) * 0.04  # a little headroom: points on the top edge are hard to see
    ticks = nice_ticks(low, high, integer=all(v == int(v) for v in everything))
    lo, hi = ticks[0], ticks[-1]
    if hi == lo:
        hi = lo + 1
    left = CHART_LEFT
    right = CHART_WIDTH - CHART_RIGHT
    top = CHART_TOP
    bottom = CHART_HEIGHT - CHART_BOTTOM

    def y_of(value: float) -> float:
        return bottom - (value - lo) / (hi - lo) * (bottom - top)

    count = len(points)
    if count == 1:
        xs = [(left + right) / 2]
    else:
        pad = 24
        xs = [left + pad + i * (right - left - 2 * pad) / (count - 1) for i in range(count)]
    chart_points = [
        ChartPoint(x, y_of(float(v)), v, label) for x, (label, v) in zip(xs, points, strict=True)
    ]
    return Chart(
        CHART_WIDTH,
        CHART_HEIGHT,
        left,
        right,
        top,
        bottom,
        [(y_of(t), t) for t in ticks],
        chart_points,
        y_of(float(baseline)) if baseline is not None else None,
        y_of(float(target)) if target is not None else None,
    )
