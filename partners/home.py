"""Home panels: who may see the partner list (the back office) sees what changed at the
partners, grouped per partner and day and put away per person; a partner contact sees the empty
seats of its delegation, each with a link to fill it. The panels ask the partners policy; the
data for all the person's programmes is read once per request, so the home page's query count
does not grow with the number of programmes."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from avk.access import programme_ids_with_role
from avk.home import CHANGED, WAITING, Panel
from avk.policy import allowed
from programme.core import selectors as core_selectors
from programme.core.models import Programme

from . import selectors
from .selectors.home import CHANGES_FEED, group_changes

_CACHE = "_partners_home"
#: How many raw changes are read per programme, and how many rows the card shows.
RECENT = 60
SHOWN_ROWS = 6
#: Partners named in a row that joins the same change at several partners.
NAMED = 4


def _data(request) -> dict:
    cached = getattr(request, _CACHE, None)
    if cached is None:
        user = request.user
        # the rule needs only the programme's id: no query for the programmes themselves
        programmes = [Programme(pk=pid) for pid in programme_ids_with_role(user)]
        back_office = [p.pk for p in programmes if allowed(user, "partners.view_list", p)]
        changes = selectors.recent_changes_by_programme(programme_ids=back_office, limit=RECENT)
        with_changes = [pid for pid, entries in changes.items() if entries]
        cached = {
            "changes": changes,
            "dismissed": core_selectors.home_dismissals(user=user, programme_ids=with_changes),
            "contacts": selectors.contact_organisations(user=user),
        }
        setattr(request, _CACHE, cached)
    return cached


def _phrase(kind: str, history_type: str, n: int) -> str:
    """One kind of change, counted: "3 delegation members added"."""
    if kind == "delegation":
        if history_type == "+":
            text = ngettext("%(n)s delegation member added", "%(n)s delegation members added", n)
        elif history_type == "-":
            text = ngettext(
                "%(n)s delegation member removed", "%(n)s delegation members removed", n
            )
        else:
            text = ngettext(
                "%(n)s delegation member changed", "%(n)s delegation members changed", n
            )
    elif kind == "commitment":
        if history_type == "+":
            text = ngettext("%(n)s package recorded", "%(n)s packages recorded", n)
        elif history_type == "-":
            text = ngettext("%(n)s package removed", "%(n)s packages removed", n)
        else:
            text = ngettext("%(n)s package changed", "%(n)s packages changed", n)
    elif history_type == "+":
        text = _("organisation added")
    elif history_type == "-":
        text = _("organisation removed")
    else:
        text = _("details changed")
    return text % {"n": n}


def _people(group) -> str:
    return ", ".join(
        (person.get_full_name() or person.username) if person else _("the system")
        for person in group.people
    )


def _rows(groups) -> list[dict]:
    """One row per partner and day; the same change by the same people on the same day at
    several partners (an import, the demo) is one row naming those partners."""
    rows: list[dict] = []
    for group in groups:
        summary = ", ".join(_phrase(*key, n) for key, n in group.counts.items())
        people = _people(group)
        last = rows[-1] if rows else None
        if last and (last["day"], last["summary"], last["people"]) == (
            group.day,
            summary,
            people,
        ):
            last["groups"].append(group)
            last["latest"] = max(last["latest"], group.latest)
            continue
        rows.append(
            {
                "groups": [group],
                "day": group.day,
                "latest": group.latest,
                "summary": summary,
                "people": people,
            }
        )
    for row in rows:
        row["shown"] = row["groups"][:NAMED]
        row["others"] = len(row["groups"]) - len(row["shown"])
    return rows


def _changes_panel(request, programme, data) -> Panel | None:
    entries = data["changes"].get(programme.pk)
    if not entries:
        return None
    groups = group_changes(entries, dismissed=data["dismissed"].get(programme.pk))
    if not groups:
        return None
    rows = _rows(groups)
    return Panel(
        _("Changes at partners"),
        "partners/_panel_changes.html",
        {
            "rows": rows[:SHOWN_ROWS],
            "more": len(rows) > SHOWN_ROWS,
            "latest": groups[0].latest,
            "feed": CHANGES_FEED,
            "programme": programme,
        },
        section=CHANGED,
    )


def _delegation_panel(programme, contact) -> Panel | None:
    partner, missing = contact
    if not missing:
        return None
    seats = len(missing.empty_seats)
    return Panel(
        _("Delegation of %(partner)s") % {"partner": partner},
        "partners/_panel_mine.html",
        {"missing": missing, "programme": programme, "partner": partner},
        section=WAITING,
        count=seats + (1 if missing.no_contact else 0),
        url=reverse("partners:mine", args=[programme.slug]),
    )


def panels(request, programme, roles):
    found = []
    user = request.user
    sees_changes = allowed(user, "partners.view_list", programme)
    sees_mine = allowed(user, "partners.view_mine", programme)
    if not (sees_changes or sees_mine):
        return found
    data = _data(request)
    if sees_changes:
        panel = _changes_panel(request, programme, data)
        if panel:
            found.append(panel)
    contact = data["contacts"].get(programme.pk) if sees_mine else None
    if contact is not None:
        panel = _delegation_panel(programme, contact)
        if panel:
            found.append(panel)
    return found
