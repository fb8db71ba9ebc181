"""Money maths of product rows: discounts, tax added or included, rounding per row, totals per rate."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817 - amounts read better short

from hypothesis import given
from hypothesis import strategies as st

from app.services.deals.pricing import DiscountType, ProductLine, check_line, line_totals, totals


def test_percent_discount_and_tax_added() -> None:
    line = ProductLine("Desk", D("100.00"), D(3), discount=D(10), tax_rate=D(19))
    result = line_totals(line, "EUR")
    assert (result.net, result.tax, result.gross) == (D("270.00"), D("51.30"), D("321.30"))
    assert result.discount_total == D("30.00")


def test_amount_discount_per_unit() -> None:
    line = ProductLine("Chair", D("50.00"), D(2), discount_type=DiscountType.AMOUNT, discount=D(5))
    assert line_totals(line, "EUR").net == D("90.00")


def test_tax_included_splits_the_gross() -> None:
    result = line_totals(ProductLine("Book", D("119.00"), tax_rate=D(19), tax_included=True), "EUR")
    assert (result.net, result.tax, result.gross) == (D("100.00"), D("19.00"), D("119.00"))
    cheap = line_totals(ProductLine("Pen", D("1.00"), tax_rate=D(19), tax_included=True), "EUR")
    assert (cheap.net, cheap.tax) == (D("0.84"), D("0.16"))


def test_rounding_is_half_up_per_row() -> None:
    half = ProductLine("Sample", D("0.25"), D("0.5"))
    assert line_totals(half, "EUR").net == D("0.13")  # 0.125 -> 0.13 (banker's rounding gave 0.12)
    rows = [ProductLine("Third", D("0.10"), D("3.335"))] * 3  # 0.3335 each -> 0.33
    assert totals(rows, "EUR").net == D("0.99")  # rows add up to the total, as on an invoice


def test_totals_per_tax_rate() -> None:
    rows = [
        ProductLine("Laptop", D("1000.00"), tax_rate=D(19)),
        ProductLine("Manual", D("20.00"), D(2), tax_rate=D(7)),
        ProductLine("Setup", D("80.00"), tax_rate=D(19)),
    ]
    result = totals(rows, "EUR")
    assert result.net == D("1120.00")
    assert result.tax_by_rate == {D(7): D("2.80"), D(19): D("205.20")}
    assert result.tax == D("208.00")
    assert result.gross == D("1328.00")


def test_currencies_without_cents_round_to_units() -> None:
    result = line_totals(ProductLine("Tea", D("333"), tax_rate=D(10)), "JPY")
    assert (result.net, result.tax, result.gross) == (D(333), D(33), D(366))


def test_an_empty_deal_has_zero_totals() -> None:
    result = totals([], "EUR")
    assert (result.net, result.tax, result.gross) == (D("0.00"), D("0.00"), D("0.00"))


def test_rows_that_cannot_be_saved_say_why() -> None:
    assert check_line(ProductLine("Ok", D(1))) == []
    assert check_line(ProductLine(" ", D(1))) == ["A product row needs a name."]
    assert "more than zero" in check_line(ProductLine("X", D(1), D(0)))[0]
    assert "100 %" in check_line(ProductLine("X", D(1), discount=D(101)))[0]
    assert (
        "more than the price"
        in check_line(ProductLine("X", D(1), discount_type=DiscountType.AMOUNT, discount=D(2)))[0]
    )


money = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
quantities = st.decimals(
    min_value=D("0.001"), max_value=1000, places=3, allow_nan=False, allow_infinity=False
)
rates = st.sampled_from([D(0), D(5), D(7), D(16), D(19), D("20.5")])


@given(money, quantities, st.decimals(min_value=0, max_value=100, places=2), rates, st.booleans())
def test_every_row_adds_up_exactly(price: D, quantity: D, discount: D, rate: D, included: bool) -> None:
    line = ProductLine("Any", price, quantity, discount=discount, tax_rate=rate, tax_included=included)
    result = line_totals(line, "EUR")
    assert result.net + result.tax == result.gross
    assert result.net.as_tuple().exponent == -2
    assert result.tax.as_tuple().exponent == -2
    assert result.net >= 0
    assert result.tax >= 0
