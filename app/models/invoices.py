"""Invoices as records: a draft (numberless, freely edited) becomes an issued invoice with the next
number of a gapless sequence and is never edited again — a correction is a cancellation invoice
(its own next number) plus a new invoice. Down-payment invoices take a share of a deal; a final
invoice lists the deal and deducts the down payments already invoiced. Payments are recorded
against an invoice; its state (issued, partly paid, paid, overdue, cancelled) follows from them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    exists,
    false,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money, Percent, Quantity, TimestampMixin, VersionedMixin, utcnow
from app.models.deal import Deal

# An issued invoice with something still to pay (the receivables). Written with literals, as the
# partial index below is: SQLite uses a partial index only for a query that names its terms as written.
OPEN_WHERE = "state = 'issued' AND kind <> 'cancellation' AND paid < gross"


class Invoice(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "invoice"
    __table_args__ = (
        Index("ix_invoice_number", "number", unique=True),
        # The open invoices (a few per cent of all) by due date, with what the totals need: the
        # overdue list and the receivables read a few thousand entries, not every invoice ever issued.
        Index(
            "ix_invoice_open_due_date",
            "due_date",
            "currency",
            "gross",
            "paid",
            "deal_id",
            sqlite_where=text(OPEN_WHERE),
            postgresql_where=text(OPEN_WHERE),
        ),
    )

    @staticmethod
    def of_deals(conditions: Sequence[ColumnElement[bool]]) -> ColumnElement[bool]:
        """Invoices of the deals that meet the conditions (a person's rights, a pipeline …): a lookup
        of each invoice's deal by its key — cheap for the few thousand open ones — rather than a list
        of every deal the person may see."""
        return exists(select(Deal.id).where(Deal.id == Invoice.deal_id, *conditions))

    @staticmethod
    def is_open() -> list[ColumnElement[bool]]:
        """The terms of OPEN_WHERE, for a query's where() (they match the partial index)."""
        return [
            Invoice.state == literal_column("'issued'"),
            Invoice.kind != literal_column("'cancellation'"),
            Invoice.paid < Invoice.gross,
        ]

    id: Mapped[int] = mapped_column(primary_key=True)
    # Kept when the deal goes: bookkeeping keeps invoices (the buyer is written on the invoice itself).
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="full")  # full, down_payment, final, cancellation
    state: Mapped[str] = mapped_column(String(10), default="draft")  # draft, issued, cancelled
    number: Mapped[str | None] = mapped_column(String(50))  # given when issued
    issue_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    buyer_name: Mapped[str] = mapped_column(String(255), default="")
    buyer_address: Mapped[str | None] = mapped_column(Text)
    buyer_vat_id: Mapped[str | None] = mapped_column(String(50))
    buyer_reference: Mapped[str | None] = mapped_column(String(100))  # a public client's Leitweg-ID
    payment_days: Mapped[int] = mapped_column(Integer, default=14)
    down_payment_percent: Mapped[Decimal | None] = mapped_column(Percent)
    cancels_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id", ondelete="SET NULL"))
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quote.id", ondelete="SET NULL"))
    net: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    gross: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    paid: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))  # the sum of its payments
    notes: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    dunning_level: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # reminders sent
    reminded_on: Mapped[date | None] = mapped_column(Date)  # the last reminder's date


class InvoiceLine(Base):
    __tablename__ = "invoice_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"), index=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(255))
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(1))
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    price: Mapped[Decimal] = mapped_column(Money)  # per unit, net unless tax_included
    tax_included: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    discount_percent: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    net: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))  # rounded line net (BT-131)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"))
    deducts_id: Mapped[int | None] = mapped_column(
        ForeignKey("invoice.id", ondelete="SET NULL")
    )  # a down payment


class InvoicePayment(Base):
    __tablename__ = "invoice_payment"
    # What came in when ("paid this month"), without reading every payment ever recorded.
    __table_args__ = (Index("ix_invoice_payment_paid_on", "paid_on", "invoice_id", "amount"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[str] = mapped_column(String(30), default="transfer")
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Quote(VersionedMixin, TimestampMixin, Base):
    """A quote for a deal, numbered when made; a revision keeps the number with "rev. N". Its state:
    draft, sent, accepted, declined (expired follows from the validity date)."""

    __tablename__ = "quote"
    __table_args__ = (Index("ix_quote_state_valid_until", "state", "valid_until"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="SET NULL"), index=True)
    number: Mapped[str] = mapped_column(String(50))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    revises_id: Mapped[int | None] = mapped_column(ForeignKey("quote.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(10), default="draft")
    issue_date: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    buyer_name: Mapped[str] = mapped_column(String(255), default="")
    buyer_address: Mapped[str | None] = mapped_column(Text)
    terms: Mapped[str | None] = mapped_column(Text)
    net: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    gross: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class QuoteLine(Base):
    __tablename__ = "quote_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quote.id", ondelete="CASCADE"), index=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(255))
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(1))
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    price: Mapped[Decimal] = mapped_column(Money)
    tax_included: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    discount_percent: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    net: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"))


class BillingDocument(Base):
    """The Word document (and its PDF: for an invoice, the ZUGFeRD PDF/A-3) rendered for a quote, an
    invoice or a payment reminder, kept as it was sent. Apart from the records, so that lists of
    invoices never read documents."""

    __tablename__ = "billing_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"), index=True)
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quote.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # invoice, quote, reminder
    level: Mapped[int] = mapped_column(Integer, default=0)  # a reminder's dunning level
    file_name: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class InvoiceReminder(Base):
    """A payment reminder (dunning level 1, 2, 3 …) sent for an overdue invoice: its date, the new date
    to pay by, a fee, and the reminder document."""

    __tablename__ = "invoice_reminder"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    sent_on: Mapped[date] = mapped_column(Date)
    pay_by: Mapped[date] = mapped_column(Date)
    fee: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("billing_document.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
