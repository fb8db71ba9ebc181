"""An invoice's sums as EN 16931 has them: each line's net amount rounded to the cent (BT-131); per
VAT rate the basis is the sum of its lines' nets (BT-116) and the tax is the basis times the rate,
rounded once (BT-117) — not the sum of per-line taxes; the invoice's net, tax and gross are the sums
of those (BT-109, BT-110, BT-112). Prices that include tax are turned into net prices first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.services.deals.pricing import minor_unit

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Line:
    name: str
    quantity: Decimal
    price: Decimal  # per unit, net unless tax_included
    tax_rate: Decimal  # percent
    unit: str = "pcs"
    discount_percent: Decimal = Decimal(0)
    tax_included: bool = False
    product_id: int | None = None


@dataclass(frozen=True, slots=True)
class TaxGroup:
    rate: Decimal
    basis: Decimal
    tax: Decimal


@dataclass(frozen=True, slots=True)
class InvoiceSums:
    line_nets: tuple[Decimal, ...]
    net: Decimal
    tax: Decimal
    gross: Decimal
    groups: tuple[TaxGroup, ...]


def _round(value: Decimal, unit: Decimal) -> Decimal:
    return value.quantize(unit, rounding=ROUND_HALF_UP)


def line_net(line: Line, currency: str) -> Decimal:
    price = line.price * (HUNDRED - line.discount_percent) / HUNDRED
    if line.tax_included:
        price = price * HUNDRED / (HUNDRED + line.tax_rate)
    return _round(price * line.quantity, minor_unit(currency))


def sums(lines: Iterable[Line], currency: str) -> InvoiceSums:
    unit = minor_unit(currency)
    nets: list[Decimal] = []
    bases: dict[Decimal, Decimal] = {}
    for line in lines:
        net = line_net(line, currency)
        nets.append(net)
        rate = line.tax_rate.normalize()
        bases[rate] = bases.get(rate, Decimal(0)) + net
    groups = tuple(
        TaxGroup(rate, _round(basis, unit), _round(basis * rate / HUNDRED, unit))
        for rate, basis in sorted(bases.items())
    )
    zero = Decimal(0).quantize(unit)
    net_total = sum((g.basis for g in groups), zero)
    tax_total = sum((g.tax for g in groups), zero)
    return InvoiceSums(tuple(nets), net_total, tax_total, net_total + tax_total, groups)


def down_payment_lines(
    basis_by_rate: dict[Decimal, Decimal], share: Decimal, label: str, currency: str
) -> list[Line]:
    """A down payment of `share` percent: one line per VAT rate of what it is paid for."""
    unit = minor_unit(currency)
    return [
        Line(label, Decimal(1), _round(basis * share / HUNDRED, unit), rate)
        for rate, basis in sorted(basis_by_rate.items())
        if basis
    ]
