"""Receivables for the dashboard: what issued invoices still have open, by how long it is overdue
(not yet due, 1–30, 31–60, 61–90, over 90 days), and what was paid this month — in the base currency,
for the deals the person may see (and the dashboard's pipeline and people). Read grouped by currency
and due date (a few thousand rows at most), so one query serves SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session

from app.models import Deal, Invoice, InvoicePayment

AGES = ("not_due", "1_30", "31_60", "61_90", "over_90")


def age_of(due: date, today: date) -> str:
    late = (today - due).days
    if late <= 0:
        return "not_due"
    if late <= 30:
        return "1_30"
    if late <= 60:
        return "31_60"
    return "61_90" if late <= 90 else "over_90"


def receivables(
    session: Session,
    today: date,
    to_base: Callable[[Any, str], Decimal],
    pipeline_id: int | None,
    people: tuple[int, ...] | None,
    rights: Sequence[Any],
) -> tuple[list[tuple[str, Decimal, int]], Decimal]:
    """[(age, open amount in the base currency, invoices)] in AGES order, and the payments received
    this month (base currency). Sums are of the stored cents (see core.money_sums); `to_base(cents,
    currency)` makes money of them."""
    deals = [*rights]
    if pipeline_id is not None:
        deals.append(Deal.pipeline_id == pipeline_id)
    if people:
        deals.append(Deal.responsible_id.in_(people))
    scope = [Invoice.of_deals(deals)] if deals else []
    rows = session.execute(
        select(
            Invoice.currency,
            Invoice.due_date,
            func.sum(type_coerce(Invoice.gross, BigInteger) - type_coerce(Invoice.paid, BigInteger)),
            func.count(),
        )
        .where(*Invoice.is_open(), *scope)
        .group_by(Invoice.currency, Invoice.due_date)
    ).all()
    ages: dict[str, list[Any]] = {age: [Decimal(0), 0] for age in AGES}
    for currency, due, cents, count in rows:
        entry = ages[age_of(due, today) if due is not None else "not_due"]
        entry[0] += to_base(cents, currency)
        entry[1] += count
    first = today.replace(day=1)
    paid = session.execute(
        select(Invoice.currency, func.sum(type_coerce(InvoicePayment.amount, BigInteger)))
        .join(Invoice, Invoice.id == InvoicePayment.invoice_id)
        .where(InvoicePayment.paid_on >= first, InvoicePayment.paid_on <= today, *scope)
        .group_by(Invoice.currency)
    ).all()
    paid_total = sum((to_base(cents, currency) for currency, cents in paid), Decimal(0))
    return [(age, value, count) for age, (value, count) in ages.items()], paid_total
