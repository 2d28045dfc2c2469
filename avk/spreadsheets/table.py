"""`read_table`: the rows of an uploaded spreadsheet under the columns an import asks for,
cleaned per column, with every problem named by row and column in Dutch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import cleaning, files
from .cleaning import KINDS, Problem, key


@dataclass(frozen=True)
class Column:
    """A column an import reads. `heading` (and `aliases`, and `key`) name it in the file;
    `required` means the column must be there and every row needs a value in it."""

    key: str
    heading: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    kind: str = "text"
    choices: Any = None  # a TextChoices, or a mapping of label -> code
    max_length: int | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown kind of column: {self.kind!r}")
        if self.kind == "choice" and self.choices is None:
            raise ValueError(f"The choice column {self.key!r} needs its choices.")

    def names(self) -> set[str]:
        return {key(name) for name in (self.heading, self.key, *self.aliases)} - {""}


@dataclass
class RowError:
    number: int | None  # the Excel row or csv line; None for the file as a whole
    column_heading: str | None
    message: str  # the whole Dutch sentence, with row and column

    def __str__(self) -> str:
        return self.message


@dataclass
class Row:
    number: int
    #: Cleaned values of the columns the file has (a column it lacks is no key); a cell that
    #: could not be cleaned is None and has its error in `errors`.
    values: dict[str, Any]
    errors: list[RowError] = field(default_factory=list)


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    headings_found: list[str] = field(default_factory=list)
    #: column key -> the heading it has in the file
    columns_found: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None
    sheet_name: str = ""
    #: Messages name the sheet too (a workbook of several sheets, `read_workbook`).
    names_sheet: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def messages(self) -> list[str]:
        return [error.message for error in self.errors]

    def add_error(self, row: Row | int | None, column: str | None, problem: str) -> RowError:
        """Record `problem` (a sentence) for a row and column (a key or a heading): the
        message names both, as every message of the table does."""
        number = row.number if isinstance(row, Row) else row
        heading = self.columns_found.get(column, column) if column else None
        if number is not None and heading:
            message = _("Row %(number)s, column %(column)s: %(problem)s") % {
                "number": number,
                "column": heading,
                "problem": problem,
            }
        elif number is not None:
            message = _("Row %(number)s: %(problem)s") % {"number": number, "problem": problem}
        else:
            message = problem
        if self.names_sheet and number is not None:  # "Blad Doelen, rij 4, kolom ..."
            message = _("Sheet %(sheet)s, %(message)s") % {
                "sheet": self.sheet_name,
                "message": message[:1].lower() + message[1:],
            }
        elif self.names_sheet:
            message = _("Sheet %(sheet)s: %(message)s") % {
                "sheet": self.sheet_name,
                "message": message,
            }
        error = RowError(number, heading, message)
        self.errors.append(error)
        if isinstance(row, Row):
            row.errors.append(error)
        return error


def read_table(
    content: bytes, filename: str, *, columns: list[Column], sheet_names: tuple[str, ...] = ()
) -> Table:
    """The rows of an xlsx or csv file under `columns`. Never raises for what is in the file:
    an unreadable file, a missing column or a bad cell is an error in the table."""
    table = Table()
    reader = _Reader(columns)
    try:
        kind = files.kind_of(content, filename)
        if kind == "xlsx":
            with files.Workbook(content) as book:
                reader.context["epoch"] = book.epoch
                sheets = book.sheets()
                if not sheets:
                    raise files.Unreadable(_("The file is empty."))
                _read_sheet(table, reader, _choose_sheet(sheets, reader, sheet_names))
        else:
            _read_sheet(table, reader, files.csv_sheet(content, reader.score))
    except files.Unreadable as unreadable:
        table.rows = []
        table.add_error(None, None, str(unreadable))
    return table


def read_workbook(content: bytes, filename: str, sheets: dict[str, list[Column]]) -> dict:
    """The tables of a workbook of several sheets, each read from the sheet of that name (its
    name matched loosely) under its columns: {name: Table}. Every message names the sheet. A
    file that is no workbook, or lacks a sheet, is an error in the first table."""
    tables = {name: Table(sheet_name=name, names_sheet=True) for name in sheets}
    first = tables[next(iter(sheets))]
    try:
        if not content.startswith(files.ZIP) or files.kind_of(content, filename) != "xlsx":
            raise files.Unreadable(
                _("The file is no Excel workbook (.xlsx); upload the workbook with the sheets "
                  "%(sheets)s.") % {"sheets": ", ".join(sheets)}
            )  # fmt: skip
        with files.Workbook(content) as book:
            found = {key(sheet.name): sheet for sheet in book.sheets()}
            for name, columns in sheets.items():
                table, sheet = tables[name], found.get(key(name))
                if sheet is None:
                    table.names_sheet = False
                    table.add_error(None, None, _("The sheet %(sheet)s is missing.") % {
                        "sheet": name})  # fmt: skip
                    continue
                reader = _Reader(columns)
                reader.context["epoch"] = book.epoch
                _read_sheet(table, reader, sheet, allow_empty=True)
                table.sheet_name = name
    except files.Unreadable as unreadable:
        first.names_sheet = False
        first.add_error(None, None, str(unreadable))
    return tables


class _Reader:
    """The columns prepared once: names to match headings by, choices to match values by."""

    def __init__(self, columns: list[Column]):
        self.columns = list(columns)
        self.by_name: dict[str, Column] = {}
        for column in self.columns:
            for name in column.names():
                self.by_name.setdefault(name, column)
        self.context: dict[str, Any] = {
            "choices": {c.key: cleaning.choice_lookup(c.choices) for c in self.columns if c.choices}
        }

    def score(self, cells: list) -> int:
        """How many of the columns this row names (a candidate heading row)."""
        return len(self.keys_of(cells))

    def keys_of(self, cells: list) -> set[str]:
        found = set()
        for cell in cells:
            if cell is not None:
                column = self.by_name.get(key(cell))
                if column is not None:
                    found.add(column.key)
        return found


def _top(rows) -> list[files.Numbered]:
    """The first rows that hold anything (a title, a banner, the headings, data), taken from
    the iterator `rows`, which goes on after them."""
    top = []
    for numbered in rows:
        if not _is_empty(numbered[1]):
            top.append(numbered)
            if len(top) >= files.HEADER_SCAN_ROWS:
                break
    return top


def _choose_sheet(sheets, reader: _Reader, sheet_names) -> files.Sheet:
    """The sheet named like one of `sheet_names`, else the first with every required heading,
    else the one with the most headings, else the first."""
    wanted = {key(name) for name in sheet_names}
    for sheet in sheets:
        if key(sheet.name) in wanted:
            return sheet
    required = {c.key for c in reader.columns if c.required}
    best, best_score = sheets[0], 0
    for sheet in sheets:
        top_keys = [reader.keys_of(cells) for _number, cells in _top(sheet.rows())]
        score = max((len(keys) for keys in top_keys), default=0)
        if score and any(required <= keys for keys in top_keys):
            return sheet
        if score > best_score:
            best, best_score = sheet, score
    return best


def _is_empty(cells) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _read_sheet(table: Table, reader: _Reader, sheet: files.Sheet, *, allow_empty=False) -> None:
    table.sheet_name = sheet.name
    rows = sheet.rows()
    top = _top(rows)
    if not top:
        table.add_error(
            None, None, _("The sheet is empty.") if allow_empty else _("The file is empty.")
        )
        return
    header_number, header = max(top, key=lambda numbered: reader.score(numbered[1]))
    if not reader.score(header):
        header_number, header = top[0]
    table.header_row = header_number
    positions = _match_headings(table, reader, header_number, header)
    if table.errors:
        return
    if header_number != top[0][0]:
        table.notes.append(
            _("The headings are in row %(number)s; the rows above them were skipped.")
            % {"number": header_number}
        )
    after_header = (numbered for numbered in top if numbered[0] > header_number)
    _read_rows(table, reader, positions, after_header)
    _read_rows(table, reader, positions, rows)
    if not table.rows and not table.errors and not allow_empty:
        table.add_error(None, None, _("The file has headings but no rows below them."))


def _match_headings(table: Table, reader: _Reader, number: int, header: list) -> list:
    """[(position, column)] for the columns found; errors for missing or doubled ones."""
    positions: list[tuple[int, Column]] = []
    seen: dict[str, str] = {}
    unknown = []
    for position, cell in enumerate(header):
        text = cleaning.tidy(cleaning.show(cell)) if cell is not None else ""
        if not text:
            continue
        table.headings_found.append(text)
        column = reader.by_name.get(key(text))
        if column is None:
            unknown.append(text)
        elif column.key in seen:
            table.add_error(
                number,
                None,
                _("The columns %(first)s and %(second)s are the same column; keep one of them.")
                % {"first": seen[column.key], "second": text},
            )
        else:
            seen[column.key] = text
            positions.append((position, column))
    table.columns_found = seen
    missing = [c.heading for c in reader.columns if c.required and c.key not in seen]
    if missing:
        names = ", ".join(str(heading) for heading in missing)
        found = ", ".join(table.headings_found)
        problem = ngettext(
            "The column %(missing)s is missing. The headings found are: %(found)s.",
            "The columns %(missing)s are missing. The headings found are: %(found)s.",
            len(missing),
        ) % {"missing": names, "found": found}
        table.add_error(number, None, problem)
    elif not positions:
        table.add_error(
            number,
            None,
            _(
                "None of the expected headings (%(expected)s) was found. The headings found "
                "are: %(found)s."
            )
            % {
                "expected": ", ".join(str(c.heading) for c in reader.columns),
                "found": ", ".join(table.headings_found),
            },
        )
    if unknown:
        table.notes.append(
            ngettext(
                "The column %(columns)s is not used and was skipped.",
                "The columns %(columns)s are not used and were skipped.",
                len(unknown),
            )
            % {"columns": ", ".join(unknown)}
        )
    return positions


def _read_rows(table: Table, reader: _Reader, positions, rows) -> None:
    context = reader.context
    required = _("This cell is empty, but a value is required.")
    for number, cells in rows:
        width = len(cells)
        raw = [(c, cells[p] if p < width else None) for p, c in positions]
        if _is_empty([value for _column, value in raw]):
            continue  # empty, spaces only, or only borders: skipped without a word
        row = Row(number, {})
        for column, value in raw:
            if value is None or (isinstance(value, str) and not value.strip()):
                row.values[column.key] = cleaning.EMPTY[column.kind]
                if column.required:
                    table.add_error(row, column.key, required)
                continue
            try:
                row.values[column.key] = cleaning.clean(value, column, context)
            except Problem as problem:
                row.values[column.key] = None
                table.add_error(row, column.key, str(problem))
        table.rows.append(row)


def check_duplicates(table: Table, key: str, *, label: str) -> None:
    """An error for every row whose value of `key` (trimmed, ignoring case) an earlier row has,
    naming both rows. `label` starts the sentence: "De partner", "Het pakket"."""
    first: dict[str, int] = {}
    for row in table.rows:
        value = row.values.get(key)
        if value is None or value == "":
            continue
        text = cleaning.show(value)
        folded = " ".join(text.split()).casefold()
        if folded in first:
            table.add_error(
                row,
                key,
                _(
                    "%(label)s '%(value)s' appears more than once: in row %(first)s and in "
                    "row %(number)s."
                )
                % {
                    "label": label,
                    "value": cleaning.quoted(text),
                    "first": first[folded],
                    "number": row.number,
                },
            )
        else:
            first[folded] = row.number
