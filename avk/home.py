"""The home page's panels: per programme and role, what needs this person's attention.

Each app registers a provider in its AppConfig.ready(). A provider gets the request and one
programme the person has a role in (with those roles) and returns `Panel`s; it asks its own
app's selectors, so the home page never runs queries of its own.
"""

from dataclasses import dataclass, field

from .registry import Registry

providers = Registry(__name__)
register = providers.register


@dataclass
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)


def panels_for(request, programme, roles: frozenset[str]) -> list[Panel]:
    found: list[Panel] = []
    for provider in providers:
        found.extend(provider(request, programme, roles))
    return found
