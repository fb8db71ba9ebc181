"""Bulk loading for the demo generator: chunked executemany, value formats, index drop and rebuild."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Index, MetaData, Table, insert

Tick = Callable[[str | None, int, int], None]
CHUNK = 20_000
SORT_CACHE = -8192  # KiB: the page cache for big sorts (see `sorting`)


class BulkLoader:
    """Writes many rows into one connection's transaction; `tick` reports progress and may cancel."""

    def __init__(self, conn: Connection, tick: Tick) -> None:
        self.conn = conn
        self.is_sqlite = conn.dialect.name == "sqlite"
        self._tick = tick

    def insert(
        self,
        table: Table,
        columns: Sequence[str],
        rows: Iterator[tuple[Any, ...]],
        label: str | None = None,
        total: int = 0,
    ) -> None:
        """executemany in chunks, straight through the driver with the compiled statement: the rows
        hold stored values already (cents, thousandths), which column types must not convert again."""
        stmt = insert(table)
        done = 0
        if self.is_sqlite:
            compiled = stmt.compile(dialect=self.conn.dialect, column_keys=list(columns))
            sql = str(compiled)
            # The statement lists columns in table order; reorder the tuples to match if needed.
            order = [list(columns).index(name) for name in compiled.positiontup or ()]
            if order != list(range(len(columns))):
                pick = itemgetter(*order)
                rows = (pick(row) for row in rows)
            raw = self.conn.connection.driver_connection
            while chunk := list(islice(rows, CHUNK)):
                raw.executemany(sql, chunk)  # type: ignore[union-attr]
                done += len(chunk)
                self._tick(label, done, total)
        else:
            sql = str(stmt.compile(dialect=self.conn.dialect, column_keys=list(columns)))
            while chunk := list(islice(rows, CHUNK)):
                self.conn.exec_driver_sql(sql, [dict(zip(columns, row, strict=True)) for row in chunk])
                done += len(chunk)
                self._tick(label, done, total)

    # -- value formats: SQLite stores dates as ISO text (SQLAlchemy's format), servers take objects --

    def date(self, value: date) -> Any:
        return value.isoformat() if self.is_sqlite else value

    def stamp(self, value: datetime) -> Any:
        return value.isoformat(" ", "microseconds") if self.is_sqlite else value

    def calendar(
        self, today: date, past: int, future: int
    ) -> tuple[Callable[[int], Any], Callable[[int, int], Any]]:
        """Lookup tables for days relative to today, and timestamps (day offset, minute of day)."""
        days = [today + timedelta(days=k) for k in range(-past, future + 1)]
        if self.is_sqlite:
            iso = [d.isoformat() for d in days]
            clock = [f" {m // 60:02d}:{m % 60:02d}:00.000000" for m in range(24 * 60)]
            return (lambda k: iso[k + past]), (lambda k, minute: iso[k + past] + clock[minute])
        return (lambda k: days[k + past]), (
            lambda k, minute: datetime.combine(days[k + past], time(minute // 60, minute % 60))
        )

    # -- indexes: one sorted build each after the load beats a million random inserts ----------

    def drop_indexes(self, metadata: MetaData, tables: Sequence[str]) -> list[Index]:
        dropped: list[Index] = []
        for name in tables:
            for index in metadata.tables[name].indexes:
                index.drop(self.conn)
                dropped.append(index)
        return dropped

    @contextmanager
    def sorting(self) -> Iterator[None]:
        """Big sorts (index builds, totals grouped): SQLite sorts in pieces the size of the page
        cache, on helper threads (`PRAGMA threads`), and merges them after. With a small cache and
        the pieces in temporary files (`temp_store=FILE`) that is about twice as fast as one sort
        of everything in memory."""
        raw = self.conn.connection.driver_connection if self.is_sqlite else None
        if raw is None:
            yield
            return
        cache = raw.execute("PRAGMA cache_size").fetchone()[0]  # type: ignore[union-attr]
        raw.execute(f"PRAGMA cache_size={SORT_CACHE}")  # type: ignore[union-attr]
        try:
            yield
        finally:
            raw.execute(f"PRAGMA cache_size={cache}")  # type: ignore[union-attr]

    def rebuild_indexes(self, dropped: Sequence[Index]) -> None:
        """Each index one sorted build (best inside `sorting`)."""
        for done, index in enumerate(dropped):
            self._tick("indexes", done, len(dropped))
            index.create(self.conn)
