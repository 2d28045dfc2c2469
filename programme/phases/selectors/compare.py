"""What changed from one phase plan to the next: goals and efforts new, dropped or changed
(title, planning, partners, lead), the period, and the budget lines (new, dropped, amount).
Compares the plans' contents (the frozen snapshot of an adopted plan), matched by the DIN's
ids and, for budget lines, by side and description. No queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from avk.formats import money, months

NEW, DROPPED, CHANGED = "new", "dropped", "changed"


@dataclass
class Detail:
    label: str
    old: str = ""
    new: str = ""


@dataclass
class Change:
    kind: str  # NEW, DROPPED, CHANGED
    title: str
    details: list[Detail] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return {NEW: _("new"), DROPPED: _("dropped"), CHANGED: _("changed")}[self.kind]


@dataclass
class Section:
    key: str
    title: str
    changes: list[Change] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind)

    @property
    def counts(self) -> dict:
        return {kind: self.count(kind) for kind in (NEW, DROPPED, CHANGED)}


@dataclass
class Comparison:
    older: dict
    newer: dict
    period: Detail | None
    sections: list[Section]

    @property
    def empty(self) -> bool:
        return self.period is None and not any(s.changes for s in self.sections)


def _period(raw: dict, start="start", end="end") -> str:
    def day(value):
        return date.fromisoformat(value) if value else None

    return months(day(raw.get(start)), day(raw.get(end))) or _("not planned")


def _goals(data: dict) -> tuple[dict, dict]:
    strategic, operational = {}, {}
    for line in data["lines"]:
        for sg in line["strategic_goals"]:
            strategic[sg["id"]] = sg
            for og in sg["operational_goals"]:
                operational[og["id"]] = og
    return strategic, operational


def _title_changes(old: dict, new: dict) -> list[Change]:
    changes = [Change(NEW, new[k]["title"]) for k in new if k not in old]
    changes += [Change(DROPPED, old[k]["title"]) for k in old if k not in new]
    for key in new:
        if key in old and old[key]["title"] != new[key]["title"]:
            changes.append(
                Change(
                    CHANGED,
                    new[key]["title"],
                    [Detail(_("Title"), old[key]["title"], new[key]["title"])],
                )
            )
    return changes


def _names(partners: list[dict]) -> list[str]:
    return [p["name"] for p in partners]


def _effort_details(old: dict, new: dict) -> list[Detail]:
    details = []
    if old["title"] != new["title"]:
        details.append(Detail(_("Title"), old["title"], new["title"]))
    if (old["start"], old["end"]) != (new["start"], new["end"]):
        details.append(Detail(_("Planning"), _period(old), _period(new)))
    before, after = _names(old["partners"]), _names(new["partners"])
    added = [n for n in after if n not in before]
    gone = [n for n in before if n not in after]
    if added:
        details.append(Detail(_("Partners added"), "", ", ".join(added)))
    if gone:
        details.append(Detail(_("Partners no longer involved"), ", ".join(gone), ""))
    if old.get("lead", "") != new.get("lead", ""):
        details.append(
            Detail(_("Lead"), old.get("lead") or _("none"), new.get("lead") or _("none"))
        )
    return details


def _efforts(older: dict, newer: dict) -> list[Change]:
    old = {e["id"]: e for e in older["efforts"]}
    new = {e["id"]: e for e in newer["efforts"]}
    changes = [
        Change(NEW, e["title"], [Detail(_("Planning"), "", _period(e))])
        for k, e in new.items()
        if k not in old
    ]
    changes += [Change(DROPPED, e["title"]) for k, e in old.items() if k not in new]
    for key, effort in new.items():
        if key in old:
            details = _effort_details(old[key], effort)
            if details:
                changes.append(Change(CHANGED, effort["title"], details))
    return changes


def _budget_rows(data: dict) -> dict:
    budget = data.get("budget") or {}
    rows = {}
    for side, label in (("costs", _("costs")), ("coverage", _("coverage"))):
        for row in budget.get(side, []):
            rows[(side, row["description"])] = (label, Decimal(row["amount"]))
    return rows


def _budget(older: dict, newer: dict) -> list[Change]:
    old, new = _budget_rows(older), _budget_rows(newer)

    def title(key, label):
        return f"{key[1]} ({label})"

    changes = [
        Change(NEW, title(k, v[0]), [Detail(_("Amount"), "", money(v[1]))])
        for k, v in new.items()
        if k not in old
    ]
    changes += [
        Change(DROPPED, title(k, v[0]), [Detail(_("Amount"), money(v[1]), "")])
        for k, v in old.items()
        if k not in new
    ]
    for key, (label, amount) in new.items():
        if key in old and old[key][1] != amount:
            changes.append(
                Change(
                    CHANGED,
                    title(key, label),
                    [Detail(_("Amount"), money(old[key][1]), money(amount))],
                )
            )
    for side, label in (("costs", _("Total costs")), ("coverage", _("Total coverage"))):
        before = (older.get("budget") or {}).get(f"{side}_total")
        after = (newer.get("budget") or {}).get(f"{side}_total")
        if before is not None and after is not None and Decimal(before) != Decimal(after):
            changes.append(
                Change(CHANGED, label, [Detail(_("Amount"), money(before), money(after))])
            )
    return changes


def compare(older: dict, newer: dict) -> Comparison:
    """What changed from `older`'s contents to `newer`'s."""
    old_sg, old_og = _goals(older)
    new_sg, new_og = _goals(newer)
    before = _period(older["plan"], "valid_from", "valid_until")
    after = _period(newer["plan"], "valid_from", "valid_until")
    return Comparison(
        older=older["plan"],
        newer=newer["plan"],
        period=Detail(_("Period"), before, after) if before != after else None,
        sections=[
            Section("strategic", _("Strategic goals"), _title_changes(old_sg, new_sg)),
            Section("operational", _("Operational goals"), _title_changes(old_og, new_og)),
            Section("efforts", _("Efforts"), _efforts(older, newer)),
            Section("budget", _("Budget lines"), _budget(older, newer)),
        ],
    )
