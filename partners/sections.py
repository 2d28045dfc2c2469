"""Sections other apps add to a partner's page and to "Mijn organisatie".

An app registers a provider in its AppConfig.ready():

    from partners import sections
    sections.register(my_provider, order=50)

A provider gets (request, partner, programme) and returns a list of `avk.home.Panel`s; the page
renders each panel's template with `panel` set to the panel's context. Providers ask their own
app's selectors and policy, so the partner page runs no queries for them.

`partners/_section_list.html` is a ready-made template: give the panel a context
{"items": [{"label": ..., "url": ..., "note": ...}], "empty": "shown when there are none"}.
"""

from collections.abc import Callable

from avk.home import Panel

_providers: list[tuple[int, Callable]] = []


def register(provider: Callable, *, order: int = 100) -> None:
    if all(p is not provider for _o, p in _providers):
        _providers.append((order, provider))
        _providers.sort(key=lambda pair: pair[0])


def unregister(provider: Callable) -> None:
    _providers[:] = [(o, p) for o, p in _providers if p is not provider]


def sections_for(request, partner, programme) -> list[Panel]:
    found: list[Panel] = []
    for _order, provider in _providers:
        found.extend(provider(request, partner, programme))
    return found
