"""The decision list's row tag (governance/templatetags/decision_rows.py) writes exactly what
the template wrote for each row before it (with `_outcome.html`), in Dutch and English, for
every branch: numbered or not, amended, correcting and corrected, decided in a meeting (linked
or not), in a written round or as a correction, with and without votes."""

import datetime
import itertools

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from governance.models import Meeting, Outcome, Proposal, ProposedDecision

#: The row as decision_list.html wrote it before the tag.
TEMPLATE_ROW = """<tr>
            <td class="text-nowrap decision-number">{% if d.number %}<a href="{{ d.get_absolute_url }}">{{ d.number }}</a>{% else %}<span aria-hidden="true">–</span><span class="visually-hidden">{% translate "not numbered" %}</span>{% endif %}</td>
            <td class="text-nowrap">{{ d.decided_on|date|default:"–" }}</td>
            <td class="decision-text">
              <p class="mb-1"{% if LANGUAGE_CODE|slice:":2" != "nl" %} lang="nl"{% endif %}>{{ d.sentence }}</p>
              {% if d.outcome == "aangenomen_met_wijziging" %}<p class="mb-1 small text-body-secondary">{% translate "Adopted with an amendment. As proposed" %}: <del{% if LANGUAGE_CODE|slice:":2" != "nl" %} lang="nl"{% endif %}>{{ d.text }}</del></p>{% endif %}
              {% if d.corrects %}<p class="mb-1 small">{% translate "Corrects" %} <a href="{{ d.corrects.get_absolute_url }}">{{ d.corrects.number|default:d.corrects }}</a></p>{% endif %}
              {% for c in d.corrected_by.all %}<p class="mb-1 small">{% translate "Corrected by" %} <a href="{{ c.get_absolute_url }}">{{ c.number|default:c }}</a></p>{% endfor %}
              <p class="mb-0 small text-body-secondary">
                {% translate "Proposal" %}: <a href="{{ d.proposal.get_absolute_url }}">{{ d.proposal.title }}</a>, {% blocktranslate with n=d.position %}decision {{ n }}{% endblocktranslate %} ·
                {% if d.decided_in %}{% if d.meeting_link %}<a href="{{ d.decided_in.get_absolute_url }}">{% endif %}{% blocktranslate with date=d.decided_in.date|date %}meeting of {{ date }}{% endblocktranslate %}{% if d.meeting_link %}</a>{% endif %}{% elif d.decided_via == "schriftelijke_ronde" %}<a href="{{ d.get_absolute_url }}">{% translate "written round" %}</a>{% else %}{% translate "correction" %}{% endif %}
              </p>
            </td>
            <td>{% include "governance/_outcome.html" %}{% if d.votes_for is not None %}<div class="small text-body-secondary text-nowrap">{% blocktranslate with f=d.votes_for a=d.votes_against|default:0 o=d.votes_abstain|default:0 %}{{ f }} for, {{ a }} against, {{ o }} abstaining{% endblocktranslate %}</div>{% endif %}</td>
          </tr>"""  # noqa: E501


def _render(source: str, **context) -> str:
    return Template("{% load i18n decision_rows %}" + source).render(Context(context))


PROPOSAL = Proposal(pk=19, title='Voorstel 19: "faseplan" <b>&</b> co')
MEETING = Meeting(pk=10, starts_at=timezone.make_aware(datetime.datetime(2025, 9, 12, 23, 30)))


def _decision(pk=91, **fields) -> ProposedDecision:
    decision = ProposedDecision(pk=pk, proposal=PROPOSAL, **{"position": 1, "text": "x", **fields})
    decision._prefetched_objects_cache = {"corrected_by": []}
    return decision


NUMBERS = ["DB-2025-021", None, "", "A&B <1>"]
OUTCOMES = ["", *Outcome.values, "unknown"]
CORRECTS = [None, _decision(80, number="DB-2024-001"), _decision(81, position=7)]
CORRECTED_BY = [
    [],
    [_decision(95, number="DB-2025-030", position=2)],
    [_decision(96, position=3), _decision(97, number="DB-2025-<31>", position=4)],
]
WHERE = ["meeting", "schriftelijke_ronde", ""]
MEETING_LINK = [True, False, None]  # None: the view did not set it
VOTES = [(None, None, None), (5, 0, 0), (0, None, 2), (1234, 3, None)]
DECIDED_ON = [datetime.date(2025, 9, 12), None]


def _row(number, outcome, corrects, corrected_by, where, meeting_link, votes, decided_on):
    decision = _decision(
        number=number,
        outcome=outcome,
        corrects=corrects,
        decided_in=MEETING if where == "meeting" else None,
        decided_via=where if where != "meeting" else "vergadering",
        votes_for=votes[0],
        votes_against=votes[1],
        votes_abstain=votes[2],
        decided_on=decided_on,
        text='Het DB stemt in met "x" & <y>',
        position=12,
    )
    decision._prefetched_objects_cache = {"corrected_by": corrected_by}
    decision.sentence = "Het DB stemt in met punt 1 van voorstel <19> & “x”."
    if meeting_link is not None:
        decision.meeting_link = meeting_link
    return decision


def _decisions():
    """Decisions over every branch of the row: each group of related fields in every
    combination, the others as the first of their kind."""
    first = [NUMBERS[0], OUTCOMES[1], None, [], "meeting", True, VOTES[1], DECIDED_ON[0]]
    for number, outcome in itertools.product(NUMBERS, OUTCOMES):
        yield _row(number, outcome, *first[2:])
    for corrects, corrected_by, where, link in itertools.product(
        CORRECTS, CORRECTED_BY, WHERE, MEETING_LINK
    ):
        yield _row(*first[:2], corrects, corrected_by, where, link, *first[6:])
    for votes, decided_on in itertools.product(VOTES, DECIDED_ON):
        yield _row(*first[:6], votes, decided_on)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_row_as_the_template(language):
    with translation.override(language):
        for decision in _decisions():
            for code in [language, "en-gb", None, ""]:
                context = (
                    {"d": decision} if code is None else {"d": decision, "LANGUAGE_CODE": code}
                )
                expected = _render(TEMPLATE_ROW, **context)
                assert _render("{% decision_row d %}", **context) == expected, vars(decision)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rows_of_one_page_share_the_urls_they_should(language):
    """The URLs asked once per page are the proposal's and the meeting's, each its own."""
    other = Proposal(pk=20, title="Voorstel 20")
    second = Meeting(pk=11, starts_at=MEETING.starts_at)
    rows = [
        _decision(1, number="1", decided_in=MEETING),
        _decision(2, number="2", decided_in=second),
        _decision(3, number="3", decided_in=MEETING),
    ]
    rows[1].proposal = other
    for row in rows:
        row.sentence, row.meeting_link = "s", True
    loop = "{% for d in rows %}{0}{% endfor %}"
    with translation.override(language):
        expected = _render(loop.replace("{0}", TEMPLATE_ROW), rows=rows, LANGUAGE_CODE=language)
        tagged = _render(
            loop.replace("{0}", "{% decision_row d %}"), rows=rows, LANGUAGE_CODE=language
        )
        assert tagged == expected
        assert tagged.count('href="/governance/proposals/20/"') == 1
        assert tagged.count('href="/governance/meetings/11/"') == 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_row_on_one_page_as_the_template(language):
    """All the rows above in one table: what the tag makes once per page stays each row's."""
    rows = list(_decisions())
    for i, row in enumerate(rows):  # other meetings, days and positions among them
        row.position = i % 5 + 1
        if i % 3 == 0 and row.decided_in is not None:
            row.decided_in = Meeting(pk=i, starts_at=MEETING.starts_at + datetime.timedelta(days=i))
        if i % 4 == 0 and row.decided_on is not None:
            row.decided_on += datetime.timedelta(days=i)
    loop = "{% for d in rows %}{0}{% endfor %}"
    with translation.override(language):
        expected = _render(loop.replace("{0}", TEMPLATE_ROW), rows=rows, LANGUAGE_CODE=language)
        tagged = _render(
            loop.replace("{0}", "{% decision_row d %}"), rows=rows, LANGUAGE_CODE=language
        )
        assert tagged == expected
