"""Export the whole DIN to an Excel workbook and import it back from the same layout.

openpyxl directly (not django-import-export): the DIN spans five related sheets whose rows
refer to each other by name (a goal's line, an effort's goals and partners), which a
one-model-per-resource import cannot check as one whole. The import matches by natural key
(line name; line + strategic goal title; strategic goal + operational goal title; effort
title; working group name), creates or updates through the services (so history is kept),
never deletes, and is all or nothing: any row error rolls everything back. A dry run does the
same work and always rolls back, so its preview is exactly what the real run would do.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from avk.exports import FORMULA_START, neutralise

from ..models import (
    CapitalForm,
    Direction,
    Effort,
    EffortStatus,
    Frequency,
    Indicator,
    OperationalGoal,
    Programme,
    ProgrammeLine,
    StrategicGoal,
    WorkingGroup,
)
from . import din as din_services

__all__ = ["DIN_SHEETS", "ImportResult", "din_export_workbook", "din_import"]

SEP = "; "

DIN_SHEETS = {
    "Programmalijnen": ["Lijn", "Uitdaging", "Aanpak"],
    "Doelen": [
        "Lijn",
        "Strategisch doel",
        "Omschrijving strategisch doel",
        "Operationeel doel",
        "Omschrijving operationeel doel",
    ],
    "Inspanningen": [
        "Inspanning",
        "Omschrijving",
        "Status",
        "Voortgang (%)",
        "Voortgangsnotitie",
        "Startmaand",
        "Eindmaand",
        "Structureel",
        "Gemeente",
        "Plaats",
        "Doelen (hoog)",
        "Doelen (middel)",
        "Doelen (laag)",
        "Trekkers",
        "Deelnemers",
        "Overige betrokkenen",
        "Kapitaalvormen",
    ],
    "Werkgroepen": ["Werkgroep", "Thema", "Inspanningen"],
    "Indicatoren": [
        "Operationeel doel",
        "Indicator",
        "Eenheid",
        "Nulwaarde",
        "Nuljaar",
        "Streefwaarde",
        "Streefjaar",
        "Richting",
        "Cumulatief",
        "Frequentie",
    ],
}


def _month(value: date | None) -> str:
    return value.strftime("%Y-%m") if value else ""


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def _cell(value):
    """A cell value that a spreadsheet never runs as a formula: text starting with = + - @ tab
    or CR gets a leading apostrophe (avk.exports.neutralise). Text that already starts with
    apostrophes before such a character gets one more, so `_uncell` restores every value
    exactly."""
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value.lstrip("'").startswith(FORMULA_START)
    ):
        return "'" + value
    return neutralise(value)


def _uncell(value):
    """The value `_cell` was given: drops the apostrophe it added."""
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value.lstrip("'").startswith(FORMULA_START)
    ):
        return value[1:]
    return value


def _append(sheet, row) -> None:
    sheet.append([_cell(value) for value in row])


def din_export_workbook(programme: Programme) -> bytes:
    """The programme's DIN as an .xlsx file (five sheets, Dutch headers)."""
    from ..selectors.din import din_efforts

    book = Workbook()
    book.remove(book.active)
    sheets = {}
    for name, headers in DIN_SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheets[name] = sheet
    lines = ProgrammeLine.objects.filter(programme=programme).order_by("order", "pk")
    for line in lines:
        _append(sheets["Programmalijnen"], [line.name, line.challenge, line.approach])
    sgoals = (
        StrategicGoal.objects.filter(programme=programme)
        .select_related("line")
        .prefetch_related("operational_goals")
        .order_by("line__order", "order", "pk")
    )
    for sgoal in sgoals:
        ogoals = sorted(sgoal.operational_goals.all(), key=lambda o: (o.order, o.pk))
        if not ogoals:
            _append(sheets["Doelen"], [sgoal.line.name, sgoal.title, sgoal.description, "", ""])
        for ogoal in ogoals:
            _append(
                sheets["Doelen"],
                [sgoal.line.name, sgoal.title, sgoal.description, ogoal.title, ogoal.description],
            )
    for effort in din_efforts(programme):
        goals = {"hoog": [], "middel": [], "laag": []}
        for link in effort.goal_links.all():
            goals[link.contribution].append(link.goal.title)
        roles = {"trekker": [], "deelnemer": []}
        for link in effort.partner_links.all():
            roles[link.role].append(link.partner.name)
        _append(
            sheets["Inspanningen"],
            [
                effort.title,
                effort.description,
                effort.status,
                effort.progress,
                effort.progress_note,
                _month(effort.start_month),
                _month(effort.end_month),
                _yes(effort.structural),
                effort.municipality,
                effort.place,
                SEP.join(goals["hoog"]),
                SEP.join(goals["middel"]),
                SEP.join(goals["laag"]),
                SEP.join(roles["trekker"]),
                SEP.join(roles["deelnemer"]),
                effort.other_parties,
                SEP.join(sorted(c.form for c in effort.capitals.all())),
            ],
        )
    for group in WorkingGroup.objects.filter(programme=programme).prefetch_related("efforts"):
        _append(
            sheets["Werkgroepen"],
            [group.name, group.theme, SEP.join(sorted(e.title for e in group.efforts.all()))],
        )
    for ind in Indicator.objects.filter(programme=programme).select_related("goal"):
        _append(
            sheets["Indicatoren"],
            [
                ind.goal.title,
                ind.name,
                ind.unit,
                ind.baseline_value,
                ind.baseline_year,
                ind.target_value,
                ind.target_year,
                ind.direction,
                _yes(ind.cumulative),
                ind.frequency,
            ],
        )
    for sheet in sheets.values():
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 28
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- import ------------------------------------------------------------------------------------


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


class RowError(Exception):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _list(value) -> list[str]:
    return [part.strip() for part in _text(value).split(";") if part.strip()]


def _parse_month(value, column) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime | date):
        return date(value.year, value.month, 1)
    text = _text(value)
    try:
        return datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise RowError(
            _("%(column)s '%(value)s' is not a month like 2023-08.")
            % {"column": column, "value": text}
        ) from None


def _parse_bool(value, column) -> bool:
    text = _text(value).lower()
    if text in ("ja", "j", "yes", "1", "waar", "true"):
        return True
    if text in ("", "nee", "n", "no", "0", "onwaar", "false"):
        return False
    raise RowError(_("%(column)s must be 'ja' or 'nee'.") % {"column": column})


def _parse_choice(value, choices, column, default=""):
    text = _text(value).lower() or default
    if text not in choices:
        raise RowError(
            _("%(column)s '%(value)s' is not one of: %(choices)s.")
            % {"column": column, "value": text, "choices": ", ".join(choices)}
        )
    return text


def _parse_decimal(value, column):
    if value in (None, ""):
        return None
    try:
        return Decimal(_text(value).replace(",", "."))
    except InvalidOperation:
        raise RowError(_("%(column)s is not a number.") % {"column": column}) from None


def _parse_int(value, column, *, maximum=None):
    if value in (None, ""):
        return None
    try:
        number = int(Decimal(_text(value)))
    except InvalidOperation:
        raise RowError(_("%(column)s is not a whole number.") % {"column": column}) from None
    if number < 0 or (maximum is not None and number > maximum):
        raise RowError(_("%(column)s is out of range.") % {"column": column})
    return number


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(m for errors in error.message_dict.values() for m in errors)
    return " ".join(error.messages)


def _rows(book, name):
    if name not in book.sheetnames:
        raise RowError(_("The sheet '%(sheet)s' is missing.") % {"sheet": name})
    sheet = book[name]
    rows = sheet.iter_rows(values_only=True)
    headers = [_text(h) for h in next(rows, [])]
    expected = DIN_SHEETS[name]
    if headers[: len(expected)] != expected:
        raise RowError(
            _("The sheet '%(sheet)s' needs the columns: %(columns)s.")
            % {"sheet": name, "columns": ", ".join(expected)}
        )
    for number, row in enumerate(rows, start=2):
        if row is None or all(v in (None, "") for v in row):
            continue
        values = [_uncell(v) for v in row] + [None] * (len(expected) - len(row))
        yield number, dict(zip(expected, values, strict=False))


def din_import(*, programme: Programme, by, file, dry_run: bool) -> ImportResult:
    """Import the DIN from an .xlsx in the export's layout. All or nothing: with any row error
    (or on a dry run) nothing is kept. Returns what was (or would be) created and updated,
    and the row-level errors in Dutch."""
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
    from partners.models import Partner

    for name in DIN_SHEETS:
        try:
            list(_rows(book, name))
        except RowError as error:
            result.errors.append(str(error))
    if result.errors:
        return

    # lines
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

    # goals
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

    def goals_by_title(titles):
        found = []
        for title in titles:
            goals = list(OperationalGoal.objects.filter(programme=programme, title=title))
            if not goals:
                raise RowError(_("The goal '%(title)s' does not exist.") % {"title": title})
            if len(goals) > 1:
                raise RowError(_("More than one goal is called '%(title)s'.") % {"title": title})
            found.append(goals[0])
        return found

    def partners_by_name(names):
        found = []
        for name in names:
            partner = Partner.objects.filter(
                name__iexact=name, participations__programme=programme
            ).first()
            if partner is None:
                raise RowError(
                    _("The partner '%(name)s' does not take part in the programme.")
                    % {"name": name}
                )
            found.append(partner)
        return found

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
            [(g, "hoog") for g in goals_by_title(_list(values["Doelen (hoog)"]))]
            + [(g, "middel") for g in goals_by_title(_list(values["Doelen (middel)"]))]
            + [(g, "laag") for g in goals_by_title(_list(values["Doelen (laag)"]))]
        )
        partners = [(p, "trekker") for p in partners_by_name(_list(values["Trekkers"]))] + [
            (p, "deelnemer") for p in partners_by_name(_list(values["Deelnemers"]))
        ]
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

    def indicator_row(values):
        (goal,) = goals_by_title([_text(values["Operationeel doel"])])
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
