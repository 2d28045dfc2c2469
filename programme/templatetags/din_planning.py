"""{% load din_planning %}: one row of the planning's table.

Written here rather than by the template for each row: at ten times the AVK's size the planning
has some 500 rows of a dozen values each, and looking them up was most of its rendering time
(issue 15). The markup is the same as the template drew; every value is escaped as the template
engine would (`render_value_in_context`), the translated text is the template's msgid."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from avk.html import esc, shown

register = template.Library()


@register.simple_tag(takes_context=True)
def planning_row(context, row, timeline):
    """The `<tr>` of one effort (a row of `selectors.planning_data` with the view's `bar`,
    `leads`, `status_label` and `period`), in `{% localize off %}` as the table is."""
    effort, bar = row["effort"], row["bar"]
    title = shown(effort.title, context)
    status = shown(effort.status, context)
    name = f'<a href="{shown(row["url"], context)}">{title}</a>' if row["url"] else title
    leads = ""
    if row["leads"]:
        names = ", ".join(esc(lead) for lead in row["leads"])  # as |join:", " does
        label = esc(_("Lead partner:"))
        leads = f'<br><small class="text-muted">{label} {names}</small>'
    today = ""
    if timeline.get("today_at"):
        today = (
            f'<span class="today-line" data-left="{shown(timeline["today_at"], context)}" '
            f'aria-hidden="true"></span>'
        )
    flags = "".join(
        flag
        for flag, on in (
            (" before", bar["before"]),
            (" after", bar["after"]),
            (" open-end", bar["open_end"]),
        )
        if on
    )
    html = (
        "<tr>\n"
        '      <th scope="row">\n'
        f"        {name}\n"
        f"        {leads}\n"
        "      </th>\n"
        f'      <td><span class="status-badge status-badge-{status}">'
        f"{shown(row['status_label'], context)}</span></td>\n"
        f"      <td>{shown(row['period'], context)}</td>\n"
        '      <td class="timeline">\n'
        f"        {today}\n"
        f'        <span class="bar bar-{status}{flags}" '
        f'data-left="{shown(bar["left_at"], context)}" '
        f'data-width="{shown(bar["width_at"], context)}" aria-hidden="true" '
        f'title="{title}"></span>\n'
        "      </td>\n"
        "    </tr>"
    )
    return mark_safe(html)  # noqa: S308 - every value is escaped above
