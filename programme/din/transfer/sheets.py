"""The DIN's Excel layout: sheet names and columns, and how a cell keeps a value safe.

Export the whole DIN to an Excel workbook and import it back from the same layout.

openpyxl directly (not django-import-export): the DIN spans five related sheets whose rows
refer to each other by name (a goal's line, an effort's goals and partners), which a
one-model-per-resource import cannot check as one whole. The import matches by natural key
(line name; line + strategic goal title; strategic goal + operational goal title; effort
title; working group name), creates or updates through the services (so history is kept),
never deletes, and is all or nothing: any row error rolls everything back. A dry run does the
same work and always rolls back, so its preview is exactly what the real run would do.
"""

from __future__ import annotations

from avk.exports import FORMULA_START, neutralise

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
