"""{% load din_charts %}{% indicator_chart indicator %}: an indicator's approved measurements
against its baseline and target, as an accessible inline SVG line chart (nothing else: the
indicator page renders the figures as a table next to it)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from avk.templatetags.avk import number
from programme.din.diagram import chart_layout
from programme.din.models import Direction, MeasurementStatus

register = template.Library()


def _decimals(value) -> int:
    """0, 1 or 2: as many decimals as the value needs."""
    value = Decimal(value).normalize()
    exponent = value.as_tuple().exponent
    return min(max(-exponent, 0), 2) if isinstance(exponent, int) else 0


def fmt(value) -> str:
    """A value the Dutch way (1.234,5), without needless decimals."""
    if value is None:
        return ""
    return number(value, _decimals(value))


@register.inclusion_tag("programme/_indicator_chart.html")
def indicator_chart(indicator, measurements=None):
    """The chart of `indicator`. `measurements` may be passed in (e.g. prefetched); only the
    approved ones are drawn, in time order; a cumulative indicator shows the running total."""
    if measurements is None:
        measurements = indicator.measurements.all()
    approved = sorted(
        (m for m in measurements if m.status == MeasurementStatus.APPROVED),
        key=lambda m: m.period_end,
    )
    points = []
    total = Decimal(0)
    for m in approved:
        total += m.value
        points.append((m.period_label, total if indicator.cumulative else m.value))
    baseline_label = (
        (
            _("Baseline %(year)s: %(value)s")
            % {"year": indicator.baseline_year or "", "value": fmt(indicator.baseline_value)}
        ).replace("  ", " ")
        if indicator.baseline_value is not None
        else ""
    )
    target_label = (
        (
            _("Target %(year)s: %(value)s")
            % {"year": indicator.target_year or "", "value": fmt(indicator.target_value)}
        ).replace("  ", " ")
        if indicator.target_value is not None
        else ""
    )
    chart = chart_layout(
        points,
        indicator.baseline_value,
        indicator.target_value,
        label_chars=max(len(baseline_label), len(target_label)),
    )
    unit = indicator.unit
    lower = indicator.direction == Direction.LOWER

    def with_unit(value):
        return f"{fmt(value)} {unit}".strip()

    descriptions = []
    if indicator.baseline_value is not None:
        descriptions.append(
            _("Baseline %(year)s: %(value)s.")
            % {"year": indicator.baseline_year or "", "value": with_unit(indicator.baseline_value)}
        )
    else:
        descriptions.append(_("No baseline."))
    if indicator.target_value is not None:
        descriptions.append(
            _("Target %(year)s: %(value)s.")
            % {"year": indicator.target_year or "", "value": with_unit(indicator.target_value)}
        )
    else:
        descriptions.append(_("No target."))
    descriptions.append(_("Lower is better.") if lower else _("Higher is better."))
    if indicator.cumulative:
        descriptions.append(_("Cumulative: each point is the running total."))
    if points:
        descriptions.append(
            _("Approved measurements: %(list)s.")
            % {"list": "; ".join(f"{label}: {with_unit(v)}" for label, v in points)}
        )
    else:
        descriptions.append(_("No approved measurements yet."))
    step = -(-len(chart.points) // 8) or 1  # at most about eight labels under the axis
    for i, point in enumerate(chart.points):
        point.text = fmt(point.value)
        point.show_label = i % step == 0 or i == len(chart.points) - 1
    return {
        "indicator": indicator,
        "chart": chart,
        "ticks": [(y, fmt(Decimal(str(value)))) for y, value in chart.ticks],
        "title": _("%(name)s: measurements against baseline and target") % {"name": indicator.name},
        "description": " ".join(descriptions),
        "baseline_label": baseline_label,
        "target_label": target_label,
        "direction_label": _("lower is better") if lower else _("higher is better"),
        "unit": unit,
        "cumulative": indicator.cumulative,
        "chart_id": f"indicator-chart-{indicator.pk}",
    }
