"""A phase plan's contents as its page and its PDF show them: the chapters of the programme
plan (seed 002) filled from `contents()`, with dates as dates, amounts as Decimals, the efforts
grouped per goal and on a timeline, and the figure of each strategic goal. No queries: it reads
the structure `contents()` built (or the frozen snapshot)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from avk.formats import months

from .. import figure, timeline


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass
class PlanningGroup:
    """Efforts serving the same goals, as chapter 4 of the programme plan groups them."""

    goals: list[str]
    efforts: list[dict]
    start: date | None = None
    end: date | None = None
    partners: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)

    @property
    def period(self) -> str:
        return months(self.start, self.end)


@dataclass
class Document:
    data: dict
    programme: dict
    plan: dict
    texts: dict
    lines: list[dict]
    efforts: list[dict]
    general: list[dict]  # efforts taken up that serve none of the goals taken up
    structural: list[dict]
    planning: list[PlanningGroup]
    timeline: timeline.Timeline
    working_groups: list[dict]
    bodies: list[tuple[str, list[dict]]]
    budget: dict | None
    attention_points: list[dict]

    @property
    def strategic_goals(self) -> list[dict]:
        return [goal for line in self.lines for goal in line["strategic_goals"]]

    @property
    def counts(self) -> dict:
        operational = sum(len(g["operational_goals"]) for g in self.strategic_goals)
        return {
            "strategic": len(self.strategic_goals),
            "operational": operational,
            "efforts": len(self.efforts),
        }


def _effort(raw: dict) -> dict:
    start, end = _day(raw.get("start")), _day(raw.get("end"))
    return {**raw, "start": start, "end": end, "period": months(start, end)}


def _planning(lines: list[dict], efforts: list[dict]) -> list[PlanningGroup]:
    titles = {
        og["id"]: og["title"]
        for line in lines
        for sg in line["strategic_goals"]
        for og in sg["operational_goals"]
    }
    groups: dict[tuple, PlanningGroup] = {}
    for effort in efforts:
        if effort["structural"]:
            continue
        key = tuple(effort["goals"])
        group = groups.get(key)
        if group is None:
            group = groups[key] = PlanningGroup([titles[g] for g in key if g in titles], [])
        group.efforts.append(effort)
    for group in groups.values():
        starts = [e["start"] for e in group.efforts if e["start"]]
        ends = [e["end"] for e in group.efforts if e["end"]]
        group.start = min(starts) if starts else None
        group.end = max(ends) if ends else None
        for effort in group.efforts:
            for partner in effort["partners"]:
                if partner["name"] not in group.partners:
                    group.partners.append(partner["name"])
            others = effort.get("other_parties") or ""
            for name in [p.strip() for p in others.replace("\n", ",").split(",")]:
                if name and name not in group.others:
                    group.others.append(name)
    return sorted(groups.values(), key=lambda g: (not g.goals, g.start or date.max))


def _budget(raw: dict | None) -> dict | None:
    if raw is None:
        return None

    def rows(side):
        return [{**row, "amount": Decimal(row["amount"])} for row in raw[side]]

    costs, coverage = rows("costs"), rows("coverage")
    costs_total, coverage_total = Decimal(raw["costs_total"]), Decimal(raw["coverage_total"])
    return {
        **raw,
        "costs": costs,
        "coverage": coverage,
        "costs_total": costs_total,
        "coverage_total": coverage_total,
        "balance": coverage_total - costs_total,
        "rows": max(len(costs), len(coverage)),
    }


def thaw(data: dict) -> Document:
    """The document of a plan's contents (live or frozen)."""
    plan = {
        **data["plan"],
        "valid_from": _day(data["plan"]["valid_from"]),
        "valid_until": _day(data["plan"]["valid_until"]),
    }
    plan["period"] = months(plan["valid_from"], plan["valid_until"])
    efforts = [_effort(raw) for raw in data["efforts"]]
    by_id = {effort["id"]: effort for effort in efforts}
    ambition = data["programme"].get("ambition", "")
    lines = []
    for line in data["lines"]:
        goals = []
        for sg in line["strategic_goals"]:
            operational = [
                {
                    **og,
                    "efforts": [
                        by_id[e] for e in og["efforts"] if e in by_id and not by_id[e]["structural"]
                    ],
                }
                for og in sg["operational_goals"]
            ]
            goals.append(
                {
                    **sg,
                    "operational_goals": operational,
                    "figure": figure.goal_figure(
                        ambition, sg["title"], [og["title"] for og in operational]
                    ),
                }
            )
        lines.append({**line, "strategic_goals": goals})
    general = [e for e in efforts if not e["goals"] and not e["structural"]]
    structural = [e for e in efforts if e["structural"]]
    planned = [e for e in efforts if not e["structural"]]
    levels: dict[str, tuple[str, list[dict]]] = {}
    for body in data["bodies"]:
        levels.setdefault(body["level"], (body["level_label"], []))[1].append(body)
    order = {"richten": 0, "inrichten": 1, "verrichten": 2}
    bodies = [levels[k] for k in sorted(levels, key=lambda k: order.get(k, 9))]
    return Document(
        data=data,
        programme=data["programme"],
        plan=plan,
        texts=data["texts"],
        lines=lines,
        efforts=efforts,
        general=general,
        structural=structural,
        planning=_planning(data["lines"], efforts),
        timeline=timeline.layout(planned, plan["valid_from"], plan["valid_until"]),
        working_groups=data["working_groups"],
        bodies=bodies,
        budget=_budget(data.get("budget")),
        attention_points=data.get("attention_points", []),
    )
