"""The DIN imported from an Excel workbook in the export's layout (programme.din.transfer.sheets).

The import matches by natural key (line name; line + strategic goal title; strategic goal +
operational goal title; effort title; working group name), creates or updates through the
services (so history is kept), never deletes, and is all or nothing: any row error rolls
everything back. A dry run does the same work and always rolls back, so its preview is exactly
what the real run would do. One function per sheet, in the order the sheets build on each
other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from avk import policy
from programme.core.models import Programme

from .. import services as din_services
from ..models import (
    CapitalForm,
    Direction,
    Effort,
    EffortStatus,
    Frequency,
    Indicator,
    OperationalGoal,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
)
from .parsing import (
    RowError,
    _list,
    _messages,
    _parse_bool,
    _parse_choice,
    _parse_decimal,
    _parse_int,
    _parse_month,
    _rows,
    _text,
)
from .sheets import DIN_SHEETS


@dataclass
class ImportResult:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def din_import(*, programme: Programme, by, file, dry_run: bool) -> ImportResult:
    """Import the DIN from an .xlsx in the export's layout. All or nothing: with any row error
    (or on a dry run) nothing is kept. Returns what was (or would be) created and updated,
    and the row-level errors in Dutch. Asks the policy first (`din.import_din`); every row
    goes through the DIN services, which ask it too."""
    policy.require(by, "din.import_din", programme)
    result = ImportResult()
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file
        result.errors.append(_("The file is not an Excel workbook (.xlsx)."))
        return result
    with transaction.atomic():
        _import_book(programme, by, book, result)
        result.applied = not dry_run and result.ok
        if not result.applied:
            transaction.set_rollback(True)
    return result


def _row(result, sheet, number, work):
    try:
        with transaction.atomic():
            work()
    except RowError as error:
        result.errors.append(
            _("Sheet %(sheet)s, row %(row)s: %(error)s")
            % {"sheet": sheet, "row": number, "error": error}
        )
    except ValidationError as error:
        result.errors.append(
            _("Sheet %(sheet)s, row %(row)s: %(error)s")
            % {"sheet": sheet, "row": number, "error": _messages(error)}
        )


def _import_book(programme, by, book, result):
    for name in DIN_SHEETS:
        try:
            list(_rows(book, name))
        except RowError as error:
            result.errors.append(str(error))
    if result.errors:
        return
    _import_lines(programme, by, book, result)
    _import_goals(programme, by, book, result)
    _import_efforts(programme, by, book, result)
    _import_working_groups(programme, by, book, result)
    _import_indicators(programme, by, book, result)


def _goals_by_title(programme, titles):
    found = []
    for title in titles:
        goals = list(OperationalGoal.objects.filter(programme=programme, title=title))
        if not goals:
            raise RowError(_("The goal '%(title)s' does not exist.") % {"title": title})
        if len(goals) > 1:
            raise RowError(_("More than one goal is called '%(title)s'.") % {"title": title})
        found.append(goals[0])
    return found


def _partners_by_name(programme, names):
    from partners.models import Partner

    found = []
    for name in names:
        partner = Partner.objects.filter(
            name__iexact=name, participations__programme=programme
        ).first()
        if partner is None:
            raise RowError(
                _("The partner '%(name)s' does not take part in the programme.") % {"name": name}
            )
        found.append(partner)
    return found


def _import_lines(programme, by, book, result):
    def line_row(values):
        name = _text(values["Lijn"])
        if not name:
            raise RowError(_("The line needs a name."))
        data = {"challenge": _text(values["Uitdaging"]), "approach": _text(values["Aanpak"])}
        line = ProgrammeLine.objects.filter(programme=programme, name=name).first()
        if line is None:
            din_services.line_create(programme=programme, by=by, name=name, **data)
            result.created["lines"] += 1
        elif any(getattr(line, k) != v for k, v in data.items()):
            din_services.line_update(line_id=line.pk, version=line.version, by=by, **data)
            result.updated["lines"] += 1
        else:
            result.unchanged["lines"] += 1

    for number, values in _rows(book, "Programmalijnen"):
        _row(result, "Programmalijnen", number, lambda v=values: line_row(v))


def _import_goals(programme, by, book, result):
    def goal_row(values):
        line_name = _text(values["Lijn"])
        line = ProgrammeLine.objects.filter(programme=programme, name=line_name).first()
        if line is None:
            raise RowError(_("The line '%(name)s' does not exist.") % {"name": line_name})
        title = _text(values["Strategisch doel"])
        if not title:
            raise RowError(_("The strategic goal needs a title."))
        description = _text(values["Omschrijving strategisch doel"])
        sgoal = StrategicGoal.objects.filter(line=line, title=title).first()
        if sgoal is None:
            sgoal = din_services.strategic_goal_create(
                line=line, by=by, title=title, description=description
            )
            result.created["strategic goals"] += 1
        elif sgoal.description != description:
            sgoal = din_services.strategic_goal_update(
                goal_id=sgoal.pk, version=sgoal.version, by=by, description=description
            )
            result.updated["strategic goals"] += 1
        otitle = _text(values["Operationeel doel"])
        if not otitle:
            return
        odescription = _text(values["Omschrijving operationeel doel"])
        ogoal = OperationalGoal.objects.filter(strategic_goal=sgoal, title=otitle).first()
        if ogoal is None:
            din_services.operational_goal_create(
                strategic_goal=sgoal, by=by, title=otitle, description=odescription
            )
            result.created["operational goals"] += 1
        elif ogoal.description != odescription:
            din_services.operational_goal_update(
                goal_id=ogoal.pk, version=ogoal.version, by=by, description=odescription
            )
            result.updated["operational goals"] += 1
        else:
            result.unchanged["operational goals"] += 1

    for number, values in _rows(book, "Doelen"):
        _row(result, "Doelen", number, lambda v=values: goal_row(v))


def _import_efforts(programme, by, book, result):
    def effort_row(values):
        title = _text(values["Inspanning"])
        if not title:
            raise RowError(_("The effort needs a title."))
        capitals = [c.lower() for c in _list(values["Kapitaalvormen"])]
        wrong = [c for c in capitals if c not in CapitalForm.values]
        if wrong:
            raise RowError(_("Unknown form of capital: %(forms)s.") % {"forms": ", ".join(wrong)})
        fields = {
            "description": _text(values["Omschrijving"]),
            "status": _parse_choice(
                values["Status"], EffortStatus.values, "Status", default=EffortStatus.IDEA
            ),
            "progress": _parse_int(values["Voortgang (%)"], "Voortgang", maximum=100) or 0,
            "progress_note": _text(values["Voortgangsnotitie"]),
            "start_month": _parse_month(values["Startmaand"], "Startmaand"),
            "end_month": _parse_month(values["Eindmaand"], "Eindmaand"),
            "structural": _parse_bool(values["Structureel"], "Structureel"),
            "municipality": _text(values["Gemeente"]),
            "place": _text(values["Plaats"]),
            "other_parties": _text(values["Overige betrokkenen"]),
        }
        goals = (
            [(g, "hoog") for g in _goals_by_title(programme, _list(values["Doelen (hoog)"]))]
            + [(g, "middel") for g in _goals_by_title(programme, _list(values["Doelen (middel)"]))]
            + [(g, "laag") for g in _goals_by_title(programme, _list(values["Doelen (laag)"]))]
        )
        partners = [
            (p, "trekker") for p in _partners_by_name(programme, _list(values["Trekkers"]))
        ] + [(p, "deelnemer") for p in _partners_by_name(programme, _list(values["Deelnemers"]))]
        matches = list(Effort.objects.filter(programme=programme, title=title)[:2])
        if len(matches) > 1:
            raise RowError(_("More than one effort is called '%(title)s'.") % {"title": title})
        if not matches:
            din_services.effort_create(
                programme=programme,
                by=by,
                title=title,
                goals=goals,
                partners=partners,
                capitals=capitals,
                **fields,
            )
            result.created["efforts"] += 1
            return
        effort = matches[0]
        same = (
            all(getattr(effort, k) == v for k, v in fields.items())
            and {(link.goal_id, link.contribution) for link in effort.goal_links.all()}
            == {(g.pk, c) for g, c in goals}
            and {(link.partner_id, link.role) for link in effort.partner_links.all()}
            == {(p.pk, r) for p, r in partners}
            and set(effort.capitals.values_list("form", flat=True)) == set(capitals)
        )
        if same:
            result.unchanged["efforts"] += 1
            return
        din_services.effort_update(
            effort_id=effort.pk,
            version=effort.version,
            by=by,
            goals=goals,
            partners=partners,
            capitals=capitals,
            **fields,
        )
        result.updated["efforts"] += 1

    for number, values in _rows(book, "Inspanningen"):
        _row(result, "Inspanningen", number, lambda v=values: effort_row(v))


def _import_working_groups(programme, by, book, result):
    def group_row(values):
        name = _text(values["Werkgroep"])
        if not name:
            raise RowError(_("The working group needs a name."))
        efforts = []
        for title in _list(values["Inspanningen"]):
            effort = Effort.objects.filter(programme=programme, title=title).first()
            if effort is None:
                raise RowError(_("The effort '%(title)s' does not exist.") % {"title": title})
            efforts.append(effort)
        theme = _text(values["Thema"])
        group = WorkingGroup.objects.filter(programme=programme, name=name).first()
        if group is None:
            din_services.working_group_create(
                programme=programme, by=by, name=name, theme=theme, efforts=efforts
            )
            result.created["working groups"] += 1
        elif group.theme != theme or set(group.efforts.all()) != set(efforts):
            din_services.working_group_update(
                working_group_id=group.pk,
                version=group.version,
                by=by,
                theme=theme,
                efforts=efforts,
            )
            result.updated["working groups"] += 1
        else:
            result.unchanged["working groups"] += 1

    for number, values in _rows(book, "Werkgroepen"):
        _row(result, "Werkgroepen", number, lambda v=values: group_row(v))


def _import_indicators(programme, by, book, result):
    def indicator_row(values):
        (goal,) = _goals_by_title(programme, [_text(values["Operationeel doel"])])
        name = _text(values["Indicator"])
        if not name:
            raise RowError(_("The indicator needs a name."))
        fields = {
            "unit": _text(values["Eenheid"]),
            "baseline_value": _parse_decimal(values["Nulwaarde"], "Nulwaarde"),
            "baseline_year": _parse_int(values["Nuljaar"], "Nuljaar"),
            "target_value": _parse_decimal(values["Streefwaarde"], "Streefwaarde"),
            "target_year": _parse_int(values["Streefjaar"], "Streefjaar"),
            "direction": _parse_choice(
                values["Richting"], Direction.values, "Richting", default=Direction.HIGHER
            ),
            "cumulative": _parse_bool(values["Cumulatief"], "Cumulatief"),
            "frequency": _parse_choice(
                values["Frequentie"], Frequency.values, "Frequentie", default=Frequency.YEARLY
            ),
        }
        indicator = Indicator.objects.filter(goal=goal, name=name).first()
        if indicator is None:
            din_services.indicator_create(goal=goal, by=by, name=name, **fields)
            result.created["indicators"] += 1
        elif any(getattr(indicator, k) != v for k, v in fields.items()):
            din_services.indicator_update(
                indicator_id=indicator.pk, version=indicator.version, by=by, **fields
            )
            result.updated["indicators"] += 1
        else:
            result.unchanged["indicators"] += 1

    for number, values in _rows(book, "Indicatoren"):
        _row(result, "Indicatoren", number, lambda v=values: indicator_row(v))
