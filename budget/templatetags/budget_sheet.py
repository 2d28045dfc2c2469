"""{% load budget_sheet %}: the rows of a budget's page: its line tables, its chart, the
member contributions per partner and the latest realisation entries.

Written here rather than by template loops: a budget of ten times the AVK's size has some 140
lines, 120 bars and 500 partners, each row a dozen variables, filters and `{% url %}` tags,
which were most of the page's rendering time (issue 15). The markup is the same as the loops
drew (tests/budget/test_sheet_tags.py compares them); every value is escaped as the template
engine would (`render_value_in_context`), the translated texts are the templates' msgids."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat, linebreaksbr
from django.template.defaulttags import CsrfTokenNode
from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from avk.formats import money
from avk.html import esc, pk_urls, shown

register = template.Library()


def _line_heading(line, context, texts: dict) -> str:
    """The row's <th>: category, description, source, the derived badge, effort, group."""

    def value(item) -> str:
        return shown(item, context)

    out = ['      <th scope="row" class="fw-normal">\n        ']
    if line.category:
        out.append(f'<span class="small text-muted d-block">{value(line.category)}</span>')
    out.append(f"\n        {value(line.description)}\n        ")
    if line.source_kind:
        kind = value(line.get_source_kind_display())
        out.append(f'<span class="small text-muted">({kind})</span>')
    out.append("\n        ")
    if line.derived:
        out.append(f'<span class="badge text-bg-light border">{texts["derived"]}</span>')
    out.append("\n        ")
    for linked, word in ((line.effort, texts["effort"]), (line.working_group, texts["group"])):
        if linked:  # the effort, then the working group the line belongs to
            out.append(
                f'<span class="small d-block">{word}: '
                f'<a href="{value(linked.get_absolute_url())}">{value(linked)}</a></span>'
            )
        out.append("\n        ")
    if line.explanation:
        text = linebreaksbr(line.explanation, autoescape=context.autoescape)
        out.append(f'<span class="line-explanation d-block">{text}</span>')
    out.append("\n      </th>\n")
    return "".join(out)


@register.simple_tag(takes_context=True)
def side_rows(context, table, side):
    """The <tbody> rows of `budget/_side.html` for a side's `table` (`selectors.SideTable`),
    as its `{% for row in table.rows %}` loop wrote them, with `may_change`, `budget` and
    `programme` from the context."""
    may_change = context.get("may_change")
    if not table.rows:
        colspan = "5" if may_change else "4"
        empty = esc(_("No lines yet."))
        return mark_safe(  # noqa: S308 - a translated text, escaped
            f'\n    <tr><td colspan="{colspan}" class="text-muted">{empty}</td></tr>\n  '
        )
    budget = context.get("budget")
    concept = getattr(budget, "is_concept", None)
    texts = {
        "derived": _("follows the commitments") if concept else _("fixed at adoption"),
        "effort": _("Effort"),
        "group": _("Working group"),
    }
    if may_change:
        edit_url = pk_urls("budget:line-edit", context["programme"].slug)
        target = shown(side, context)
        edit = _("Edit")
    language = get_language()  # once for the table's amounts
    out = []
    for row in table.rows:
        line = row.line
        difference = row.difference
        negative = " negative" if difference < 0 else ""
        out.append(f'\n    <tr id="line-{shown(line.pk, context)}">\n')
        out.append(_line_heading(line, context, texts))
        planned, realised, rest = (
            shown(money(amount, language=language), context)
            for amount in (row.planned, row.realised, difference)
        )
        out.append(
            f'      <td class="amount">{planned}</td>\n'
            f'      <td class="amount">{realised}</td>\n'
            f'      <td class="amount{negative}">{rest}</td>\n      '
        )
        if may_change:
            url = shown(edit_url(line.pk), context)
            description = shown(line.description, context)
            out.append(
                f'<td class="text-nowrap">\n        <a class="btn btn-sm btn-link p-0" '
                f'href="{url}" hx-get="{url}" hx-target="#form-slot-{target}" '
                f'hx-swap="innerHTML">{edit}<span class="visually-hidden"> {description}'
                f"</span></a>\n      </td>"
            )
        out.append("\n    </tr>\n  ")
    return mark_safe("".join(out))  # noqa: S308 - the values are escaped above


@register.simple_tag(takes_context=True)
def partner_rows(context, partners):
    """The rows of the member contributions per partner (`Derived.partners`), as the
    budget page's `{% for p in sheet.derived.partners %}` loop wrote them."""
    language = get_language()  # once for the table's amounts
    out = []
    for p in partners:
        name, packages = shown(p["partner"].name, context), shown(p["packages"], context)
        amount = shown(money(p["amount"], language=language), context)
        out.append(
            f'<tr><th scope="row" class="fw-normal">{name}</th><td>{packages}</td>'
            f'<td class="amount">{amount}</td></tr>'
        )
    return mark_safe("".join(out))  # noqa: S308 - the values are escaped above


_TENTH = Decimal("0.1")


def _tenths(value, separator: str) -> str:
    """As `{{ value|floatformat:'1u' }}` writes it (`separator`: its unlocalised decimal
    separator): one decimal, rounded half up, no "-0.0". The chart's floats directly, as the
    filter reads them (their repr); anything else through the filter itself."""
    if type(value) is not float or not math.isfinite(value) or abs(value) >= 1e15:
        return floatformat(value, "1u")
    rounded = Decimal(repr(value)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    text = f"{rounded:f}" if rounded else "0.0"
    return text if separator == "." else text.replace(".", separator)


@register.simple_tag(takes_context=True)
def chart_bars(context, chart):
    """The bars of `budget/_chart.html` (`chart.Chart`), as its `{% for bar in chart.bars %}`
    loop wrote them inside `{% localize off %}`, with `sheet` (how far the period has gone)
    from the context."""
    sheet = context.get("sheet")
    elapsed = getattr(sheet, "elapsed", None)
    left, value_x = chart.plot_left, chart.value_x
    separator = get_format("DECIMAL_SEPARATOR", use_l10n=False)
    label_x = int(left) - 8
    out = []
    for bar in chart.bars:
        y = int(bar.y)
        text = shown(bar.text, context)
        over = "over" if bar.over else "realised"
        planned = _tenths(bar.planned_width, separator)
        realised = _tenths(bar.realised_width, separator)
        out.append(
            f'<g class="bar">\n<text x="{label_x}" y="{y + 12}" text-anchor="end" '
            f'fill="#212529">{shown(bar.label, context)}</text>\n'
            f'<rect class="planned" x="{left}" y="{bar.y}" width="{planned}" '
            f'height="11"><title>{text}</title></rect>\n'
            f'<rect class="{over}" x="{left}" y="{y + 13}" '
            f'width="{realised}" height="11"><title>{text}</title></rect>\n'
        )
        if elapsed and bar.planned:
            expected = _tenths(bar.expected_x, separator)
            out.append(
                f'<line class="expected" x1="{expected}" x2="{expected}" y1="{y + 11}" '
                f'y2="{y + 26}"/>'
            )
        planned_text = shown(bar.planned_text, context)
        realised_text = shown(bar.realised_text, context)
        out.append(
            f'\n<text x="{value_x}" y="{y + 10}" fill="#343a40">{planned_text}</text>\n'
            f'<text x="{value_x}" y="{y + 23}" fill="#073a50" font-weight="700">'
            f"{realised_text}</text>\n</g>"
        )
    return mark_safe("".join(out))  # noqa: S308 - the values are escaped above


@register.simple_tag(takes_context=True)
def chart_description(context, chart):
    """The chart's <desc>: each bar's text and a full stop, as `budget/_chart.html` wrote it."""
    text = "".join(f"{shown(bar.text, context)}. " for bar in chart.bars)
    return mark_safe(text)  # noqa: S308 - the texts are escaped


@register.simple_tag(takes_context=True)
def entry_rows(context, entries):
    """The rows of the latest realisation entries in `budget/_realisation.html`, as its
    `{% for e in entries %}` loop wrote them, with `may_record`, `programme` and the CSRF
    token from the context."""
    may_record = context.get("may_record")
    if may_record:
        remove_url = pk_urls("budget:realisation-remove", context["programme"].slug)
        csrf = CsrfTokenNode().render(context)
        remove = _("Remove")
    not_mapped = _("(not mapped)")
    language = get_language()  # once for the table's amounts

    def value(item) -> str:
        return shown(item, context)

    out = []
    for entry in entries:
        day = value(
            date_filter(template_localtime(entry.booked_on, context.use_tz), "SHORT_DATE_FORMAT")
        )
        amount = shown(money(entry.amount, language=language), context)
        line = value(entry.line.description) if entry.line else f"<em>{not_mapped}</em>"
        if entry.account:
            line += f' <span class="small text-muted">{value(entry.account)}</span>'
        out.append(
            f'\n      <tr>\n        <td class="text-nowrap">{day}</td>\n'
            f"        <td>{line}</td>\n"
            f'        <td class="amount">{amount}</td>\n'
            f"        <td>{value(entry.note)}</td>\n        "
        )
        if may_record:
            button = ""
            if entry.source == "handmatig":
                button = (
                    f'<form method="post" action="{shown(remove_url(entry.pk), context)}">{csrf}'
                    f'<button type="submit" class="btn btn-sm btn-outline-danger">{remove}'
                    f'<span class="visually-hidden"> {day} {amount}</span></button></form>'
                )
            out.append(f"<td>{button}</td>")
        out.append("\n      </tr>\n    ")
    return mark_safe("".join(out))  # noqa: S308 - the values are escaped above
