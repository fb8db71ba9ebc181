"""Reading a table (a header row, then data rows) from a CSV file or the first sheet of an XLSX workbook.

CSV files come from everywhere: UTF-8 with or without a byte-order mark, or Windows-1252 from older
Excel; separated by commas, semicolons (German Excel) or tabs. Both are recognised here. A cell our
own export protected against formula injection ("'=...") is read back without the apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.exporting.tables import FORMULA_STARTS

DELIMITERS = ",;\t"
SNIFF_BYTES = 64 * 1024


class TableReadError(Exception):
    """The file can't be read as a table. `reason` says why: one of REASONS (the caller words it)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


NOT_A_FILE, EMPTY, NO_HEADER, NOT_A_WORKBOOK = REASONS = (
    "not_a_file",
    "empty",
    "no_header",
    "not_a_workbook",
)


@dataclass(frozen=True)
class TableFile:
    path: Path
    header: tuple[str, ...]
    encoding: str | None  # CSV only
    delimiter: str | None  # CSV only

    @property
    def is_xlsx(self) -> bool:
        return self.delimiter is None


def unprotect(value: Any) -> Any:
    """Text as it was before our export put an apostrophe in front of a formula-like start."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def open_table(path: Path) -> TableFile:
    """Look at a file: its kind, encoding, separator and header row."""
    if not path.is_file():
        raise TableReadError(NOT_A_FILE, str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        header = next(_xlsx_rows(path), None)
        if header is None:
            raise TableReadError(EMPTY)
        return TableFile(path, _header(header), None, None)
    raw = path.read_bytes()[:SNIFF_BYTES]
    encoding = _encoding(raw)
    sample = raw.decode(encoding, errors="replace")
    delimiter = _delimiter(sample)
    with path.open(encoding=encoding, newline="") as handle:
        header_row = next(csv.reader(handle, delimiter=delimiter), None)
    if not header_row:
        raise TableReadError(EMPTY)
    return TableFile(path, _header(header_row), encoding, delimiter)


def read_rows(table: TableFile) -> Iterator[tuple[int, list[Any]]]:
    """The data rows after the header with their row number as a spreadsheet shows it (the header
    is row 1); each as long as the header; blank rows skipped."""
    width = len(table.header)
    rows = _xlsx_rows(table.path) if table.is_xlsx else _csv_rows(table)
    next(rows, None)  # the header
    for number, row in enumerate(rows, start=2):
        cells = [unprotect(v) for v in list(row)[:width]]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
            continue
        yield number, cells + [None] * (width - len(cells))


def count_rows(table: TableFile) -> int:
    return sum(1 for _ in read_rows(table))


def _header(cells: Sequence[Any]) -> tuple[str, ...]:
    names = [("" if c is None else str(c)).strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    if not names:
        raise TableReadError(NO_HEADER)
    return tuple(names)


def _encoding(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(raw) - 4:  # not just a character cut at the end of the sample
            return "cp1252"
    return "utf-8"


def _delimiter(sample: str) -> str:
    first_lines = "\n".join(sample.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(first_lines, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        return max(DELIMITERS, key=header.count)


def _csv_rows(table: TableFile) -> Iterator[list[Any]]:
    with table.path.open(encoding=table.encoding, newline="", errors="replace") as handle:
        yield from csv.reader(handle, delimiter=table.delimiter or ",")


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        with path.open("rb") as handle:
            book = load_workbook(io.BytesIO(handle.read()), read_only=True, data_only=True)
    except Exception as exc:  # zipfile/openpyxl raise many kinds for a file that isn't a workbook
        raise TableReadError(NOT_A_WORKBOOK, str(exc)) from exc
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()
