"""The Content-Security-Policy, the headers of every response and no inline code in pages.

The policy forbids inline scripts, event handler attributes, `<style>` blocks and `style=""`
attributes, so a page that still had one would break in the browser: every template is read for
them, and the pages a logged-in person meets (a bounded crawl from the home page of the demo
data, for three roles) are parsed for them. PDF templates (`pdf/` folders) are never served to
a browser and keep their `<style>`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates", *sorted(ROOT.glob("*/templates"))]
MAX_PAGES = 120
PER_SHAPE = 1
SKIPPED = ("/static/", "/i18n/", "/accounts/logout/")
DOWNLOAD = re.compile(r"\.(xlsx|csv|pdf|ics|docx)$|/(pdf|export|download|docx)/?$")


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


class InlineCode(HTMLParser):
    """What a Content-Security-Policy without 'unsafe-inline' would block in a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        data = names.get("type") in ("application/json", "application/ld+json")
        if tag == "script" and not names.get("src") and not data:
            self.found.append("an inline <script>")
        if tag == "style":
            self.found.append("a <style> block")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'style="{value}" on <{tag}>')
            elif name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"a javascript: URL on <{tag}>")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_the_parser_finds_every_kind_of_inline_code():
    found = inline_code(
        '<script>alert(1)</script><script src="/static/x.js"></script>'
        '<style>p{}</style><p style="color:red" onclick="x()">a</p>'
        '<svg><text font-style="italic">t</text></svg><a href="javascript:x()">b</a>'
        '<img src="/x.png" onerror="y()"/>'
    )
    assert found == [
        "an inline <script>",
        "a <style> block",
        'style="color:red" on <p>',
        "onclick= on <p>",
        "a javascript: URL on <a>",
        "onerror= on <img>",
    ]


TEMPLATE_PATTERNS = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style\b", re.I), "a <style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event handler attribute"),
]


def screen_templates():
    for folder in TEMPLATE_DIRS:
        for path in sorted(folder.rglob("*.html")):
            if "pdf" in path.relative_to(folder).parts:
                continue  # WeasyPrint's templates: never served to a browser
            yield path


def test_no_template_served_to_a_browser_holds_inline_code():
    found = []
    templates = list(screen_templates())
    assert len(templates) > 50
    for path in templates:
        text = path.read_text()
        for pattern, what in TEMPLATE_PATTERNS:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert found == []


@pytest.mark.django_db
def test_every_page_carries_the_policy(client):
    for response in (client.get("/accounts/login/"), client.get("/healthz")):
        directives = policy(response)
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["form-action"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_logged_in_responses_are_private_and_never_stored(client):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.test import RequestFactory

    from avk.middleware import PrivateCacheMiddleware

    request = RequestFactory().get("/accounts/login/")
    request.user = AnonymousUser()
    untouched = PrivateCacheMiddleware(lambda request: HttpResponse("x"))(request)
    assert "Cache-Control" not in untouched  # anonymous pages keep their own caching
    client.force_login(UserFactory())
    for url in ("/", reverse("search") + "?q=plan", reverse("profile")):
        response = client.get(url)
        cache = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache, (url, response["Cache-Control"])
        assert "public" not in cache
        assert policy(response)["default-src"] == ["'self'"]


@pytest.mark.django_db
def test_static_files_keep_their_own_caching(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in tests
    client.force_login(UserFactory())
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


# The pages themselves: a bounded crawl of the demo data as three roles.


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def _same_site(href: str, base: str) -> str | None:
    if href.startswith(("mailto:", "tel:", "#")):
        return None
    url, _fragment = urldefrag(urljoin("http://testserver" + base, href))
    parts = urlsplit(url)
    if parts.netloc != "testserver" or parts.path.startswith(SKIPPED):
        return None
    if DOWNLOAD.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _shape(url: str) -> str:
    parts = urlsplit(url)
    names = sorted(p.split("=")[0] for p in parts.query.split("&") if p)
    return re.sub(r"\d+", "N", parts.path) + ("?" + "&".join(names) if names else "")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
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


@pytest.mark.parametrize("username", ["programmateam", "partner", "admin"])
def test_pages_of_the_demo_hold_no_inline_code(demo, db, username):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=username))
    starts = ["/"]
    if username == "admin":  # the Django admin is served under the same policy
        starts += [
            "/admin/",
            "/admin/partners/partner/",
            "/admin/partners/partner/add/",
            "/admin/partners/partner/export/",  # a page, though its path looks like a download
        ]
    queue, seen, visited = list(starts), set(starts), []
    per_shape: dict[str, int] = defaultdict(int)
    problems = []
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        visited.append(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        assert "Content-Security-Policy" in response, url
        assert "no-store" in response["Cache-Control"], url
        html = response.content.decode(response.charset or "utf-8")
        problems += [f"{url}: {what}" for what in inline_code(html)]
        links = _Links()
        links.feed(html)
        for href in links.links:
            target = _same_site(href, url)
            if target is None or target in seen:
                continue
            if target.startswith("/admin/") and username != "admin":
                continue
            seen.add(target)
            kind = _shape(target)
            if per_shape[kind] >= PER_SHAPE:
                continue
            per_shape[kind] += 1
            queue.append(target)
    assert len(visited) > 20, visited
    assert problems == [], "\n".join(sorted(set(problems)))


def test_sessions_end_after_a_working_day_and_cookies_are_closed_to_scripts():
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_passwords_have_at_least_twelve_characters():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("nl"):
        with pytest.raises(ValidationError) as refused:
            validate_password("Kort-wacht1")  # 11 characters
        assert "12 tekens" in " ".join(refused.value.messages)
    validate_password("Veenkolonien-2043!")
