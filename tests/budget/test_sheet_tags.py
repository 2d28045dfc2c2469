"""The budget page's row tags (budget/templatetags/budget_sheet.py) write exactly what the
template loops they replace wrote (below, as they stood in `_side.html`, `_chart.html`,
`_realisation.html` and `budget_detail.html`), in Dutch and English, for every branch; and
the realisation form offers the same lines from the page's own rows as from its query."""

import itertools
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import get_format

from avk.formats import money
from budget.chart import Bar, Chart
from budget.forms import RealisationForm
from budget.selectors import Row, SideTable

SIDE_LOOP = """{% for row in table.rows %}{% with line=row.line %}
    <tr id="line-{{ line.pk }}">
      <th scope="row" class="fw-normal">
        {% if line.category %}<span class="small text-muted d-block">{{ line.category }}</span>{% endif %}
        {{ line.description }}
        {% if line.source_kind %}<span class="small text-muted">({{ line.get_source_kind_display }})</span>{% endif %}
        {% if line.derived %}<span class="badge text-bg-light border">{% if budget.is_concept %}{% translate "follows the commitments" %}{% else %}{% translate "fixed at adoption" %}{% endif %}</span>{% endif %}
        {% if line.effort %}<span class="small d-block">{% translate "Effort" %}: <a href="{{ line.effort.get_absolute_url }}">{{ line.effort }}</a></span>{% endif %}
        {% if line.working_group %}<span class="small d-block">{% translate "Working group" %}: <a href="{{ line.working_group.get_absolute_url }}">{{ line.working_group }}</a></span>{% endif %}
        {% if line.explanation %}<span class="line-explanation d-block">{{ line.explanation|linebreaksbr }}</span>{% endif %}
      </th>
      <td class="amount">{{ row.planned|money }}</td>
      <td class="amount">{{ row.realised|money }}</td>
      <td class="amount{% if row.difference < 0 %} negative{% endif %}">{{ row.difference|money }}</td>
      {% if may_change %}<td class="text-nowrap">
        <a class="btn btn-sm btn-link p-0" href="{% url 'budget:line-edit' programme.slug line.pk %}" hx-get="{% url 'budget:line-edit' programme.slug line.pk %}" hx-target="#form-slot-{{ side }}" hx-swap="innerHTML">{% translate "Edit" %}<span class="visually-hidden"> {{ line.description }}</span></a>
      </td>{% endif %}
    </tr>
  {% endwith %}{% empty %}
    <tr><td colspan="{% if may_change %}5{% else %}4{% endif %}" class="text-muted">{% translate "No lines yet." %}</td></tr>
  {% endfor %}"""  # noqa: E501 - the template's lines as they were

CHART_LOOPS = """<desc id="chart-desc">{% for bar in chart.bars %}{{ bar.text }}. {% endfor %}</desc>
{% for bar in chart.bars %}<g class="bar">
<text x="{{ chart.plot_left|add:-8 }}" y="{{ bar.y|add:12 }}" text-anchor="end" fill="#212529">{{ bar.label }}</text>
<rect class="planned" x="{{ chart.plot_left }}" y="{{ bar.y }}" width="{{ bar.planned_width|floatformat:'1u' }}" height="11"><title>{{ bar.text }}</title></rect>
<rect class="{% if bar.over %}over{% else %}realised{% endif %}" x="{{ chart.plot_left }}" y="{{ bar.y|add:13 }}" width="{{ bar.realised_width|floatformat:'1u' }}" height="11"><title>{{ bar.text }}</title></rect>
{% if sheet.elapsed and bar.planned %}<line class="expected" x1="{{ bar.expected_x|floatformat:'1u' }}" x2="{{ bar.expected_x|floatformat:'1u' }}" y1="{{ bar.y|add:11 }}" y2="{{ bar.y|add:26 }}"/>{% endif %}
<text x="{{ chart.value_x }}" y="{{ bar.y|add:10 }}" fill="#343a40">{{ bar.planned_text }}</text>
<text x="{{ chart.value_x }}" y="{{ bar.y|add:23 }}" fill="#073a50" font-weight="700">{{ bar.realised_text }}</text>
</g>{% endfor %}"""  # noqa: E501

PARTNER_LOOP = """{% for p in sheet.derived.partners %}<tr><th scope="row" class="fw-normal">{{ p.partner.name }}</th><td>{{ p.packages }}</td><td class="amount">{{ p.amount|money }}</td></tr>{% endfor %}"""  # noqa: E501

ENTRY_LOOP = """{% for e in entries %}
      <tr>
        <td class="text-nowrap">{{ e.booked_on|date:"SHORT_DATE_FORMAT" }}</td>
        <td>{% if e.line %}{{ e.line.description }}{% else %}<em>{% translate "(not mapped)" %}</em>{% endif %}{% if e.account %} <span class="small text-muted">{{ e.account }}</span>{% endif %}</td>
        <td class="amount">{{ e.amount|money }}</td>
        <td>{{ e.note }}</td>
        {% if may_record %}<td>{% if e.source == "handmatig" %}<form method="post" action="{% url 'budget:realisation-remove' programme.slug e.pk %}">{% csrf_token %}<button type="submit" class="btn btn-sm btn-outline-danger">{% translate "Remove" %}<span class="visually-hidden"> {{ e.booked_on|date:"SHORT_DATE_FORMAT" }} {{ e.amount|money }}</span></button></form>{% endif %}</td>{% endif %}
      </tr>
    {% endfor %}"""  # noqa: E501

TEXT = 'A <b>"line"</b> & co'


def _render(source: str, autoescape: bool, **context) -> str:
    template = Template("{% load i18n l10n avk budget_sheet %}" + source)
    return template.render(Context(context, autoescape=autoescape))


class Linked:
    """An effort or a working group as the row shows it: its name and its page."""

    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url


def _line(pk, *, category, source, derived, effort, group, explanation):
    return SimpleNamespace(
        pk=pk,
        category=category,
        description=f"{TEXT} {pk}",
        source_kind=source,
        get_source_kind_display=lambda: f"{source} <display>",
        derived=derived,
        effort=Linked(f"Inspanning <{pk}>", f"/din/inspanning/{pk}/?a=1&b=2") if effort else None,
        working_group=Linked(f"Werkgroep {pk} & co", f"/werkgroep/{pk}/") if group else None,
        explanation=explanation,
    )


AMOUNTS = [
    (Decimal("97962.00"), Decimal("16326.50")),
    (Decimal("100.00"), Decimal("100.00")),
    (Decimal("10.00"), Decimal("2500.75")),
    (Decimal("0.00"), Decimal("-12.50")),
    (Decimal("-5"), Decimal("0")),
]


def _rows():
    rows = []
    flags = itertools.product(
        ["", "Programmaorganisatie & <meer>"],
        ["", "fondsen"],
        [False, True],
        [False, True],
        [False, True],
        ["", "Eerste regel\nTweede <regel> & meer"],
    )
    for pk, (category, source, derived, effort, group, explanation) in enumerate(flags, 1):
        planned, realised = AMOUNTS[pk % len(AMOUNTS)]
        line = _line(
            pk,
            category=category,
            source=source,
            derived=derived,
            effort=effort,
            group=group,
            explanation=explanation,
        )
        rows.append(Row(line, planned, realised))
    return rows


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("side", ["kosten", "dekking"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_side_rows_as_the_loop(language, side, autoescape):
    programme = SimpleNamespace(slug="avk")
    with translation.override(language):
        for rows, may_change, concept in itertools.product(
            [_rows(), []], [True, False], [True, False]
        ):
            context = {
                "table": SideTable(side, rows),
                "side": side,
                "may_change": may_change,
                "budget": SimpleNamespace(is_concept=concept),
                "programme": programme,
            }
            looped = _render(SIDE_LOOP, autoescape, **context)
            tagged = _render("{% side_rows table side %}", autoescape, **context)
            assert tagged == looped, (may_change, concept, len(rows))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_side_rows_as_the_loop_with_grouped_numbers(language, settings):
    """With USE_THOUSAND_SEPARATOR a row's id is localised as `{{ line.pk }}` writes it."""
    settings.USE_THOUSAND_SEPARATOR = True
    rows = _rows()
    for row in rows:
        row.line.pk += 12340
    context = {
        "table": SideTable("kosten", rows),
        "side": "kosten",
        "may_change": True,
        "budget": SimpleNamespace(is_concept=True),
        "programme": SimpleNamespace(slug="avk"),
    }
    with translation.override(language):
        looped = _render(SIDE_LOOP, True, **context)
        assert _render("{% side_rows table side %}", True, **context) == looped
    assert 'id="line-12.341"' in looped or 'id="line-12,341"' in looped


def _bars():
    widths = [0.0, -0.0, 0.05, 12.3, 12.35, 125.0, 289.9, 390.0, -4.6, 1e-07, 2.675]
    bars = []
    for index, (planned, realised) in enumerate(AMOUNTS * 3):
        width = widths[index % len(widths)]
        bars.append(
            Bar(
                label=f"{TEXT} {index}",
                y=30 + index * 36,
                planned=planned,
                realised=realised,
                planned_width=width,
                realised_width=widths[(index + 3) % len(widths)],
                over=realised > planned,
                expected_x=round(300 + width * 0.5, 1),
                planned_text=money(planned),
                realised_text=money(realised),
                text=f"{TEXT} {index} <{money(planned)}> & {money(realised)}",
            )
        )
    return bars


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_chart_bars_as_the_loop(language, autoescape):
    chart = Chart(width=800, height=900, plot_left=300, plot_width=390, bars=_bars(), totals_y=4)
    with translation.override(language):
        for elapsed in [0.0, 0.42, 1.0]:
            context = {"chart": chart, "sheet": SimpleNamespace(elapsed=elapsed)}
            looped = _render(
                "{% localize off %}" + CHART_LOOPS + "{% endlocalize %}", autoescape, **context
            )
            tagged = _render(
                '{% localize off %}<desc id="chart-desc">{% chart_description chart %}</desc>\n'
                "{% chart_bars chart %}{% endlocalize %}",
                autoescape,
                **context,
            )
            assert tagged == looped, elapsed


@dataclass
class Partner:
    pk: int
    name: str


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_partner_rows_as_the_loop(language, autoescape):
    partners = [
        {"partner": Partner(i, f"{TEXT} {i}"), "amount": amount, "packages": "A, B & <C>"}
        for i, amount in enumerate(
            [Decimal("6000.00"), Decimal("1234.56"), Decimal("0.00"), Decimal("-3.5")]
        )
    ]
    with translation.override(language):
        for rows in (partners, []):
            context = {"sheet": SimpleNamespace(derived=SimpleNamespace(partners=rows))}
            looped = _render(PARTNER_LOOP, autoescape, **context)
            tagged = _render("{% partner_rows sheet.derived.partners %}", autoescape, **context)
            assert tagged == looped


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_entry_rows_as_the_loop(language, autoescape):
    entries = [
        SimpleNamespace(
            pk=pk,
            booked_on=date(2025, 1 + pk % 12, 1 + pk % 28),
            line=SimpleNamespace(description=f"{TEXT} {pk}") if mapped else None,
            account=account,
            amount=amount,
            note=note,
            source=source,
        )
        for pk, (mapped, account, note, source, amount) in enumerate(
            itertools.product(
                [True, False],
                ["", "4010 <rente>"],
                ["", "Correctie & <terugboeking>"],
                ["handmatig", "boekhouding"],
                [Decimal("8163.50"), Decimal("-0.50"), Decimal("55250.00")],
            ),
            1,
        )
    ]
    programme = SimpleNamespace(slug="avk")
    with translation.override(language):
        for rows, may_record, token in itertools.product(
            [entries, []], [True, False], ["tok<en>&", ""]
        ):
            context = {
                "entries": rows,
                "may_record": may_record,
                "programme": programme,
                "csrf_token": token,
            }
            looped = _render(ENTRY_LOOP, autoescape, **context)
            tagged = _render("{% entry_rows entries %}", autoescape, **context)
            assert tagged == looped, (may_record, token)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_realisation_form_offers_the_pages_lines_as_its_query(language, concept):
    from budget import selectors

    sheet = selectors.budget_sheet(concept)
    lines = [row.line for row in sheet.costs.rows + sheet.coverage.rows]
    with translation.override(language):
        queried = str(RealisationForm(budget=concept)["line"])
        given = str(RealisationForm(budget=concept, lines=lines)["line"])
    assert given == queried
    assert queried.count("<option") == len(lines) + 1


def test_tenths_as_floatformat(settings):
    """The chart's widths and positions: one decimal as `floatformat:'1u'` writes it."""
    from django.template.defaultfilters import floatformat

    from budget.templatetags.budget_sheet import _tenths

    draw = random.Random(15)
    values = [0.0, -0.0, 0.05, -0.05, 0.15, 0.25, 2.675, -2.675, 1e-07, -1e-07, 0.04999999,
              123.45, 390.0, 1e14 + 0.05, 1e15, 1e16, -1e16, float("inf"), float("nan"), 5, None,
              "12.34", Decimal("1.25")]  # fmt: skip
    values += [round(draw.uniform(-1000, 1000), draw.choice([1, 2, 3, 6])) for _ in range(5000)]
    values += [draw.uniform(-1e6, 1e6) for _ in range(2000)]
    for value in values:
        assert _tenths(value, ".") == floatformat(value, "1u"), value
    settings.DECIMAL_SEPARATOR = ","  # what floatformat's unlocalised number is written with
    separator = get_format("DECIMAL_SEPARATOR", use_l10n=False)
    assert _tenths(12.34, separator) == floatformat(12.34, "1u") == "12,3"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_realisation_form_is_drawn_as_crispy_draws_it(concept, language):
    """The page draws the form with {% form_fields %}, not crispy's templates: same fields."""
    from avk.form_fields import fields_html
    from budget import selectors
    from tests.avk.test_form_fields import _same

    sheet = selectors.budget_sheet(concept)
    lines = [row.line for row in sheet.costs.rows + sheet.coverage.rows]
    crispy = Template("{% load crispy_forms_tags %}{% crispy form %}")
    with translation.override(language):
        drawn = fields_html(RealisationForm(budget=concept, lines=lines))
        expected = crispy.render(Context({"form": RealisationForm(budget=concept, lines=lines)}))
    assert drawn is not None
    assert _same(drawn) == _same(expected)
    assert 'aria-describedby="id_booked_on_hint"' in drawn
