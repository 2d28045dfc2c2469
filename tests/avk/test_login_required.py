"""Every page needs a login, except the login, password-reset, language and health pages and the
calendar feed (its private link is the key)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import UUIDConverter

PUBLIC = {
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "healthz",
    "set_language",
    "calendar-feed",  # calendar programs read it by its private token (tests/avk/test_calendar.py)
}
SAMPLE_KWARGS = {
    "slug": "avk",
    "pk": 1,
    "uidb64": "MQ",
    "token": "abc-123",
    "kind": "line",
    "side": "kosten",
    "link": 1,
    "partner_pk": 1,
}


def named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # the admin has its own login, tested below
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = entry.pattern.converters
            yield (
                namespace + entry.name,
                [f"{p}:uuid" if isinstance(c, UUIDConverter) else p for p, c in converters.items()],
            )


SAMPLE_UUID = "12345678-1234-5678-1234-567812345678"


def sample_url(name, params):
    kwargs = {}
    for param in params:
        key, _, kind = param.partition(":")
        kwargs[key] = SAMPLE_UUID if kind == "uuid" else SAMPLE_KWARGS[key]
    return reverse(name, kwargs=kwargs)


PRIVATE = sorted({(n, tuple(p)) for n, p in named_patterns() if n not in PUBLIC})


@pytest.mark.parametrize("name, params", PRIVATE, ids=[n for n, _ in PRIVATE])
def test_anonymous_is_sent_to_login(client, db, name, params):
    url = sample_url(name, params)
    response = client.get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_the_list_of_private_pages_is_not_empty():
    names = {name for name, _ in PRIVATE}
    assert {"home", "programme:detail", "programme:people", "password_change"} <= names


@pytest.mark.parametrize("name", ["login", "password_reset", "healthz"])
def test_public_pages_answer_without_login(client, db, name):
    assert client.get(reverse(name)).status_code == 200


def test_admin_asks_for_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
