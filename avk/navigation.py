"""The main menu, assembled from what each app offers the person in the current programme.

Each app registers a provider in its AppConfig.ready(); a provider asks its own app's policy
and returns only the entries the person may open, so the menu never shows a dead end.
"""

from collections.abc import Callable
from dataclasses import dataclass

_providers: list[tuple[int, Callable]] = []


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    # The path prefix that marks this entry as the current one (aria-current).
    active_prefix: str = ""


def register(provider: Callable, *, order: int = 100) -> None:
    if all(p is not provider for _o, p in _providers):
        _providers.append((order, provider))
        _providers.sort(key=lambda pair: pair[0])


@dataclass(frozen=True)
class ShownItem:
    label: str
    url: str
    current: bool


def items_for(request, programme) -> list[ShownItem]:
    """The entries for this person and programme, the one they are on marked `current`."""
    found: list[NavItem] = []
    for _order, provider in _providers:
        found.extend(provider(request, programme))
    # The longest matching prefix wins, so "Partners" is not also current on the home page.
    best = max(
        (item for item in found if request.path.startswith(item.active_prefix or item.url)),
        key=lambda item: len(item.active_prefix or item.url),
        default=None,
    )
    return [ShownItem(item.label, item.url, item is best) for item in found]
