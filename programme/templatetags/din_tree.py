"""{% load din_tree %}: the progress and the action menu of each row of the folded DIN overview.

Written here rather than by an include per row (`_din_progress.html`, `_din_controls.html`): a
DIN of ten times the AVK's size has some 250 rows with two includes each, and the includes were
most of the overview's rendering time (issue 15). The markup is the same as those templates
draw (they stay for the pages that show one item); every value is escaped as the template
engine would (`render_value_in_context`), the translated texts are the templates' msgids."""

from __future__ import annotations

from django import template
from django.template.base import render_value_in_context
from django.urls import reverse
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def _value(value, context) -> str:
    """As `{{ value }}` renders it in this context (localisation, escaping)."""
    return render_value_in_context(value, context)


@register.simple_tag(takes_context=True)
def din_progress(context, progress):
    """As `{% include "programme/_din_progress.html" with progress=... %}`."""
    tree = context.get("tree")
    filters = getattr(tree, "filters", None)
    out = []
    if not getattr(filters, "filters_efforts", False):
        efforts, indicators = progress.get("efforts"), progress.get("indicators")
        if efforts is not None:
            text = _("efforts %(p)s%%") % {"p": _value(efforts, context)}
            out.append(f'<span class="din-sep"> · </span><span class="din-progress">{text}</span>')
        if indicators is not None:
            text = _("indicators %(p)s%% of target") % {"p": _value(indicators, context)}
            out.append(f'<span class="din-sep"> · </span><span class="din-progress">{text}</span>')
    out.append("\n")
    return mark_safe("".join(out))  # noqa: S308 - the values are escaped above


def _label(kind: str, name, context) -> str:
    """The row's name for screen readers, as the overview's `{% blocktranslate asvar label %}`
    wrote it: line “…”, strategic goal “…”, operational goal “…”."""
    if kind == "line":
        return _("line “%(name)s”") % {"name": _value(name, context)}
    if kind == "strategic":
        return _("strategic goal “%(title)s”") % {"title": _value(name, context)}
    return _("operational goal “%(title)s”") % {"title": _value(name, context)}


@register.simple_tag(takes_context=True)
def din_controls(
    context, kind, item, name=None, movable=False, first=False, last=False, history=False
):
    """As `{% include "programme/_din_controls.html" with kind=... item=... movable=...
    first=... last=... history=... %}` after `{% blocktranslate asvar label %}` named the row
    (`name`: its name or title; without it, `label` from the context), with `can_change`,
    `standalone`, `focus` and `programme` from the context."""
    can_change = context.get("can_change")
    if name is None:
        label = _value(context.get("label", ""), context)
    else:
        # blocktranslate asvar gives a SafeString, which `{{ label }}` does not escape again
        label = _label(kind, name, context)
    pk = _value(item.pk, context)
    kind_text = esc(kind)
    if can_change and context.get("standalone"):
        url = reverse("programme:din-edit", args=[context["programme"].slug, kind, item.pk])
        aria = _("Edit %(label)s") % {"label": label}
        html = (
            f'<div class="din-actions"><a class="din-history-link" href="{esc(url)}" '
            f'aria-label="{aria}">{_("Edit")}</a></div>'
        )
    elif can_change:
        flags = "".join(
            f" {name}"
            for name, on in (
                ("movable", movable),
                ("history", history),
                ("first", first),
                ("last", last),
            )
            if on
        )
        focus = context.get("focus") or {}
        focused = ""
        if focus.get("kind") == kind and focus.get("pk") == item.pk:
            focused = f' data-din-focus="{_value(focus.get("dir", ""), context)}"'
        aria = _("Actions for %(label)s") % {"label": label}
        html = (
            f'<div class="dropdown din-actions" data-din-menu="{kind_text} {pk} change{flags}"'
            f"{focused}>\n"
            f'  <button type="button" class="btn btn-sm dropdown-toggle din-menu-toggle" '
            f'id="{kind_text}-{pk}-menu" data-bs-toggle="dropdown" aria-expanded="false" '
            f'aria-label="{aria}">{_("Actions")}</button>\n'
            f'  <ul class="dropdown-menu dropdown-menu-end" '
            f'aria-labelledby="{kind_text}-{pk}-menu"></ul>\n'
            f"</div>"
        )
    elif history:
        url = reverse("programme:din-history", args=[context["programme"].slug, kind, item.pk])
        aria = _("History of %(label)s") % {"label": label}
        html = (
            f'<div class="din-actions"><a class="din-history-link" href="{esc(url)}" '
            f'aria-label="{aria}">{_("History")}</a></div>'
        )
    else:
        html = ""
    return mark_safe(html + "\n")  # noqa: S308 - the values are escaped above
