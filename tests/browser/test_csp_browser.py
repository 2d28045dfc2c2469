"""In Chromium, under the portal's Content-Security-Policy: the pages that used to carry inline
code (the planning's bars, the profile's copy button) still work, and the browser reports no
violation of the policy (no inline script or style blocked, nothing loaded from elsewhere)."""

import re

import pytest
from playwright.sync_api import expect

from programme.din import services
from tests.browser.helpers import log_in, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Collects the browser's own reports of blocked content, before any page script runs.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def din(programme, users):
    team = users["programme_team"]
    line = services.line_create(programme=programme, by=team, name="De Doelgroep")
    goal = services.strategic_goal_create(line=line, by=team, title="Een kansrijk perspectief")
    operational = services.operational_goal_create(
        strategic_goal=goal, by=team, title="Huishoudens zijn vroegtijdig in beeld"
    )
    from datetime import date

    services.effort_create(
        programme=programme,
        by=team,
        title="Inzetten op vroegsignalering",
        goals=[(operational, "hoog")],
        status="lopend",
        start_month=date(2024, 1, 1),
        end_month=date(2026, 12, 1),
    )


def test_pages_work_without_inline_code_and_break_no_rule(page, live_server, programme, users, din):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.add_init_script(LISTEN)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, users["programme_team"].username)
    base = f"{live_server.url}/programmes/{programme.slug}"
    for url in ("/", f"{base}/din/", f"{base}/din/diagram/", f"{base}/planning/"):
        response = page.goto(url if url.startswith("http") else live_server.url + url)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        settled(page)
        assert page.evaluate("window.__cspViolations") == [], url

    # The planning's bar is placed by the page's script from its data attributes.
    page.goto(f"{base}/planning/")
    bar = page.locator(".planning-table .bar").first
    expect(bar).to_have_attribute("data-left", re.compile(r"^[\d.]+$"))
    assert bar.evaluate("b => b.style.left") == bar.get_attribute("data-left") + "%"
    assert float(bar.evaluate("b => getComputedStyle(b).width").removesuffix("px")) > 10

    # The profile's copy button comes from profile.js, with its texts from the template.
    page.goto(f"{live_server.url}/profile/")
    page.get_by_role("button", name="Persoonlijke agendalink maken").click()
    page.wait_for_url("**/profile/#calendar")
    expect(page.get_by_role("button", name="Kopiëren")).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []
    assert not [m for m in messages if "Content Security Policy" in m], messages
