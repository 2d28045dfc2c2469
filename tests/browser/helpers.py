"""What every browser test shares: logging in through the real form, and axe-core."""

import time

from axe_playwright_python.sync_playwright import Axe

from tests.factories import TEST_PASSWORD

#: The WCAG 2.1 A and AA rules (issue 16: zero violations of these on every page).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_on_every_page(context) -> None:
    """Load axe-core into every page the browser context opens (by the browser, as the page
    loads) instead of sending it with each check; for `axe_start` and `axe_finish`."""
    context.add_init_script(script=Axe().axe_script)


def _options(tags: list[str] | None) -> dict:
    options = {"resultTypes": ["violations"]}
    if tags:
        options["runOnly"] = {"type": "tag", "values": tags}
    return options


def _readable(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x) {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]


def axe_violations(page, tags: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page as it is now, one readable line each; with `tags`,
    only the rules carrying one of them (e.g. `WCAG_21_AA`)."""
    results = Axe().run(page, options=_options(tags))
    return _readable(results.response["violations"])


def axe_start(page, tags: list[str] | None = None) -> None:
    """Start axe-core (loaded by `axe_on_every_page`) on the page without waiting for it: the
    browser checks this page while the test goes on with another; `axe_finish` collects."""
    page.evaluate("options => { window.__avkAxe = axe.run(document, options); }", _options(tags))


def axe_finish(page) -> list[str]:
    """The violations found by the check `axe_start` began on the page, as `axe_violations`."""
    return _readable(page.evaluate("() => window.__avkAxe.then(results => results.violations)"))


def log_in(page, live_server, username: str, password: str = TEST_PASSWORD) -> None:
    """Log in with the Dutch login form and land on the home page."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Wait until the JavaScript `expression` is true on the page. Playwright's
    `wait_for_function` evaluates its predicate with `new Function`, which the portal's Content
    Security Policy forbids (no 'unsafe-eval'); `page.evaluate` is not subject to it."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def settled(page) -> None:
    """Wait for htmx to finish its requests and swaps."""
    wait_until(page, "!document.querySelector('.htmx-request, .htmx-settling')")
