"""The stored lines of quotes and invoices: one way to write a Line into a row (its net rounded as
EN 16931 wants) and to read a row back as a Line."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import InvoiceLine, QuoteLine
from app.services.invoices.money import Line, line_net


def stored(line: Line, currency: str) -> dict[str, Any]:
    """The columns a quote's or an invoice's line row gets for `line`."""
    return {
        "name": line.name[:255],
        "quantity": line.quantity,
        "unit": line.unit,
        "price": line.price,
        "tax_included": line.tax_included,
        "discount_percent": line.discount_percent,
        "tax_rate": line.tax_rate,
        "net": line_net(line, currency),
        "product_id": line.product_id,
    }


def as_line(row: InvoiceLine | QuoteLine) -> Line:
    return Line(
        row.name,
        row.quantity,
        row.price,
        row.tax_rate,
        row.unit,
        row.discount_percent,
        row.tax_included,
        row.product_id,
    )


def invoice_lines(session: Session, invoice_id: int) -> list[Line]:
    rows = session.scalars(
        select(InvoiceLine).where(InvoiceLine.invoice_id == invoice_id).order_by(InvoiceLine.sort)
    )
    return [as_line(r) for r in rows]


def quote_lines(session: Session, quote_id: int) -> list[Line]:
    rows = session.scalars(select(QuoteLine).where(QuoteLine.quote_id == quote_id).order_by(QuoteLine.sort))
    return [as_line(r) for r in rows]
