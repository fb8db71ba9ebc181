"""Amounts, numbers and dates as a document's language writes them (German: 1.234,56 €, 27.11.2026)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "JPY": "¥", "PLN": "zł"}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def number(value: Decimal | int | float | None, language: str, decimals: int = 2) -> str:
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-decimals)
    amount = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, point = (".", ",") if language == "de" else (",", ".")
    text = thousands.join(groups)
    return f"{sign}{text}{point}{fraction}" if decimals else f"{sign}{text}"


def quantity(value: Decimal | None, language: str) -> str:
    """A quantity without needless decimals: 2, 1,5, 0,25."""
    if value is None:
        return ""
    normal = Decimal(value).normalize()
    decimals = max(0, -normal.as_tuple().exponent)  # type: ignore[operator]
    return number(value, language, min(decimals, 3))


def money(value: Decimal | None, currency: str, language: str) -> str:
    if value is None:
        return ""
    symbol = SYMBOLS.get(currency, currency)
    text = number(value, language)
    if language == "de":
        return f"{text} {symbol}"
    return f"{symbol}{text}" if len(symbol) == 1 else f"{symbol} {text}"


def percent(value: Decimal | None, language: str) -> str:
    if value is None:
        return ""
    normal = Decimal(value).normalize()
    decimals = max(0, -normal.as_tuple().exponent)  # type: ignore[operator]
    return f"{number(value, language, min(decimals, 2))} %"


def day(value: date | datetime | None, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if language == "de":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
