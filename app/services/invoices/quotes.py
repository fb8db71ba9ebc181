"""Quotes as records: made from a deal (its products, copied; then edited), numbered as documents
are ("QUO-2026-0042"), revised ("QUO-2026-0042 rev. 2", the old revision kept), sent, accepted or
declined; expired once past their validity. Accepting can put the quote's lines on the deal (its
products and amount), and an invoice is made from an accepted quote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from app.models import BillingDocument, Deal, DealProductRow, DiscountType, Invoice, Quote, QuoteLine
from app.services.access.rights import Action
from app.services.access.scope import deal_scope, require_deal
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ConflictError, Message, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version
from app.services.documents.numbering import DEFAULT_PATTERN, next_number
from app.services.invoices.documents import Prepared, prepare, render_and_keep
from app.services.invoices.lines import quote_lines, stored
from app.services.invoices.money import Line, sums
from app.services.invoices.service import (
    MSG_NO_DEAL,
    MSG_NOTHING,
    InvoiceInfo,
    _buyer,
    _deal_lines,
    _info,
    _write_lines,
)

MSG_NO_QUOTE = QT_TRANSLATE_NOOP("errors", "There is no quote {id} (any more).")
MSG_STATE = QT_TRANSLATE_NOOP("errors", "Quote {number} is {state}: it can't be {what} any more.")
MSG_DAYS = QT_TRANSLATE_NOOP("errors", "A quote is valid for 1 to 365 days.")
STATES = ("draft", "sent", "accepted", "declined")
# The states as words inside messages ("Quote … is accepted: …"), translated where they are shown.
STATE_WORDS = (
    QT_TRANSLATE_NOOP("quotes", "draft"),
    QT_TRANSLATE_NOOP("quotes", "sent"),
    QT_TRANSLATE_NOOP("quotes", "accepted"),
    QT_TRANSLATE_NOOP("quotes", "declined"),
)


@dataclass(frozen=True)
class QuoteInfo:
    id: int
    deal_id: int | None
    number: str
    revision: int
    state: str
    issue_date: date
    valid_until: date | None
    currency: str
    buyer_name: str
    net: Decimal
    tax: Decimal
    gross: Decimal
    version: int
    lines: tuple[Line, ...] = ()

    @property
    def label(self) -> str:
        return self.number if self.revision == 1 else f"{self.number} rev. {self.revision}"

    def status(self, today: date | None = None) -> str:
        """draft, sent, accepted, declined, or expired (sent or drafted, and past its validity)."""
        day = today or date.today()  # noqa: DTZ011
        if self.state in ("draft", "sent") and self.valid_until is not None and self.valid_until < day:
            return "expired"
        return self.state


class QuoteService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def create_from_deal(self, deal_id: int, *, valid_days: int = 30, on: date | None = None) -> QuoteInfo:
        if not 1 <= valid_days <= 365:
            raise ValidationError.single("valid_days", MSG_DAYS)
        day = on or date.today()  # noqa: DTZ011
        prepared = prepare(self._ctx, "quote", deal_id)
        with self._ctx.write() as uow:
            session = uow.session
            deal = session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(MSG_NO_DEAL, id=deal_id)
            require_deal(session, uow.actor_id, deal, Action.EDIT)
            lines = _deal_lines(session, deal)
            if not lines:
                raise ValidationError.single("deal_id", MSG_NOTHING)
            from app.models import AppSetting

            pattern = session.scalar(
                select(AppSetting.value).where(AppSetting.key == "documents.pattern.quote")
            )
            buyer = _buyer(session, deal)
            quote = Quote(
                deal_id=deal.id,
                number=next_number(session, "quote", day, pattern or DEFAULT_PATTERN),
                revision=1,
                state="draft",
                issue_date=day,
                valid_until=day + timedelta(days=valid_days),
                currency=deal.currency,
                buyer_name=buyer[0],
                buyer_address=buyer[1],
                created_by_id=uow.actor_id,
            )
            session.add(quote)
            session.flush()
            _write(session, quote, lines)
            _render(uow, quote, prepared)
            uow.history.created("quote", quote.id, quote.version, quote.number)
            uow.emit("quote.created", [quote.id])
            return _quote_info(session, quote)

    def update_lines(self, quote_id: int, expected_version: int, lines: Sequence[Line]) -> QuoteInfo:
        prepared = self._prepare(quote_id)
        with self._ctx.write() as uow:
            quote = self._load(uow, quote_id, expected_version)
            _only(quote, ("draft", "sent"), QT_TRANSLATE_NOOP("quotes", "changed"))
            uow.session.execute(delete(QuoteLine).where(QuoteLine.quote_id == quote.id))
            _write(uow.session, quote, lines)
            _render(uow, quote, prepared)
            uow.emit("quote.updated", [quote.id])
            return _quote_info(uow.session, quote)

    def revise(self, quote_id: int, expected_version: int, *, valid_days: int = 30) -> QuoteInfo:
        """A new revision with the same number and the same lines (to be edited); the old one stays."""
        prepared = self._prepare(quote_id)
        with self._ctx.write() as uow:
            session = uow.session
            old = self._load(uow, quote_id, expected_version)
            lines = quote_lines(session, old.id)
            today = date.today()  # noqa: DTZ011
            new = Quote(
                deal_id=old.deal_id,
                number=old.number,
                revision=old.revision + 1,
                revises_id=old.id,
                state="draft",
                issue_date=today,
                valid_until=today + timedelta(days=valid_days),
                currency=old.currency,
                buyer_name=old.buyer_name,
                buyer_address=old.buyer_address,
                terms=old.terms,
                created_by_id=uow.actor_id,
            )
            if old.state in ("draft", "sent"):
                old.state = "declined"  # superseded
            session.add(new)
            session.flush()
            _write(session, new, lines)
            _render(uow, new, prepared)
            uow.emit("quote.created", [new.id])
            return _quote_info(session, new)

    def set_state(self, quote_id: int, expected_version: int, state: str) -> QuoteInfo:
        """Sent or declined (accepting has its own call)."""
        with self._ctx.write() as uow:
            quote = self._load(uow, quote_id, expected_version)
            if state not in ("sent", "declined"):
                raise ValidationError.single(
                    "state", MSG_STATE, number=quote.number, state=quote.state, what=state
                )
            _only(quote, ("draft", "sent"), QT_TRANSLATE_NOOP("quotes", "sent or declined"))
            old, quote.state = quote.state, state
            uow.session.flush()
            uow.history.changed("quote", quote.id, quote.version, {"state": (old, state)})
            uow.emit("quote.updated", [quote.id], {"state"})
            return _quote_info(uow.session, quote)

    def accept(self, quote_id: int, expected_version: int, *, update_deal: bool = False) -> QuoteInfo:
        """The client said yes; with `update_deal` the deal's products become the quote's lines and
        its amount follows them."""
        with self._ctx.write() as uow:
            session = uow.session
            quote = self._load(uow, quote_id, expected_version)
            _only(quote, ("draft", "sent"), QT_TRANSLATE_NOOP("quotes", "accepted"))
            quote.state = "accepted"
            if update_deal and quote.deal_id is not None:
                deal = session.get(Deal, quote.deal_id)
                if deal is not None:
                    session.execute(delete(DealProductRow).where(DealProductRow.deal_id == deal.id))
                    for sort, line in enumerate(quote_lines(session, quote.id)):
                        session.add(
                            DealProductRow(
                                deal_id=deal.id,
                                product_id=line.product_id,
                                sort=sort,
                                name=line.name,
                                price=line.price,
                                quantity=line.quantity,
                                unit=line.unit,
                                discount_type=DiscountType.PERCENT,
                                discount=line.discount_percent,
                                tax_rate=line.tax_rate,
                                tax_included=line.tax_included,
                            )
                        )
                    old_amount = deal.amount
                    deal.amount = quote.gross
                    deal.amount_from_products = True
                    session.flush()
                    uow.history.changed("deal", deal.id, deal.version, {"amount": (old_amount, deal.amount)})
                    uow.emit("deal.updated", [deal.id], {"amount", "products"})
            session.flush()
            uow.history.changed("quote", quote.id, quote.version, {"state": (None, "accepted")})
            uow.emit("quote.accepted", [quote.id], {"state"})
            return _quote_info(session, quote)

    def invoice(self, quote_id: int, *, payment_days: int = 14) -> InvoiceInfo:
        """A draft invoice with the accepted quote's lines."""
        with self._ctx.write() as uow:
            session = uow.session
            quote = session.get(Quote, quote_id)
            if quote is None:
                raise NotFoundError(MSG_NO_QUOTE, id=quote_id)
            self._check(uow, quote)
            _only(quote, ("accepted",), QT_TRANSLATE_NOOP("quotes", "invoiced before it is accepted"))
            deal = session.get(Deal, quote.deal_id) if quote.deal_id else None
            vat_id, reference = _buyer(session, deal)[2:] if deal is not None else (None, None)
            invoice = Invoice(
                deal_id=quote.deal_id,
                quote_id=quote.id,
                kind="full",
                state="draft",
                currency=quote.currency,
                buyer_name=quote.buyer_name,
                buyer_address=quote.buyer_address,
                buyer_vat_id=vat_id,
                buyer_reference=reference,
                payment_days=payment_days,
                created_by_id=uow.actor_id,
            )
            session.add(invoice)
            session.flush()
            _write_lines(session, invoice, [(line, None) for line in quote_lines(session, quote.id)])
            uow.history.created("invoice", invoice.id, invoice.version, invoice.buyer_name)
            uow.emit("invoice.created", [invoice.id], {"quote"})
            return _info(session, invoice)

    def _prepare(self, quote_id: int) -> Prepared:
        with self._ctx.read() as session:
            deal_id = session.scalar(select(Quote.deal_id).where(Quote.id == quote_id))
        return prepare(self._ctx, "quote", deal_id)

    def get(self, quote_id: int) -> QuoteInfo:
        with self._ctx.read() as session:
            quote = session.get(Quote, quote_id)
            if quote is None or not self._readable(session, quote):
                raise NotFoundError(MSG_NO_QUOTE, id=quote_id)
            return _quote_info(session, quote, full=True)

    def list(
        self,
        *,
        deal_id: int | None = None,
        limit: int = 1000,
        show: str = "",
        today: date | None = None,
        soon_days: int = 7,
    ) -> list[QuoteInfo]:
        """Quotes the person may see, newest first. `show`: "open" (drafted or sent, still valid),
        "soon" (open, valid for at most `soon_days` more days, the soonest first) or "accepted"."""
        day = today or date.today()  # noqa: DTZ011
        with self._ctx.read() as session:
            query = select(Quote).order_by(Quote.id.desc()).limit(limit)
            scope = deal_scope(session, self._ctx.actor_id)
            if scope:
                query = query.where(Quote.deal_id.in_(select(Deal.id).where(*scope)))
            if deal_id is not None:
                query = query.where(Quote.deal_id == deal_id)
            if show in ("open", "soon"):
                query = query.where(
                    Quote.state.in_(("draft", "sent")),
                    or_(Quote.valid_until.is_(None), Quote.valid_until >= day),
                )
            if show == "soon":
                query = (
                    query.where(Quote.valid_until <= day + timedelta(days=soon_days))
                    .order_by(None)
                    .order_by(Quote.valid_until, Quote.id.desc())
                )
            elif show == "accepted":
                query = query.where(Quote.state == "accepted")
            return [_quote_info(session, q) for q in session.scalars(query)]

    def _readable(self, session: Session, quote: Quote) -> bool:
        scope = deal_scope(session, self._ctx.actor_id)
        if not scope or quote.deal_id is None:
            return True
        return session.scalar(select(Deal.id).where(Deal.id == quote.deal_id, *scope)) is not None

    def _check(self, uow: UnitOfWork, quote: Quote) -> None:
        if quote.deal_id is not None:
            deal = uow.session.get(Deal, quote.deal_id)
            if deal is not None:
                require_deal(uow.session, uow.actor_id, deal, Action.EDIT)

    def _load(self, uow: UnitOfWork, quote_id: int, expected_version: int) -> Quote:
        quote = uow.session.get(Quote, quote_id)
        if quote is None:
            raise NotFoundError(MSG_NO_QUOTE, id=quote_id)
        self._check(uow, quote)
        check_version(uow.session, "quote", quote, expected_version, quote.number)
        return quote


def _only(quote: Quote, states: tuple[str, ...], what: str) -> None:
    if quote.state not in states:
        raise ConflictError(
            MSG_STATE,
            number=quote.number,
            state=Message(quote.state, {}, "quotes"),
            what=Message(what, {}, "quotes"),
        )


def _write(session: Session, quote: Quote, lines: Sequence[Line]) -> None:
    for sort, line in enumerate(lines):
        session.add(QuoteLine(quote_id=quote.id, sort=sort, **stored(line, quote.currency)))
    total = sums(lines, quote.currency)
    quote.net, quote.tax, quote.gross = total.net, total.tax, total.gross
    session.flush()


def _quote_info(session: Session, quote: Quote, full: bool = False) -> QuoteInfo:
    return QuoteInfo(
        quote.id,
        quote.deal_id,
        quote.number,
        quote.revision,
        quote.state,
        quote.issue_date,
        quote.valid_until,
        quote.currency,
        quote.buyer_name,
        quote.net,
        quote.tax,
        quote.gross,
        quote.version,
        tuple(quote_lines(session, quote.id)) if full else (),
    )


def _render(uow: UnitOfWork, quote: Quote, prepared: Prepared) -> None:
    """The quote's document as its lines now are (the one kept before is replaced)."""
    uow.session.flush()
    uow.session.execute(delete(BillingDocument).where(BillingDocument.quote_id == quote.id))
    render_and_keep(uow, quote, prepared)
