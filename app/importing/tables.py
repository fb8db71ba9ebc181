"""Reading a table (a header row, then data rows) from a CSV file or the first sheet of an XLSX workbook.

CSV files come from everywhere: UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text" from
Excel), or an 8-bit code page from older Excel and DOS programs; separated by commas, semicolons
(German Excel) or tabs. The encoding is decided over the whole file, strictly: a file that is not
UTF-8 everywhere is never read as UTF-8 with replacement characters. Which 8-bit code page a file
uses can't be known for sure; the likeliest is taken and `TableFile.encoding_sure` says so, for the
user to confirm or change. A cell our own export protected against formula injection ("'=...") is
read back without the apostrophe.
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
# 8-bit code pages a file that isn't UTF-8 may be in, likeliest first for our users' files.
CODE_PAGES = ("cp1252", "cp850", "mac_roman", "latin-1")
# Letters that make a decoding plausible (German and other Western European text).
_LETTERS = frozenset("äöüÄÖÜßéèêàâçñóòôíìúùÉÈÀÇÑ€")


class TableReadError(Exception):
    """The file can't be read as a table. `reason` says why: one of REASONS (the caller words it)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


NOT_A_FILE, EMPTY, NO_HEADER, NOT_A_WORKBOOK, WRONG_ENCODING = REASONS = (
    "not_a_file",
    "empty",
    "no_header",
    "not_a_workbook",
    "wrong_encoding",
)


@dataclass(frozen=True)
class TableFile:
    path: Path
    header: tuple[str, ...]
    encoding: str | None  # CSV only
    delimiter: str | None  # CSV only
    encoding_sure: bool = True  # False: an 8-bit code page, the likeliest of several
    vcard: bool = False  # contacts from a .vcf file, one card a row

    @property
    def is_xlsx(self) -> bool:
        return self.delimiter is None and not self.vcard


def unprotect(value: Any) -> Any:
    """Text as it was before our export put an apostrophe in front of a formula-like start."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def open_table(path: Path, encoding: str | None = None) -> TableFile:
    """Look at a file: its kind, encoding (or the one given), separator and header row."""
    if not path.is_file():
        raise TableReadError(NOT_A_FILE, str(path))
    if path.suffix.lower() in (".vcf", ".vcard"):
        from app.importing.vcard import HEADER

        return TableFile(path, HEADER, None, None, vcard=True)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        header = next(_xlsx_rows(path), None)
        if header is None:
            raise TableReadError(EMPTY)
        return TableFile(path, _header(header), None, None)
    raw = path.read_bytes()
    sure = True
    if encoding is None:
        encoding, sure = detect_encoding(raw)
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise TableReadError(WRONG_ENCODING, encoding) from exc
    delimiter = _delimiter(text[:SNIFF_BYTES])
    header_row = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), None)
    if not header_row:
        raise TableReadError(EMPTY)
    return TableFile(path, _header(header_row), encoding, delimiter, sure)


def read_rows(table: TableFile) -> Iterator[tuple[int, list[Any]]]:
    """The data rows after the header with their row number as a spreadsheet shows it (the header
    is row 1); each as long as the header; blank rows skipped."""
    width = len(table.header)
    if table.vcard:
        from app.importing.vcard import read_vcards

        rows: Iterator[list[Any]] = iter([list(table.header), *read_vcards(table.path)])
    else:
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


def detect_encoding(raw: bytes) -> tuple[str, bool]:
    """The file's encoding, and whether it is certain: a byte-order mark or valid UTF-8 over the
    whole file is; otherwise the 8-bit code page whose reading has the most ordinary letters."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", True
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", True
    high = bytes(b for b in raw if b >= 0x80)  # only these differ between the code pages
    best, best_score = CODE_PAGES[-1], -1
    for name in CODE_PAGES:
        try:
            decoded = high.decode(name)
        except UnicodeDecodeError:
            continue
        score = sum(ch in _LETTERS for ch in decoded)
        if score > best_score:
            best, best_score = name, score
    return best, False


def _delimiter(sample: str) -> str:
    first_lines = "\n".join(sample.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(first_lines, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        return max(DELIMITERS, key=header.count)


def _csv_rows(table: TableFile) -> Iterator[list[Any]]:
    try:
        with table.path.open(encoding=table.encoding, newline="") as handle:
            yield from csv.reader(handle, delimiter=table.delimiter or ",")
    except UnicodeDecodeError as exc:  # the file changed since it was looked at
        raise TableReadError(WRONG_ENCODING, str(table.encoding)) from exc


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
