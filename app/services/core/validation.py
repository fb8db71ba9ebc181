"""Turns user input into clean values, or collects what is wrong in the user's terms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.services.core.errors import FieldProblem, Message, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP

MAX_AMOUNT = Decimal("999999999999.99")
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


class Problems:
    """Collects field problems so a form can show all of them at once."""

    def __init__(self) -> None:
        self._items: list[FieldProblem] = []

    def add(self, field: str, template: str, **params: Any) -> None:
        self._items.append(FieldProblem(field, Message(template, params)))

    def extend(self, problems: Iterable[FieldProblem]) -> None:
        self._items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self._items)

    def raise_if_any(self) -> None:
        if self._items:
            raise ValidationError(self._items)


def clean_text(
    problems: Problems, field: str, label: Message, value: Any, *, required: bool, max_length: int
) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            problems.add(field, QT_TRANSLATE_NOOP("errors", "{label} is required."), label=label)
        return None
    if len(text) > max_length:
        problems.add(
            field,
            QT_TRANSLATE_NOOP("errors", "{label} can be at most {max} characters long."),
            label=label,
            max=max_length,
        )
        return None
    return text


def clean_money(problems: Problems, field: str, label: Message, value: Any) -> Decimal | None:
    """A non-negative amount with at most 2 decimals; text uses '.' as the decimal point."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Decimal("0.00")
    try:
        if isinstance(value, float):
            raise InvalidOperation  # floats are never money: the caller must pass text or Decimal
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(" ", ""))
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        problems.add(
            field,
            QT_TRANSLATE_NOOP("errors", "{label} must be a number with at most 2 decimals."),
            label=label,
        )
        return None
    if amount < 0:
        problems.add(field, QT_TRANSLATE_NOOP("errors", "{label} can't be negative."), label=label)
        return None
    if amount > MAX_AMOUNT:
        problems.add(
            field,
            QT_TRANSLATE_NOOP("errors", "{label} is too large (at most {max})."),
            label=label,
            max="999,999,999,999.99",
        )
        return None
    return amount.quantize(Decimal("0.01"))


def clean_percent(problems: Problems, field: str, label: Message, value: Any) -> Decimal | None:
    """A percentage from 0 to 100 with at most 2 decimals (tax rates, discounts)."""
    try:
        number = (
            value if isinstance(value, Decimal) else Decimal(str(value if value not in (None, "") else 0))
        )
    except InvalidOperation:
        number = None
    if (
        number is None
        or not number.is_finite()
        or number.as_tuple().exponent < -2  # type: ignore[operator]
        or not 0 <= number <= 100
    ):
        problems.add(
            field, QT_TRANSLATE_NOOP("errors", "{label} must be a percentage from 0 to 100."), label=label
        )
        return None
    return number.quantize(Decimal("0.01"))


def clean_date(problems: Problems, field: str, label: Message, value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        problems.add(
            field,
            QT_TRANSLATE_NOOP("errors", "{label} must be a date like 2026-11-27."),
            label=label,
        )
        return None


def clean_probability(problems: Problems, field: str, label: Message, value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        number = -1
    if not 0 <= number <= 100:
        problems.add(
            field, QT_TRANSLATE_NOOP("errors", "{label} must be a whole number from 0 to 100."), label=label
        )
        return None
    return number


def is_email(value: str) -> bool:
    return bool(_EMAIL_RE.match(value))


def is_currency_code(value: str) -> bool:
    return bool(_CURRENCY_RE.match(value))


def is_color(value: str) -> bool:
    return bool(_COLOR_RE.match(value))
