"""The DIN overview's row tags (programme/templatetags/din_tree.py) write exactly what the
includes they replace wrote (`_din_progress.html`, `_din_controls.html` after a
`blocktranslate asvar label`), in Dutch and English, for every branch."""

import itertools
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

LABELS = {
    "line": "{% blocktranslate asvar label with name=t %}line “{{ name }}”{% endblocktranslate %}",
    "strategic": "{% blocktranslate asvar label with title=t %}strategic goal “{{ title }}”"
    "{% endblocktranslate %}",
    "operational": "{% blocktranslate asvar label with title=t %}operational goal “{{ title }}”"
    "{% endblocktranslate %}",
}
FLAGS = "movable=movable first=first last=last history=history"


def _render(source: str, **context) -> str:
    return Template(
        "{% load i18n l10n din_tree %}{% localize off %}" + source + "{% endlocalize %}"
    ).render(Context(context))


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", ["line", "strategic", "operational"])
def test_controls_as_the_include(language, kind):
    programme = SimpleNamespace(slug="avk")
    item = SimpleNamespace(pk=7)
    with translation.override(language):
        for can_change, standalone, history, movable, first, last, focus in itertools.product(
            [True, False],
            [True, False],
            [True, False],
            [True, False],
            [True, False],
            [True, False],
            [{}, {"kind": kind, "pk": 7, "dir": "up"}, {"kind": kind, "pk": 8, "dir": "down"}],
        ):
            context = {
                "programme": programme, "item": item, "kind": kind, "t": 'A <b>"goal"</b> & co',
                "can_change": can_change, "standalone": standalone, "history": history,
                "movable": movable, "first": first, "last": last, "focus": focus,
            }  # fmt: skip
            included = _render(
                LABELS[kind]
                + '{% include "programme/_din_controls.html" with kind=kind item=item '
                + FLAGS
                + " %}",
                **context,
            )
            tagged = _render(
                "{% din_controls kind=kind item=item name=t " + FLAGS + " %}", **context
            )
            assert tagged == included, context


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_efforts_controls_as_the_include(language):
    """An effort's row (_din_effort.html) names itself in `label` and has no history or move
    buttons: the tag without `name` takes the label from the context."""
    label = (
        "{% blocktranslate asvar label with title=t %}effort “{{ title }}”{% endblocktranslate %}"
    )
    flags = "movable=False history=False"
    with translation.override(language):
        for can_change, standalone, focus in itertools.product(
            [True, False], [True, False], [{}, {"kind": "effort", "pk": 7, "dir": "up"}]
        ):
            context = {
                "programme": SimpleNamespace(slug="avk"), "item": SimpleNamespace(pk=7),
                "t": 'An <i>"effort"</i> & co', "can_change": can_change,
                "standalone": standalone, "focus": focus,
            }  # fmt: skip
            included = _render(
                label + '{% include "programme/_din_controls.html" with kind="effort" '
                "item=item " + flags + " %}",
                **context,
            )
            tagged = _render(
                label + '{% din_controls kind="effort" item=item ' + flags + " %}", **context
            )
            assert tagged == included, context


@pytest.mark.parametrize("language", ["nl", "en"])
def test_progress_as_the_include(language):
    with translation.override(language):
        for filters_efforts, efforts, indicators in itertools.product(
            [True, False], [None, 0, 57, 1234], [None, 0, 100, 2500]
        ):
            context = {
                "tree": SimpleNamespace(filters=SimpleNamespace(filters_efforts=filters_efforts)),
                "progress": {"efforts": efforts, "indicators": indicators},
            }
            included = _render(
                '{% include "programme/_din_progress.html" with progress=progress %}', **context
            )
            assert _render("{% din_progress progress %}", **context) == included, context
