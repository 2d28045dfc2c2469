"""Reading an uploaded spreadsheet and importing it, all or nothing.

`read_upload` turns the upload into rows (or says why it cannot: not a spreadsheet, too large,
wrong columns, empty rows); `run_import` checks the rows that need the whole file (a partner
twice, a name present under another capitalisation) and lets the resource import them in one
transaction: with `dry_run=True` for the preview, for real after the person confirms. Every
problem is reported with its spreadsheet row number (the header is row 1).

Between the preview and the confirmation the file waits on the server through `avk.staging`
(bound to the person, the programme and the kind of file: `staging_kind`).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from import_export.results import RowResult

from avk import staging
from avk.policy import require
from avk.spreadsheets import Column, read_table

from .models import DelegationLevel, Participation, Partner
from .resources import RESOURCES, other_programme_message

#: Columns per kind of file: (required, optional).
COLUMNS = {
    "partners": (["name", "kind"], ["short_name", "municipality", "website", "phone", "email"]),
    "commitments": (
        ["partner", "package", "valid_from"],
        ["signed_on", "yearly_contribution", "motivation"],
    ),
    "delegation": (["partner", "level", "name"], ["function", "email", "phone", "is_contact"]),
}


#: The commitments and delegation files, read by `avk.spreadsheets` under the Dutch headings
#: of the export; the English codes of `COLUMNS` are accepted as aliases.
TABLE_COLUMNS = {
    "commitments": [
        Column("partner", "Partner", aliases=("Naam",), required=True),
        Column("package", "Pakket", required=True),
        Column("valid_from", "Ingangsdatum", required=True, kind="date"),
        Column("signed_on", "Ondertekend op", kind="date"),
        Column("yearly_contribution", "Jaarlijkse bijdrage", kind="money"),
        Column("motivation", "Motivatie"),
    ],
    "delegation": [
        Column("partner", "Partner", aliases=("Naam organisatie",), required=True),
        Column("level", "Niveau", required=True, kind="choice", choices=DelegationLevel),
        Column("name", "Naam", required=True),
        Column("function", "Functie"),
        Column("email", "E-mail", kind="email"),
        Column("phone", "Telefoon", kind="phone"),
        Column("is_contact", "Aanspreekpunt", kind="bool"),
    ],
}


def staging_kind(kind: str) -> str:
    """The kind a staged file is bound to: a partners file cannot be confirmed as delegation."""
    return f"partners.{kind}"


class ImportRefused(Exception):
    """The file cannot be imported; `problems` are the Dutch messages, with row numbers."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    new: int = 0
    updated: int = 0
    skipped: int = 0
    rows: list[dict] = field(default_factory=list)  # for the preview
    headers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _row_label(number: int) -> str:
    return _("Row %(number)s") % {"number": number}


def read_upload(*, name: str, content: bytes, kind: str) -> tablib.Dataset:
    """The file's rows as a Dataset with normalised headers; ImportRefused if it is unusable."""
    try:
        staging.check_size(len(content))
    except ValidationError as too_large:
        raise ImportRefused(too_large.messages) from None
    lower = name.lower()
    if kind in TABLE_COLUMNS and (content.startswith(b"PK") or lower.endswith((".csv", ".xlsx"))):
        return _read_table(name, content, kind)
    if lower.endswith(".xlsx"):
        rows = _read_xlsx(content)
    elif lower.endswith(".csv"):
        rows = _read_csv(content)
    else:
        raise ImportRefused(
            [_("This is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file.")]
        )
    return _dataset(rows, kind)


def _read_table(name: str, content: bytes, kind: str) -> tablib.Dataset:
    """The file read by `avk.spreadsheets`: cleaned values under the English codes, with
    `row_numbers` (the Excel rows) and `headings` (the file's headings) for the messages."""
    columns = TABLE_COLUMNS[kind]
    table = read_table(content, name, columns=columns)
    if table.errors:
        raise ImportRefused(table.messages)
    if not table.rows:
        raise ImportRefused([_("The file holds a header row but no data.")])
    keys = [column.key for column in columns if column.key in table.columns_found]
    dataset = tablib.Dataset(headers=keys)
    for row in table.rows:
        dataset.append([row.values.get(k) for k in keys])
    dataset.row_numbers = [row.number for row in table.rows]
    dataset.headings = {k: table.columns_found[k] for k in keys}
    return dataset


def _not_a_spreadsheet():
    return ImportRefused(
        [
            _(
                "This file cannot be read as a spreadsheet: upload an Excel workbook (.xlsx) "
                "or a CSV file."
            )
        ]
    )


def _read_xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise _not_a_spreadsheet() from None
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _read_csv(content: bytes) -> list[list]:
    if b"\x00" in content[:4096]:
        raise _not_a_spreadsheet()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise _not_a_spreadsheet()
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _is_empty(row) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in row)


def _dataset(rows: list[list], kind: str) -> tablib.Dataset:
    required, optional = COLUMNS[kind]
    while rows and _is_empty(rows[-1]):  # trailing empty rows are no content
        rows.pop()
    if not rows:
        raise ImportRefused([_("The file is empty.")])
    header = [("" if cell is None else str(cell)).strip().lower() for cell in rows[0]]
    while header and header[-1] == "":
        header.pop()
    problems = []
    missing = [column for column in required if column not in header]
    unknown = [column for column in header if column and column not in required + optional]
    duplicated = sorted({column for column in header if column and header.count(column) > 1})
    if missing:
        problems.append(
            _("Row 1: column(s) missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    if unknown:
        problems.append(
            _("Row 1: unknown column(s): %(columns)s. Allowed: %(allowed)s.")
            % {"columns": ", ".join(unknown), "allowed": ", ".join(required + optional)}
        )
    if duplicated:
        problems.append(
            _("Row 1: column(s) more than once: %(columns)s.") % {"columns": ", ".join(duplicated)}
        )
    if "" in header:
        problems.append(_("Row 1: a column has no name."))
    if problems:
        raise ImportRefused(problems)
    data = rows[1:]
    if not data:
        raise ImportRefused([_("The file holds a header row but no data.")])
    empty = [number for number, row in enumerate(data, start=2) if _is_empty(row)]
    if empty:
        raise ImportRefused(
            [_("%(row)s is empty; remove empty rows.") % {"row": _row_label(n)} for n in empty]
        )
    dataset = tablib.Dataset(headers=header)
    for row in data:
        cells = list(row[: len(header)]) + [None] * (len(header) - len(row))
        dataset.append(["" if cell is None else cell for cell in cells])
    return dataset


def _row_numbers(dataset: tablib.Dataset) -> list[int]:
    """The spreadsheet row of each data row (the header is row 1 unless read by a table)."""
    return getattr(dataset, "row_numbers", None) or list(range(2, len(dataset) + 2))


def _file_checks(kind: str, dataset: tablib.Dataset, programme) -> list[str]:
    """Problems only the whole file shows: a name twice, or present in another capitalisation."""
    problems = []
    numbers = _row_numbers(dataset)
    if kind == "partners":
        seen: dict[str, int] = {}
        names = [str(name).strip() for name in dataset["name"]]
        wanted = {name.lower() for name in names if name}
        # Only the names asked for are read; a name of a partner that does not take part in
        # this programme cannot be imported here (it would change another programme's partner).
        existing: dict[str, str] = {}
        elsewhere: set[str] = set()
        query = Q()
        for name in wanted:
            query |= Q(name__iexact=name)
        for found, here in (
            Partner.objects.filter(query)
            .annotate(
                here=Exists(
                    Participation.objects.filter(programme=programme, partner=OuterRef("pk"))
                )
            )
            .values_list("name", "here")
            if wanted
            else []
        ):
            if here:
                existing[found.lower()] = found
            else:
                elsewhere.add(found.lower())
        for number, name in enumerate(names, start=2):
            if not name:
                continue
            key = name.lower()
            if key in seen:
                problems.append(
                    _("%(row)s: '%(name)s' is already in the file (row %(first)s).")
                    % {"row": _row_label(number), "name": name, "first": seen[key]}
                )
            else:
                seen[key] = number
            if key in elsewhere:
                problems.append(f"{_row_label(number)}: {other_programme_message(name)}")
                continue
            found = existing.get(key)
            if found is not None and found != name:
                problems.append(
                    _(
                        "%(row)s: '%(name)s' already exists as '%(existing)s'; use the same "
                        "spelling."
                    )
                    % {"row": _row_label(number), "name": name, "existing": found}
                )
    elif kind in ("commitments", "delegation"):
        key_column = "valid_from" if kind == "commitments" else "name"
        seen_pairs: dict[tuple, int] = {}
        for number, partner, key in zip(
            numbers, dataset["partner"], dataset[key_column], strict=True
        ):
            pair = (str(partner).strip().lower(), str(key).strip().lower())
            if pair in seen_pairs:
                problems.append(
                    _("%(row)s: the same %(what)s as row %(first)s.")
                    % {
                        "row": _row_label(number),
                        "what": _("partner and start date")
                        if kind == "commitments"
                        else _("partner and name"),
                        "first": seen_pairs[pair],
                    }
                )
            else:
                seen_pairs[pair] = number
    return problems


def _describe(error) -> str:
    """A ValidationError of one row as 'column: message; column: message'."""
    if hasattr(error, "error_dict"):
        parts = []
        for name, errors in error.error_dict.items():
            for message in errors:
                text = "; ".join(message.messages) if hasattr(message, "messages") else message
                parts.append(f"{name}: {text}" if name != "__all__" else str(text))
        return "; ".join(parts)
    return "; ".join(getattr(error, "messages", [str(error)]))


def _row_problems(number: int, error, headings: dict | None) -> list[str]:
    """The problems of one row; with the file's headings (a table read), one Dutch message
    per column: 'Row 5, column Pakket: ...'."""
    if headings is None or not hasattr(error, "error_dict"):
        return [f"{_row_label(number)}: {_describe(error)}"]
    problems = []
    for name, errors in error.error_dict.items():
        for message in errors:
            text = "; ".join(message.messages) if hasattr(message, "messages") else str(message)
            if name in headings:
                problems.append(
                    _("Row %(number)s, column %(column)s: %(problem)s")
                    % {"number": number, "column": headings[name], "problem": text}
                )
            elif name == "__all__":
                problems.append(f"{_row_label(number)}: {text}")
            else:
                problems.append(f"{_row_label(number)}: {name}: {text}")
    return problems


def run_import(*, kind: str, dataset: tablib.Dataset, programme, by, dry_run: bool) -> Outcome:
    """Import the rows in one transaction; roll everything back on any problem (or dry run).
    Only who may `partners.import` in the programme imports (`Refused` otherwise); every row is
    then written through the services, which ask the policy too."""
    require(by, "partners.import", programme)
    headings = getattr(dataset, "headings", None)
    numbers = _row_numbers(dataset)
    outcome = Outcome(
        problems=_file_checks(kind, dataset, programme),
        headers=[(headings or {}).get(h, h) for h in dataset.headers],
    )
    if outcome.problems:
        return outcome
    resource = RESOURCES[kind](programme=programme, by=by)
    with transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
        )
        for invalid in result.invalid_rows:
            outcome.problems.extend(
                _row_problems(numbers[invalid.number - 1], invalid.error, headings)
            )
        for number, errors in result.row_errors():
            for error in errors:
                if headings is None:
                    outcome.problems.append(
                        f"{_row_label(number + 1)}: {_describe(error.error)}"
                        if hasattr(error.error, "messages")
                        else f"{_row_label(number + 1)}: {error.error}"
                    )
                else:
                    outcome.problems.extend(
                        _row_problems(numbers[number - 1], error.error, headings)
                    )
        for error in result.base_errors:
            outcome.problems.append(str(error.error))
        if outcome.problems or dry_run:
            transaction.set_rollback(True)
    outcome.new = result.totals[RowResult.IMPORT_TYPE_NEW]
    outcome.updated = result.totals[RowResult.IMPORT_TYPE_UPDATE]
    outcome.skipped = result.totals[RowResult.IMPORT_TYPE_SKIP]
    labels = {
        RowResult.IMPORT_TYPE_NEW: _("new"),
        RowResult.IMPORT_TYPE_UPDATE: _("changed"),
        RowResult.IMPORT_TYPE_SKIP: _("unchanged"),
    }
    for number, row_result, values in zip(numbers, result.rows, dataset.dict, strict=False):
        outcome.rows.append(
            {
                "number": number,
                "action": labels.get(row_result.import_type, row_result.import_type),
                "values": [values.get(h, "") for h in dataset.headers],
            }
        )
    return outcome
