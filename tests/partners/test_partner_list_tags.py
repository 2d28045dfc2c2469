"""The partner list's tags (partners/templatetags/partner_list.py) write exactly what the
template wrote before them: `partner_row` the body of the rows' loop, `filter_options` the
options of a filter's select; in Dutch and English, for every branch."""

import itertools
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from avk.html import _MARKER as STAND_IN  # the key avk.html.pk_urls reverses once
from partners.forms import FilterForm
from partners.models import Partner

#: The body of `{% for p in page %}` in partners/partner_list.html before `partner_row`.
ROW = """
    <tr>
      <td><a href="{% url 'partners:partner-detail' programme.slug p.pk %}">{{ p.name }}</a>{% if not p.active or p.left_on %} <span class="badge text-bg-secondary">{% translate "inactive" %}</span>{% endif %}</td>
      <td>{{ p.get_kind_display }}</td>
      <td>{{ p.municipality|default:"-" }}</td>
      <td class="text-nowrap">{% if p.package_code %}<span class="badge badge-package">{{ p.package_code }}</span> {{ p.package_name }}{% else %}<span class="text-muted">{% translate "none" %}</span>{% endif %}</td>
      <td class="text-end">{{ p.contribution|money|default:"-" }}</td>
      <td class="text-nowrap">{% if p.executives >= 1 and p.managers >= 2 and p.front_line >= 2 %}<span class="badge text-bg-success">{% translate "complete" %}</span>{% else %}<span class="badge text-bg-warning">{% translate "incomplete" %}</span>{% endif %} <small>{% blocktranslate with e=p.executives m=p.managers f=p.front_line %}{{ e }}/1 · {{ m }}/2 · {{ f }}/2{% endblocktranslate %}</small>
</td>
      <td>{% if p.contact_name %}{{ p.contact_name }}{% if p.contact_email %}<br><small><a href="mailto:{{ p.contact_email }}">{{ p.contact_email }}</a></small>{% endif %}{% else %}<span class="text-muted">{% translate "none" %}</span>{% endif %}</td>
    </tr>
"""  # noqa: E501 - the template's lines as they were

#: The options of a filter's select before `filter_options`.
OPTIONS = (
    "{% for value, label in field.field.choices %}"
    '<option value="{{ value }}"{% if field.value == value|stringformat:"s" %} selected{% endif %}>'
    "{{ label }}</option>{% endfor %}"
)


def _render(source: str, **context) -> str:
    return Template("{% load i18n avk partner_list %}" + source).render(Context(context))


def _partner(pk, name, kind, municipality, active, left_on, package, contribution, seats, contact):
    partner = Partner(pk=pk, name=name, kind=kind, municipality=municipality, active=active)
    partner.left_on = left_on
    partner.package_code, partner.package_name = package
    partner.contribution = contribution
    partner.executives, partner.managers, partner.front_line = seats
    partner.contact_name, partner.contact_email = contact
    return partner


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("slug", ["avk", f"avk-{STAND_IN}"])
def test_partner_row_as_the_loop_body(language, slug):
    programme = SimpleNamespace(slug=slug)
    cases = itertools.product(
        [7, 12345, STAND_IN],
        [("Noorderpoort", "zorg", "Emmen"), ('A <b>"partner"</b> & co', "no-such-kind", "")],
        [(True, None), (False, None), (True, date(2024, 6, 30))],
        [(None, None), ("A", "Kern <partner> & co")],
        [None, Decimal("0.00"), Decimal("1234.50"), Decimal("84000.00")],
        [(0, 0, 0), (1, 2, 2), (1, 1, 2), (3, 2, 1), (2, 4, 1500)],
        [(None, None), ("Fenna <F> Fictief", None), ("Fenna", "f&a@example.org")],
    )
    with translation.override(language):
        for pk, (name, kind, place), (active, left_on), package, money, seats, contact in cases:
            partner = _partner(
                pk, name, kind, place, active, left_on, package, money, seats, contact
            )
            rows = [partner, partner]  # the second row takes what the first made for the page
            before = _render("{% for p in rows %}" + ROW + "{% endfor %}", rows=rows,
                             programme=programme)  # fmt: skip
            after = _render(
                "{% for p in rows %}\n    {% partner_row p %}\n{% endfor %}",
                rows=rows,
                programme=programme,
            )
            assert after == before, (pk, name, active, left_on, package, money, seats, contact)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"kind": "zorg", "package": "B", "municipality": "Zwolle & <Co>", "delegation": "complete"},
        {"package": "none", "municipality": "no such place", "delegation": "nonsense"},
    ],
)
def test_filter_options_as_the_loop(language, data):
    packages = [SimpleNamespace(code="A", name="Kern & co"), SimpleNamespace(code="B", name="B")]
    with translation.override(language):
        form = FilterForm(data, packages=packages, municipalities=["Emmen", "Zwolle & <Co>"])
        for name in ("kind", "package", "municipality", "delegation"):
            field = form[name]
            assert _render("{% filter_options field %}", field=field) == _render(
                OPTIONS, field=field
            ), (name, data)
