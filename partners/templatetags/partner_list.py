"""{% load partner_list %}: each row of the partner list (`partners/partner_list.html`).

Written here rather than by the template's loop body: its seven cells with their conditions,
translations and filters were most of the page's rendering time (issue 15). The markup is the
same as that body drew; every value is escaped as the template engine would
(`render_value_in_context`), the translated texts are the template's msgids."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from avk import formats
from avk.html import esc, per_render, pk_urls, shown

from ..models import PartnerKind

register = template.Library()


def _badge(css: str, text: str, before: str = "") -> str:
    return f'{before}<span class="{css}">{esc(text)}</span>'


def _page(context) -> dict:
    """What every row of the page shares, made once per page: the texts in the page's
    language, escaped, and each row's partner page URL from one `reverse()`."""
    slug = context["programme"].slug
    return per_render(
        context,
        ("partner_list", slug),
        lambda: {
            "url": pk_urls("partners:partner-detail", slug),
            "kinds": {value: esc(str(label)) for value, label in PartnerKind.choices},
            "inactive": _badge("badge text-bg-secondary", _("inactive"), " "),
            "none": _badge("text-muted", _("none")),
            "complete": _badge("badge text-bg-success", _("complete")),
            "incomplete": _badge("badge text-bg-warning", _("incomplete")),
            "seats": _("%(e)s/1 · %(m)s/2 · %(f)s/2"),
        },
    )


@register.simple_tag(takes_context=True)
def partner_row(context, p):
    """The row of partner `p` (a row of `selectors.partner_rows` after `with_delegation`),
    with `programme` from the context: name and link, kind, municipality, package,
    contribution, the delegation's seats and the point of contact."""
    shared = _page(context)
    inactive = shared["inactive"] if not p.active or p.left_on else ""
    kind = shared["kinds"].get(p.kind)
    if kind is None:  # as get_kind_display: a value without a label as it is
        kind = esc(p.kind)
    if p.package_code:
        package = (
            f'<span class="badge badge-package">{esc(p.package_code)}</span> {esc(p.package_name)}'
        )
    else:
        package = shared["none"]
    if p.executives >= 1 and p.managers >= 2 and p.front_line >= 2:
        badge = shared["complete"]
    else:
        badge = shared["incomplete"]
    seats = {
        "e": shown(p.executives, context),
        "m": shown(p.managers, context),
        "f": shown(p.front_line, context),
    }
    if p.contact_name:
        contact = esc(p.contact_name)
        if p.contact_email:
            email = esc(p.contact_email)
            contact += f'<br><small><a href="mailto:{email}">{email}</a></small>'
    else:
        contact = shared["none"]
    html = (
        "<tr>\n"
        f'      <td><a href="{esc(shared["url"](p.pk))}">{esc(p.name)}</a>{inactive}</td>\n'
        f"      <td>{kind}</td>\n"
        f"      <td>{esc(p.municipality or '-')}</td>\n"
        f'      <td class="text-nowrap">{package}</td>\n'
        f'      <td class="text-end">{esc(formats.money(p.contribution) or "-")}</td>\n'
        f'      <td class="text-nowrap">{badge} <small>{shared["seats"] % seats}</small>\n'
        "</td>\n"
        f"      <td>{contact}</td>\n"
        "    </tr>"
    )
    return mark_safe(html)  # noqa: S308 - the values are escaped above


@register.simple_tag(takes_context=True)
def filter_options(context, field):
    """The options of a select of the list's filter, as `{% for value, label in
    field.field.choices %}<option value="{{ value }}"{% if field.value == value|stringformat:"s"
    %} selected{% endif %}>{{ label }}</option>{% endfor %}` wrote them."""
    current = field.value()
    return mark_safe(  # noqa: S308 - the values are escaped by shown()
        "".join(
            f'<option value="{shown(value, context)}"'
            f"{' selected' if current == str(value) else ''}>"
            f"{shown(label, context)}</option>"
            for value, label in field.field.choices
        )
    )
