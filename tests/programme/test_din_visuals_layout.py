"""programme/diagram.py: the DIN diagram's layout and the indicator chart's geometry (pure)."""

from decimal import Decimal

from programme.din import diagram
from programme.din.diagram import GoalGroup, Item


def build(goals=6, efforts=10, partners=5, groups=2, contributions=None):
    per_group = max(goals // groups, 1)
    goal_groups = []
    key = 1
    for g in range(groups):
        goal_groups.append(
            GoalGroup(
                f"Lijn {g % 2}",
                f"Strategisch doel {g}",
                [Item(key + i, f"Doel {key + i} " + "lang " * 20) for i in range(per_group)],
                line_key=g % 2,
            )
        )
        key += per_group
    goal_keys = [goal.key for group in goal_groups for goal in group.goals]
    effort_items = [Item(1000 + i, f"Inspanning {i}", status="lopend") for i in range(efforts)]
    partner_items = [Item(2000 + i, f"Partner {i}") for i in range(partners)]
    contributions = contributions or ["laag", "middel", "hoog"]
    goal_links = [
        (goal_keys[i % len(goal_keys)], e.key, contributions[i % len(contributions)])
        for i, e in enumerate(effort_items)
    ]
    partner_links = [
        (e.key, partner_items[i % partners].key, "trekker" if i % 2 else "deelnemer")
        for i, e in enumerate(effort_items)
    ] + [(effort_items[0].key, partner_items[-1].key, "deelnemer")]
    return diagram.layout(goal_groups, effort_items, partner_items, goal_links, partner_links)


def overlaps(boxes):
    boxes = sorted(boxes, key=lambda b: b.y)
    return [(a, b) for a, b in zip(boxes, boxes[1:], strict=False) if a.y + a.height > b.y + 0.001]


def test_no_nodes_overlap_within_a_column_and_columns_do_not_touch():
    d = build(goals=30, efforts=120, partners=50, groups=8)
    assert not overlaps(d.goals + d.headers)
    assert not overlaps(d.efforts)
    assert not overlaps(d.partners)
    goal_right = max(n.x + n.width for n in d.goals)
    effort_left = min(n.x for n in d.efforts)
    effort_right = max(n.x + n.width for n in d.efforts)
    partner_left = min(n.x for n in d.partners)
    assert goal_right < effort_left and effort_right < partner_left
    assert partner_left + diagram.COLUMN_WIDTH <= d.width
    # Everything lies inside the drawing.
    assert all(n.y >= diagram.TOP and n.bottom <= d.height for n in d.nodes)


def test_height_grows_with_the_number_of_items():
    small = build(goals=4, efforts=10, partners=5)
    large = build(goals=40, efforts=120, partners=50, groups=8)
    assert large.height > small.height
    assert large.height >= 120 * diagram.EFFORT_HEIGHT
    assert diagram.natural_height("effort", 100) > diagram.natural_height("effort", 10)
    assert diagram.natural_height("goal", 10, groups=3, lines=2) > diagram.natural_height(
        "goal", 10
    )


def test_thickness_follows_the_contribution_and_roles_differ_by_dash():
    d = build()
    widths = {edge.style: edge.width for edge in d.goal_edges}
    assert widths["laag"] < widths["middel"] < widths["hoog"]
    roles = {edge.style: edge for edge in d.partner_edges}
    assert roles["trekker"].dash == "" and roles["deelnemer"].dash != ""
    assert roles["trekker"].width > roles["deelnemer"].width


def test_every_link_becomes_one_edge_and_links_to_hidden_items_are_dropped():
    d = build(efforts=10, partners=5)
    assert len(d.goal_edges) == 10
    assert len(d.partner_edges) == 11
    only = diagram.layout(
        [GoalGroup("L", "S", [Item(1, "Doel")])],
        [Item(10, "Inspanning", status="idee")],
        [],
        [(1, 10, "hoog"), (2, 10, "laag"), (1, 99, "laag")],
        [(10, 50, "trekker")],
    )
    assert [(e.source.key, e.target.key) for e in only.edges] == [(1, 10)]


def test_edges_run_from_the_right_edge_of_the_source_to_the_left_edge_of_the_target():
    d = build()
    edge = d.goal_edges[0]
    start, end = edge.path.split(" C")[0], edge.path.split(" ")[-1]
    assert start == f"M{edge.source.x + edge.source.width:.1f},{edge.source.cy:.1f}"
    assert end == f"{edge.target.x:.1f},{edge.target.cy:.1f}"


def test_efforts_follow_the_order_of_their_goals_and_unlinked_efforts_go_last():
    groups = [GoalGroup("L", "S", [Item(1, "A"), Item(2, "B"), Item(3, "C")])]
    efforts = [Item(10, "x"), Item(11, "y"), Item(12, "z"), Item(13, "los")]
    d = diagram.layout(groups, efforts, [], [(3, 10, "laag"), (1, 12, "laag"), (2, 11, "laag")], [])
    assert [n.key for n in d.efforts] == [12, 11, 10, 13]


def test_headers_sit_above_their_goals_and_lines_are_not_repeated():
    d = build(goals=8, groups=4)
    assert [h.kind for h in d.headers].count("line") == 4  # lines alternate 0,1,0,1
    d = diagram.layout(
        [GoalGroup("L", "S1", [Item(1, "A")], 1), GoalGroup("L", "S2", [Item(2, "B")], 1)],
        [],
        [],
        [],
        [],
    )
    assert [h.kind for h in d.headers] == ["line", "strategic", "strategic"]
    assert d.headers[1].y + d.headers[1].height < d.goals[0].y


def test_long_titles_are_wrapped_to_two_lines_and_truncated_with_an_ellipsis():
    lines = diagram.wrap("woord " * 40)
    assert len(lines) == 2
    assert lines[-1].endswith("\u2026")
    assert all(len(line) <= diagram.CHARS_PER_LINE for line in lines)
    assert diagram.wrap("Kort") == ["Kort"]
    assert diagram.wrap("") == [""]
    assert len(diagram.wrap("x" * 200, lines=1)[0]) <= diagram.CHARS_PER_LINE


def test_an_empty_diagram_still_has_a_height():
    d = diagram.layout([], [], [], [], [])
    assert d.height > diagram.TOP and d.nodes == []


def test_status_colours_exist_for_every_status():
    from programme.models import EffortStatus

    assert set(diagram.STATUS_COLOURS) == set(EffortStatus.values)


def test_nice_ticks_cover_the_range_with_round_steps():
    ticks = diagram.nice_ticks(0, 13950)
    assert ticks[0] == 0 and ticks[-1] >= 13950
    steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    assert diagram.nice_ticks(5, 5)  # a single value still gets an axis


def test_chart_layout_puts_higher_values_higher_and_reference_lines_in_place():
    chart = diagram.chart_layout(
        [("2023", Decimal(10)), ("2024", Decimal(20))], Decimal(5), Decimal(30)
    )
    first, second = chart.points
    assert first.x < second.x
    assert second.y < first.y  # SVG y grows downwards
    assert chart.target_y < chart.baseline_y
    assert chart.plot_top <= chart.target_y and chart.baseline_y <= chart.plot_bottom
    single = diagram.chart_layout([("2024", Decimal(3))])
    assert single.points[0].x == (single.plot_left + single.plot_right) / 2
    empty = diagram.chart_layout([])
    assert empty.points == [] and empty.baseline_y is None and empty.target_y is None


def test_print_bands_cover_the_diagram_and_never_cut_a_box():
    d = build(goals=30, efforts=120, partners=50, groups=8)
    bands = diagram.print_bands(d)
    assert bands[0][0] == 0
    assert bands[0][1] <= diagram.PRINT_FIRST_BAND
    assert all(h <= diagram.PRINT_BAND for _y, h in bands[1:])
    for (y1, h1), (y2, _h2) in zip(bands, bands[1:], strict=False):
        assert y1 + h1 == y2  # no gaps, no overlaps
    assert bands[-1][0] + bands[-1][1] == d.height
    cuts = [y for y, _h in bands[1:]]
    for box in d.nodes + d.headers:
        assert not any(box.y < cut < box.y + box.height for cut in cuts)
    small = build(goals=2, efforts=2, partners=1, groups=1)
    assert diagram.print_bands(small) == [(0.0, small.height)]


def test_counts_get_whole_number_ticks():
    assert diagram.nice_ticks(42, 44, integer=True) == [42, 43, 44]
    assert 42.5 in diagram.nice_ticks(42, 44)
    chart = diagram.chart_layout([("2023", Decimal(42)), ("2024", Decimal(44))], Decimal(42))
    # the axis starts at zero, so 42 -> 44 is drawn as the small change it is
    assert [value for _y, value in chart.ticks] == [0, 10, 20, 30, 40, 50]
    assert all(chart.plot_top < p.y for p in chart.points)  # no point on the top edge


def test_the_value_axis_includes_zero_and_goes_below_it_only_for_negative_values():
    high = diagram.chart_layout([("2024", Decimal(13100))], Decimal(13950), Decimal(12000))
    assert high.ticks[0][1] == 0 and high.ticks[0][0] == high.plot_bottom
    negative = diagram.chart_layout([("2023", Decimal(-5)), ("2024", Decimal(3))])
    values = [value for _y, value in negative.ticks]
    assert values[0] <= -5 and values[-1] >= 3 and 0 in values
    below = diagram.chart_layout([("2023", Decimal(-8)), ("2024", Decimal(-2))])
    assert below.ticks[-1][1] == 0  # all negative: zero on top


def test_long_reference_labels_get_room_on_the_right():
    from programme.din.diagram import chart

    short = diagram.chart_layout([], Decimal(1), label_chars=10)
    long = diagram.chart_layout([], Decimal(1), label_chars=40)
    assert short.plot_right == chart.CHART_WIDTH - chart.CHART_RIGHT
    assert long.width - long.plot_right >= 40 * chart.LABEL_CHAR_WIDTH


def test_ticks_always_cover_the_values():
    for low, high in [(0, 44.08), (3, 7.9), (0.1, 0.13), (-5, 5), (13950, 14000), (0, 1)]:
        ticks = diagram.nice_ticks(low, high)
        assert ticks[0] <= low and ticks[-1] >= high, (low, high, ticks)
        assert len(ticks) <= 12


def test_goal_column_lists_headers_and_goals_top_to_bottom_for_the_tab_order():
    d = build(goals=12, groups=4)
    ys = [entry.y for entry in d.goal_column]
    assert ys == sorted(ys)
    assert [e.kind for e in d.goal_column][:3] == ["line", "strategic", "goal"]
    assert len(d.goal_column) == len(d.goals) + len(d.headers)


def test_baseline_and_target_labels_do_not_overlap():
    chart = diagram.chart_layout([("2024", Decimal(100))], Decimal(50), Decimal(51))
    base, target = chart.label_ys
    assert abs(base - target) >= diagram.LABEL_GAP
    assert target < base  # the higher value keeps the higher label
    far = diagram.chart_layout([], Decimal(0), Decimal(100))
    assert far.label_ys == (far.baseline_y, far.target_y)
