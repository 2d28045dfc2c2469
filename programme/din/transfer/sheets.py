"""The DIN's Excel layout: the sheets, their columns (headings as the export writes them,
read back loosely by `avk.spreadsheets`) and how a cell keeps a value safe.

Export the whole DIN to an Excel workbook and import it back from the same layout.

openpyxl through `avk.spreadsheets` (not django-import-export): the DIN spans five related
sheets whose rows refer to each other by name (a goal's line, an effort's goals and partners),
which a one-model-per-resource import cannot check as one whole. The import matches by natural
key (line name; line + strategic goal title; strategic goal + operational goal title; effort
title; working group name), creates or updates through the services (so history is kept),
never deletes, and is all or nothing: any row error rolls everything back. A dry run does the
same work and always rolls back, so its preview is exactly what the real run would do.
"""

from __future__ import annotations

from avk.spreadsheets import Column

from ..models import (
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

SEP = "; "


def _length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def _text(key, heading, model=None, field=None, **options) -> Column:
    """A text column; with a model, as long as its field allows."""
    length = _length(model, field or key) if model else None
    return Column(key, heading, max_length=length, **options)


#: The sheets in the order they build on each other; column keys are the model's field names
#: where there is one, so a service's error on a field names its column.
DIN_COLUMNS: dict[str, list[Column]] = {
    "Programmalijnen": [
        _text("name", "Lijn", ProgrammeLine, required=True),
        Column("challenge", "Uitdaging"),
        Column("approach", "Aanpak"),
    ],
    "Doelen": [
        _text("line", "Lijn", ProgrammeLine, "name", required=True),
        _text("strategic_goal", "Strategisch doel", StrategicGoal, "title", required=True),
        Column("strategic_description", "Omschrijving strategisch doel"),
        _text("title", "Operationeel doel", OperationalGoal),
        Column("description", "Omschrijving operationeel doel"),
    ],
    "Inspanningen": [
        _text("title", "Inspanning", Effort, required=True),
        Column("description", "Omschrijving"),
        Column("status", "Status", kind="choice", choices=EffortStatus),
        Column("progress", "Voortgang (%)", aliases=("Voortgang",), kind="int"),
        Column("progress_note", "Voortgangsnotitie"),
        Column("start_month", "Startmaand", kind="month"),
        Column("end_month", "Eindmaand", kind="month"),
        Column("structural", "Structureel", kind="bool"),
        _text("municipality", "Gemeente", Effort),
        _text("place", "Plaats", Effort),
        Column("goals_high", "Doelen (hoog)"),
        Column("goals_medium", "Doelen (middel)"),
        Column("goals_low", "Doelen (laag)"),
        Column("leads", "Trekkers"),
        Column("participants", "Deelnemers"),
        Column("other_parties", "Overige betrokkenen"),
        Column("capitals", "Kapitaalvormen"),
    ],
    "Werkgroepen": [
        _text("name", "Werkgroep", WorkingGroup, required=True),
        Column("theme", "Thema"),
        Column("efforts", "Inspanningen"),
    ],
    "Indicatoren": [
        _text("goal", "Operationeel doel", OperationalGoal, "title", required=True),
        _text("name", "Indicator", Indicator, required=True),
        _text("unit", "Eenheid", Indicator),
        Column("baseline_value", "Nulwaarde", kind="number"),
        Column("baseline_year", "Nuljaar", kind="int"),
        Column("target_value", "Streefwaarde", kind="number"),
        Column("target_year", "Streefjaar", kind="int"),
        Column("direction", "Richting", kind="choice", choices=Direction),
        Column("cumulative", "Cumulatief", kind="bool"),
        Column("frequency", "Frequentie", kind="choice", choices=Frequency),
    ],
}

#: The headings of each sheet, as the export writes them.
DIN_SHEETS = {name: [column.heading for column in columns] for name, columns in DIN_COLUMNS.items()}
