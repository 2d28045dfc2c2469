"""The shape docs/architecture.md promises, checked on the source: small modules, explicit
imports, one way to save and to count versions. (`lint-imports` checks the layers in .ci/run.)"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["avk", "programme", "partners", "governance", "budget", "reflection"]
MAX_LINES = 400


def first_party_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield path


def _is_demo_data(path: Path) -> bool:
    return path.name == "demo.py"  # each area's demo data from the seeds


def test_no_module_over_about_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in first_party_modules()
        if not _is_demo_data(path)
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_no_star_imports():
    # The test settings extend the real ones the Django way (`from avk.settings import *`).
    starred = [
        str(path.relative_to(ROOT))
        for path in first_party_modules()
        if path.name != "settings_test.py"
        and re.search(r"^\s*from \S+ import \*", path.read_text(encoding="utf-8"), re.M)
    ]
    assert starred == []


@pytest.mark.parametrize(
    "pattern, why",
    [
        (r"\.version \+= 1", "count versions with avk.services.update_versioned/touch"),
        (r"_change_reason\s*=", "record history events with avk.services"),
        (r"\breason=f?\"", "history records an event code, not free text"),
        (r"HistoricalRecords\(", "use avk.history.history_records()"),
        (r"\bsend_mail\(|EmailMessage\(|EmailMultiAlternatives\(", "e-mail through avk.mail.send"),
    ],
)
def test_one_way_to_save_outside_avk(pattern, why):
    found = [
        str(path.relative_to(ROOT))
        for path in first_party_modules()
        if path.parts[len(ROOT.parts)] != "avk"
        and re.search(pattern, path.read_text(encoding="utf-8"))
    ]
    assert found == [], why


def test_avk_imports_no_domain_app():
    importing = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "avk").rglob("*.py")
        if re.search(
            r"^\s*(from|import) (programme|partners|governance|budget)\b",
            path.read_text(encoding="utf-8"),
            re.M,
        )
    ]
    assert importing == []


GETTEXT_CALLS = {"_", "gettext", "ngettext", "pgettext", "npgettext", "gettext_noop"}


def test_no_translation_inside_an_f_string():
    """makemessages (xgettext) reads no f-string: a msgid written inside one drops out of the
    catalogue at the next run, and the page shows it in English (it happened: "Lead partner:")."""
    import ast

    found = []
    for path in first_party_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in GETTEXT_CALLS
                ):
                    found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert found == []
