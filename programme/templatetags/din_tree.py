"""{% load din_tree %}: the rows of the folded DIN overview and its jump list, and the progress
and action menu of a row.

Written here rather than by the template engine: a DIN of ten times the AVK's size has some
210 rows, each with a dozen ids, counts and texts, and rendering them took most of the
overview's time (issue 15). The markup is the same as the templates drew it: the rows' and the
jump list's loops were in `_din_tree.html` and `_din_toc.html`, a row's progress and menu in
`_din_progress.html` and `_din_controls.html` (kept as the reference the tests compare the
tags with; the effort rows use `din_controls` too). Every value
is escaped as the template engine would (`render_value_in_context`, `|nl`, `|linebreaksbr`),
the translated texts are the templates' msgids, translated once per render."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import linebreaksbr, truncatewords
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from avk import formats
from avk.html import esc, per_render, shown
from avk.templatetags.avk import content_lang

register = template.Library()


def _numbers(context):
    """`shown` for ids and counts; under `{% localize off %}` an int is written as it is."""
    if context.use_l10n is False:
        return lambda value: str(value) if type(value) is int else shown(value, context)
    return lambda value: shown(value, context)


def _texts(context) -> dict:
    """The fixed words of the rows and menus, translated once per render."""
    return per_render(context, "din_tree_texts", _make_texts)


def _make_texts() -> dict:
    return {
        "efforts": _("efforts %(p)s%%"),
        "indicators": _("indicators %(p)s%% of target"),
        "line": _("line “%(name)s”"),
        "strategic": _("strategic goal “%(title)s”"),
        "operational": _("operational goal “%(title)s”"),
        "edit label": _("Edit %(label)s"),
        "edit": _("Edit"),
        "actions label": _("Actions for %(label)s"),
        "actions": _("Actions"),
        "history label": _("History of %(label)s"),
        "history": _("History"),
        "strategic goal": _("Strategic goal"),
        "challenge and approach": _("Challenge and approach"),
        "challenge": _("Challenge"),
        "approach": _("Approach"),
        "no efforts": _("no efforts yet"),
        "show efforts": _("Show the indicators and efforts of this goal"),
        "loading": _("Loading…"),
        "no operational": _("No operational goals yet."),
        "no strategic": _("No strategic goals yet."),
        "add strategic": _('Add a strategic goal to "%(name)s"'),
        "add operational": _('Add an operational goal to "%(title)s"'),
        "nothing matches": _("Nothing matches these filters."),
        "no din": _("This programme has no DIN yet."),
    }


def _dutch():
    """`|nl` for a text already escaped (`raw` the text itself): marked `lang="nl"` when the
    interface is in another language."""
    if formats.is_content_language():
        return lambda raw, text: text
    opening = f'<span lang="{esc(formats.CONTENT_LANGUAGE)}">'
    return lambda raw, text: text if raw in (None, "") else f"{opening}{text}</span>"


def _progress(texts, progress, filters_efforts: bool, number) -> str:
    out = []
    if not filters_efforts:
        efforts, indicators = progress.get("efforts"), progress.get("indicators")
        if efforts is not None:
            text = texts["efforts"] % {"p": number(efforts)}
            out.append(f'<span class="din-sep"> · </span><span class="din-progress">{text}</span>')
        if indicators is not None:
            text = texts["indicators"] % {"p": number(indicators)}
            out.append(f'<span class="din-sep"> · </span><span class="din-progress">{text}</span>')
    out.append("\n")
    return "".join(out)


@register.simple_tag(takes_context=True)
def din_progress(context, progress):
    """As `{% include "programme/_din_progress.html" with progress=... %}`."""
    filters = getattr(context.get("tree"), "filters", None)
    html = _progress(
        _texts(context),
        progress,
        getattr(filters, "filters_efforts", False),
        lambda value: shown(value, context),
    )
    return mark_safe(html)  # noqa: S308 - the values are escaped above


def _label(texts, kind: str, name: str) -> str:
    """The row's name for screen readers, as the overview's `{% blocktranslate asvar label %}`
    wrote it (`name` already escaped): line “…”, strategic goal “…”, operational goal “…”."""
    return texts[kind] % {"name": name, "title": name}


class _Menu:
    """What a row's action menu reads from the context (`can_change`, `standalone`, `focus`,
    `programme`), read once for all the rows. With `din_url` (the overview's URL) the menu's
    links are built on it rather than reversed one by one."""

    def __init__(self, context, texts, din_url=None):
        self.context = context
        self.texts = texts
        self.can_change = context.get("can_change")
        self.standalone = context.get("standalone")
        self.focus = context.get("focus") or {}
        self.din_url = din_url

    def url(self, view: str, kind, pk) -> str:
        """The escaped URL of programme:din-edit or programme:din-history for the row."""
        if self.din_url is None:
            url = reverse(f"programme:din-{view}", args=[self.context["programme"].slug, kind, pk])
        else:
            url = f"{self.din_url}{kind}/{pk}/{view}/"
        return esc(url)

    def write(self, kind, pk, pk_text, label, movable, first, last, history) -> str:
        """The menu (`pk_text` and `label` already rendered), without the newline the include
        ended with."""
        texts = self.texts
        if self.can_change and self.standalone:
            aria = texts["edit label"] % {"label": label}
            return (
                f'<div class="din-actions"><a class="din-history-link" '
                f'href="{self.url("edit", kind, pk)}" aria-label="{aria}">{texts["edit"]}</a></div>'
            )
        if self.can_change:
            kind_text = esc(kind)
            flags = (
                (" movable" if movable else "")
                + (" history" if history else "")
                + (" first" if first else "")
                + (" last" if last else "")
            )
            focus = self.focus
            focused = ""
            if focus.get("kind") == kind and focus.get("pk") == pk:
                focused = f' data-din-focus="{shown(focus.get("dir", ""), self.context)}"'
            aria = texts["actions label"] % {"label": label}
            return (
                f'<div class="dropdown din-actions" data-din-menu="{kind_text} {pk_text} '
                f'change{flags}"{focused}>\n'
                f'  <button type="button" class="btn btn-sm dropdown-toggle din-menu-toggle" '
                f'id="{kind_text}-{pk_text}-menu" data-bs-toggle="dropdown" aria-expanded="false" '
                f'aria-label="{aria}">{texts["actions"]}</button>\n'
                f'  <ul class="dropdown-menu dropdown-menu-end" '
                f'aria-labelledby="{kind_text}-{pk_text}-menu"></ul>\n'
                f"</div>"
            )
        if history:
            aria = texts["history label"] % {"label": label}
            return (
                f'<div class="din-actions"><a class="din-history-link" '
                f'href="{self.url("history", kind, pk)}" aria-label="{aria}">'
                f"{texts['history']}</a></div>"
            )
        return ""


@register.simple_tag(takes_context=True)
def din_controls(
    context, kind, item, name=None, movable=False, first=False, last=False, history=False
):
    """As `{% include "programme/_din_controls.html" with kind=... item=... movable=...
    first=... last=... history=... %}` after `{% blocktranslate asvar label %}` named the row
    (`name`: its name or title; without it, `label` from the context), with `can_change`,
    `standalone`, `focus` and `programme` from the context."""
    texts = _texts(context)
    if name is None:
        label = shown(context.get("label", ""), context)
    else:
        # blocktranslate asvar gives a SafeString, which `{{ label }}` does not escape again
        label = _label(texts, kind, shown(name, context))
    pk_text = shown(item.pk, context)
    html = _Menu(context, texts).write(kind, item.pk, pk_text, label, movable, first, last, history)
    return mark_safe(html + "\n")  # noqa: S308 - the values are escaped above


class _Rows:
    """Writes the overview's rows as `_din_tree.html` drew them with `{% for line in
    tree.lines %}` and its nested loops, whitespace included."""

    def __init__(self, context, tree, din_url):
        self.texts = _texts(context)
        self.number = _numbers(context)
        self.dutch = _dutch()
        self.url = esc(din_url)
        self.can_change = context.get("can_change")
        self.active = tree.filters.active
        self.filters_efforts = tree.filters.filters_efforts
        self.lang = content_lang()  # the `{% content_lang %}` of the challenge and approach
        self.menu = _Menu(context, self.texts, din_url)
        self.counted = {}  # (kind, n): the count in words, translated once per number

    def write(self, lines) -> str:
        if not lines:
            return f"\n<p>{self.texts['nothing matches' if self.active else 'no din']}</p>\n"
        last = len(lines) - 1
        return "".join(self.line(line, i == 0, i == last) for i, line in enumerate(lines))

    def count(self, kind: str, n: int) -> str:
        text = self.counted.get((kind, n))
        if text is None:
            if kind == "strategic":
                text = ngettext("%(n)s strategic goal", "%(n)s strategic goals", n)
            elif kind == "operational":
                text = ngettext("%(n)s operational goal", "%(n)s operational goals", n)
            elif kind == "effort":
                text = ngettext("%(n)s effort", "%(n)s efforts", n)
            else:
                text = ngettext("%(n)s indicator", "%(n)s indicators", n)
            text = self.counted[(kind, n)] = text % {"n": self.number(n)}
        return text

    def head(self, kind, item, pk, name, first, last, indent) -> str:
        """The end of a row's count line (its progress) and its menu."""
        texts = self.texts
        label = _label(texts, kind, name)
        progress = _progress(texts, item.progress, self.filters_efforts, self.number)
        controls = self.menu.write(kind, item.pk, pk, label, True, first, last, True)
        return f"{progress}</p>\n{indent}{controls}\n\n"

    def line(self, line, first, last) -> str:
        texts, pk, name = self.texts, self.number(line.pk), esc(line.name)
        sgoals = line.shown_strategic
        out = [
            f'\n\n<div class="din-node din-line is-open" id="line-{pk}" data-din-node '
            f'data-din-default="1">\n'
            f'  <div class="din-row" id="line-{pk}-head">\n'
            f'    <h2 class="din-title h4" id="line-{pk}-title"><button type="button" '
            f'class="din-toggle" aria-expanded="true" aria-controls="line-{pk}-body">'
            f'<span class="din-toggle-text">{self.dutch(line.name, name)}</span></button></h2>\n'
            f'    <p class="din-meta">{self.count("strategic", len(sgoals))}',
            self.head("line", line, pk, name, first, last, " " * 4),
            f'  </div>\n  <div class="din-body" id="line-{pk}-body">\n    ',
        ]
        if line.challenge or line.approach:
            out.append(
                f'\n    <details class="din-detail din-approach"><summary>'
                f'{texts["challenge and approach"]}</summary>\n      <dl class="mt-2 mb-0">'
            )
            if line.challenge:
                challenge = linebreaksbr(line.challenge)
                out.append(f"<dt>{texts['challenge']}</dt><dd{self.lang}>{challenge}</dd>")
            out.append("\n      ")
            if line.approach:
                approach = linebreaksbr(line.approach)
                out.append(f"<dt>{texts['approach']}</dt><dd{self.lang}>{approach}</dd>")
            out.append("</dl>\n    </details>\n    ")
        out.append("\n    ")
        if sgoals:
            last = len(sgoals) - 1
            out.extend(self.strategic(sgoal, i == 0, i == last) for i, sgoal in enumerate(sgoals))
        else:
            out.append(f'<p class="din-empty">{texts["no strategic"]}</p>\n    ')
        out.append("\n    ")
        if self.can_change:
            out.append(self.add_link("strategic", pk, texts["add strategic"] % {"name": name}))
        out.append("\n  </div>\n</div>\n")
        return "".join(out)

    def add_link(self, kind: str, pk: str, label: str) -> str:
        """The "add a strategic/operational goal" link under the item `pk` (htmx opens the
        form in its place)."""
        add = f"{self.url}{kind}/add/?parent={pk}"
        return (
            f'<div class="din-add" id="add-{kind}-{pk}"><a href="{add}" hx-get="{add}" '
            f'hx-target="#add-{kind}-{pk}" hx-swap="outerHTML">{label}</a></div>'
        )

    def strategic(self, sgoal, first, last) -> str:
        texts, pk, title = self.texts, self.number(sgoal.pk), esc(sgoal.title)
        ogoals = sgoal.shown_operational
        out = [
            f'\n    \n    <div class="din-node din-strategic is-open" id="strategic-{pk}" '
            f'data-din-node data-din-default="1">\n'
            f'      <div class="din-row" id="strategic-{pk}-head">\n'
            f'        <h3 class="din-title h5" id="strategic-{pk}-title"><button type="button" '
            f'class="din-toggle" aria-expanded="true" aria-controls="strategic-{pk}-body">'
            f'<span class="din-toggle-text"><span class="din-kind">{texts["strategic goal"]}'
            f'<span class="visually-hidden">:</span></span> {self.dutch(sgoal.title, title)}'
            f"</span></button></h3>\n"
            f'        <p class="din-meta">{self.count("operational", len(ogoals))}',
            self.head("strategic", sgoal, pk, title, first, last, " " * 8),
            f'      </div>\n      <div class="din-body" id="strategic-{pk}-body">\n        ',
        ]
        if ogoals:
            last = len(ogoals) - 1
            out.extend(self.operational(ogoal, i == 0, i == last) for i, ogoal in enumerate(ogoals))
        else:
            out.append(f'<p class="din-empty">{texts["no operational"]}</p>\n        ')
        out.append("\n        ")
        if self.can_change:
            short = esc(truncatewords(sgoal.title, 6))
            label = texts["add operational"] % {"title": short}
            out.append(self.add_link("operational", pk, label))
        out.append("\n      </div>\n    </div>\n    ")
        return "".join(out)

    def operational(self, ogoal, first, last) -> str:
        texts, pk, title = self.texts, self.number(ogoal.pk), esc(ogoal.title)
        meta = (
            self.count("effort", ogoal.effort_count) if ogoal.effort_count else texts["no efforts"]
        )
        if ogoal.indicator_count:
            meta += (
                f'<span class="din-sep"> · </span>{self.count("indicator", ogoal.indicator_count)}'
            )
        opened, default, expanded = (" is-open", "1", "true") if self.active else ("", "0", "false")
        efforts = f"{self.url}goals/{pk}/efforts/"
        return (
            f'\n        \n        <div class="din-node din-operational{opened}" '
            f'id="operational-{pk}" data-din-node data-din-default="{default}">\n'
            f'          <div class="din-row" id="operational-{pk}-head">\n'
            f'            <h4 class="din-title h6" id="operational-{pk}-title"><button '
            f'type="button" class="din-toggle" aria-expanded="{expanded}" '
            f'aria-controls="operational-{pk}-body"><span class="din-toggle-text">'
            f"{self.dutch(ogoal.title, title)}</span></button></h4>\n"
            f'            <p class="din-meta">{meta}'
            + self.head("operational", ogoal, pk, title, first, last, " " * 12)
            + f'          </div>\n          <div class="din-body" id="operational-{pk}-body">\n'
            f'            <div class="din-lazy" hx-get="{efforts}" hx-trigger="intersect once" '
            f'hx-swap="outerHTML">\n'
            f'              <a class="din-nojs" href="{efforts}">{texts["show efforts"]}</a>\n'
            f'              <span class="din-loading">{texts["loading"]}</span>\n'
            f"            </div>\n          </div>\n        </div>\n        "
        )


@register.simple_tag(takes_context=True)
def din_rows(context, tree, din_url):
    """The overview's lines with their strategic and operational goals (`tree`: the outline;
    `din_url`: the overview's URL, on which the rows' links are built), with `can_change`,
    `focus` and `programme` from the context."""
    return mark_safe(_Rows(context, tree, din_url).write(tree.lines))  # noqa: S308 - escaped


@register.simple_tag(takes_context=True)
def din_toc_lines(context, tree):
    """The jump list's entries of the lines and goals, as `_din_toc.html` drew them with
    `{% for line in tree.lines %}` and its nested loops."""
    number, dutch = _numbers(context), _dutch()
    out = []
    for line in tree.lines:
        name = dutch(line.name, esc(line.name))
        out.append(f'<li><a href="#line-{number(line.pk)}" class="din-toc-line">{name}</a>\n      ')
        if line.shown_strategic:
            out.append("<ol>")
            for sgoal in line.shown_strategic:
                title = dutch(sgoal.title, esc(sgoal.title))
                out.append(
                    f'<li><a href="#strategic-{number(sgoal.pk)}" class="din-toc-strategic">'
                    f"{title}</a>\n        "
                )
                if sgoal.shown_operational:
                    out.append("<ol>")
                    out.extend(
                        f'<li><a href="#operational-{number(ogoal.pk)}">'
                        f"{dutch(ogoal.title, esc(ogoal.title))}</a></li>"
                        for ogoal in sgoal.shown_operational
                    )
                    out.append("</ol>")
                out.append("</li>")
            out.append("</ol>")
        out.append("</li>\n    ")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
