"""Input cleaning: clear messages in the user's terms, nothing half-accepted."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.core.errors import ValidationError
from app.services.core.validation import Problems, clean_date, clean_money, clean_percent
from app.services.core.vocabulary import FIELD_LABELS

AMOUNT = FIELD_LABELS["amount"]


def _money(value):
    problems = Problems()
    result = clean_money(problems, "amount", AMOUNT, value)
    return result, problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.5", Decimal("1234.50")),
        (" 99 ", Decimal("99.00")),
        ("", Decimal("0.00")),
        ("0.01", Decimal("0.01")),
    ],
)
def test_money_accepts_plain_numbers(text: str, expected: Decimal) -> None:
    result, problems = _money(text)
    assert not problems
    assert result == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.234", "Amount must be a number with at most 2 decimals."),
        ("abc", "Amount must be a number with at most 2 decimals."),
        ("NaN", "Amount must be a number with at most 2 decimals."),
        ("-5", "Amount can't be negative."),
        ("1e15", "Amount is too large (at most 999,999,999,999.99)."),
        (1.5, "Amount must be a number with at most 2 decimals."),  # floats are never money
    ],
)
def test_money_refuses_with_a_clear_message(value, message: str) -> None:
    result, problems = _money(value)
    assert result is None
    with pytest.raises(ValidationError) as caught:
        problems.raise_if_any()
    assert str(caught.value) == message
    assert caught.value.problems[0].field == "amount"


@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2, allow_nan=False))
def test_any_two_decimal_amount_round_trips_through_text(value: Decimal) -> None:
    result, problems = _money(format(value, "f"))
    assert not problems
    assert result == value


def test_dates_and_percent() -> None:
    problems = Problems()
    assert str(clean_date(problems, "close_date", FIELD_LABELS["close_date"], "2026-11-27")) == "2026-11-27"
    assert clean_date(problems, "close_date", FIELD_LABELS["close_date"], "27.11.") is None
    assert clean_percent(problems, "tax_rate", FIELD_LABELS["tax_rate"], "19") == Decimal("19.00")
    assert clean_percent(problems, "tax_rate", FIELD_LABELS["tax_rate"], "101") is None
    with pytest.raises(ValidationError) as caught:
        problems.raise_if_any()
    assert [p.field for p in caught.value.problems] == ["close_date", "tax_rate"]
    assert "Close date must be a date like 2026-11-27." in str(caught.value)
