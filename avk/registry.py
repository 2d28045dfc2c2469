"""Ordered registries that apps fill in their AppConfig.ready(), so avk never imports them.

The menu (`avk.navigation`), the home page's panels (`avk.home`), the sections of an object's
page (`avk.sections`), the demo data steps (`avk.demo`) and the adopters of board decisions
(`avk.adoption`) are registries: the shell offers the place, the apps bring what fills it.
"""

from collections.abc import Callable, Iterator


class Registry:
    """Providers in the order given at registration (lower first); registering twice is a no-op."""

    def __init__(self, name: str):
        self.name = name
        self._entries: list[tuple[int, Callable]] = []

    def register(self, provider: Callable, *, order: int = 100) -> Callable:
        if all(p != provider for _o, p in self._entries):
            self._entries.append((order, provider))
            self._entries.sort(key=lambda pair: pair[0])
        return provider

    def unregister(self, provider: Callable) -> None:
        self._entries[:] = [(o, p) for o, p in self._entries if p != provider]

    def __iter__(self) -> Iterator[Callable]:
        return iter([provider for _order, provider in self._entries])

    def __len__(self) -> int:
        return len(self._entries)
