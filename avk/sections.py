"""Sections one app adds to another app's object page (the DIN's efforts on a partner's page).

The page's app names the kind of page; other apps register providers for it in their
AppConfig.ready():

    from avk import sections
    sections.register("partner", partner_din_section, order=30)

A provider gets (request, obj, programme) and returns a list of `avk.home.Panel`s; the page
renders each panel's template with `panel` set to the panel's context. Providers ask their own
app's selectors and policy, so the page runs no queries for them.
"""

from collections.abc import Callable

from .home import Panel
from .registry import Registry

_kinds: dict[str, Registry] = {}


def _registry(kind: str) -> Registry:
    return _kinds.setdefault(kind, Registry(f"sections:{kind}"))


def register(kind: str, provider: Callable, *, order: int = 100) -> Callable:
    return _registry(kind).register(provider, order=order)


def unregister(kind: str, provider: Callable) -> None:
    _registry(kind).unregister(provider)


def sections_for(kind: str, request, obj, programme) -> list[Panel]:
    found: list[Panel] = []
    for provider in _registry(kind):
        found.extend(provider(request, obj, programme))
    return found
