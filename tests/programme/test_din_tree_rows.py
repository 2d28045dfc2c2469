"""The DIN overview's rows and jump list, written by `{% din_rows %}` and `{% din_toc_lines %}`
(programme/templatetags/din_tree.py), are exactly what the templates' loops wrote: the loops
are kept in tests/programme/reference/ as they were (the rows with the includes of
`_din_progress.html` and `_din_controls.html`), and both are rendered for every branch, in
Dutch and English."""

import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

REFERENCE = Path(__file__).parent / "reference"
NASTY = 'A <b>"goal"</b> & co'
LONG = "Meer kansen voor alle kinderen en jongeren in de regio, ook <na> school"


def _render(source: str, **context) -> str:
    return Template(
        "{% load i18n avk l10n din_tree %}{% localize off %}" + source + "{% endlocalize %}"
    ).render(Context(context))


def _reference(name: str) -> str:
    return (REFERENCE / name).read_text().rstrip("\n")


def _goal(pk, title, efforts, indicators, progress):
    return SimpleNamespace(
        pk=pk, title=title, effort_count=efforts, indicator_count=indicators, progress=progress
    )


def _tree(filters):
    """Lines with and without a challenge or approach, strategic goals with none, one or
    several operational goals, counts of none, one and more, progress missing or not."""
    none = {"efforts": None, "indicators": None}
    some = {"efforts": 57, "indicators": 0}
    operational = [
        _goal(11, NASTY, 0, 0, none),
        _goal(12, "Doel twee", 1, 1, some),
        _goal(1234, LONG, 5, 3, {"efforts": 100, "indicators": None}),
    ]
    strategic = [
        SimpleNamespace(pk=21, title=LONG, progress=some, shown_operational=operational),
        SimpleNamespace(pk=22, title=NASTY, progress=none, shown_operational=operational[1:2]),
        SimpleNamespace(pk=23, title="Leeg", progress=none, shown_operational=[]),
    ]
    lines = [
        SimpleNamespace(
            pk=31, name=NASTY, challenge="Eerst <dit>\nen dan & dat", approach="", progress=some,
            shown_strategic=strategic,
        ),
        SimpleNamespace(
            pk=32, name="Lijn twee", challenge="", approach="Samen\n\nop weg", progress=none,
            shown_strategic=strategic[2:],
        ),
        SimpleNamespace(
            pk=33, name="Lijn drie", challenge="", approach="", progress=none, shown_strategic=[]
        ),
    ]  # fmt: skip
    return SimpleNamespace(lines=lines, filters=filters)


FILTERS = [
    SimpleNamespace(active=False, filters_efforts=False),
    SimpleNamespace(active=True, filters_efforts=False),  # a line only
    SimpleNamespace(active=True, filters_efforts=True),
]
FOCUS = [
    {},
    {"kind": "line", "pk": 31, "dir": "up"},
    {"kind": "strategic", "pk": 22, "dir": "down"},
    {"kind": "operational", "pk": 1234, "dir": "<up>"},
    {"kind": "operational", "pk": 99, "dir": "up"},
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rows_as_the_template(language):
    programme = SimpleNamespace(slug="avk")
    din_url = reverse("programme:din", args=["avk"])
    reference = _reference("din_rows.html")
    with translation.override(language):
        for filters, can_change, standalone, focus, few in itertools.product(
            FILTERS, [True, False], [False, True], FOCUS, [False, True]
        ):
            tree = _tree(filters)
            if few:  # one line, one strategic goal: first and last at once; or nothing at all
                tree.lines = [] if focus else tree.lines[1:2]
            context = {
                "programme": programme, "tree": tree, "din_url": din_url, "focus": focus,
                "can_change": can_change, "standalone": standalone,
            }  # fmt: skip
            written = _render("{% din_rows tree din_url %}", **context)
            assert written == _render(reference, **context), context


@pytest.mark.parametrize("language", ["nl", "en"])
def test_jump_list_as_the_template(language):
    reference = _reference("din_toc_lines.html")
    with translation.override(language):
        for lines in (_tree(FILTERS[0]).lines, _tree(FILTERS[0]).lines[1:], []):
            tree = SimpleNamespace(lines=lines)
            assert _render("{% din_toc_lines tree %}", tree=tree) == _render(reference, tree=tree)


def test_rows_escape_names_and_titles():
    tree = _tree(FILTERS[0])
    with translation.override("nl"):
        html = _render(
            "{% din_rows tree din_url %}", tree=tree, din_url="/din/", can_change=True, focus={}
        )
    assert NASTY not in html
    assert "A &lt;b&gt;&quot;goal&quot;&lt;/b&gt; &amp; co" in html
    assert "Eerst &lt;dit&gt;<br>en dan &amp; dat" in html
