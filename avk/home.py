"""The home page's panels: per programme and role, what needs this person's attention.

Each app registers a provider in its AppConfig.ready(). A provider gets the request and one
programme the person has a role in (with those roles) and returns `Panel`s; it asks its own
app's selectors, so the home page never runs queries of its own.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

_providers: list[tuple[int, Callable]] = []


@dataclass
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)


def register(provider: Callable, *, order: int = 100) -> None:
    if all(p is not provider for _o, p in _providers):
        _providers.append((order, provider))
        _providers.sort(key=lambda pair: pair[0])


def panels_for(request, programme, roles: frozenset[str]) -> list[Panel]:
    found: list[Panel] = []
    for _order, provider in _providers:
        found.extend(provider(request, programme, roles))
    return found
