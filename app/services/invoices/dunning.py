"""Dunning: payment reminders for overdue invoices, level by level (a friendly reminder, a second one,
a final one), each with its date, a new date to pay by, an optional fee and a letter rendered from the
reminder template. The next level may go out once the date the previous one gave has passed; the fee
is written on the letter (the invoice itself never changes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from app.models import Deal, Invoice, InvoiceReminder
from app.services.access.rights import Action
from app.services.access.scope import require_deal
from app.services.core.context import ServiceContext
from app.services.core.errors import ConflictError, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version
from app.services.invoices.documents import prepare, reminder_part, render_and_keep
from app.services.invoices.service import MSG_NO_INVOICE, InvoiceService

LAST_LEVEL = 3
DEFAULT_FEES = {1: Decimal("0.00"), 2: Decimal("5.00"), 3: Decimal("10.00")}
PAY_DAYS = 10  # the time a reminder gives to pay

MSG_NOT_OVERDUE = QT_TRANSLATE_NOOP("errors", "Invoice {number} is not overdue: it is due on {due}.")
MSG_NOT_OPEN = QT_TRANSLATE_NOOP("errors", "Invoice {number} has nothing open to remind of.")
MSG_TOO_EARLY = QT_TRANSLATE_NOOP(
    "errors", "Reminder {level} asked for payment by {date}; the next one can go out after that."
)
MSG_LAST = QT_TRANSLATE_NOOP(
    "errors", "Invoice {number} has had its final reminder; what remains is a collection agency or a court."
)
MSG_FEE = QT_TRANSLATE_NOOP("errors", "A reminder fee is an amount of 0 or more.")


@dataclass(frozen=True, slots=True)
class ReminderInfo:
    id: int
    invoice_id: int
    level: int
    sent_on: date
    pay_by: date
    fee: Decimal
    document_id: int | None


class DunningService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def remind(
        self,
        invoice_id: int,
        expected_version: int,
        *,
        on: date | None = None,
        fee: Decimal | str | None = None,
        pay_days: int = PAY_DAYS,
    ) -> ReminderInfo:
        """The invoice's next reminder (level 1, 2, 3) with its letter; refused while the invoice is not
        overdue, before the previous reminder's date has passed, and after the final one."""
        day = on or date.today()  # noqa: DTZ011 - the office's calendar day
        info = InvoiceService(self._ctx).get(invoice_id)  # may the person read it
        level = info.dunning_level + 1
        charge = _fee(fee, level)
        prepared = prepare(self._ctx, "reminder", info.deal_id)
        with self._ctx.write() as uow:
            session = uow.session
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:
                raise NotFoundError(MSG_NO_INVOICE, id=invoice_id)
            if invoice.deal_id is not None:  # reminding is changing the invoice: the deal's edit right
                deal = session.get(Deal, invoice.deal_id)
                if deal is not None:
                    require_deal(session, uow.actor_id, deal, Action.EDIT)
            check_version(session, "invoice", invoice, expected_version, invoice.number or "")
            number = invoice.number or ""
            if invoice.state != "issued" or invoice.kind == "cancellation" or invoice.paid >= invoice.gross:
                raise ValidationError.single("state", MSG_NOT_OPEN, number=number)
            if invoice.due_date is None or invoice.due_date >= day:
                raise ValidationError.single(
                    "state", MSG_NOT_OVERDUE, number=number, due=str(invoice.due_date)
                )
            if invoice.dunning_level >= LAST_LEVEL:
                raise ConflictError(MSG_LAST, number=number)
            previous = session.scalar(
                select(InvoiceReminder)
                .where(InvoiceReminder.invoice_id == invoice.id)
                .order_by(InvoiceReminder.level.desc())
                .limit(1)
            )
            if previous is not None and previous.pay_by >= day:
                raise ValidationError.single(
                    "state", MSG_TOO_EARLY, level=str(previous.level), date=str(previous.pay_by)
                )
            level = invoice.dunning_level + 1
            pay_by = day + timedelta(days=max(1, min(pay_days, 60)))
            part = reminder_part(invoice, level, day, pay_by, charge, prepared.template.language)
            document = render_and_keep(uow, invoice, prepared, reminder=part)
            reminder = InvoiceReminder(
                invoice_id=invoice.id,
                level=level,
                sent_on=day,
                pay_by=pay_by,
                fee=charge,
                document_id=document.id,
                created_by_id=uow.actor_id,
            )
            session.add(reminder)
            invoice.dunning_level = level
            invoice.reminded_on = day
            session.flush()
            uow.history.changed("invoice", invoice.id, invoice.version, {"dunning_level": (level - 1, level)})
            uow.emit("invoice.reminded", [invoice.id], {"dunning_level"})
            return _reminder_info(reminder)

    def reminders(self, invoice_id: int) -> list[ReminderInfo]:
        InvoiceService(self._ctx).get(invoice_id)
        with self._ctx.read() as session:
            return [
                _reminder_info(r)
                for r in session.scalars(
                    select(InvoiceReminder)
                    .where(InvoiceReminder.invoice_id == invoice_id)
                    .order_by(InvoiceReminder.level)
                )
            ]


def _fee(value: Decimal | str | None, level: int) -> Decimal:
    if value is None or value == "":
        return DEFAULT_FEES.get(level, DEFAULT_FEES[LAST_LEVEL])
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or number < 0 or number != number.quantize(Decimal("0.01")):
        raise ValidationError.single("fee", MSG_FEE)
    return number.quantize(Decimal("0.01"))


def _reminder_info(r: InvoiceReminder) -> ReminderInfo:
    return ReminderInfo(r.id, r.invoice_id, r.level, r.sent_on, r.pay_by, r.fee, r.document_id)
