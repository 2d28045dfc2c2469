"""Screenshots of every open browser page when a browser test fails, kept under test-results/
(ignored by git; CI keeps the folder as an artefact)."""

import re
from pathlib import Path

import pytest

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    browser = item.funcargs.get("browser")
    if browser is None:
        return
    name = re.sub(r"[^\w.-]+", "-", item.nodeid.split("tests/browser/")[-1]).strip("-")
    RESULTS.mkdir(exist_ok=True)
    pages = [page for context in browser.contexts for page in context.pages]
    for n, page in enumerate(pages, start=1):
        path = RESULTS / f"{name}-{n}.png"
        try:
            page.screenshot(path=str(path), full_page=True, timeout=5000)
        except Exception:  # a closed or crashed page: keep the others
            continue
        report.sections.append(("screenshot", str(path)))
