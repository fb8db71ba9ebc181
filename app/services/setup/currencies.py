"""Currencies set up in Dealdesk and the base currency totals are shown in."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.models import Currency
from app.services.core.context import ServiceContext


@dataclass(frozen=True, slots=True)
class CurrencyInfo:
    code: str
    name: str
    symbol: str
    rate: Decimal
    is_base: bool


class CurrencyService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def list(self) -> list[CurrencyInfo]:
        with self._ctx.read() as session:
            return [
                CurrencyInfo(c.code, c.name, c.symbol, c.rate, c.is_base)
                for c in session.scalars(select(Currency).order_by(Currency.is_base.desc(), Currency.sort))
            ]

    def set_base(self, code: str) -> None:
        """Make `code` the base currency (the first-run assistant: before there are any deals); the
        other currencies' rates are re-expressed in it."""
        from app.models import Deal
        from app.services.access.permissions import require_admin
        from app.services.core.errors import ValidationError
        from app.services.core.i18n import QT_TRANSLATE_NOOP

        with self._ctx.write() as uow:
            session = uow.session
            require_admin(
                session,
                self._ctx.actor_id,
                QT_TRANSLATE_NOOP("errors", "Only an administrator sets the base currency."),
            )
            currencies = {c.code: c for c in session.scalars(select(Currency))}
            new = currencies.get(code)
            if new is None:
                raise ValidationError.single(
                    "currency", QT_TRANSLATE_NOOP("errors", "There is no currency {code}."), code=code
                )
            if new.is_base:
                return
            if session.scalar(select(Deal.id).limit(1)) is not None:
                raise ValidationError.single(
                    "currency",
                    QT_TRANSLATE_NOOP("errors", "The base currency is chosen before the first deal is made."),
                )
            factor = new.rate
            for currency in currencies.values():
                currency.rate = (currency.rate / factor).quantize(Decimal("0.000001"))
                currency.is_base = currency.code == code
            uow.emit("currency.updated", [], {"is_base"})

    def base_code(self) -> str:
        """The base currency's code: totals over several currencies are shown in it."""
        with self._ctx.read() as session:
            return session.scalar(select(Currency.code).where(Currency.is_base)) or "EUR"
