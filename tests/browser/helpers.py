"""What every browser test shares: logging in through the real form, and axe-core."""

from axe_playwright_python.sync_playwright import Axe

from tests.factories import TEST_PASSWORD


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now, one readable line each."""
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x) {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def log_in(page, live_server, username: str) -> None:
    """Log in with the Dutch login form and land on the home page."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
