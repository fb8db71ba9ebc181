"""Invoices to CSV or Excel (what the Invoices list shows, one invoice a row), for the tax adviser or a
spreadsheet, through the same writers as the deals' export (never a formula, a half file never left)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from app.exporting.tables import write_csv, write_xlsx
from app.services.invoices.service import InvoiceInfo

COLUMNS = (
    "number",
    "kind",
    "status",
    "issue_date",
    "due_date",
    "buyer",
    "currency",
    "net",
    "tax",
    "gross",
    "paid",
    "open",
    "reminders",
    "deal_id",
)


def export_invoices(
    path: Path, invoices: Iterable[InvoiceInfo], today: date | None = None, *, decimal_comma: bool = False
) -> int:
    """Write the invoices to `path` (.xlsx: typed cells; else CSV); returns how many."""

    def rows() -> Iterator[list[Any]]:
        for i in invoices:
            issued = i.state == "issued" and i.kind != "cancellation"
            yield [
                i.number or "",
                i.kind,
                i.status(today),
                i.issue_date,
                i.due_date,
                i.buyer_name,
                i.currency,
                i.net,
                i.tax,
                i.gross,
                i.paid,
                i.open_amount if issued else 0,
                i.dunning_level,
                i.deal_id,
            ]

    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, COLUMNS, rows())
    return write_csv(
        path, COLUMNS, rows(), delimiter=";" if decimal_comma else ",", decimal_comma=decimal_comma
    )
