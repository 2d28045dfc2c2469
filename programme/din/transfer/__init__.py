"""The whole DIN as an Excel workbook (five related sheets) and back: `export` writes it,
`importer` reads it, `sheets` is the layout both share and `parsing` reads its cells."""

from .export import din_export_workbook
from .importer import ImportResult, din_import
from .sheets import DIN_SHEETS

__all__ = ["DIN_SHEETS", "ImportResult", "din_export_workbook", "din_import"]
