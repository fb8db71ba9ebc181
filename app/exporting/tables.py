"""Tables to CSV and XLSX, streamed row by row, safe to open in a spreadsheet.

A cell that starts with = + - @ (or a tab or carriage return) would run as a formula when the
file is opened in Excel or LibreOffice ("CSV injection"); such text is written with a leading
apostrophe in CSV, and as a plain string cell in XLSX.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Progress = Callable[[int], None]  # rows written so far


def neutralise(text: str) -> str:
    """Text that a spreadsheet must not read as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Any, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, float):  # a rate: 12.5 (%) is "12,5" for a German spreadsheet
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return neutralise(str(value))


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    delimiter: str = ",",
    decimal_comma: bool = False,
    progress: Progress | None = None,
) -> int:
    """UTF-8 with a byte-order mark (so Excel reads the umlauts); written to a temporary file
    first and renamed, so a cancelled or failed export leaves no half file. Returns rows written."""
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow([neutralise(h) for h in header])
            for row in rows:
                writer.writerow([_csv_cell(v, decimal_comma) for v in row])
                count += 1
                if progress is not None and count % 1000 == 0:
                    progress(count)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def write_xlsx(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *, progress: Progress | None = None
) -> int:
    """An Excel workbook with typed cells (numbers, dates); text never becomes a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Deals")

    def text_cell(value: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # a string, whatever it starts with
        return cell

    sheet.append([text_cell(h) for h in header])
    count = 0
    for row in rows:
        cells: list[Any] = []
        for value in row:
            if isinstance(value, str):
                cells.append(text_cell(value))
            elif isinstance(value, Decimal):
                cells.append(float(value))  # a spreadsheet number; the exact value is in the CSV
            else:
                cells.append(value)
        sheet.append(cells)
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(count)
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count
