"""Invoices as records. A draft is made from a deal — the full amount, a down payment (a share or an
amount), or the final invoice that lists the deal and deducts the down payments invoiced — and can be
changed freely; issuing gives it the next number of the year's gapless sequence (in the same
transaction: two PCs never share one, a rolled-back issue leaves no hole) and it is never edited
again. A correction is a cancellation invoice: the same lines negated, issued with its own next
number; the cancelled invoice keeps its number. Payments are recorded against issued invoices; the
state shown follows: issued, partly paid, paid, overdue (past due, not paid), cancelled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Company,
    Contact,
    Deal,
    DealProductRow,
    DiscountType,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    deal_contact,
)
from app.services.access.rights import Action
from app.services.access.scope import deal_scope, require_deal
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ConflictError, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version
from app.services.deals.pricing import minor_unit
from app.services.documents.numbering import DEFAULT_PATTERN, next_number
from app.services.invoices.documents import Prepared, prepare, render_and_keep
from app.services.invoices.lines import as_line, invoice_lines, stored
from app.services.invoices.money import Line, down_payment_lines, sums

MSG_NO_INVOICE = QT_TRANSLATE_NOOP("errors", "There is no invoice {id} (any more).")
MSG_NO_DEAL = QT_TRANSLATE_NOOP("errors", "There is no deal {id}.")
MSG_SHARE = QT_TRANSLATE_NOOP("errors", "A down payment is more than 0 % and at most 100 % of the deal.")
MSG_NOTHING = QT_TRANSLATE_NOOP("errors", "The deal has nothing to invoice (no products and no amount).")
MSG_NOT_DRAFT = QT_TRANSLATE_NOOP(
    "errors", "Invoice {number} is issued: it is not changed any more. Cancel it and make a new one."
)
MSG_NOT_CANCELLABLE = QT_TRANSLATE_NOOP("errors", "Only an issued invoice can be cancelled.")
MSG_NOT_PAYABLE = QT_TRANSLATE_NOOP("errors", "Payments are recorded against issued invoices only.")
MSG_AMOUNT = QT_TRANSLATE_NOOP("errors", "A payment is an amount of more than 0.")
MSG_TOO_MUCH = QT_TRANSLATE_NOOP("errors", "That is more than the {open} still open on invoice {number}.")
MSG_LINES = QT_TRANSLATE_NOOP("errors", "An invoice needs at least one line.")
MSG_DAYS = QT_TRANSLATE_NOOP("errors", "Payment is due within 0 to 365 days.")
KINDS = ("full", "down_payment", "final", "cancellation")
DOWN_PAYMENT = QT_TRANSLATE_NOOP("invoices", "Down payment {share} % – {title}")
DEDUCTED = QT_TRANSLATE_NOOP("invoices", "Less down payment {number}")
# An invoice's own words are written in the database's language (as its stages and templates are).
IN_GERMAN = {DOWN_PAYMENT: "Anzahlung {share} % – {title}", DEDUCTED: "Abzüglich Anzahlung {number}"}


def _words(session: Session, template: str) -> str:
    from app.models import AppSetting

    language = session.scalar(select(AppSetting.value).where(AppSetting.key == "language")) or "en"
    return IN_GERMAN.get(template, template) if language == "de" else template


@dataclass(frozen=True)
class PaymentInfo:
    id: int
    paid_on: date
    amount: Decimal
    method: str
    note: str | None


@dataclass(frozen=True)
class InvoiceInfo:
    id: int
    deal_id: int | None
    kind: str
    state: str  # draft, issued, cancelled (as stored)
    number: str | None
    issue_date: date | None
    due_date: date | None
    currency: str
    buyer_name: str
    net: Decimal
    tax: Decimal
    gross: Decimal
    paid: Decimal
    cancels_id: int | None
    version: int
    lines: tuple[Line, ...] = ()
    payments: tuple[PaymentInfo, ...] = ()
    dunning_level: int = 0  # payment reminders sent
    reminded_on: date | None = None

    @property
    def open_amount(self) -> Decimal:
        return self.gross - self.paid

    def status(self, today: date | None = None) -> str:
        """draft, cancelled, paid, overdue, partly_paid or issued."""
        if self.state in ("draft", "cancelled"):
            return self.state
        if self.kind == "cancellation":  # nothing is paid on a cancellation: it is simply issued
            return "issued"
        if self.open_amount <= 0:
            return "paid"
        if self.due_date is not None and self.due_date < (today or date.today()):  # noqa: DTZ011
            return "overdue"
        return "partly_paid" if self.paid > 0 else "issued"


@dataclass(frozen=True)
class Receivables:
    """Per currency: what is open, and how much of it is overdue."""

    open: dict[str, Decimal]
    overdue: dict[str, Decimal]


class InvoiceService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- drafts --------------------------------------------------------------------------------------

    def draft_from_deal(
        self,
        deal_id: int,
        kind: str = "full",
        *,
        percent: Decimal | str | None = None,
        amount: Decimal | str | None = None,
        payment_days: int = 14,
    ) -> InvoiceInfo:
        """A draft for the deal: its products (full), a share of them (down payment: `percent`, or a
        gross `amount`), or them less the down payments invoiced so far (final)."""
        if not 0 <= payment_days <= 365:
            raise ValidationError.single("payment_days", MSG_DAYS)
        with self._ctx.write() as uow:
            session = uow.session
            deal = session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(MSG_NO_DEAL, id=deal_id)
            require_deal(session, uow.actor_id, deal, Action.EDIT)
            products = _deal_lines(session, deal)
            if not products:
                raise ValidationError.single("deal_id", MSG_NOTHING)
            lines: list[tuple[Line, int | None]] = []
            share: Decimal | None = None
            if kind == "down_payment":
                whole = sums(products, deal.currency)
                share = _share(percent, amount, whole.gross)
                bases = {g.rate: g.basis for g in whole.groups}
                label = _words(session, DOWN_PAYMENT).format(share=_plain(share), title=deal.title)[:255]
                lines = [(line, None) for line in down_payment_lines(bases, share, label, deal.currency)]
            elif kind in ("full", "final"):
                lines = [(line, None) for line in products]
                if kind == "final":
                    lines += _deductions(session, deal.id)
            else:
                raise ValidationError.single("kind", MSG_NOTHING)
            buyer = _buyer(session, deal)
            invoice = Invoice(
                deal_id=deal.id,
                kind=kind,
                state="draft",
                currency=deal.currency,
                buyer_name=buyer[0],
                buyer_address=buyer[1],
                buyer_vat_id=buyer[2],
                buyer_reference=buyer[3],
                payment_days=payment_days,
                down_payment_percent=share,
                created_by_id=uow.actor_id,
            )
            session.add(invoice)
            session.flush()
            _write_lines(session, invoice, lines)
            uow.history.created("invoice", invoice.id, invoice.version, invoice.buyer_name)
            uow.emit("invoice.created", [invoice.id], {"deal"})
            return _info(session, invoice)

    def update_lines(self, invoice_id: int, expected_version: int, lines: Sequence[Line]) -> InvoiceInfo:
        """A draft's lines, as edited."""
        if not lines:
            raise ValidationError.single("lines", MSG_LINES)
        with self._ctx.write() as uow:
            invoice = self._load(uow, invoice_id, expected_version)
            _draft_only(invoice)
            uow.session.query(InvoiceLine).filter(InvoiceLine.invoice_id == invoice.id).delete()
            _write_lines(uow.session, invoice, [(line, None) for line in lines])
            uow.history.changed("invoice", invoice.id, invoice.version, {"lines": (None, len(lines))})
            uow.emit("invoice.updated", [invoice.id], {"lines"})
            return _info(uow.session, invoice)

    # -- issuing and cancelling ------------------------------------------------------------------------

    def issue(self, invoice_id: int, expected_version: int, *, on: date | None = None) -> InvoiceInfo:
        """The next number of the year, the issue and due dates; from now on the invoice is fixed."""
        day = on or date.today()  # noqa: DTZ011 - the office's calendar day
        prepared = self._prepare(invoice_id)
        with self._ctx.write() as uow:
            invoice = self._load(uow, invoice_id, expected_version)
            _draft_only(invoice)
            _number(uow, invoice, day)
            render_and_keep(uow, invoice, prepared)  # a broken template: nothing issued, said why
            uow.history.changed("invoice", invoice.id, invoice.version, {"number": (None, invoice.number)})
            uow.emit("invoice.issued", [invoice.id], {"state"})
            return _info(uow.session, invoice)

    def cancel(self, invoice_id: int, expected_version: int, *, on: date | None = None) -> InvoiceInfo:
        """Cancel an issued invoice: a cancellation invoice (its lines negated) with the next number.
        Returns the cancellation invoice; the cancelled one keeps its number, marked cancelled."""
        day = on or date.today()  # noqa: DTZ011
        prepared = self._prepare(invoice_id)
        with self._ctx.write() as uow:
            session = uow.session
            original = self._load(uow, invoice_id, expected_version)
            if original.state != "issued" or original.kind == "cancellation":
                raise ValidationError.single("state", MSG_NOT_CANCELLABLE)
            lines = session.scalars(
                select(InvoiceLine).where(InvoiceLine.invoice_id == original.id).order_by(InvoiceLine.sort)
            ).all()
            storno = Invoice(
                deal_id=original.deal_id,
                kind="cancellation",
                state="draft",
                currency=original.currency,
                buyer_name=original.buyer_name,
                buyer_address=original.buyer_address,
                buyer_vat_id=original.buyer_vat_id,
                buyer_reference=original.buyer_reference,
                payment_days=0,
                cancels_id=original.id,
                created_by_id=uow.actor_id,
            )
            session.add(storno)
            session.flush()
            _write_lines(
                session,
                storno,
                [(replace(as_line(row), quantity=-row.quantity), row.deducts_id) for row in lines],
            )
            _number(uow, storno, day)
            render_and_keep(uow, storno, prepared)
            original.state = "cancelled"
            session.flush()
            uow.history.changed("invoice", original.id, original.version, {"state": ("issued", "cancelled")})
            uow.emit("invoice.cancelled", [original.id, storno.id], {"state"})
            return _info(session, storno)

    # -- payments --------------------------------------------------------------------------------------

    def add_payment(
        self,
        invoice_id: int,
        amount: Decimal | str,
        *,
        paid_on: date | None = None,
        method: str = "transfer",
        note: str | None = None,
    ) -> InvoiceInfo:
        value = _money(amount)
        if value is None or value <= 0:
            raise ValidationError.single("amount", MSG_AMOUNT)
        with self._ctx.write() as uow:
            session = uow.session
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:
                raise NotFoundError(MSG_NO_INVOICE, id=invoice_id)
            if invoice.deal_id is not None:
                deal = session.get(Deal, invoice.deal_id)
                if deal is not None:
                    require_deal(session, uow.actor_id, deal, Action.EDIT)
            if invoice.state != "issued" or invoice.kind == "cancellation":
                raise ValidationError.single("state", MSG_NOT_PAYABLE)
            open_amount = invoice.gross - invoice.paid
            if value > open_amount:
                raise ValidationError.single(
                    "amount",
                    MSG_TOO_MUCH,
                    open=f"{open_amount} {invoice.currency}",
                    number=invoice.number or "",
                )
            session.add(
                InvoicePayment(
                    invoice_id=invoice.id,
                    paid_on=paid_on or date.today(),  # noqa: DTZ011
                    amount=value,
                    method=method[:30],
                    note=(note or "").strip() or None,
                    created_by_id=uow.actor_id,
                )
            )
            invoice.paid = invoice.paid + value
            session.flush()
            uow.history.changed(
                "invoice", invoice.id, invoice.version, {"paid": (open_amount, invoice.gross - invoice.paid)}
            )
            uow.emit(
                "invoice.paid" if invoice.paid >= invoice.gross else "invoice.payment", [invoice.id], {"paid"}
            )
            return _info(session, invoice)

    def einvoice(self, invoice_id: int, *, xrechnung: bool = True) -> bytes:
        """The issued invoice as CII XML (XRechnung; or EN 16931 for ZUGFeRD), schema-checked."""
        from app.services.invoices.einvoice import einvoice_xml

        self.get(invoice_id)  # the person may read it
        return einvoice_xml(self._ctx, invoice_id, xrechnung=xrechnung)

    # -- reading ---------------------------------------------------------------------------------------

    def get(self, invoice_id: int) -> InvoiceInfo:
        with self._ctx.read() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None or not self._readable(session, invoice):
                raise NotFoundError(MSG_NO_INVOICE, id=invoice_id)
            return _info(session, invoice, full=True)

    def list(
        self,
        *,
        deal_id: int | None = None,
        overdue: bool = False,
        today: date | None = None,
        limit: int = 1000,
        show: str = "",
    ) -> list[InvoiceInfo]:
        """Invoices the person may see (those of deals they may read), newest first. `show`: "open"
        (issued, something still to pay), "draft", or "overdue" (= `overdue`: open and past due, the
        longest overdue first)."""
        today = today or date.today()  # noqa: DTZ011
        show = "overdue" if overdue else show
        with self._ctx.read() as session:
            query = select(Invoice)
            scope = deal_scope(session, self._ctx.actor_id)
            if scope:
                query = query.where(Invoice.of_deals(scope))
            if deal_id is not None:
                query = query.where(Invoice.deal_id == deal_id)
            if show == "overdue":
                query = query.where(*Invoice.is_open(), Invoice.due_date < today).order_by(
                    Invoice.due_date, Invoice.id
                )
            else:
                if show == "open":
                    query = query.where(*Invoice.is_open())
                elif show == "draft":
                    query = query.where(Invoice.state == "draft")
                query = query.order_by(Invoice.id.desc())
            # Plain rows, not ORM objects: a list of a thousand is read 2x faster.
            rows = session.execute(query.with_only_columns(*_LISTED).limit(limit))
            return [_listed(row) for row in rows]

    def receivables(self, today: date | None = None) -> Receivables:
        today = today or date.today()  # noqa: DTZ011
        with self._ctx.read() as session:
            base = Invoice.is_open()
            scope = deal_scope(session, self._ctx.actor_id)
            if scope:
                base.append(Invoice.of_deals(scope))
            open_ = dict(
                session.execute(
                    select(Invoice.currency, func.sum(Invoice.gross - Invoice.paid))
                    .where(*base)
                    .group_by(Invoice.currency)
                ).all()
            )
            late = dict(
                session.execute(
                    select(Invoice.currency, func.sum(Invoice.gross - Invoice.paid))
                    .where(*base, Invoice.due_date < today)
                    .group_by(Invoice.currency)
                ).all()
            )
        return Receivables(
            {c: _from_units(v) for c, v in open_.items()}, {c: _from_units(v) for c, v in late.items()}
        )

    def _prepare(self, invoice_id: int) -> Prepared:
        """The template and the deal's part of the invoice's document, read before the write."""
        with self._ctx.read() as session:
            deal_id = session.scalar(select(Invoice.deal_id).where(Invoice.id == invoice_id))
        return prepare(self._ctx, "invoice", deal_id)

    def _readable(self, session: Session, invoice: Invoice) -> bool:
        scope = deal_scope(session, self._ctx.actor_id)
        if not scope or invoice.deal_id is None:
            return True
        return session.scalar(select(Deal.id).where(Deal.id == invoice.deal_id, *scope)) is not None

    def _load(self, uow: UnitOfWork, invoice_id: int, expected_version: int) -> Invoice:
        invoice = uow.session.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFoundError(MSG_NO_INVOICE, id=invoice_id)
        if invoice.deal_id is not None:
            deal = uow.session.get(Deal, invoice.deal_id)
            if deal is not None:
                require_deal(uow.session, uow.actor_id, deal, Action.EDIT)
        check_version(uow.session, "invoice", invoice, expected_version, invoice.number or invoice.buyer_name)
        return invoice


# -- helpers ---------------------------------------------------------------------------------------------


def _deal_lines(session: Session, deal: Deal) -> list[Line]:
    rows = session.scalars(
        select(DealProductRow).where(DealProductRow.deal_id == deal.id).order_by(DealProductRow.sort)
    ).all()
    lines = []
    for row in rows:
        percent = row.discount
        if row.discount_type is not DiscountType.PERCENT:  # an amount per unit: as a share of the price
            percent = (row.discount / row.price * 100).quantize(Decimal("0.01")) if row.price else Decimal(0)
        lines.append(
            Line(
                row.name,
                row.quantity,
                row.price,
                row.tax_rate,
                row.unit,
                percent,
                row.tax_included,
                row.product_id,
            )
        )
    if not lines and deal.amount:
        lines.append(Line(deal.title[:255], Decimal(1), deal.amount, Decimal(0)))
    return lines


def _deductions(session: Session, deal_id: int) -> list[tuple[Line, int | None]]:
    """The down payments invoiced for the deal (issued, not cancelled), each line negated."""
    out: list[tuple[Line, int | None]] = []
    down_payments = session.scalars(
        select(Invoice)
        .where(Invoice.deal_id == deal_id, Invoice.kind == "down_payment", Invoice.state == "issued")
        .order_by(Invoice.issue_date, Invoice.id)
    ).all()
    for invoice in down_payments:
        for line in session.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)):
            label = _words(session, DEDUCTED).format(number=invoice.number or "")[:255]
            out.append(
                (
                    replace(as_line(line), name=label, quantity=-line.quantity, product_id=None),
                    invoice.id,
                )
            )
    return out


def _write_lines(session: Session, invoice: Invoice, lines: Sequence[tuple[Line, int | None]]) -> None:
    for sort, (line, deducts) in enumerate(lines):
        session.add(
            InvoiceLine(
                invoice_id=invoice.id, sort=sort, deducts_id=deducts, **stored(line, invoice.currency)
            )
        )
    total = sums([line for line, _d in lines], invoice.currency)
    invoice.net, invoice.tax, invoice.gross = total.net, total.tax, total.gross
    session.flush()


def _number(uow: UnitOfWork, invoice: Invoice, day: date) -> None:
    from app.models import AppSetting

    pattern = uow.session.scalar(
        select(AppSetting.value).where(AppSetting.key == "documents.pattern.invoice")
    )
    invoice.number = next_number(uow.session, "invoice", day, pattern or DEFAULT_PATTERN)
    invoice.state = "issued"
    invoice.issue_date = day
    invoice.due_date = day + timedelta(days=invoice.payment_days)
    uow.session.flush()


def _buyer(session: Session, deal: Deal) -> tuple[str, str | None, str | None, str | None]:
    """Name, address, VAT ID and Leitweg-ID: the deal's company, else its first contact."""
    if deal.company_id:
        company = session.get(Company, deal.company_id)
        if company is not None:
            return company.title, company.address, company.vat_id, company.leitweg_id
    contact = session.scalar(
        select(Contact)
        .join(deal_contact, deal_contact.c.contact_id == Contact.id)
        .where(deal_contact.c.deal_id == deal.id)
        .order_by(deal_contact.c.sort)
        .limit(1)
    )
    if contact is not None:
        return f"{contact.first_name or ''} {contact.last_name or ''}".strip(), contact.address, None, None
    return "", None, None, None


def _share(percent: Decimal | str | None, amount: Decimal | str | None, gross: Decimal) -> Decimal:
    try:
        if percent is not None:
            share = Decimal(str(percent))
        elif amount is not None and gross:
            share = (Decimal(str(amount)) * 100 / gross).quantize(Decimal("0.01"))
        else:
            share = Decimal(0)
    except InvalidOperation:
        share = Decimal(0)
    if not 0 < share <= 100:
        raise ValidationError.single("percent", MSG_SHARE)
    return share


def _money(value: Decimal | str) -> Decimal | None:
    try:
        number = Decimal(str(value).replace(",", ".")) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        return None
    return number.quantize(minor_unit("EUR")) if number == number.quantize(Decimal("0.01")) else None


def _from_units(value: object) -> Decimal:
    """A SUM over a Money column comes back as the stored integer count of cents."""
    return (Decimal(int(value or 0)) / 100).quantize(Decimal("0.01"))  # type: ignore[call-overload]


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _draft_only(invoice: Invoice) -> None:
    if invoice.state != "draft":
        raise ConflictError(MSG_NOT_DRAFT, number=invoice.number or "")


# An invoice as a list shows it: InvoiceInfo's columns, without lines and payments.
_LISTED = (
    Invoice.id,
    Invoice.deal_id,
    Invoice.kind,
    Invoice.state,
    Invoice.number,
    Invoice.issue_date,
    Invoice.due_date,
    Invoice.currency,
    Invoice.buyer_name,
    Invoice.net,
    Invoice.tax,
    Invoice.gross,
    Invoice.paid,
    Invoice.cancels_id,
    Invoice.version,
    Invoice.dunning_level,
    Invoice.reminded_on,
)


def _listed(row: Any) -> InvoiceInfo:
    """An invoice as a list shows it, from a row of _LISTED (its columns named as InvoiceInfo's
    fields): without its lines and payments."""
    return InvoiceInfo(**{**row._mapping, "dunning_level": row.dunning_level or 0})


def _info(session: Session, invoice: Invoice, full: bool = False) -> InvoiceInfo:
    lines: tuple[Line, ...] = ()
    payments: tuple[PaymentInfo, ...] = ()
    if full:
        lines = tuple(invoice_lines(session, invoice.id))
        payments = tuple(
            PaymentInfo(p.id, p.paid_on, p.amount, p.method, p.note)
            for p in session.scalars(
                select(InvoicePayment)
                .where(InvoicePayment.invoice_id == invoice.id)
                .order_by(InvoicePayment.paid_on)
            )
        )
    return InvoiceInfo(
        invoice.id,
        invoice.deal_id,
        invoice.kind,
        invoice.state,
        invoice.number,
        invoice.issue_date,
        invoice.due_date,
        invoice.currency,
        invoice.buyer_name,
        invoice.net,
        invoice.tax,
        invoice.gross,
        invoice.paid,
        invoice.cancels_id,
        invoice.version,
        lines,
        payments,
        invoice.dunning_level or 0,
        invoice.reminded_on,
    )
