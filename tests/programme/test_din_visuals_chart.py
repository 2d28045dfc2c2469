"""{% indicator_chart indicator %}: the SVG it draws, parsed with xml.etree."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import IndicatorFactory, MeasurementFactory, OperationalGoalFactory

SVG = "{http://www.w3.org/2000/svg}"


def render(indicator, **extra):
    with translation.override("nl"):
        template = Template(
            "{% load din_charts %}{% indicator_chart indicator %}"
            if not extra
            else "{% load din_charts %}{% indicator_chart indicator measurements %}"
        )
        html = template.render(Context({"indicator": indicator, **extra}))
    return ET.fromstring(html.strip())


def point_titles(svg):
    return [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle")]


def texts(svg):
    return [t.text for t in svg.iter(f"{SVG}text")]


@pytest.fixture
def goal(programme):
    return OperationalGoalFactory(programme=programme, strategic_goal__line__programme=programme)


def measure(indicator, year, value, status="goedgekeurd"):
    return MeasurementFactory(
        indicator=indicator,
        period_label=str(year),
        period_end=date(year, 12, 31),
        value=Decimal(value),
        status=status,
    )


def test_approved_measurements_against_baseline_and_target(goal):
    indicator = IndicatorFactory(
        goal=goal,
        programme=goal.programme,
        name="Huishoudens in armoede",
        unit="huishoudens",
        baseline_value=Decimal("13950"),
        baseline_year=2023,
        target_value=Decimal("12000"),
        target_year=2027,
        direction="lager",
    )
    measure(indicator, 2025, "13100")
    measure(indicator, 2024, "13500.5")
    measure(indicator, 2026, "9999", status="concept")  # a draft does not count
    measure(indicator, 2023, "1", status="teruggestuurd")
    svg = render(indicator)
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title.get("id") == title_id and desc.get("id") == desc_id
    assert title.text == "Huishoudens in armoede: metingen tegenover nulmeting en streefwaarde"
    assert "Nulmeting 2023: 13.950 huishoudens." in desc.text
    assert "Streefwaarde 2027: 12.000 huishoudens." in desc.text
    assert "Lager is beter." in desc.text
    assert "2024: 13.500,5 huishoudens; 2025: 13.100 huishoudens" in desc.text
    # Two approved points, in time order, formatted the Dutch way.
    assert point_titles(svg) == ["2024: 13.500,5", "2025: 13.100"]
    circles = list(svg.iter(f"{SVG}circle"))
    (x1, y1), (x2, y2) = [(float(c.get("cx")), float(c.get("cy"))) for c in circles]
    assert x1 < x2 and y2 > y1  # lower value, lower on the chart
    polyline = svg.find(f".//{SVG}polyline")
    assert polyline.get("points") == f"{x1:.1f},{y1:.1f} {x2:.1f},{y2:.1f}"
    # Reference lines and labels.
    assert svg.find(f".//{SVG}g[@class='baseline']") is not None
    assert svg.find(f".//{SVG}g[@class='target']") is not None
    labels = texts(svg)
    assert "Nulmeting 2023: 13.950" in labels and "Streefwaarde 2027: 12.000" in labels
    assert "2024" in labels and "2025" in labels  # x-axis labels
    assert any(t and "10.000" in t for t in labels)  # y-axis ticks, Dutch grouping
    assert "0" in labels  # the axis starts at zero
    assert "huishoudens · lager is beter" in labels
    # The target (12.000) lies below the baseline (13.950).
    target_y = float(svg.find(f".//{SVG}g[@class='target']/{SVG}line").get("y1"))
    baseline_y = float(svg.find(f".//{SVG}g[@class='baseline']/{SVG}line").get("y1"))
    assert target_y > baseline_y


def test_no_measurements_and_no_baseline_or_target(goal):
    indicator = IndicatorFactory(goal=goal, programme=goal.programme, name="Leeragenda's")
    svg = render(indicator)
    assert list(svg.iter(f"{SVG}circle")) == []
    assert svg.find(f".//{SVG}polyline") is None
    assert svg.find(f".//{SVG}g[@class='baseline']") is None
    assert svg.find(f".//{SVG}g[@class='target']") is None
    assert "Nog geen goedgekeurde metingen" in texts(svg)
    desc = svg.find(f"{SVG}desc").text
    assert "Geen nulmeting." in desc and "Geen streefwaarde." in desc
    assert "Hoger is beter." in desc


def test_a_single_measurement_is_a_point_without_a_line(goal):
    indicator = IndicatorFactory(
        goal=goal, programme=goal.programme, target_value=Decimal(2), target_year=2024
    )
    measure(indicator, 2024, "2")
    svg = render(indicator)
    assert point_titles(svg) == ["2024: 2"]
    assert svg.find(f".//{SVG}polyline") is None
    assert svg.find(f".//{SVG}g[@class='baseline']") is None


def test_cumulative_indicator_shows_the_running_total(goal):
    indicator = IndicatorFactory(
        goal=goal, programme=goal.programme, cumulative=True, unit="sessies"
    )
    for year, value in [(2023, "2"), (2024, "3"), (2025, "1.5")]:
        measure(indicator, year, value)
    svg = render(indicator)
    assert point_titles(svg) == ["2023: 2", "2024: 5", "2025: 6,5"]
    assert "sessies (lopend totaal) · hoger is beter" in texts(svg)
    assert "Cumulatief" in svg.find(f"{SVG}desc").text


def test_measurements_can_be_passed_in_and_only_approved_ones_count(
    goal, django_assert_num_queries
):
    indicator = IndicatorFactory(goal=goal, programme=goal.programme)
    measure(indicator, 2023, "1")
    measure(indicator, 2024, "7", status="concept")
    measurements = list(indicator.measurements.all())
    with django_assert_num_queries(0):
        svg = render(indicator, measurements=measurements)
    assert point_titles(svg) == ["2023: 1"]


def test_many_measurements_keep_the_axis_labels_readable(goal):
    indicator = IndicatorFactory(goal=goal, programme=goal.programme)
    for year in range(2000, 2024):
        measure(indicator, year, str(year - 1990))
    svg = render(indicator)
    assert len(point_titles(svg)) == 24
    x_labels = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "x-label"]
    assert 2 <= len(x_labels) <= 9
    assert x_labels[-1].text == "2023"
