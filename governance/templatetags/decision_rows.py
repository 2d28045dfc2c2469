"""{% load decision_rows %}: one row of the decision list's table.

Written here rather than by the template for each row: a page of 50 decisions looked up some
thirty values per row and rendered an include and three blocktranslates for each, most of the
list's own rendering time (issue 15). The markup is the same as the template drew (the row
and `_outcome.html`, which stays for the pages that show one decision); every value is escaped
as the template engine would (`render_value_in_context`), the translated texts are the
template's msgids.

What many rows share is made once per page (`_once`): the translated texts, the outcome
labels, the dates and counts as shown, the URLs of the proposals and meetings."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from avk.html import esc, per_render, shown

register = template.Library()

#: Outcomes `_outcome.html` shows green and red (the others amber).
_SUCCESS = ("aangenomen", "aangenomen_met_wijziging", "kennisgenomen")
_DANGER = ("verworpen",)


def _once(context, key, make):
    """`make()`, made once for the page being rendered (one language, one person)."""
    return per_render(context, ("decision_rows", key), make)


#: The fixed words of the rows, marked here for the catalogue (xgettext reads no f-string).
_WORDS = {
    "undecided": gettext_noop("not yet decided"),
    "unnumbered": gettext_noop("not numbered"),
    "amended": gettext_noop("Adopted with an amendment. As proposed"),
    "corrects": gettext_noop("Corrects"),
    "corrected_by": gettext_noop("Corrected by"),
    "written_round": gettext_noop("written round"),
    "correction": gettext_noop("correction"),
    "proposal": gettext_noop("Proposal"),
}


def _text(context, word: str) -> str:
    """As `{% translate msgid %}` writes the msgid `_WORDS[word]` (escaped)."""
    return _once(context, ("text", word), lambda: esc(_(_WORDS[word])))


def _shown(context, value) -> str:
    """`{{ value }}` of a value many rows share (a count, a date as `|date` writes it)."""
    return _once(context, ("value", type(value), value), lambda: shown(value, context))


def _date(context, day) -> str:
    """`day|date` (empty for none)."""
    return _once(context, ("date", day), lambda: date_filter(day))


def _url(context, obj) -> str:
    """`{{ obj.get_absolute_url }}` of a proposal or meeting (several decisions share one)."""
    return _once(
        context, ("url", type(obj), obj.pk), lambda: shown(obj.get_absolute_url(), context)
    )


def _outcome(d, context) -> str:
    """As `{% include "governance/_outcome.html" %}`."""
    if not d.outcome:
        undecided = _text(context, "undecided")
        return f'<span class="text-body-secondary">{undecided}</span>\n'
    if d.outcome in _SUCCESS:
        colour = "text-bg-success"
    elif d.outcome in _DANGER:
        colour = "text-bg-danger"
    else:
        colour = "text-bg-warning"
    label = _once(context, ("outcome", d.outcome), lambda: shown(d.get_outcome_display(), context))
    return f'<span class="badge {colour}">{label}</span>\n'


def _number(d, context, url: str) -> str:
    if d.number:
        return f'<a href="{url}">{shown(d.number, context)}</a>'
    return (
        '<span aria-hidden="true">–</span>'
        f'<span class="visually-hidden">{_text(context, "unnumbered")}</span>'
    )


def _corrections(d, context, lang: str) -> tuple[str, str, str]:
    """The amendment, what the decision corrects and what corrects it (three lines)."""
    amended = corrects = ""
    if d.outcome == "aangenomen_met_wijziging":
        amended = (
            f'<p class="mb-1 small text-body-secondary">'
            f"{_text(context, 'amended')}: "
            f"<del{lang}>{shown(d.text, context)}</del></p>"
        )
    if d.corrects:
        corrected = d.corrects.number or d.corrects
        corrects = (
            f'<p class="mb-1 small">{_text(context, "corrects")} '
            f'<a href="{shown(d.corrects.get_absolute_url(), context)}">'
            f"{shown(corrected, context)}</a></p>"
        )
    corrected_by = "".join(
        f'<p class="mb-1 small">{_text(context, "corrected_by")} '
        f'<a href="{shown(c.get_absolute_url(), context)}">{shown(c.number or c, context)}</a>'
        "</p>"
        for c in d.corrected_by.all()
    )
    return amended, corrects, corrected_by


def _where(d, context, url: str) -> str:
    """The meeting (linked where the person may open it), the written round or "correction"."""
    if d.decided_in:
        text = _once(
            context,
            ("meeting of", d.decided_in.pk),
            lambda: (
                _("meeting of %(date)s")
                % {"date": _shown(context, _date(context, d.decided_in.date))}
            ),
        )
        if getattr(d, "meeting_link", False):
            return f'<a href="{_url(context, d.decided_in)}">{text}</a>'
        return text
    if d.decided_via == "schriftelijke_ronde":
        return f'<a href="{url}">{_text(context, "written_round")}</a>'
    return _text(context, "correction")


def _votes(d, context) -> str:
    if d.votes_for is None:
        return ""
    counts = {
        "f": _shown(context, d.votes_for),
        "a": _shown(context, d.votes_against or 0),
        "o": _shown(context, d.votes_abstain or 0),
    }
    text = _once(context, ("votes",), lambda: _("%(f)s for, %(a)s against, %(o)s abstaining"))
    return f'<div class="small text-body-secondary text-nowrap">{text % counts}</div>'


@register.simple_tag(takes_context=True)
def decision_row(context, d):
    """The `<tr>` of decision `d` (with its `sentence` and `meeting_link` from the view)."""
    lang = "" if (context.get("LANGUAGE_CODE") or "")[:2] == "nl" else ' lang="nl"'
    proposal = d.proposal
    proposal_url = _url(context, proposal)
    url = d.url_in(proposal_url)  # d.get_absolute_url(), its proposal's URL asked once
    amended, corrects, corrected_by = _corrections(d, context, lang)
    decided_on = _shown(context, _date(context, d.decided_on) or "–")
    position = _once(context, ("decision n",), lambda: _("decision %(n)s"))
    position %= {"n": _shown(context, d.position)}
    html = (
        "<tr>\n"
        f'            <td class="text-nowrap decision-number">{_number(d, context, url)}</td>\n'
        f'            <td class="text-nowrap">{decided_on}</td>\n'
        '            <td class="decision-text">\n'
        f'              <p class="mb-1"{lang}>{shown(d.sentence, context)}</p>\n'
        f"              {amended}\n"
        f"              {corrects}\n"
        f"              {corrected_by}\n"
        '              <p class="mb-0 small text-body-secondary">\n'
        f"                {_text(context, 'proposal')}: "
        f'<a href="{proposal_url}">{shown(proposal.title, context)}</a>, '
        f"{position} ·\n"
        f"                {_where(d, context, url)}\n"
        "              </p>\n"
        "            </td>\n"
        f"            <td>{_outcome(d, context)}{_votes(d, context)}</td>\n"
        "          </tr>"
    )
    return mark_safe(html)  # noqa: S308 - every value is escaped above
