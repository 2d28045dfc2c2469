"""Reading the spreadsheets people keep, for every import of the portal.

`read_table(content, filename, columns=[Column(...)])` reads an xlsx or csv file as Dutch Excel
and others save it: the sheet and heading row are found (a title or banner above is skipped),
headings match loosely, each cell is cleaned for its kind, and every fault is a Dutch message
naming the Excel row (or csv line) and the column. `check_duplicates` finds a value twice.
"""

from .table import Column, Row, RowError, Table, check_duplicates, read_table, read_workbook

__all__ = ["Column", "Row", "RowError", "Table", "check_duplicates", "read_table", "read_workbook"]
