"""The Analytics page's running totals (app/models/rollups.py), kept by triggers in SQLite and PostgreSQL.

Every change of a deal, a product row, a deal's contact link or a stage visit takes its old
figures out of the totals and puts the new ones in, in the writer's own transaction: whoever
writes (services, bulk SQL, the importer, another app on the shared file), the totals stay exact.
The same statements, run over whole tables, fill them anew (`rebuild`); bulk loads drop the
triggers, load, rebuild and put them back.

The statements are written once, for a "deal" `d` that is the trigger's OLD/NEW row or a table
alias, and differ between the two databases only in a few functions (`_Dialect`). Migrations call
`create_triggers`: a later change to the statements comes with a migration that calls it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Integer,
    Numeric,
    case,
    cast,
    func,
    literal_column,
    type_coerce,
)
from sqlalchemy.sql.expression import ColumnElement

from app.models import DealProductRow, customer_rollup, deal_rollup, product_rollup

WON = "won"  # StageSemantic.WON as stored


def row_net_cents(dialect: str, row: Any = None) -> ColumnElement[Any]:
    """A product row's net in cents, as pricing.line_totals works it out: the discounted unit
    price times the quantity rounded half up per row; with tax included, the tax taken out.
    On the stored integers (cents, thousandths of a unit, hundredths of a percent), exactly.
    PostgreSQL computes in NUMERIC: price x discount x quantity can pass a 64-bit integer."""
    c = (row if row is not None else DealProductRow.__table__).c
    columns = (c.price, c.quantity, c.discount, c.tax_rate)
    parts: tuple[Any, ...]
    if dialect == "postgresql":
        parts = tuple(cast(column, Numeric(38, 0)) for column in columns)
    else:
        parts = tuple(type_coerce(column, BigInteger) for column in columns)
    price, quantity, discount, rate = parts
    percent = (price * (10000 - discount) * quantity + 5_000_000) // 10_000_000
    amount = ((price - discount) * quantity + 500) // 1000
    row_sum = case((c.discount_type == "percent", percent), else_=amount)
    included = (row_sum * 20000 + (10000 + rate)) // ((10000 + rate) * 2)
    return case((type_coerce(c.tax_included, Boolean).is_(True), included), else_=row_sum)


def month_of(column: Any, dialect: str) -> Any:
    """YYYY-MM of a date or timestamp."""
    if dialect == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(column, "YYYY-MM")


def year_of(column: Any, dialect: str) -> Any:
    if dialect == "sqlite":
        return cast(func.strftime("%Y", column), Integer)
    return cast(func.extract("year", column), Integer)


def seconds_of(column: Any, dialect: str) -> Any:
    """Whole seconds since 1970 (the totals count time to close in them)."""
    if dialect == "sqlite":
        return cast(func.strftime("%s", column), Integer)
    return cast(func.floor(func.extract("epoch", column)), BigInteger)


@dataclass(frozen=True)
class _Dialect:
    name: str

    @property
    def true(self) -> str:
        return "1" if self.name == "sqlite" else "TRUE"

    @property
    def false(self) -> str:
        return "0" if self.name == "sqlite" else "FALSE"

    def month(self, value: str) -> str:
        return self._sql(month_of(literal_column(value), self.name))

    def year(self, value: str) -> str:
        return self._sql(year_of(literal_column(value), self.name))

    def seconds(self, value: str) -> str:
        return self._sql(seconds_of(literal_column(value), self.name))

    def changed(self, prefix_old: str, prefix_new: str, columns: Iterable[str]) -> str:
        op = "IS NOT" if self.name == "sqlite" else "IS DISTINCT FROM"
        return " OR ".join(f"{prefix_old}.{c} {op} {prefix_new}.{c}" for c in columns)

    def net(self, alias: str) -> str:
        return self._sql(row_net_cents(self.name, DealProductRow.__table__.alias(alias)))

    def _sql(self, expression: Any) -> str:
        """An expression as this database's SQL text, values written in (for trigger bodies)."""
        from sqlalchemy.dialects import postgresql, sqlite

        module: Any = sqlite if self.name == "sqlite" else postgresql
        return str(expression.compile(dialect=module.dialect(), compile_kwargs={"literal_binds": True}))


def _won(stage: str) -> str:
    return f"CASE WHEN {stage} IN (SELECT id FROM stage WHERE semantic = '{WON}') THEN 1 ELSE 0 END"


def _upsert(
    table: Any, keys: Sequence[tuple[str, str]], sums: Sequence[tuple[str, str]], rest: str, grouped: bool
) -> str:
    """INSERT INTO table (keys, sums) SELECT key values, SUM(values) `rest` GROUP BY keys, adding
    to the row of the same key where there is one. Not `grouped`: row by row, each added to its
    total (SQLite only: PostgreSQL refuses to update a row twice in one statement)."""
    key_names = [k for k, _v in keys]
    names = ", ".join(key_names + [s for s, _v in sums])
    updates = ", ".join(f"{s} = {table.name}.{s} + excluded.{s}" for s, _v in sums)
    conflict = f"ON CONFLICT ({', '.join(key_names)}) DO UPDATE SET {updates}"
    if not grouped:
        values = ", ".join([v for _k, v in keys] + [v for _s, v in sums])
        return f"INSERT INTO {table.name} ({names}) SELECT {values} {rest} {conflict}"
    values = ", ".join([v for _k, v in keys] + [f"SUM({v})" for _s, v in sums])
    groups = ", ".join(str(i) for i in range(1, len(keys) + 1))
    return f"INSERT INTO {table.name} ({names}) SELECT {values} {rest} GROUP BY {groups} {conflict}"


class _Statements:
    """The statements that add (sign 1) or take out (sign -1) a deal's figures."""

    def __init__(self, dialect: str, *, grouped: bool = True) -> None:
        self.q = _Dialect(dialect)
        self.grouped = grouped

    def _closed(self, d: str) -> str:
        """Closed, with a day it closed on (a row without one is not counted, as the charts' own
        queries by day would not count it)."""
        return f"{d}.closed = {self.q.true} AND {d}.closed_at IS NOT NULL"

    def closed(self, d: str, sign: str, source: str = "") -> str:
        q = self.q
        return self._deal(
            d,
            sign,
            "c",
            q.month(f"{d}.closed_at"),
            f"{source} WHERE {self._closed(d)}",
            source=f"COALESCE({d}.source, '')",
            seconds=f"{q.seconds(f'{d}.closed_at')} - {q.seconds(f'{d}.created_at')}",
        )

    def created(self, d: str, sign: str, source: str = "") -> str:
        month = self.q.month(f"{d}.created_at")
        return self._deal(d, sign, "n", month, f"{source} WHERE 1 = 1", visited=f"{d}.visited_stages")

    def opened(self, d: str, sign: str, source: str = "") -> str:
        """Open deals by the month they should close ('' when they have no close date)."""
        month = f"COALESCE({self.q.month(f'{d}.close_date')}, '')"
        return self._deal(d, sign, "o", month, f"{source} WHERE {d}.closed = {self.q.false}")

    def _deal(
        self,
        d: str,
        sign: str,
        kind: str,
        month: str,
        rest: str,
        *,
        source: str = "''",
        visited: str = "''",
        seconds: str = "0",
    ) -> str:
        return _upsert(
            deal_rollup,
            [
                ("kind", f"'{kind}'"),
                ("month", month),
                ("pipeline_id", f"{d}.pipeline_id"),
                ("responsible_id", f"COALESCE({d}.responsible_id, 0)"),
                ("stage_id", f"{d}.stage_id"),
                ("source", source),
                ("currency", f"{d}.currency"),
                ("visited", visited),
            ],
            [("deals", sign), ("cents", f"{sign} * {d}.amount"), ("seconds", f"{sign} * ({seconds})")],
            rest,
            self.grouped,
        )

    def company(self, d: str, sign: str, source: str = "") -> str:
        return self._customer(
            d,
            sign,
            "company",
            f"{d}.company_id",
            f"{source} WHERE {self._closed(d)} AND {d}.company_id IS NOT NULL",
        )

    def contacts(self, d: str, link: str, sign: str, source: str) -> str:
        """`source` names the links `link` (and the deal `d`, when that is a table)."""
        return self._customer(
            d,
            sign,
            "contact",
            f"{link}.contact_id",
            f"{source} AND {link}.deal_id = {d}.id AND {self._closed(d)}",
        )

    def _customer(self, d: str, sign: str, kind: str, customer: str, rest: str) -> str:
        won = _won(f"{d}.stage_id")
        return _upsert(
            customer_rollup,
            [
                ("kind", f"'{kind}'"),
                ("year", self.q.year(f"{d}.closed_at")),
                ("customer_id", customer),
                ("pipeline_id", f"{d}.pipeline_id"),
                ("currency", f"{d}.currency"),
            ],
            [("won", f"{sign} * {won}"), ("closed", sign), ("cents", f"{sign} * {won} * {d}.amount")],
            rest,
            self.grouped,
        )

    def products(self, d: str, sign: str, source: str) -> str:
        """`source` names the rows `r` (and the deal `d`, when that is a table)."""
        q = self.q
        return _upsert(
            product_rollup,
            [
                ("month", q.month(f"{d}.closed_at")),
                ("pipeline_id", f"{d}.pipeline_id"),
                ("product_id", "COALESCE(r.product_id, 0)"),
                ("name", "CASE WHEN r.product_id IS NULL THEN r.name ELSE '' END"),
                ("currency", f"{d}.currency"),
            ],
            [("rows", sign), ("cents", f"{sign} * {q.net('r')}")],
            f"{source} AND r.deal_id = {d}.id AND {self._closed(d)} AND {_won(f'{d}.stage_id')} = 1",
            self.grouped,
        )


_ROW_COLUMNS = (
    "deal_id",
    "product_id",
    "name",
    "price",
    "quantity",
    "discount",
    "discount_type",
    "tax_rate",
    "tax_included",
)
_TOTALS = ("stage_id", "closed", "closed_at", "amount", "currency", "pipeline_id")
_DEAL_CHANGES = (*_TOTALS, "responsible_id", "source", "created_at", "visited_stages", "close_date")
_CUSTOMER_CHANGES = (*_TOTALS, "company_id")
_PRODUCT_CHANGES = ("stage_id", "closed", "closed_at", "currency", "pipeline_id")


def _row(prefix: str) -> str:
    """The product row OLD or NEW as a table `r`."""
    columns = ", ".join(f"{prefix}.{c} AS {c}" for c in _ROW_COLUMNS)
    return f"(SELECT {columns}) r"


@dataclass(frozen=True)
class _Trigger:
    name: str
    timing: str  # AFTER INSERT, BEFORE DELETE, …
    table: str
    when: str | None
    body: tuple[str, ...]


def _triggers(dialect: str) -> list[_Trigger]:
    s = _Statements(dialect)
    q = s.q
    deal_rows = "FROM deal_product_row r WHERE 1 = 1"
    links = "FROM deal_contact l WHERE 1 = 1"
    if dialect == "sqlite":
        mark = "instr(',' || deal.visited_stages, ',' || NEW.stage_id || ',') = 0"
    else:
        mark = "strpos(',' || deal.visited_stages, ',' || NEW.stage_id || ',') = 0"
    return [
        _Trigger(
            "rollup_deal_insert",
            "AFTER INSERT",
            "deal",
            None,
            (s.closed("NEW", "1"), s.created("NEW", "1"), s.opened("NEW", "1"), s.company("NEW", "1")),
        ),
        _Trigger(
            "rollup_deal_update",
            "AFTER UPDATE",
            "deal",
            q.changed("OLD", "NEW", _DEAL_CHANGES),
            (
                s.closed("OLD", "-1"),
                s.closed("NEW", "1"),
                s.created("OLD", "-1"),
                s.created("NEW", "1"),
                s.opened("OLD", "-1"),
                s.opened("NEW", "1"),
            ),
        ),
        _Trigger(
            "rollup_deal_update_customers",
            "AFTER UPDATE",
            "deal",
            q.changed("OLD", "NEW", _CUSTOMER_CHANGES),
            (
                s.company("OLD", "-1"),
                s.company("NEW", "1"),
                s.contacts("OLD", "l", "-1", links),
                s.contacts("NEW", "l", "1", links),
            ),
        ),
        _Trigger(
            "rollup_deal_update_products",
            "AFTER UPDATE",
            "deal",
            q.changed("OLD", "NEW", _PRODUCT_CHANGES),
            (s.products("OLD", "-1", deal_rows), s.products("NEW", "1", deal_rows)),
        ),
        _Trigger(
            # Rows and links go first, through their own triggers, while the deal is still there.
            "rollup_deal_delete",
            "BEFORE DELETE",
            "deal",
            None,
            (
                "DELETE FROM deal_product_row WHERE deal_id = OLD.id",
                "DELETE FROM deal_contact WHERE deal_id = OLD.id",
                s.closed("OLD", "-1"),
                s.created("OLD", "-1"),
                s.opened("OLD", "-1"),
                s.company("OLD", "-1"),
            ),
        ),
        _Trigger(
            "rollup_row_insert",
            "AFTER INSERT",
            "deal_product_row",
            None,
            (s.products("d", "1", f"FROM deal d, {_row('NEW')} WHERE 1 = 1"),),
        ),
        _Trigger(
            "rollup_row_update",
            "AFTER UPDATE",
            "deal_product_row",
            q.changed("OLD", "NEW", _ROW_COLUMNS),
            (
                s.products("d", "-1", f"FROM deal d, {_row('OLD')} WHERE 1 = 1"),
                s.products("d", "1", f"FROM deal d, {_row('NEW')} WHERE 1 = 1"),
            ),
        ),
        _Trigger(
            "rollup_row_delete",
            "AFTER DELETE",
            "deal_product_row",
            None,
            (s.products("d", "-1", f"FROM deal d, {_row('OLD')} WHERE 1 = 1"),),
        ),
        _Trigger(
            "rollup_link_insert",
            "AFTER INSERT",
            "deal_contact",
            None,
            (s.contacts("d", "NEW", "1", "FROM deal d WHERE 1 = 1"),),
        ),
        _Trigger(
            "rollup_link_update",
            "AFTER UPDATE",
            "deal_contact",
            q.changed("OLD", "NEW", ("deal_id", "contact_id")),
            (
                s.contacts("d", "OLD", "-1", "FROM deal d WHERE 1 = 1"),
                s.contacts("d", "NEW", "1", "FROM deal d WHERE 1 = 1"),
            ),
        ),
        _Trigger(
            "rollup_link_delete",
            "AFTER DELETE",
            "deal_contact",
            None,
            (s.contacts("d", "OLD", "-1", "FROM deal d WHERE 1 = 1"),),
        ),
        _Trigger(
            "rollup_visit_insert",
            "AFTER INSERT",
            "deal_stage_visit",
            None,
            (
                "UPDATE deal SET visited_stages = visited_stages || NEW.stage_id || ',' "
                f"WHERE deal.id = NEW.deal_id AND {mark}",
            ),
        ),
    ]


def _ddl(dialect: str, trigger: _Trigger) -> list[str]:
    if dialect == "sqlite":
        when = f" WHEN {trigger.when}" if trigger.when else ""
        body = "".join(f"    {statement};\n" for statement in trigger.body)
        return [f"CREATE TRIGGER {trigger.name} {trigger.timing} ON {trigger.table}{when}\nBEGIN\n{body}END"]
    result = "OLD" if trigger.timing.startswith("BEFORE") else "NULL"
    body = "".join(f"    {statement};\n" for statement in trigger.body)
    when = f" WHEN ({trigger.when})" if trigger.when else ""
    return [
        f"CREATE OR REPLACE FUNCTION {trigger.name}() RETURNS trigger LANGUAGE plpgsql AS $rollup$\n"
        f"BEGIN\n{body}    RETURN {result};\nEND\n$rollup$",
        f"CREATE TRIGGER {trigger.name} {trigger.timing} ON {trigger.table} FOR EACH ROW{when} "
        f"EXECUTE FUNCTION {trigger.name}()",
    ]


def create_triggers(conn: Connection) -> None:
    dialect = conn.dialect.name
    for trigger in _triggers(dialect):
        for statement in _ddl(dialect, trigger):
            conn.exec_driver_sql(statement)


def drop_triggers(conn: Connection) -> None:
    dialect = conn.dialect.name
    for trigger in _triggers(dialect):
        conn.exec_driver_sql(
            f"DROP TRIGGER IF EXISTS {trigger.name}" + ("" if dialect == "sqlite" else f" ON {trigger.table}")
        )
        if dialect != "sqlite":
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {trigger.name}()")


def fill_visited(conn: Connection) -> None:
    """Each deal's visited stages from its stage visits (for databases made before there were any)."""
    if conn.dialect.name == "sqlite":
        stages = "group_concat(DISTINCT v.stage_id)"
    else:
        stages = "string_agg(DISTINCT CAST(v.stage_id AS TEXT), ',')"
    conn.exec_driver_sql(
        f"UPDATE deal SET visited_stages = COALESCE((SELECT {stages} || ',' FROM deal_stage_visit v "
        "WHERE v.deal_id = deal.id), '')"
    )


def rebuild(conn: Connection, *, grouped: bool | None = None) -> None:
    """Every total made anew from the deals, their product rows and contact links. SQLite adds row
    by row to the totals unless told `grouped` (sorting a million rows to group them is faster only
    where it may sort in pieces on helper threads: the demo's load)."""
    s = _Statements(conn.dialect.name, grouped=conn.dialect.name != "sqlite" if grouped is None else grouped)
    for table in (deal_rollup, product_rollup, customer_rollup):
        conn.exec_driver_sql(f"DELETE FROM {table.name}")
    every, closed = "deal d", "deal d"
    if conn.dialect.name == "sqlite":
        # SQLite's planner would walk an index and look up each deal (4x slower at a million deals):
        # all deals straight from the table, closed ones from their covering index.
        every, closed = "deal d NOT INDEXED", "deal d INDEXED BY ix_deal_closed_facts"
    conn.exec_driver_sql(s.closed("d", "1", f"FROM {closed}"))
    conn.exec_driver_sql(s.created("d", "1", f"FROM {every}"))
    conn.exec_driver_sql(s.opened("d", "1", "FROM deal d"))
    conn.exec_driver_sql(s.company("d", "1", f"FROM {closed}"))
    conn.exec_driver_sql(s.contacts("d", "l", "1", f"FROM {closed}, deal_contact l WHERE 1 = 1"))
    conn.exec_driver_sql(s.products("d", "1", f"FROM {closed}, deal_product_row r WHERE 1 = 1"))


_KEPT = {
    deal_rollup: "deals <> 0 OR cents <> 0 OR seconds <> 0",
    product_rollup: "rows <> 0 OR cents <> 0",
    customer_rollup: "closed <> 0 OR won <> 0 OR cents <> 0",
}


def kept_rows(table_name: str) -> str:
    """The condition of a totals table's rows that count (the others are all zeros, left behind by
    a change undone): what two sets of totals are compared on."""
    return next(kept for table, kept in _KEPT.items() if table.name == table_name)


def differences(conn: Connection) -> dict[str, set[tuple[Any, ...]]]:
    """Rows in which the totals as kept differ from totals made anew (empty: they agree). Runs the
    rebuild in a savepoint that is rolled back, inside the caller's transaction."""

    def totals() -> dict[str, set[tuple[Any, ...]]]:
        return {
            table.name: {
                tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM {table.name} WHERE {kept}")
            }
            for table, kept in _KEPT.items()
        }

    savepoint = conn.begin_nested()
    try:
        kept = totals()
        rebuild(conn)
        fresh = totals()
    finally:
        savepoint.rollback()
    return {name: kept[name] ^ fresh[name] for name in kept if kept[name] != fresh[name]}


__all__ = [
    "create_triggers",
    "differences",
    "drop_triggers",
    "fill_visited",
    "kept_rows",
    "month_of",
    "rebuild",
    "row_net_cents",
    "seconds_of",
    "year_of",
]
