"""A chart written to a file: the drawing as PNG, SVG or PDF, or its data as CSV or XLSX.
Shared by the Analytics page's Export menu and `dealdesk report`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypedDict

from PySide6.QtCore import QLocale

from app.exporting.tables import write_csv, write_xlsx
from app.reports.charts import Words, table
from app.services.analytics.service import Dashboard

IMAGE_FORMATS = ("png", "svg", "pdf")


class CsvStyle(TypedDict):
    delimiter: str
    decimal_comma: bool


def csv_style() -> CsvStyle:
    """CSV as the locale's spreadsheet reads it: German uses ';' between cells and a decimal comma."""
    comma = QLocale().decimalPoint() == ","
    return CsvStyle(delimiter=";" if comma else ",", decimal_comma=comma)


def export_chart(chart: str, data: Dashboard, words: Words, path: Path, figure: Any) -> None:
    """The chart (drawn on `figure`) as an image, or its data as a table, by the file's suffix."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in IMAGE_FORMATS:
        figure.savefig(str(path), format=suffix)
        return
    header, rows = table(chart, data, words)
    if suffix == "xlsx":
        write_xlsx(path, header, rows)
    else:
        write_csv(path, header, rows, **csv_style())


__all__ = ["IMAGE_FORMATS", "csv_style", "export_chart"]
