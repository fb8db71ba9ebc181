"""Money maths of a deal's product rows: discounts, tax included or added, totals per tax rate.

Everything in Decimal. Each row is rounded on its own, half-up, to the currency's minor unit (as
on an invoice, whose lines must add up to its total): row sum = unit price after discount ×
quantity; with tax added, net = row sum and tax = net × rate; with tax included, gross = row sum
and net = gross / (1 + rate). The deal's amount from its products is the gross total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from app.models import DiscountType

__all__ = ["DiscountType", "LineTotals", "ProductLine", "Totals", "line_totals", "minor_unit", "totals"]

HUNDRED = Decimal(100)
# Currencies without cents (ISO 4217); every other one Dealdesk stores has two decimals.
NO_MINOR_UNIT = frozenset({"JPY", "KRW", "ISK", "CLP", "VND", "PYG", "UGX", "XAF", "XOF"})


def minor_unit(currency: str) -> Decimal:
    """The smallest amount of a currency: Decimal("0.01"), or Decimal("1") for yen."""
    return Decimal(1) if currency.upper() in NO_MINOR_UNIT else Decimal("0.01")


def _round(value: Decimal, unit: Decimal) -> Decimal:
    return value.quantize(unit, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class ProductLine:
    """One row as the user entered it (a product from the catalog, or typed freely)."""

    name: str
    price: Decimal  # per unit; including tax when tax_included
    quantity: Decimal = Decimal(1)
    unit: str = "pcs"
    discount_type: DiscountType = DiscountType.PERCENT
    discount: Decimal = Decimal(0)  # percent of the price, or an amount per unit
    tax_rate: Decimal = Decimal(0)  # percent
    tax_included: bool = False
    product_id: int | None = None


@dataclass(frozen=True, slots=True)
class LineTotals:
    unit_price: Decimal  # after discount, not rounded
    net: Decimal
    tax: Decimal
    gross: Decimal
    discount_total: Decimal  # how much the discount took off this row


@dataclass(frozen=True, slots=True)
class Totals:
    lines: tuple[LineTotals, ...]
    net: Decimal
    tax: Decimal
    gross: Decimal
    discount: Decimal
    tax_by_rate: dict[Decimal, Decimal] = field(default_factory=dict)  # rate -> tax at that rate


def line_totals(line: ProductLine, currency: str) -> LineTotals:
    unit = minor_unit(currency)
    if line.discount_type is DiscountType.PERCENT:
        unit_price = line.price * (HUNDRED - line.discount) / HUNDRED
    else:
        unit_price = line.price - line.discount
    row_sum = _round(unit_price * line.quantity, unit)
    discount_total = _round(line.price * line.quantity, unit) - row_sum
    rate = line.tax_rate
    if line.tax_included:
        gross = row_sum
        net = _round(gross * HUNDRED / (HUNDRED + rate), unit)
        tax = gross - net
    else:
        net = row_sum
        tax = _round(net * rate / HUNDRED, unit)
        gross = net + tax
    return LineTotals(unit_price, net, tax, gross, discount_total)


def totals(lines: Iterable[ProductLine], currency: str) -> Totals:
    """Each row's totals and the sums: net, tax (and per rate), gross, the discounts given."""
    computed: list[LineTotals] = []
    by_rate: dict[Decimal, Decimal] = {}
    for line in lines:
        result = line_totals(line, currency)
        computed.append(result)
        if result.tax or line.tax_rate:
            rate = line.tax_rate.normalize()
            by_rate[rate] = by_rate.get(rate, Decimal(0)) + result.tax
    zero = Decimal(0).quantize(minor_unit(currency))
    return Totals(
        tuple(computed),
        sum((c.net for c in computed), zero),
        sum((c.tax for c in computed), zero),
        sum((c.gross for c in computed), zero),
        sum((c.discount_total for c in computed), zero),
        dict(sorted(by_rate.items())),
    )


def check_line(line: ProductLine) -> list[str]:
    """What is wrong with a row, as message templates (empty when it can be saved)."""
    from app.services.core.i18n import QT_TRANSLATE_NOOP

    problems: list[str] = []
    if any(_decimals(v) > places for v, places in ((line.price, 2), (line.discount, 2), (line.tax_rate, 2))):
        problems.append(
            QT_TRANSLATE_NOOP("errors", "Prices, discounts and tax rates have at most two decimals.")
        )
    if _decimals(line.quantity) > 3:
        problems.append(QT_TRANSLATE_NOOP("errors", "A quantity has at most three decimals."))
    if not line.name.strip():
        problems.append(QT_TRANSLATE_NOOP("errors", "A product row needs a name."))
    if line.price < 0:
        problems.append(QT_TRANSLATE_NOOP("errors", "A price can't be negative."))
    if line.quantity <= 0:
        problems.append(QT_TRANSLATE_NOOP("errors", "The quantity must be more than zero."))
    if line.tax_rate < 0 or line.tax_rate >= 1000:
        problems.append(QT_TRANSLATE_NOOP("errors", "The tax rate must be a percentage from 0."))
    if line.discount < 0:
        problems.append(QT_TRANSLATE_NOOP("errors", "A discount can't be negative."))
    elif line.discount_type is DiscountType.PERCENT and line.discount > HUNDRED:
        problems.append(QT_TRANSLATE_NOOP("errors", "A discount can't be more than 100 %."))
    elif line.discount_type is DiscountType.AMOUNT and line.discount > line.price:
        problems.append(QT_TRANSLATE_NOOP("errors", "A discount can't be more than the price."))
    return problems


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def rows_equal(a: Sequence[ProductLine], b: Sequence[ProductLine]) -> bool:
    return list(a) == list(b)
