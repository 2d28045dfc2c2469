"""Every page reachable from the home page leads somewhere, for every demo role.

The demo data is loaded once for this module; as each demo account, a crawler starts at the home
page and follows every same-site GET link (`<a href>`) with Django's test client, up to a bound:
at most `PER_SHAPE` URLs of the same shape (digits replaced; one of a download) and `MAX_PAGES` in
all, so the crawl stays short whatever the size of the data while still visiting every kind of
page. It fails on a link that answers 403 or 404, on a server error, on a redirect to the login
page, and on raw program text in a page (a Python dict or list, "None", template tags), listing
every failure at once with the page that holds the link.

The Django admin is left out (its own pages, not the portal's); downloads (spreadsheets, PDFs,
calendar feeds) are fetched and checked for their status only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections, transaction
from django.test import Client

ROLES = ["programmateam", "bestuur", "secretaris", "partner", "landerd"]
MAX_PAGES = 400
PER_SHAPE = 2  # pages of one shape (a partner's page, a meeting) visited per role
PER_DOWNLOAD = 1  # downloads of one shape (slow to build: PDFs, spreadsheets)
SKIPPED_PREFIXES = ("/admin/", "/static/", "/i18n/", "/accounts/logout/")
DOWNLOADS = re.compile(r"\.(xlsx|csv|pdf|docx|ics)$|/(pdf|docx|export|download)/?$")

#: Program text that must never reach a reader: reprs of dicts, lists, objects and dates, the
#: word None, template syntax left unrendered.
RAW_TEXT = [
    (re.compile(r"\{\s*'[^']*'\s*:"), "a Python dict"),
    (re.compile(r"\[\s*'[^']*'\s*(,\s*'[^']*'\s*)*\]"), "a Python list"),
    (re.compile(r"\[<\w+: "), "a list of model objects"),
    (
        re.compile(r"<QuerySet|object at 0x|<django\.|datetime\.(date|datetime)\(|Decimal\('"),
        "a repr",
    ),
    (re.compile(r"\bNone\b"), '"None"'),
    (re.compile(r"\{\{|\}\}"), "an unrendered variable"),
    (re.compile(r"\{%|%\}"), "an unrendered template tag"),
]
#: Attributes whose values a reader sees or hears.
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "value"}


class _Page(HTMLParser):
    """The links of a page and the text a reader sees or hears (scripts and styles left out, and
    `<template>` contents, which scripts fill in before anyone sees them)."""

    HIDDEN = ("script", "style", "template")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.HIDDEN:
            self._skip += 1
        if self._skip:
            return
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in READ_ATTRIBUTES & attrs.keys():
            if attrs[name] and not (tag == "input" and attrs.get("type") == "hidden"):
                self.text.append(attrs[name])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.text.append(data)


def shape(url: str) -> str:
    """The kind of page: the path with numbers replaced, and the names of its query."""
    parts = urlsplit(url)
    names = sorted(p.split("=")[0] for p in parts.query.split("&") if p)
    return re.sub(r"\d+", "N", parts.path) + ("?" + "&".join(names) if names else "")


def same_site(href: str, base: str) -> str | None:
    """The site-relative URL of a link, or None when it leaves the portal or leads nowhere."""
    if href.startswith(("mailto:", "tel:", "javascript:", "#")):
        return None
    url, _fragment = urldefrag(urljoin("http://testserver" + base, href))
    parts = urlsplit(url)
    if parts.netloc != "testserver" or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Crawl:
    failures: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    truncated: bool = False


def raw_text(text: str) -> list[str]:
    found = []
    for pattern, what in RAW_TEXT:
        match = pattern.search(text)
        if match:
            start = max(match.start() - 40, 0)
            found.append(f"{what}: …{text[start : match.end() + 40]!r}…")
    return found


def crawl(client: Client, start: str = "/") -> Crawl:
    result = Crawl()
    queue = [(start, "(start)")]
    seen = {start}
    per_shape: dict[str, int] = defaultdict(int)
    while queue:
        url, referrer = queue.pop(0)
        if len(result.visited) >= MAX_PAGES:
            result.truncated = True
            break
        result.visited.append(url)
        response = client.get(url)
        where = f"{url} (linked from {referrer})"
        if response.status_code in (301, 302, 303, 307, 308):
            target = same_site(response["Location"], url)
            if target and target.startswith("/accounts/login/"):
                result.failures.append(f"{where}: sends to the login page")
            elif target and target not in seen:
                seen.add(target)
                queue.append((target, url))
            continue
        if response.status_code != 200:
            result.failures.append(f"{where}: answers {response.status_code}")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = _Page()
        page.feed(response.content.decode(response.charset or "utf-8"))
        for problem in raw_text("\n".join(page.text)):
            result.failures.append(f"{url}: raw program text, {problem}")
        for href in page.links:
            target = same_site(href, url)
            if target is None or target in seen:
                continue
            seen.add(target)
            kind = shape(target)
            limit = PER_DOWNLOAD if DOWNLOADS.search(urlsplit(target).path) else PER_SHAPE
            if per_shape[kind] >= limit:
                continue
            per_shape[kind] += 1
            queue.append((target, url))
    return result


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", force=True, stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            for connection in connections.all():
                connection.close_if_unusable_or_obsolete()


@pytest.mark.parametrize("username", ROLES)
def test_every_link_leads_somewhere(demo, db, username):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=username))
    result = crawl(client)
    assert len(result.visited) > 5, result.visited  # the crawl got past the home page
    if result.failures:
        pytest.fail(
            f"{username}: {len(result.failures)} failures\n" + "\n".join(result.failures),
            pytrace=False,
        )


def test_the_crawler_sees_links_and_raw_text():
    page = _Page()
    page.feed(
        '<a href="/a/">x</a><script>var x = {"a": None};</script><p title="None">{{ x }}</p>'
        "<p>{'a': 1} ['b', 'c']</p><template><a href=\"/__PK__/\">y</a></template>"
    )
    assert page.links == ["/a/"]
    found = " ".join(raw_text("\n".join(page.text)))
    for what in ("a Python dict", "a Python list", '"None"', "unrendered variable"):
        assert what in found
    assert "var x" not in " ".join(page.text)
    assert same_site("https://example.org/x", "/") is None
    assert same_site("../b/#top", "/a/c/") == "/a/b/"
    assert shape("/partners/avk/12/?page=3") == "/partners/avk/N/?page"
