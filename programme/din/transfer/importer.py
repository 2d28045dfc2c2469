"""The DIN imported from an Excel workbook in the export's layout (programme.din.transfer.sheets).

The sheets are read and cleaned by `avk.spreadsheets` (headings matched loosely, a title row
skipped, months, numbers, yes/no and choices written as people write them), so every message is
Dutch and names the sheet, the Excel row and the column. The import matches by natural key
(line name; line + strategic goal title; strategic goal + operational goal title; effort title;
working group name; goal + indicator name), creates or updates through the services (so history
is kept), never deletes, and is all or nothing: any error rolls everything back. A dry run does
the same work and always rolls back, so its preview is exactly what the real run would do.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk import policy
from avk.spreadsheets import read_workbook
from avk.spreadsheets.cleaning import choice_lookup, key
from programme.core.models import Programme

from .. import services as din_services
from ..models import (
    CapitalForm,
    Effort,
    EffortStatus,
    Indicator,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
)
from .sheets import DIN_COLUMNS

_LIST = re.compile(r"[;\n]")


class RowProblem(Exception):
    """A row that cannot be imported: (column key or None, Dutch sentence)."""

    def __init__(self, column: str | None, problem: str):
        super().__init__(problem)
        self.column = column


@dataclass
class ImportResult:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, kind: str, outcome: str) -> None:
        getattr(self, outcome)[kind] += 1


def din_import(
    *, programme: Programme, by, file, dry_run: bool, filename: str = "din.xlsx"
) -> ImportResult:
    """Import the DIN from an .xlsx in the export's layout. All or nothing: with any error (or
    on a dry run) nothing is kept. Returns what was (or would be) created and updated, and the
    errors in Dutch with sheet, row and column. Asks the policy first (`din.import_din`); every
    row goes through the DIN services, which ask it too."""
    policy.require(by, "din.import_din", programme)
    result = ImportResult()
    file.seek(0)
    tables = read_workbook(file.read(), filename, DIN_COLUMNS)
    for table in tables.values():
        result.errors.extend(table.messages)
        result.notes.extend(
            _("Sheet %(sheet)s: %(note)s") % {"sheet": table.sheet_name, "note": note}
            for note in table.notes
        )
    if result.errors:
        return result
    with transaction.atomic():
        _Book(programme, by, tables, result).run()
        result.errors = [m for table in tables.values() for m in table.messages]
        result.applied = not dry_run and result.ok
        if not result.applied:
            transaction.set_rollback(True)
    return result


def _names(value) -> list[str]:
    return [part.strip() for part in _LIST.split(value or "") if part.strip()]


def _messages(error: ValidationError) -> list[tuple[str | None, str]]:
    if hasattr(error, "error_dict"):
        return [
            (None if name == "__all__" else name, message)
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [(None, message) for message in error.messages]


class _Named:
    """Rows of the programme by name: exactly as written first, else loosely (case, spaces,
    accents), refused when the loose match is not one row."""

    def __init__(self, rows, name_of):
        self.exact, self.loose = {}, {}
        for row in rows:
            self.add(row, name_of(row))

    def add(self, row, name) -> None:
        self.exact.setdefault(name, []).append(row)
        self.loose.setdefault(key(name), []).append(row)

    def get(self, name):
        found = self.exact.get(name) or self.loose.get(key(name)) or []
        return (found + [None, None])[:2]


class _Book:
    def __init__(self, programme, by, tables, result):
        self.programme, self.by, self.tables, self.result = programme, by, tables, result
        self.capitals = choice_lookup(CapitalForm)[0]

    def run(self) -> None:
        for name, work in (
            ("Programmalijnen", self.line),
            ("Doelen", self.goal),
            ("Inspanningen", self.effort),
            ("Werkgroepen", self.group),
            ("Indicatoren", self.indicator),
        ):
            self.prepare(name)
            table = self.tables[name]
            for row in table.rows:
                try:
                    with transaction.atomic():
                        work(row.values)
                except RowProblem as problem:
                    table.add_error(row, problem.column, str(problem))
                except ValidationError as error:
                    for column, message in _messages(error):
                        known = column if column in table.columns_found else None
                        table.add_error(row, known, message)

    def prepare(self, sheet: str) -> None:
        """What the rows of `sheet` refer to, read once (after the sheets before it)."""
        programme = self.programme
        if sheet == "Inspanningen":
            from partners.models import Partner

            self.goals = _Named(
                OperationalGoal.objects.filter(programme=programme), lambda g: g.title
            )
            self.partners = _Named(
                Partner.objects.filter(participations__programme=programme), lambda p: p.name
            )
        if sheet in ("Inspanningen", "Werkgroepen"):
            self.efforts = _Named(
                Effort.objects.filter(programme=programme).prefetch_related(
                    "goal_links", "partner_links", "capitals"
                ),
                lambda e: e.title,
            )
        if sheet == "Indicatoren":
            self.goals = _Named(
                OperationalGoal.objects.filter(programme=programme), lambda g: g.title
            )

    def find(self, named: _Named, name: str, column: str, missing: str, twice: str):
        found, second = named.get(name)
        if found is None:
            raise RowProblem(column, missing % {"name": name})
        if second is not None:
            raise RowProblem(column, twice % {"name": name})
        return found

    def save(self, kind, existing, data, create, update) -> None:
        if existing is None:
            create()
            self.result.count(kind, "created")
        elif any(getattr(existing, k) != v for k, v in data.items()):
            update()
            self.result.count(kind, "updated")
        else:
            self.result.count(kind, "unchanged")

    # -- one function per sheet ----------------------------------------------------------------

    def line(self, values) -> None:
        by, name = self.by, values["name"]
        data = {"challenge": values.get("challenge", ""), "approach": values.get("approach", "")}
        line = ProgrammeLine.objects.filter(programme=self.programme, name=name).first()
        self.save(
            "lines",
            line,
            data,
            lambda: din_services.line_create(programme=self.programme, by=by, name=name, **data),
            lambda: din_services.line_update(line_id=line.pk, version=line.version, by=by, **data),
        )

    def goal(self, values) -> None:
        by = self.by
        line = ProgrammeLine.objects.filter(programme=self.programme, name=values["line"]).first()
        if line is None:
            raise RowProblem(
                "line",
                _("The programme line '%(name)s' does not exist; add it on the sheet "
                  "Programmalijnen.") % {"name": values["line"]},
            )  # fmt: skip
        title = values["strategic_goal"]
        data = {"description": values.get("strategic_description", "")}
        goal = StrategicGoal.objects.filter(line=line, title=title).first()
        self.save(
            "strategic goals",
            goal,
            data,
            lambda: din_services.strategic_goal_create(line=line, by=by, title=title, **data),
            lambda: din_services.strategic_goal_update(
                goal_id=goal.pk, version=goal.version, by=by, **data
            ),
        )
        title = values.get("title")
        if not title:
            return
        parent = StrategicGoal.objects.get(line=line, title=values["strategic_goal"])
        data = {"description": values.get("description", "")}
        goal = OperationalGoal.objects.filter(strategic_goal=parent, title=title).first()
        self.save(
            "operational goals",
            goal,
            data,
            lambda: din_services.operational_goal_create(
                strategic_goal=parent, by=by, title=title, **data
            ),
            lambda: din_services.operational_goal_update(
                goal_id=goal.pk, version=goal.version, by=by, **data
            ),
        )

    def effort(self, values) -> None:
        by, title = self.by, values["title"]
        capitals = []
        for name in _names(values.get("capitals")):
            form = self.capitals.get(key(name))
            if form is None:
                raise RowProblem(
                    "capitals",
                    _("'%(value)s' is not a form of capital; choose from: %(choices)s.")
                    % {"value": name, "choices": ", ".join(map(str, CapitalForm.labels))},
                )
            capitals.append(form)
        progress = values.get("progress") or 0
        if not 0 <= progress <= 100:
            raise RowProblem("progress", _("The progress is a percentage from 0 to 100."))
        fields = {
            "description": values.get("description", ""),
            "status": values.get("status") or EffortStatus.IDEA,
            "progress": progress,
            "progress_note": values.get("progress_note", ""),
            "start_month": values.get("start_month"),
            "end_month": values.get("end_month"),
            "structural": bool(values.get("structural")),
            "municipality": values.get("municipality", ""),
            "place": values.get("place", ""),
            "other_parties": values.get("other_parties", ""),
        }
        goals = [
            (self.find(self.goals, name, column, _("The operational goal '%(name)s' does not "
                       "exist; add it on the sheet Doelen."),
                       _("More than one operational goal is called '%(name)s'.")), weight)
            for column, weight in (("goals_high", "hoog"), ("goals_medium", "middel"),
                                   ("goals_low", "laag"))
            for name in _names(values.get(column))
        ]  # fmt: skip
        partners = [
            (self.find(self.partners, name, column, _("The partner '%(name)s' does not take "
                       "part in the programme."),
                       _("More than one partner is called '%(name)s'.")), role)
            for column, role in (("leads", "trekker"), ("participants", "deelnemer"))
            for name in _names(values.get(column))
        ]  # fmt: skip
        found = self.efforts.exact.get(title, [])
        effort = found[0] if found else None
        if len(found) > 1:
            raise RowProblem("title", _("More than one effort is called '%(name)s'.") % {
                "name": title})  # fmt: skip
        if effort is None:
            effort = din_services.effort_create(
                programme=self.programme, by=by, title=title, goals=goals, partners=partners,
                capitals=capitals, **fields,
            )  # fmt: skip
            self.efforts.add(effort, title)
            self.result.count("efforts", "created")
            return
        same = (
            all(getattr(effort, k) == v for k, v in fields.items())
            and {(link.goal_id, link.contribution) for link in effort.goal_links.all()}
            == {(g.pk, c) for g, c in goals}
            and {(link.partner_id, link.role) for link in effort.partner_links.all()}
            == {(p.pk, r) for p, r in partners}
            and {capital.form for capital in effort.capitals.all()} == set(capitals)
        )
        if same:
            self.result.count("efforts", "unchanged")
            return
        din_services.effort_update(
            effort_id=effort.pk, version=effort.version, by=by, goals=goals, partners=partners,
            capitals=capitals, **fields,
        )  # fmt: skip
        self.result.count("efforts", "updated")

    def group(self, values) -> None:
        by, name = self.by, values["name"]
        efforts = [
            self.find(
                self.efforts,
                title,
                "efforts",
                _("The effort '%(name)s' does not exist."),
                _("More than one effort is called '%(name)s'."),
            )
            for title in _names(values.get("efforts"))
        ]
        theme = values.get("theme", "")
        group = WorkingGroup.objects.filter(programme=self.programme, name=name).first()
        if group is None:
            din_services.working_group_create(
                programme=self.programme, by=by, name=name, theme=theme, efforts=efforts
            )
            self.result.count("working groups", "created")
        elif group.theme != theme or set(group.efforts.all()) != set(efforts):
            din_services.working_group_update(
                working_group_id=group.pk, version=group.version, by=by, theme=theme,
                efforts=efforts,
            )  # fmt: skip
            self.result.count("working groups", "updated")
        else:
            self.result.count("working groups", "unchanged")

    def indicator(self, values) -> None:
        by = self.by
        goal = self.find(
            self.goals,
            values["goal"],
            "goal",
            _("The operational goal '%(name)s' does not exist; add it on the sheet Doelen."),
            _("More than one operational goal is called '%(name)s'."),
        )
        name = values["name"]
        data = {k: values[k] for k in ("unit", "baseline_value", "baseline_year", "target_value",
                                       "target_year") if k in values}  # fmt: skip
        data["cumulative"] = bool(values.get("cumulative"))
        for choice, default in (("direction", "hoger"), ("frequency", "jaarlijks")):
            data[choice] = values.get(choice) or default
        indicator = Indicator.objects.filter(goal=goal, name=name).first()
        self.save(
            "indicators",
            indicator,
            data,
            lambda: din_services.indicator_create(goal=goal, by=by, name=name, **data),
            lambda: din_services.indicator_update(
                indicator_id=indicator.pk, version=indicator.version, by=by, **data
            ),
        )
