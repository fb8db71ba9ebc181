"""The tables a copy moves, in an order that keeps foreign keys satisfied, read and written as stored.

A copy moves stored values, not the ORM's: an amount is its integer count of cents (a ScaledDecimal
read as a Decimal and written back would be scaled twice), a choice its stored text, a JSON document
its text. Each table gets a twin in a private MetaData with those storage types and no constraints;
the copy selects from and inserts into the twins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.types import TypeEngine

from app.models import Base

# Running totals: made anew from the deals in the target, then compared with the source's.
DERIVED = ("deal_rollup", "product_rollup", "customer_rollup")

_twins = MetaData()


@dataclass(frozen=True)
class CopiedTable:
    """A table as the copy moves it: its storage twin with its key."""

    name: str
    twin: Table
    key: tuple[str, ...]
    serial: str | None  # the integer key a server's sequence hands out, set after the copy
    documents: tuple[str, ...]  # JSON columns: read as their text (a server's driver would parse them)
    binary: bool  # holds bytes

    @property
    def columns(self) -> list[str]:
        return [column.name for column in self.twin.columns]


def storage_type(kind: TypeEngine[Any]) -> TypeEngine[Any]:
    """The type of what a column stores."""
    if isinstance(kind, TypeDecorator):
        return storage_type(kind.impl_instance)
    if isinstance(kind, Enum):
        return String()
    if isinstance(kind, JSON):
        return Text()
    for plain in (BigInteger, Integer, Boolean, DateTime, Date, LargeBinary, Text, String):
        if isinstance(kind, plain):
            return plain()
    raise TypeError(f"no storage type for {kind!r}")  # a new column type: teach the copy about it


def copied_tables(names: Iterable[str] | None = None) -> list[CopiedTable]:
    """Every table of the schema (or those named), parents before the tables that refer to them."""
    wanted = set(names) if names is not None else None
    found = []
    for table in Base.metadata.sorted_tables:
        if wanted is not None and table.name not in wanted:
            continue
        twin = _twins.tables.get(table.name)
        if twin is None:
            columns = (Column(column.name, storage_type(column.type)) for column in table.columns)
            twin = Table(table.name, _twins, *columns)
        key = tuple(column.name for column in table.primary_key.columns)
        serial = None
        id_column = table.c[key[0]] if len(key) == 1 else None
        if (
            id_column is not None
            and isinstance(id_column.type, Integer)
            and id_column.autoincrement in (True, "auto")
        ):
            serial = key[0]
        documents = tuple(column.name for column in table.columns if isinstance(column.type, JSON))
        binary = any(isinstance(column.type, LargeBinary) for column in twin.columns)
        found.append(CopiedTable(table.name, twin, key, serial, documents, binary))
    return found
