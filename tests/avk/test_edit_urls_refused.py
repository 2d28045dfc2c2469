"""Every edit URL refuses everyone it is not for, and nothing changes when it does.

On the demo data (the AVK and Landerd), each demo account's pages are crawled from the home page
(bounded, as in test_crawl) and every form that posts (`<form method="post">`, `hx-post`) is
collected with the values it would send: these are the edit URLs, filled with real demo
objects. An AVK role's forms are AVK URLs; the Landerd team's are Landerd URLs (a role in one
programme gives nothing in the other, so that is all they can be). One URL per URL pattern and
programme is tried, the one offered to the least privileged role (the partner contact's own
organisation before the back office's pick), posted once, with the form's own values, by each
person it is not for:

- on an AVK URL: the board member and the partner contact when no form of that pattern was
  offered to them; a partner contact of another AVK partner unless that very URL was offered to
  them (their own organisation); Landerd's team; an anonymous visitor;
- on a Landerd URL: every AVK account, the other partner contact, an anonymous visitor.

Each must be refused (403 or 404; the anonymous visitor is sent to the login page), and the
database must be the same afterwards: rows, highest ids and versions of every model. The AVK's
back office (programme team, secretariat) is tried on Landerd's URLs; how the two differ from
each other is each area's own access matrix.

Personal URLs, which act only on the person posting (their profile, the language, dismissing a
home panel, logging out), are left out: there is nobody "else" for them.
"""

from __future__ import annotations

import inspect
import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections, transaction
from django.db.models import Max, Sum
from django.test import Client
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse

AVK_ROLES = ["programmateam", "bestuur", "secretaris", "partner"]
LANDERD_ROLES = ["landerd"]
OTHER_PARTNER = "ander-partnercontact"
MAX_PAGES = 100  # pages crawled per role
PER_SHAPE = 1
SKIPPED = ("/admin/", "/static/", "/i18n/", "/accounts/", "/calendar/")
DOWNLOAD = re.compile(r"\.(xlsx|csv|pdf|ics|docx)$|/(pdf|export|download|docx)/?$")
#: URL names that act on the person posting only.
PERSONAL = {
    "home-dismiss",
    "profile",
    "profile-mail",
    "profile-calendar",
    "set_language",
    "logout",
    "search",
}
#: Tables that change without any edit: sessions and login records.
UNWATCHED = {"sessions", "axes", "contenttypes", "admin"}


class _Forms(HTMLParser):
    """The links of a page, and each form that posts with the values it would send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.posts: list[tuple[str, dict]] = []
        self._form: dict | None = None
        self._hx: list[tuple[str, dict | None]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "form" and self._form is None:  # a nested <form> is ignored, as browsers do
            method = (a.get("method") or "get").lower()
            self._form = {"post": method == "post", "action": a.get("action") or "", "data": {}}
            self._form["submit"] = None
        if "hx-post" in a:
            values = None
            if a.get("hx-vals"):
                try:
                    values = {k: str(v) for k, v in json.loads(a["hx-vals"]).items()}
                except (ValueError, AttributeError):
                    values = None
            self._hx.append((a["hx-post"], values))
        form = self._form
        if form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    form["data"].setdefault(name, a.get("value", "on"))
            elif kind in ("submit", "image"):
                if form["submit"] is None:
                    form["submit"] = (name, a.get("value", ""))
            elif kind != "file":
                form["data"].setdefault(name, a.get("value", ""))
        elif tag == "button" and name and (a.get("type") or "submit") == "submit":
            if form["submit"] is None:
                form["submit"] = (name, a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in a or self._select not in form["data"]:
                form["data"][self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            form["data"].setdefault(name, "")

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["data"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._form is not None:
            form = self._form
            data = dict(form["data"])
            if form["submit"]:
                data.setdefault(*form["submit"])
            if form["post"]:
                self.posts.append((form["action"], data))
            for url, values in self._hx:
                self.posts.append((url, values if values is not None else data))
            self._hx = []
            self._form = None

    def close(self):
        super().close()
        for url, values in self._hx:  # hx-post outside any form
            self.posts.append((url, values or {}))
        self._hx = []


def _site(href: str, base: str) -> str | None:
    if href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    url, _fragment = urldefrag(urljoin("http://testserver" + base, href))
    parts = urlsplit(url)
    if parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _shape(url: str) -> str:
    parts = urlsplit(url)
    names = sorted(p.split("=")[0] for p in parts.query.split("&") if p)
    return re.sub(r"\d+", "N", parts.path) + ("?" + "&".join(names) if names else "")


def harvest(client: Client) -> tuple[dict[str, dict], list[str]]:
    """Crawl from the home page: the posting forms found ({url: data}) and the pages seen."""
    queue, seen, visited = ["/"], {"/"}, 0
    per_shape: dict[str, int] = defaultdict(int)
    forms: dict[str, dict] = {}
    pages: list[str] = []
    while queue and visited < MAX_PAGES:
        url = queue.pop(0)
        visited += 1
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages.append(url)
        page = _Forms()
        page.feed(response.content.decode(response.charset or "utf-8"))
        page.close()
        for action, data in page.posts:
            target = _site(action, url) if action else url
            if target and not target.startswith(SKIPPED) and "__" not in target:
                forms.setdefault(target, data)  # (not a <template>'s placeholder URL)
        for href in page.links:
            target = _site(href, url)
            if not target or target in seen or target.startswith(SKIPPED):
                continue
            if DOWNLOAD.search(urlsplit(target).path):
                continue
            seen.add(target)
            kind = _shape(target)
            if per_shape[kind] >= PER_SHAPE:
                continue
            per_shape[kind] += 1
            queue.append(target)
    return forms, pages


def url_name(url: str) -> str | None:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name


def posting_patterns() -> dict[str, str]:
    """{name: route} of every URL pattern of the portal whose view takes a post."""
    found = {}

    def walk(patterns, namespace="", prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif pattern.name:
                try:
                    source = inspect.getsource(inspect.unwrap(pattern.callback))
                except (OSError, TypeError):
                    continue
                if "require_POST" in source or 'method == "POST"' in source:
                    found[namespace + pattern.name] = prefix + str(pattern.pattern)

    walk(get_resolver().url_patterns)
    return {k: v for k, v in found.items() if not k.startswith("admin:") and k not in PERSONAL}


def filled(route: str, name: str, pages: list[str]) -> str | None:
    """The pattern's URL filled with the objects of a page seen below the same path: the
    record step of the proposal whose page was seen, the "held" step of that meeting."""
    converters = re.findall(r"<(?:\w+:)?(\w+)>", route)
    if not converters:
        return None
    last = route.rindex(">") + 1
    prefix = route[: route.index("/", last) + 1] if "/" in route[last:] else route
    for page in pages:
        match = resolve(urlsplit(page).path)
        if match.route.startswith(prefix) and set(converters) <= match.kwargs.keys():
            return reverse(name, kwargs={k: match.kwargs[k] for k in converters})
    return None


def fingerprint() -> dict[str, tuple]:
    """Rows, highest id and the sum of versions of every watched model."""
    found = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in UNWATCHED or not meta.managed or meta.proxy:
            continue
        aggregates = {}
        if meta.pk.get_internal_type() != "UUIDField":  # PostgreSQL has no max(uuid)
            aggregates["top"] = Max("pk")
        if any(f.name == "version" for f in meta.concrete_fields):
            aggregates["versions"] = Sum("version")
        values = model._base_manager.aggregate(**aggregates)
        found[meta.label] = (model._base_manager.count(), *values.values())
    return found


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data and a partner contact of another AVK partner, rolled back after."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", force=True, stdout=StringIO())
            from avk.access import Role
            from partners.models import Partner
            from programme.core.models import Programme
            from tests.factories import RoleAssignmentFactory, UserFactory

            avk = Programme.objects.get(slug="avk")
            own = get_user_model().objects.get(username="partner").programme_roles.get().partner
            # the last by name: the crawls open the first partners of a list
            other = (
                Partner.objects.filter(participations__programme=avk)
                .exclude(pk=own.pk)
                .order_by("-name")[0]
            )
            RoleAssignmentFactory(
                programme=avk,
                user=UserFactory(username=OTHER_PARTNER),
                role=Role.PARTNER_CONTACT,
                partner=other,
            )
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            for connection in connections.all():
                connection.close_if_unusable_or_obsolete()


def client_for(username: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


#: Least privileged first: the URL of a pattern that is tested is the one the least privileged
#: role was offered (Noorderpoort's own, for its contact), so everyone above it is "other".
HARVESTERS = ["partner", "bestuur", "secretaris", "programmateam", OTHER_PARTNER, "landerd"]
#: The back office of the AVK: their differences among themselves are each area's access
#: matrix; here they are tried on Landerd's URLs.
BACK_OFFICE = {"programmateam", "secretaris"}


def refused(response, username) -> bool:
    if username is None:
        return response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    return response.status_code in (403, 404)


def test_every_edit_url_refuses_every_other_role(demo, db):
    crawled = {username: harvest(client_for(username)) for username in HARVESTERS}
    offered = {username: forms for username, (forms, _pages) in crawled.items()}
    patterns = {username: {(url_name(url)) for url in forms} for username, forms in offered.items()}
    targets: dict[tuple[str, str], tuple[str, dict]] = {}  # (programme, name) -> (url, data)
    for username in HARVESTERS:
        programme = "landerd" if username in LANDERD_ROLES else "avk"
        for url, data in offered[username].items():
            name = url_name(url)
            if name and name not in PERSONAL:
                targets.setdefault((programme, name), (url, data))
    assert len(targets) >= 60, sorted(targets)  # the crawl found the forms
    # Patterns whose form no crawl met (an object in another state, a page past the bound):
    # filled with the objects of the pages seen, posted empty.
    pages = {
        "avk": [p for u in AVK_ROLES for p in crawled[u][1]],
        "landerd": [p for u in LANDERD_ROLES for p in crawled[u][1]],
    }
    for name, route in posting_patterns().items():
        for programme in ("avk", "landerd"):
            if (programme, name) not in targets:
                url = filled(route, name, pages[programme])
                if url:
                    targets[(programme, name)] = (url, {})

    def others(programme: str, name: str, url: str) -> list[str | None]:
        if programme == "landerd":
            return [*AVK_ROLES, OTHER_PARTNER, None]
        found = [u for u in ("bestuur", "partner") if name not in patterns[u]]
        if url not in offered[OTHER_PARTNER] and not own_partner_url(url):
            found.append(OTHER_PARTNER)
        return [*found, *LANDERD_ROLES, None]

    def own_partner_url(url: str) -> bool:
        """A partners URL of the other partner contact's own organisation."""
        match = resolve(urlsplit(url).path)
        return match.namespace == "partners" and match.kwargs.get("pk") == their_partner

    their_partner = (
        get_user_model().objects.get(username=OTHER_PARTNER).programme_roles.get().partner_id
    )
    clients = {u: client_for(u) for u in [*AVK_ROLES, *LANDERD_ROLES, OTHER_PARTNER, None]}
    start = before = fingerprint()
    failures, tried = [], 0
    for (programme, name), (url, data) in sorted(targets.items()):
        answered = []
        for username in others(programme, name, url):
            tried += 1
            response = clients[username].post(url, data)
            if not refused(response, username):
                who = username or "anonymous"
                location = response.get("Location", "")
                answered.append(f"{url} ({name}) as {who}: {response.status_code} {location}")
        if answered:  # not refused: did it change anything?
            failures += answered
            after = fingerprint()
            if after != before:
                changed = sorted(k for k in after if after[k] != before.get(k))
                failures.append(f"{url} ({name}): the database changed: {', '.join(changed)}")
                before = after
    if not failures:
        assert fingerprint() == start  # refused posts changed nothing
    assert tried > 250, tried
    assert failures == [], f"{len(failures)} of {tried} posts not refused:\n" + "\n".join(failures)
