"""Pure layout code for the DIN diagram: the positions of its nodes, headers and lines.

No queries and no templates here: the selectors hand in plain data, the templates draw what
this package computes. Everything is in SVG user units (1 unit = 1 CSS pixel at 100%).

The DIN diagram has three columns: operational goals (grouped under their line and strategic
goal) on the left, efforts in the middle, partners on the right. Efforts and partners are
ordered by the average position of what they connect to (a barycentre heuristic), so most
lines run nearly horizontally. The shorter columns are spread over the height of the tallest.
"""

from __future__ import annotations

import math

from .nodes import (
    BOTTOM,
    CHARS_PER_LINE,
    COLUMN_WIDTH,
    CONTRIBUTION_STROKE,
    EFFORT_HEIGHT,
    EFFORT_X,
    GAP,
    GOAL_HEIGHT,
    GOAL_X,
    HEADER_GAP,
    LINE_HEADER_HEIGHT,
    PARTNER_HEIGHT,
    PARTNER_X,
    ROLE_DASH,
    ROLE_STROKE,
    STRATEGIC_HEADER_HEIGHT,
    TOP,
    WIDTH,
    Diagram,
    Edge,
    GoalGroup,
    Header,
    Item,
    Node,
    wrap,
)


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
