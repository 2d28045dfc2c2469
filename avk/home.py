"""The home page's panels: per programme and role, what needs this person's attention.

Each app registers a provider in its AppConfig.ready(). A provider gets the request and one
programme the person has a role in (with those roles) and returns `Panel`s; it asks its own
app's selectors, so the home page never runs queries of its own.

The home page sorts the panels into four sections, each a column of cards with a heading:
what waits for the person (`WAITING`: votes, approvals, measurements due, empty seats), what is
coming (`COMING`: meetings and deadlines), what changed (`CHANGED`) and how things stand
(`STATUS`: a budget, a count to keep an eye on). A panel may carry a
`count` with the `url` of the full, filtered list it counts.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .registry import Registry

providers = Registry(__name__)
register = providers.register

WAITING = "waiting"
COMING = "coming"
CHANGED = "changed"
STATUS = "status"

#: The sections in the order the page shows them, with their headings.
SECTIONS = {
    WAITING: _("Waiting for you"),
    COMING: _("Coming up"),
    CHANGED: _("What changed"),
    STATUS: _("State of affairs"),
}


@dataclass
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    section: str = WAITING
    count: int | None = None  # how many there are in all (shown next to the title)
    url: str = ""  # the full list the count leads to


def panels_for(request, programme, roles: frozenset[str]) -> list[Panel]:
    found: list[Panel] = []
    for provider in providers:
        found.extend(provider(request, programme, roles))
    return found


def sections_for(panels: list[Panel]) -> dict[str, list[Panel]]:
    """The panels per section ({section: [panel, ...]}, every section present, page order)."""
    found: dict[str, list[Panel]] = {key: [] for key in SECTIONS}
    for panel in panels:
        found.setdefault(panel.section if panel.section in SECTIONS else WAITING, []).append(panel)
    return found
