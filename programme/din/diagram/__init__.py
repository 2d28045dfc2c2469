"""Pure layout code for the DIN diagram and the indicator chart: positions, sizes and lines.

No queries and no templates here: the selectors hand in plain data, the templates draw what
this package computes. `nodes` holds the diagram's sizes and building blocks, `placement` the
layout of the diagram and its print bands, `chart` the indicator chart.
"""

from .chart import LABEL_GAP, Chart, ChartPoint, chart_layout, nice_ticks
from .nodes import (
    CHARS_PER_LINE,
    COLUMN_WIDTH,
    CONTRIBUTION_STROKE,
    EFFORT_HEIGHT,
    ROLE_DASH,
    ROLE_STROKE,
    STATUS_COLOURS,
    TOP,
    Diagram,
    Edge,
    GoalGroup,
    Header,
    Item,
    Node,
    wrap,
)
from .placement import PRINT_BAND, PRINT_FIRST_BAND, layout, natural_height, print_bands

__all__ = [
    "CHARS_PER_LINE",
    "COLUMN_WIDTH",
    "CONTRIBUTION_STROKE",
    "EFFORT_HEIGHT",
    "LABEL_GAP",
    "PRINT_BAND",
    "PRINT_FIRST_BAND",
    "ROLE_DASH",
    "ROLE_STROKE",
    "STATUS_COLOURS",
    "TOP",
    "Chart",
    "ChartPoint",
    "Diagram",
    "Edge",
    "GoalGroup",
    "Header",
    "Item",
    "Node",
    "chart_layout",
    "layout",
    "natural_height",
    "nice_ticks",
    "print_bands",
    "wrap",
]
