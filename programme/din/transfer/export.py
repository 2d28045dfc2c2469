"""The DIN exported to an Excel workbook, in the layout of programme.din.transfer.sheets."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font

from avk.exports import neutralise
from programme.core.models import Programme

from ..models import Indicator, ProgrammeLine, StrategicGoal, WorkingGroup
from .sheets import DIN_SHEETS, SEP


def _month(value: date | None) -> str:
    return value.strftime("%Y-%m") if value else ""


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def _append(sheet, row) -> None:
    sheet.append([neutralise(value) for value in row])


def din_export_workbook(programme: Programme) -> bytes:
    """The programme's DIN as an .xlsx file (five sheets, Dutch headers)."""
    from ..selectors.overview import din_efforts

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
