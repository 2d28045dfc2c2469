"""In Chromium, as each demo role: every kind of page reachable from the home page has no
violations of the WCAG 2.1 A and AA rules (axe-core with the tags wcag2a, wcag2aa, wcag21a and
wcag21aa).

The demo data is loaded once; as each demo account (through the real login form) the crawler
starts at the home page and follows every same-site link (`<a href>`, GET only), one page per
kind of page and role: a page's kind is its URL pattern (`resolve(path).route`), so the second
partner page or meeting is not visited again, whatever the size of the data. Downloads (PDF,
spreadsheets, calendar feeds, documents), the log-out, the language switch and the Django admin
are left out. The report lists every violation at once with its page, and prints how many pages
were checked and how long it took. tests/avk/test_crawl.py follows the links without a browser
for dead ends and raw program text.
"""

from __future__ import annotations

import os
import re
import sys
import time
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from programme.core.demo import DEMO_PASSWORD
from tests.browser.helpers import (
    WCAG_21_AA,
    axe_finish,
    axe_on_every_page,
    axe_start,
    log_in,
    settled,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ["programmateam", "bestuur", "secretaris", "partner", "landerd"]
MAX_PAGES_PER_ROLE = 150  # a bound, far above the number of kinds of page
TABS = 3  # pages loading and being checked at the same time
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/i18n/", "/accounts/logout/")
DOWNLOADS = re.compile(
    r"\.(xlsx|xls|csv|pdf|ics|docx|zip|png|jpg|svg)$"
    r"|/(pdf|export|download|xlsx|csv|ics|docx|attachment)/?$"
    r"|/attachments?/\d+/?$"
)

LINKS = """() => [...document.querySelectorAll('a[href]')]
    .filter(a => !a.hasAttribute('download'))
    .map(a => a.href)"""


def page_kind(path: str) -> str | None:
    """The URL pattern a path resolves to, or None when it is not a portal page."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return f"{match.namespace}:{match.route}"


def crawlable(url: str, origin: str) -> str | None:
    """The path and query of a same-site link worth visiting, or None."""
    url, _fragment = urldefrag(url)
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES) or DOWNLOADS.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def settle(page) -> None:
    """Wait for the page's own requests (htmx) to finish, so axe sees what a reader sees."""
    page.wait_for_load_state("load")
    settled(page)


def crawl(context, origin: str) -> tuple[list[str], list[str]]:
    """Every kind of page reachable from the home page: (pages checked, failures).

    A few tabs take turns: while axe-core checks the page in one tab (in the browser's own
    process), the next tab loads the next page; a tab's check is collected before it moves on."""
    tabs = [context.new_page() for _ in range(TABS)]
    checking: dict = {}  # tab -> (url, kind) whose check is running
    queue = ["/"]
    kinds = {page_kind("/")}
    visited, failures = [], []

    def collect(tab) -> None:
        url, kind = checking.pop(tab)
        failures.extend(f"{url} [{kind}]: {violation}" for violation in axe_finish(tab))

    turn = 0
    while queue and len(visited) < MAX_PAGES_PER_ROLE:
        tab = tabs[turn % TABS]
        turn += 1
        if tab in checking:
            collect(tab)
        url = queue.pop(0)
        response = tab.goto(origin + url)
        settle(tab)
        landed = urlsplit(tab.url).path
        visited.append(url)
        print(f"  {url}", file=sys.stderr, flush=True)  # progress, seen with -s
        if response is None or response.status >= 400:
            failures.append(f"{url}: answers {response.status if response else 'nothing'}")
            continue
        if landed.startswith("/accounts/login/"):
            failures.append(f"{url}: sends to the login page")
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        for href in tab.evaluate(LINKS):
            target = crawlable(href, origin)
            if target is None:
                continue
            kind = page_kind(urlsplit(target).path)
            if kind is None or kind in kinds:
                continue
            kinds.add(kind)
            queue.append(target)
        axe_start(tab, tags=WCAG_21_AA)
        checking[tab] = (url, page_kind(landed))
    for tab in list(checking):
        collect(tab)
    if queue:
        failures.append(f"the crawl stopped at {MAX_PAGES_PER_ROLE} pages: {queue[:5]}")
    return visited, failures


def test_every_kind_of_page_meets_wcag_21_aa_for_every_demo_role(
    live_server, browser, browser_context_args
):
    started = time.monotonic()
    call_command("load_demo", force=True, stdout=StringIO())
    loaded = time.monotonic()
    report, failures, total = [], [], 0
    for username in os.environ.get("AVK_CRAWL_ROLES", ",".join(ROLES)).split(","):
        context = browser.new_context(
            **{**browser_context_args, "viewport": {"width": 1280, "height": 900}}
        )
        axe_on_every_page(context)
        try:
            log_in(context.new_page(), live_server, username, password=DEMO_PASSWORD)
            visited, found = crawl(context, live_server.url)
        finally:
            context.close()
        total += len(visited)
        report.append(f"{username}: {len(visited)} pages")
        failures += [f"{username}: {failure}" for failure in found]
        assert len(visited) > 10, (username, visited)  # the crawl got past the home page
    elapsed = time.monotonic() - loaded
    summary = (
        f"axe (WCAG 2.1 A/AA) on {total} pages ({', '.join(report)}) in {elapsed:.0f} s"
        f" (+ {loaded - started:.0f} s loading the demo)"
    )
    print(summary)
    if failures:
        pytest.fail(f"{summary}\n{len(failures)} failures:\n" + "\n".join(failures), pytrace=False)
