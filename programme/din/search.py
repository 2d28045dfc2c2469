"""The DIN in the header's search box (registered with avk.search in programme/apps.py):
strategic and operational goals and efforts of the programmes whose DIN the person may read
(`din.view_din`), one query per kind."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avk import policy
from avk.search import Group, Hit, Query, first, matching

from .models import Effort, OperationalGoal, StrategicGoal

GOAL_FIELDS = {"title": "A", "description": "B"}
EFFORT_FIELDS = {
    "title": "A",
    "description": "B",
    "place": "B",
    "municipality": "C",
    "progress_note": "C",
}


def _din_url(programme, anchor: str) -> str:
    return reverse("programme:din", args=[programme.slug]) + f"#{anchor}"


def search(query: Query) -> list[Group]:
    readable = [p for p in query.programmes if policy.allowed(query.user, "din.view_din", p)]
    if not readable:
        return []
    groups = []
    if query.wants("strategic_goals"):
        rows, more = first(
            matching(
                StrategicGoal.objects.filter(programme__in=readable).select_related(
                    "line", "programme"
                ),
                query.text,
                GOAL_FIELDS,
            ),
            query.limit,
        )
        hits = [
            Hit(g.title, _din_url(g.programme, f"strategic-{g.pk}"), g.line.name, g.programme)
            for g in rows
        ]
        groups.append(Group("strategic_goals", _("Strategic goals"), hits, more))
    if query.wants("operational_goals"):
        rows, more = first(
            matching(
                OperationalGoal.objects.filter(programme__in=readable).select_related(
                    "strategic_goal", "programme"
                ),
                query.text,
                GOAL_FIELDS,
            ),
            query.limit,
        )
        hits = [
            Hit(
                g.title,
                _din_url(g.programme, f"operational-{g.pk}"),
                g.strategic_goal.title,
                g.programme,
            )
            for g in rows
        ]
        groups.append(Group("operational_goals", _("Operational goals"), hits, more))
    if query.wants("efforts"):
        rows, more = first(
            matching(
                Effort.objects.filter(programme__in=readable).select_related("programme"),
                query.text,
                EFFORT_FIELDS,
            ),
            query.limit,
        )
        hits = [
            Hit(
                e.title,
                e.get_absolute_url(),
                " · ".join(
                    str(p) for p in (e.get_status_display(), e.place or e.municipality) if p
                ),
                e.programme,
            )
            for e in rows
        ]
        groups.append(Group("efforts", _("Efforts"), hits, more))
    return groups
