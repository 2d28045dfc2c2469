"""Read-side queries for the DIN diagram (and what the planning shares with it: the filters,
the efforts' rows and their partners): a fixed number of queries, whatever the size of the DIN."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse

from avk.html import pk_urls
from partners.models import Participation, Partner
from programme.core.models import Programme

from .. import diagram
from ..models import (
    Contribution,
    Effort,
    EffortGoal,
    EffortPartner,
    OperationalGoal,
    PartnerRole,
    ProgrammeLine,
)

__all__ = [
    "DiagramData",
    "PartnerName",
    "din_diagram_data",
    "effort_url",
    "goal_url",
    "partner_url",
    "visual_filter_lines",
    "visual_filter_partners",
]


def _url(name: str, args, anchor: str = "") -> str | None:
    """The URL of a page if the portal has it (other parts of the DIN arrive in steps)."""
    try:
        return reverse(name, args=args) + anchor
    except NoReverseMatch:
        return None


def _urls_by_pk(name: str):
    """pk -> `_url(name, [pk])` with one `reverse()` for all the rows (`avk.html.pk_urls`);
    None for every row where the portal has no such page."""
    try:
        return pk_urls(name)
    except NoReverseMatch:
        return lambda pk: None


def effort_url(effort_id: int) -> str | None:
    return _url("programme:effort-detail", [effort_id])


def partner_url(partner_id: int) -> str | None:
    return _url("partners:detail", [partner_id])


def goal_url(programme: Programme, goal_id: int, level: str = "operational") -> str | None:
    """The goal (level "operational" or "strategic") or line ("line") in the DIN overview."""
    return _url("programme:din", [programme.slug], f"#{level}-{goal_id}")


def visual_filter_lines(*, programme: Programme) -> QuerySet[ProgrammeLine]:
    return ProgrammeLine.objects.filter(programme=programme).order_by("order", "pk")


def visual_filter_partners(*, programme: Programme) -> QuerySet[Partner]:
    """Partners of the programme's alliance and partners that take part in its efforts. The
    alliance is read from the participations alone: joined to the partners as well, PostgreSQL
    compared every partner with every participation (23 ms at 10x the AVK, issue 15)."""
    in_efforts = EffortPartner.objects.filter(effort__programme=programme).values("partner_id")
    in_alliance = Participation.objects.filter(programme=programme).values("partner_id")
    return Partner.objects.filter(Q(pk__in=in_efforts) | Q(pk__in=in_alliance)).order_by("name")


def _efforts(programme, *, line=None, partner=None, status=None) -> QuerySet[Effort]:
    """The efforts with these filters (without their partners)."""
    efforts = Effort.objects.filter(programme=programme)
    if line is not None:
        efforts = efforts.filter(
            pk__in=EffortGoal.objects.filter(goal__strategic_goal__line=line).values("effort_id")
        )
    if partner is not None:
        efforts = efforts.filter(
            pk__in=EffortPartner.objects.filter(partner=partner).values("effort_id")
        )
    if status:
        efforts = efforts.filter(status=status)
    return efforts


_PARTNER_ORDER = ("-role", "partner__name")


@dataclass(frozen=True)
class PartnerName:
    """A partner in a row of the planning: its key and name, read without the rest."""

    pk: int
    name: str

    def __str__(self) -> str:
        return self.name


def _partner_links(effort_ids: list[int]) -> dict[int, list[tuple[PartnerName, str]]]:
    """effort pk -> [(partner, role)], lead first, then by name: one query of plain values
    (as model rows they were a third of the planning's time; issue 15), none for no efforts."""
    links: dict[int, list[tuple[PartnerName, str]]] = {}
    if effort_ids:
        for effort_id, partner_id, role, name in (
            EffortPartner.objects.filter(effort_id__in=effort_ids)
            .order_by(*_PARTNER_ORDER)
            .values_list("effort_id", "partner_id", "role", "partner__name")
        ):
            links.setdefault(effort_id, []).append((PartnerName(partner_id, name), role))
    return links


class _GoalLink(NamedTuple):
    """An effort's link to a goal, read as plain values."""

    goal_id: int
    contribution: str


# -- The diagram ---------------------------------------------------------------------------


@dataclass
class DiagramData:
    """The laid-out diagram and the same data as a tree for the text version."""

    diagram: diagram.Diagram
    tree: list[dict]  # lines -> strategic goals -> goals -> efforts -> partners
    unlinked_efforts: list[dict]  # efforts that serve none of the goals shown
    counts: dict = field(default_factory=dict)


def _effort_item(effort: Effort, rows: _EffortRows) -> diagram.Item:
    return diagram.Item(
        effort.pk,
        effort.title,
        rows.effort_url(effort.pk),
        status=effort.status,
        status_label=effort.get_status_display(),
        progress=effort.progress,
    )


def din_diagram_data(*, programme: Programme, line=None, partner=None) -> DiagramData:
    """Goals, efforts and partners of `programme` for the diagram: with `line`, the goals of
    that line and the efforts serving them; with `partner`, the efforts that partner takes
    part in and the goals they serve. Four queries."""
    goals = list(
        OperationalGoal.objects.filter(programme=programme)
        .filter(**({"strategic_goal__line": line} if line is not None else {}))
        .select_related("strategic_goal__line")
        .order_by(
            "strategic_goal__line__order",
            "strategic_goal__line__pk",
            "strategic_goal__order",
            "strategic_goal__pk",
            "order",
            "pk",
        )
    )
    efforts = list(_efforts(programme, line=line, partner=partner).order_by("title", "pk"))
    ids = [effort.pk for effort in efforts]
    links_of = _partner_links(ids)
    served_by: dict[int, list[_GoalLink]] = {}
    for effort_id, goal_id, contribution in (
        EffortGoal.objects.filter(effort_id__in=ids)
        .order_by("pk")
        .values_list("effort_id", "goal_id", "contribution")
        if ids
        else ()
    ):
        served_by.setdefault(effort_id, []).append(_GoalLink(goal_id, contribution))
    if partner is not None:
        served = {link.goal_id for links in served_by.values() for link in links}
        goals = [goal for goal in goals if goal.pk in served]
    goal_ids = {goal.pk for goal in goals}

    rows = _EffortRows()
    partners: dict[int, PartnerName] = {}
    goal_links: list[tuple[int, int, str]] = []
    partner_links: list[tuple[int, int, str]] = []
    efforts_by_goal: dict[int, list[tuple[Effort, _GoalLink]]] = {}
    unlinked: list[Effort] = []
    for effort in efforts:
        linked = False
        for link in served_by.get(effort.pk, ()):
            if link.goal_id in goal_ids:
                linked = True
                goal_links.append((link.goal_id, effort.pk, link.contribution))
                efforts_by_goal.setdefault(link.goal_id, []).append((effort, link))
        if not linked:
            unlinked.append(effort)
        for partner_name, role in links_of.get(effort.pk, ()):
            partners[partner_name.pk] = partner_name
            partner_links.append((effort.pk, partner_name.pk, role))

    # The goal column, grouped by line and strategic goal.
    groups: list[diagram.GoalGroup] = []
    tree: list[dict] = []
    for goal in goals:
        strategic = goal.strategic_goal
        programme_line = strategic.line
        if not tree or tree[-1]["line"].pk != programme_line.pk:
            tree.append({"line": programme_line, "strategic_goals": []})
        branch = tree[-1]["strategic_goals"]
        if not branch or branch[-1]["goal"].pk != strategic.pk:
            branch.append({"goal": strategic, "goals": []})
            groups.append(
                diagram.GoalGroup(
                    programme_line.name,
                    strategic.title,
                    [],
                    line_key=programme_line.pk,
                    line_url=goal_url(programme, programme_line.pk, "line"),
                    strategic_url=goal_url(programme, strategic.pk, "strategic"),
                )
            )
        groups[-1].goals.append(diagram.Item(goal.pk, goal.title, goal_url(programme, goal.pk)))
        branch[-1]["goals"].append(
            {
                "goal": goal,
                "url": goal_url(programme, goal.pk),
                "efforts": [
                    rows.row(effort, contribution=link, links=links_of.get(effort.pk, []))
                    for effort, link in efforts_by_goal.get(goal.pk, [])
                ],
            }
        )

    partner_items = [
        diagram.Item(p.pk, p.name, rows.partner_url(p.pk))
        for p in sorted(partners.values(), key=lambda p: (p.name.lower(), p.pk))
    ]
    laid_out = diagram.layout(
        groups, [_effort_item(e, rows) for e in efforts], partner_items, goal_links, partner_links
    )
    return DiagramData(
        diagram=laid_out,
        tree=tree,
        unlinked_efforts=[rows.row(e, links=links_of.get(e.pk, [])) for e in unlinked],
        counts={"goals": len(goals), "efforts": len(efforts), "partners": len(partners)},
    )


class _EffortRows:
    """The rows of the text version and the planning. An effort serving several goals shows
    once per goal: its partner list, the URLs and the labels are built once per effort,
    partner and choice, not once per goal link."""

    def __init__(self):
        self.partners: dict[int, list[dict]] = {}
        self.partner_urls: dict[int, str | None] = {}
        self.effort_urls: dict[int, str | None] = {}
        self._effort_url = _urls_by_pk("programme:effort-detail")
        self._partner_url = _urls_by_pk("partners:detail")
        self.roles = {code: str(label) for code, label in PartnerRole.choices}
        self.contributions = {code: str(label) for code, label in Contribution.choices}

    def effort_url(self, effort_id: int) -> str | None:
        if effort_id not in self.effort_urls:
            self.effort_urls[effort_id] = self._effort_url(effort_id)
        return self.effort_urls[effort_id]

    def partner_url(self, partner_id: int) -> str | None:
        if partner_id not in self.partner_urls:
            self.partner_urls[partner_id] = self._partner_url(partner_id)
        return self.partner_urls[partner_id]

    def partner_rows(self, effort: Effort, links=None) -> list[dict]:
        """The effort's partners: from `links` [(partner, role)] if given, else from its
        prefetched `partner_links`."""
        if effort.pk not in self.partners:
            if links is None:
                links = [(link.partner, link.role) for link in effort.partner_links.all()]
            self.partners[effort.pk] = [
                {
                    "partner": partner,
                    "url": self.partner_url(partner.pk),
                    "lead": role == PartnerRole.LEAD,
                    "role": self.roles.get(role, role),
                }
                for partner, role in links
            ]
        return self.partners[effort.pk]

    def row(self, effort: Effort, contribution: EffortGoal | None = None, links=None) -> dict:
        code = contribution.contribution if contribution else ""
        return {
            "effort": effort,
            "url": self.effort_url(effort.pk),
            "contribution": self.contributions.get(code, code) if code else "",
            "contribution_code": code,
            "partners": self.partner_rows(effort, links),
        }
