"""Contrast by hand (WCAG 2.1, 1.4.11 non-text contrast: 3:1): the borders of form controls and
the focus ring, read from static/css/portal.css and measured against what they stand on (white,
and the header's blue)."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "portal.css"
WHITE = "#ffffff"
NON_TEXT = 3.0  # WCAG 1.4.11


def luminance(colour: str) -> float:
    """The relative luminance of a #rgb or #rrggbb colour (WCAG 2.1)."""
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rules(text: str) -> list[tuple[list[str], dict[str, str]]]:
    """The stylesheet's top-level rules as ([selector, ...], {property: value})."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules = []
    for selectors, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", text):
        declarations = {}
        for declaration in body.split(";"):
            name, _sep, value = declaration.partition(":")
            if value.strip():
                declarations[name.strip()] = " ".join(value.split())
        rules.append(([" ".join(s.split()) for s in selectors.split(",")], declarations))
    return rules


@pytest.fixture(scope="module")
def css():
    rules = _rules(CSS.read_text(encoding="utf-8"))
    variables = {}
    for selectors, declarations in rules:
        if ":root" in selectors:
            variables.update({k: v for k, v in declarations.items() if k.startswith("--")})

    def resolve(value: str) -> str:
        while (found := re.search(r"var\((--[\w-]+)\)", value)) is not None:
            value = value.replace(found.group(0), variables[found.group(1)])
        return value

    def declared(selector: str) -> dict[str, str]:
        """Everything the portal's stylesheet declares for exactly this selector, in order."""
        merged = {}
        for selectors, declarations in rules:
            if selector in selectors:
                merged.update(declarations)
        return {k: resolve(v) for k, v in merged.items()}

    return {"variables": variables, "resolve": resolve, "declared": declared}


def _colour(value: str) -> str:
    found = re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", value)
    assert found, f"no colour in {value!r}"
    return found.group(0)


def test_the_contrast_helper_follows_wcag():
    assert round(contrast("#000000", WHITE), 1) == 21.0
    assert round(contrast("#767676", WHITE), 2) == 4.54
    assert round(contrast("#dee2e6", WHITE), 1) == 1.3  # Bootstrap's default control border


@pytest.mark.parametrize(
    "selector", [".form-control", ".form-select", ".form-check-input", ".ts-wrapper .ts-control"]
)
def test_form_control_borders_stand_out_against_white(css, selector):
    border = _colour(css["declared"](selector)["border-color"])
    assert contrast(border, WHITE) >= NON_TEXT, f"{selector} border {border}"


def test_a_checked_box_stands_out_against_white(css):
    checked = css["declared"](".form-check-input:checked")
    assert contrast(_colour(checked["background-color"]), WHITE) >= NON_TEXT
    assert contrast(_colour(checked["border-color"]), WHITE) >= NON_TEXT


@pytest.mark.parametrize(
    "selector",
    [
        ":focus-visible",
        ".btn:focus-visible",
        ".nav-link:focus-visible",
        ".dropdown-item:focus-visible",
        ".page-link:focus-visible",
        ".btn-close:focus-visible",
        ".form-control:focus",
        ".form-select:focus",
        ".form-check-input:focus-visible",
        "summary:focus-visible",
        "a:focus-visible",
    ],
)
def test_the_focus_ring_is_solid_and_stands_out_against_white(css, selector):
    """Bootstrap's pale focus glow (a box-shadow, 1.6:1) is replaced by a solid ring."""
    declared = css["declared"](selector)
    outline = declared["outline"]
    width = re.search(r"(\d+(?:\.\d+)?)px", outline)
    assert width and float(width.group(1)) >= 2, outline
    assert "solid" in outline
    assert contrast(_colour(outline), WHITE) >= NON_TEXT, f"{selector}: {outline}"
    if selector != ":focus-visible":
        assert declared.get("box-shadow") == "none", selector


def _header_background(css) -> str:
    return _colour(css["declared"](".portal-header .navbar")["background"])


@pytest.mark.parametrize(
    "selector",
    [
        ".portal-header :focus-visible",
        ".portal-header .btn:focus-visible",
        ".portal-header .nav-link:focus-visible",
        ".portal-header .navbar-toggler:focus-visible",
        ".portal-header .form-control:focus",
    ],
)
def test_the_focus_ring_in_the_header_stands_out_against_its_blue(css, selector):
    ring = _colour(css["declared"](selector)["outline-color"])
    assert contrast(ring, _header_background(css)) >= NON_TEXT, f"{selector}: {ring}"


def test_the_header_menu_on_white_keeps_the_dark_ring(css):
    ring = _colour(css["declared"](".portal-header .dropdown-menu :focus-visible")["outline-color"])
    assert contrast(ring, WHITE) >= NON_TEXT


def test_the_named_colours_meet_the_ratio(css):
    """The custom properties themselves, so that a later change of colour is caught here."""
    resolve, header = css["resolve"], _header_background(css)
    assert contrast(resolve("var(--portal-control-border)"), WHITE) >= NON_TEXT
    assert contrast(resolve("var(--portal-focus)"), WHITE) >= NON_TEXT
    assert contrast(resolve("var(--portal-focus-on-dark)"), header) >= NON_TEXT
