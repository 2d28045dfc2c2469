"""Pure layout code for an indicator's line chart (no queries, no templates): the axes' ticks
and the points' positions, in SVG user units."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

CHART_WIDTH = 760
CHART_HEIGHT = 340
CHART_LEFT = 80
CHART_RIGHT = 120  # at least this much room for the baseline and target labels
LABEL_GAP = 16  # the baseline and target labels keep at least this far apart
LABEL_CHAR_WIDTH = 7.6  # an average character at the chart's font size, generously
CHART_TOP = 32
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
    *,
    label_chars: int = 0,
) -> Chart:
    """Positions for a line chart of `points` ((label, value) in time order), evenly spaced
    along x, with horizontal reference lines for the baseline and the target. The value axis
    always includes zero (it starts at 0 unless there are negative values), so a change is
    drawn at its true size. `label_chars`: the length of the longest baseline or target label,
    which gets room on the right."""
    values = [float(v) for _label, v in points]
    refs = [float(v) for v in (baseline, target) if v is not None]
    everything = values + refs
    if not everything:
        everything = [0.0, 1.0]
    low, high = min(min(everything), 0.0), max(max(everything), 0.0)
    if high == low == 0:
        high = 1.0
    if high > low and max(everything) >= high:
        high += (high - low) * 0.04  # a little headroom: points on the top edge are hard to see
    ticks = nice_ticks(low, high, count=6, integer=all(v == int(v) for v in everything))
    lo, hi = ticks[0], ticks[-1]
    if hi == lo:
        hi = lo + 1
    left = CHART_LEFT
    right = CHART_WIDTH - max(CHART_RIGHT, 10 + label_chars * LABEL_CHAR_WIDTH)
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
