"""Money is exact: stored as integer minor units, summed exactly in SQL, never a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, func, insert, select

from app.models import Money, ScaledDecimal


@pytest.fixture
def table_and_engine():
    metadata = MetaData()
    table = Table("t", metadata, Column("id", Integer, primary_key=True), Column("amount", Money))
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    return table, engine


def test_sum_of_many_cents_is_exact(table_and_engine) -> None:
    table, engine = table_and_engine
    with engine.begin() as conn:
        conn.execute(insert(table), [{"amount": Decimal("0.10")} for _ in range(1000)])
        total = conn.scalar(select(func.sum(table.c.amount)))
        raw = conn.exec_driver_sql("SELECT typeof(amount), amount FROM t LIMIT 1").one()
    assert total == Decimal("100.00")
    assert raw == ("integer", 10)  # stored as cents, not as a float


def test_more_decimals_than_the_scale_are_refused(table_and_engine) -> None:
    table, engine = table_and_engine
    with engine.begin() as conn, pytest.raises(Exception, match="more than 2 decimals"):
        conn.execute(insert(table), [{"amount": Decimal("1.005")}])


@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False))
def test_round_trip_is_exact(value: Decimal) -> None:
    money = ScaledDecimal(2)
    stored = money.process_bind_param(value, None)  # type: ignore[arg-type]
    assert isinstance(stored, int)
    assert money.process_result_value(stored, None) == value  # type: ignore[arg-type]
