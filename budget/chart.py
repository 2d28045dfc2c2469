"""Pure layout of the budget's chart (no queries, no templates): per cost line and for the
coverage total, a bar of what was planned and one of what was realised, with a marker for how
far the period has gone, in SVG user units. The tables beside it hold the same figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from avk.formats import money

WIDTH = 800
LABEL_WIDTH = 300
VALUE_WIDTH = 110
BAR_HEIGHT = 11
ROW_HEIGHT = 36
TOP = 30
GROUP_GAP = 28  # room for the heading of the totals


@dataclass
class Bar:
    label: str
    y: int
    planned: Decimal
    realised: Decimal
    planned_width: float
    realised_width: float
    over: bool  # realised more than planned
    expected_x: float  # the planned bar times the share of the period gone by
    planned_text: str  # the amounts as written: "€ 97.962"
    realised_text: str
    text: str  # "Programmaleiding: planned € 97.962, realised € 16.326,50"


@dataclass
class Chart:
    width: int
    height: int
    plot_left: int
    plot_width: int
    bars: list[Bar]
    totals_y: int  # where the heading of the totals stands

    @property
    def value_x(self) -> int:
        return self.plot_left + self.plot_width + 8


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bars(items, *, top: int, plot_left: int, plot_width: int, elapsed: float) -> list[Bar]:
    largest = max([max(p, r) for _label, p, r in items] or [Decimal(0)]) or Decimal(1)
    # the language and the sentence once for all the bars (a chart may have over a hundred)
    language = get_language()
    sentence = _("%(label)s: planned %(planned)s, realised %(realised)s")
    bars = []
    for index, (label, planned, realised) in enumerate(items):
        scale = plot_width / float(largest)
        label = _short(label)
        planned_text = money(planned, language=language)
        realised_text = money(realised, language=language)
        bars.append(
            Bar(
                label=label,
                y=top + index * ROW_HEIGHT,
                planned=planned,
                realised=realised,
                planned_width=round(float(planned) * scale, 1),
                realised_width=round(float(max(realised, Decimal(0))) * scale, 1),
                over=realised > planned,
                expected_x=round(plot_left + float(planned) * scale * elapsed, 1),
                planned_text=planned_text,
                realised_text=realised_text,
                text=sentence
                % {"label": label, "planned": planned_text, "realised": realised_text},
            )
        )
    return bars


def planned_against_realised(sheet) -> Chart:
    """The chart of a budget's sheet (`selectors.Sheet`): the cost lines on one scale, the
    totals of costs and coverage on another."""
    plot_left = LABEL_WIDTH
    plot_width = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    lines = [(row.line.description, row.planned, row.realised) for row in sheet.costs.rows]
    totals = [
        (_("Costs, total"), sheet.costs.planned, sheet.costs.realised),
        (_("Coverage, total"), sheet.coverage.planned, sheet.coverage.realised),
    ]
    bars = _bars(lines, top=TOP, plot_left=plot_left, plot_width=plot_width, elapsed=sheet.elapsed)
    totals_top = TOP + len(bars) * ROW_HEIGHT + GROUP_GAP
    total_bars = _bars(
        totals, top=totals_top, plot_left=plot_left, plot_width=plot_width, elapsed=sheet.elapsed
    )
    return Chart(
        width=WIDTH,
        height=totals_top + len(total_bars) * ROW_HEIGHT + 10,
        plot_left=plot_left,
        plot_width=plot_width,
        bars=bars + total_bars,
        totals_y=totals_top - 12,
    )
