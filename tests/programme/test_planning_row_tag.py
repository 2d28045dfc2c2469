"""The planning's row tag (programme/templatetags/din_planning.py) writes exactly what the
template wrote for each row before it, in Dutch and English, for every branch."""

import itertools
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

#: The row as planning.html wrote it before the tag.
TEMPLATE_ROW = """<tr>
      <th scope="row">
        {% if row.url %}<a href="{{ row.url }}">{{ row.effort.title }}</a>{% else %}{{ row.effort.title }}{% endif %}
        {% if row.leads %}<br><small class="text-muted">{% translate "Lead partner:" %} {{ row.leads|join:", " }}</small>{% endif %}
      </th>
      <td><span class="status-badge status-badge-{{ row.effort.status }}">{{ row.status_label }}</span></td>
      <td>{{ row.period }}</td>
      <td class="timeline">
        {% if timeline.today_at %}<span class="today-line" data-left="{{ timeline.today_at }}" aria-hidden="true"></span>{% endif %}
        <span class="bar bar-{{ row.effort.status }}{% if row.bar.before %} before{% endif %}{% if row.bar.after %} after{% endif %}{% if row.bar.open_end %} open-end{% endif %}" data-left="{{ row.bar.left_at }}" data-width="{{ row.bar.width_at }}" aria-hidden="true" title="{{ row.effort.title }}"></span>
      </td>
    </tr>"""  # noqa: E501


def _render(source: str, **context) -> str:
    return Template(
        "{% load i18n l10n din_planning %}{% localize off %}" + source + "{% endlocalize %}"
    ).render(Context(context))


TITLES = ['Pilot "A" <b>&</b> co\'s', "Inspanning 17: pilot", mark_safe("<i>safe</i>")]
LEADS = [[], ["Organisatie 1x 0016"], ["A & B <c>", 'D "e"']]
TIMELINES = [{}, {"today_at": None}, {"today_at": "74.654"}, {"today_at": "0"}]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_row_as_the_template(language):
    with translation.override(language):
        for title, url, leads, timeline, before, after, open_end, status_label in itertools.product(
            TITLES,
            ["/programmes/efforts/17/", None, "", "/x?a=1&b=<2>"],
            LEADS,
            TIMELINES,
            [True, False],
            [True, False],
            [True, False],
            ["Idee", gettext_lazy("Status"), "<x> & y"],
        ):
            row = {
                "effort": SimpleNamespace(title=title, status='lopend"<'),
                "url": url,
                "leads": leads,
                "status_label": status_label,
                "period": "jan. 2023 t/m okt. 2024 & <later>",
                "bar": {
                    "left_at": "12.500",
                    "width_at": "25",
                    "before": before,
                    "after": after,
                    "open_end": open_end,
                    "open_start": not open_end,
                },
            }
            expected = _render(TEMPLATE_ROW, row=row, timeline=timeline)
            tagged = _render("{% planning_row row timeline %}", row=row, timeline=timeline)
            assert tagged == expected, row


@pytest.mark.parametrize("language", ["nl", "en"])
def test_row_with_numbers_as_the_template(language):
    """Values that are not strings (as a later change might pass) go the template's way."""
    with translation.override(language):
        row = {
            "effort": SimpleNamespace(title=12345, status=3),
            "url": "/e/1/",
            "leads": ["X"],
            "status_label": 1.5,
            "period": None,
            "bar": {"left_at": 12.5, "width_at": 1000, "before": 0, "after": 1, "open_end": ""},
        }
        timeline = {"today_at": 3.25}
        expected = _render(TEMPLATE_ROW, row=row, timeline=timeline)
        assert _render("{% planning_row row timeline %}", row=row, timeline=timeline) == expected
