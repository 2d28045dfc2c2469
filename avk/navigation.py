"""The main menu, assembled from what each app offers the person in the current programme.

Each app registers a provider in its AppConfig.ready(); a provider asks its own app's policy
and returns only the entries the person may open, so the menu never shows a dead end.
"""

from dataclasses import dataclass, field

from .registry import Registry

providers = Registry(__name__)
register = providers.register


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    # The path prefix that marks this entry as the current one (aria-current).
    active_prefix: str = ""
    # Entries with the same group label are shown together in one dropdown menu.
    group: str = ""


@dataclass
class ShownItem:
    """An entry as the menu shows it: a link, or a group (dropdown) with `children`."""

    label: str
    url: str = ""
    current: bool = False
    children: list["ShownItem"] = field(default_factory=list)


def items_for(request, programme) -> list[ShownItem]:
    """The entries for this person and programme, grouped, the one they are on `current`.

    A group with a single entry is shown as a plain link, so nobody opens a menu of one.
    """
    found: list[NavItem] = []
    for provider in providers:
        found.extend(provider(request, programme))
    # The longest matching prefix wins, so "Partners" is not also current on the home page.
    best = max(
        (item for item in found if request.path.startswith(item.active_prefix or item.url)),
        key=lambda item: len(item.active_prefix or item.url),
        default=None,
    )
    shown: list[ShownItem] = []
    groups: dict[str, ShownItem] = {}
    for item in found:
        entry = ShownItem(item.label, item.url, item is best)
        if not item.group:
            shown.append(entry)
        elif item.group in groups:
            groups[item.group].children.append(entry)
        else:
            groups[item.group] = ShownItem(item.group, children=[entry])
            shown.append(groups[item.group])
    for position, entry in enumerate(shown):
        if len(entry.children) == 1:
            shown[position] = entry.children[0]
        elif entry.children:
            entry.current = any(child.current for child in entry.children)
    return shown
