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

    def base_code(self) -> str:
        """The base currency's code: totals over several currencies are shown in it."""
        with self._ctx.read() as session:
            return session.scalar(select(Currency.code).where(Currency.is_base)) or "EUR"
