"""Copy a whole Dealdesk database into a new one: a file onto a server, a server into a file.

All or nothing. A server is written in one transaction, its schema included (PostgreSQL's DDL is
transactional): a failure, a cancel or a failed check leaves it as empty as it was. A file is
written under a temporary name, committed as it goes (SQLite would hold a whole million deals'
pages in memory until one commit), and renamed only once it passed its check. The source is only
read, in one snapshot; at the end a file that was moved onto a server is marked so (`marks.py`).

Order: the schema, then every table parents first, in batches, with the running totals' and search
index's triggers paused, the indexes dropped and foreign keys not checked (a file's) or dropped (a
server's) until every row is in; then the indexes and foreign keys made again, a server's sequences
set after the copied ids, the search index and the totals made anew. Then the check: each table's
row count and checksum read back from the target equal the source's, and the totals made anew
equal the source's (the Analytics page shows the same figures).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Text, cast, func, insert, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Select

from app.storage import rollups, search_index
from app.storage.database import WRITE_OPTION, Database, create_database_engine, parse_url
from app.storage.failures import QT_TRANSLATE_NOOP, DatabaseError, Problem
from app.storage.migrate import SCHEMA_HEAD, current_revision, upgrade_on
from app.storage.moving.checksums import Fingerprint
from app.storage.moving.marks import mark_moved
from app.storage.moving.tables import DERIVED, CopiedTable, copied_tables

BATCH = 5_000  # rows read, written and reported at a time
SETTLE_EVERY = 20  # batches between a new file's commits
# A new file while it is filled: no journal and no waiting for the disk (a file that fails is thrown
# away whole), foreign keys checked once at the end, and the indexes built after the rows by sorting
# in pieces on SQLite's helper threads (a small page cache, the pieces in temporary files: the rows
# of a million deals written out as they come instead of 2 GB of dirty pages held until the commit).
_LOADING = (
    "journal_mode=OFF",
    "synchronous=OFF",
    "foreign_keys=OFF",
    "cache_size=-8192",
    "temp_store=FILE",
    "threads=2",
)
_LOADED = (
    "journal_mode=DELETE",
    "synchronous=FULL",
    "foreign_keys=ON",
    "cache_size=-16384",
    "temp_store=MEMORY",
    "threads=0",
)
Progress = Callable[[str, int, int], None]  # (table, rows done, rows in all)

MSG_SAME = QT_TRANSLATE_NOOP("storage", "The copy can't go into the database it is copied from.")
MSG_SOURCE_OLD = QT_TRANSLATE_NOOP(
    "storage",
    "{name} has an older layout (schema {revision}). Open it once with this Dealdesk to bring it up to "
    "date, then copy it.",
)
MSG_SOURCE_EMPTY = QT_TRANSLATE_NOOP(
    "storage", "{name} holds no Dealdesk database: there is nothing to copy."
)
MSG_TARGET_FULL = QT_TRANSLATE_NOOP(
    "storage",
    "{name} already holds a Dealdesk database. Copy into a new, empty database (nothing was changed).",
)
MSG_TARGET_FILE = QT_TRANSLATE_NOOP(
    "storage", "{name} already exists. Copy into a new file (nothing was changed)."
)
MSG_TABLE_FAILED = QT_TRANSLATE_NOOP(
    "storage",
    "Copying {table} failed: {detail}. Nothing was copied; {target} is as it was before.",
)
MSG_CHECK_FAILED = QT_TRANSLATE_NOOP(
    "storage",
    "The copy of {table} does not match the original ({what}). Nothing was copied; {target} is as it "
    "was before.",
)
MSG_CANCELLED = QT_TRANSLATE_NOOP("storage", "The copy was cancelled. {target} is as it was before.")


class CopyCancelledError(DatabaseError):
    def __init__(self, target: str) -> None:
        super().__init__(MSG_CANCELLED, target=target)


@dataclass(frozen=True)
class TableReport:
    name: str
    rows: int
    checksum: str


@dataclass
class CopyReport:
    source: str
    target: str
    tables: list[TableReport] = field(default_factory=list)
    seconds: float = 0.0
    marked: bool = False

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def copy_database(
    source: str,
    target: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    mark: bool = True,
    replace: bool = False,
) -> CopyReport:
    """Copy the database at `source` (a path or URL) into the new one at `target`; checked, all or
    nothing. With `mark`, a file copied onto a server is marked as moved there. With `replace`, a
    server's Dealdesk database is replaced (a restore): dropped and made anew in the same
    transaction, so that a failure leaves it as it was."""
    started = time.monotonic()
    source_url, target_url = parse_url(source), parse_url(target)
    if _same(source_url, target_url):
        raise DatabaseError(MSG_SAME)
    origin = _open_source(source_url)
    try:
        report = CopyReport(origin.display_name, _shown(target_url))
        copier = _Copier(origin, report, progress or (lambda _t, _d, _n: None), cancelled or (lambda: False))
        if target_url.get_backend_name() == "sqlite":
            copier.into_file(target_url)
        else:
            copier.into_server(target_url, replace=replace)
        if mark and origin.path is not None and target_url.get_backend_name() != "sqlite":
            mark_moved(origin, report.target)
            report.marked = True
    finally:
        origin.dispose(optimize=False)
    report.seconds = time.monotonic() - started
    return report


def _same(a: URL, b: URL) -> bool:
    return _shown(a) == _shown(b)


def _shown(url: URL) -> str:
    """A file as its path, a server as its address without the password."""
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def _open_source(url: URL) -> Database:
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if not path.is_file() or path.stat().st_size == 0:
            raise DatabaseError(MSG_SOURCE_EMPTY, Problem.MISSING, name=str(path))
    database = Database(create_database_engine(url))
    try:
        revision = current_revision(database)
        if revision is None:
            raise DatabaseError(MSG_SOURCE_EMPTY, Problem.NOT_DEALDESK, name=database.display_name)
        if revision != SCHEMA_HEAD:
            raise DatabaseError(MSG_SOURCE_OLD, name=database.display_name, revision=revision)
    except BaseException:
        database.dispose(optimize=False)
        raise
    return database


class _Copier:
    def __init__(
        self, origin: Database, report: CopyReport, progress: Progress, cancelled: Callable[[], bool]
    ) -> None:
        self.origin = origin
        self.report = report
        self.progress = progress
        self.cancelled = cancelled
        self.tables = [t for t in copied_tables() if t.name not in DERIVED]

    # -- the two directions ---------------------------------------------------------------------

    def into_server(self, url: URL, *, replace: bool = False) -> None:
        database = Database(create_database_engine(url))
        try:
            full = current_revision(database) is not None
            if full and not replace:
                raise DatabaseError(MSG_TARGET_FULL, name=self.report.target)
            connection = database.engine.connect().execution_options(**{WRITE_OPTION: True})
            with connection as conn, conn.begin():  # schema and rows: one transaction, undone as a whole
                if full:
                    _drop_dealdesk(conn)
                upgrade_on(conn)
                self._fill(conn)
        finally:
            database.dispose(optimize=False)

    def into_file(self, url: URL) -> None:
        final = Path(url.database or "")
        if final.exists() and final.stat().st_size > 0:
            raise DatabaseError(MSG_TARGET_FILE, name=str(final))
        partial = final.with_name(final.name + ".partial")
        partial.unlink(missing_ok=True)
        from app.storage.opening import open_database

        try:
            database = open_database(str(partial), create=True)
            try:
                with database.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
                    raw: Any = conn.connection.driver_connection
                    for pragma in _LOADING:  # outside any transaction: journal modes need that
                        raw.execute(f"PRAGMA {pragma}")
                    try:
                        # Committed as it goes (`_settle`): the new file is all or nothing by its
                        # name, given only once it passed its check.
                        self._fill(conn)
                        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                        if broken is not None:
                            raise DatabaseError(
                                MSG_CHECK_FAILED, table=broken[0], what="foreign key", target=str(final)
                            )
                        conn.commit()
                    except BaseException:
                        conn.rollback()
                        raise
                    finally:
                        for pragma in _LOADED:
                            raw.execute(f"PRAGMA {pragma}")
            finally:
                database.dispose(optimize=False)
            os.replace(partial, final)
        finally:
            with suppress(OSError):
                partial.unlink(missing_ok=True)
                Path(str(partial) + "-journal").unlink(missing_ok=True)

    # -- filling the target ---------------------------------------------------------------------

    def _fill(self, target: Connection) -> None:
        with self._reading() as source:
            everything = sum(
                int(source.scalar(select(func.count()).select_from(t.twin)) or 0) for t in self.tables
            )
            search_triggers = search_index.pause_triggers(target)
            rollups.drop_triggers(target)
            deferred = _defer_indexes(target)
            done = 0
            prints: dict[str, Fingerprint] = {}
            for table in self.tables:
                prints[table.name], done = self._copy_table(source, target, table, done, everything)
            for n, statement in enumerate(deferred):
                self.progress("indexes", n, len(deferred))
                target.exec_driver_sql(statement)
                _settle(target)
            self.progress("sequences", everything, everything)
            _set_sequences(target, self.tables)
            self.progress("search", everything, everything)
            search_index.rebuild(target)
            search_index.resume_triggers(target, search_triggers)
            _settle(target)
            self.progress("analytics", everything, everything)
            rollups.rebuild(target, grouped=True)  # sorted (a file: on the helper threads, see _LOADING)
            rollups.create_triggers(target)
            _settle(target)
            self._check(source, target, prints)

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """The source in one snapshot: nobody's change lands halfway through the copy."""
        with self.origin.engine.connect() as conn:
            if not self.origin.is_sqlite:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    def _copy_table(
        self,
        source: Connection,
        target: Connection,
        table: CopiedTable,
        done: int,
        everything: int,
    ) -> tuple[Fingerprint, int]:
        fingerprint = Fingerprint()
        writer = _writer(target, table)
        with self._failing(table, target):
            for n, rows in enumerate(_batches(source, _reading_statement(table)), start=1):
                if self.cancelled():
                    raise CopyCancelledError(self.report.target)
                fingerprint = fingerprint.add(rows, binary=table.binary)
                writer(rows)
                done += len(rows)
                self.progress(table.name, done, everything)
                if n % SETTLE_EVERY == 0:
                    _settle(target)
            _settle(target)
        return fingerprint, done

    @contextmanager
    def _failing(self, table: CopiedTable, target: Connection) -> Iterator[None]:
        """A row the target refuses (a text longer than a server allows, say): said with its table."""
        try:
            yield
        except Exception as exc:
            # SQLAlchemy's errors, or the driver's own (COPY goes to the driver directly).
            if not isinstance(exc, DBAPIError | target.dialect.loaded_dbapi.Error):
                raise
            detail = " ".join(str(getattr(exc, "orig", None) or exc).split()).rstrip(".")
            raise DatabaseError(
                MSG_TABLE_FAILED, table=table.name, detail=detail, target=self.report.target
            ) from exc

    def _check(self, source: Connection, target: Connection, prints: dict[str, Fingerprint]) -> None:
        self.progress("check", 0, len(self.tables))
        for n, table in enumerate(self.tables):
            if self.cancelled():
                raise CopyCancelledError(self.report.target)
            expected, found = (
                prints[table.name],
                _fingerprint(target, _reading_statement(table), binary=table.binary),
            )
            self._compare(table.name, expected, found)
            self.report.tables.append(TableReport(table.name, found.rows, found.hex))
            self.progress("check", n + 1, len(self.tables))
        for table in copied_tables(DERIVED):  # the totals made anew: the Analytics page's figures
            statement = select(table.twin).where(text(rollups.kept_rows(table.name)))
            self._compare(table.name, _fingerprint(source, statement), _fingerprint(target, statement))

    def _compare(self, name: str, expected: Fingerprint, found: Fingerprint) -> None:
        if found.rows != expected.rows:
            what = f"{found.rows:,} rows instead of {expected.rows:,}"
        elif found.checksum != expected.checksum:
            what = "checksum"
        else:
            return
        raise DatabaseError(MSG_CHECK_FAILED, table=name, what=what, target=self.report.target)


def _reading_statement(table: CopiedTable) -> Select[Any]:
    """The rows as stored; a JSON document as its text."""
    return select(
        *(cast(column, Text) if column.name in table.documents else column for column in table.twin.columns)
    )


def _batches(conn: Connection, statement: Select[Any]) -> Iterator[list[Any]]:
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(statement)
    for part in result.partitions(BATCH):
        yield [tuple(row) for row in part]


def _fingerprint(conn: Connection, statement: Select[Any], *, binary: bool = False) -> Fingerprint:
    fingerprint = Fingerprint()
    for rows in _batches(conn, statement):
        fingerprint = fingerprint.add(rows, binary=binary)
    return fingerprint


def _settle(target: Connection) -> None:
    """A new file commits every so many rows: SQLite held a transaction's pages in memory until it
    ended (2.3 GB for a million deals in one). A server's copy stays one transaction."""
    if target.dialect.name == "sqlite":
        target.commit()


def _writer(conn: Connection, table: CopiedTable) -> Callable[[list[Any]], None]:
    """Rows into the target: a server takes them through COPY (one statement per batch, 10-20x
    faster than INSERTs), a file through one prepared INSERT run for each."""
    if conn.dialect.name == "postgresql":
        raw: Any = conn.connection.driver_connection
        columns = ", ".join(f'"{name}"' for name in table.columns)  # names from our own schema
        sql = f'COPY "{table.name}" ({columns}) FROM STDIN'

        def copy_rows(rows: list[Any]) -> None:
            with raw.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)

        return copy_rows
    statement = insert(table.twin)
    names = table.columns

    def insert_rows(rows: list[Any]) -> None:
        conn.execute(statement, [dict(zip(names, row, strict=True)) for row in rows])

    return insert_rows


def _drop_dealdesk(conn: Connection) -> None:
    """Every Dealdesk table of a server database (and the totals' trigger functions): nothing else
    in it is touched. Part of the caller's transaction."""
    from app.models import Base

    rollups.drop_triggers(conn)
    Base.metadata.drop_all(conn)
    conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def _defer_indexes(conn: Connection) -> list[str]:
    """The indexes (but keys and unique ones) dropped for the load, and on a server the foreign keys
    too; their DDL returned, to be made again after it (as pg_restore does): one sorted build per
    index and one pass per foreign key instead of a lookup per row, 3x faster in all. Inside the
    copy's transaction: if it fails, they were never dropped."""
    if conn.dialect.name == "sqlite":
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"
        ).all()
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')  # names from the catalog
        return [definition for _, definition in indexes]
    keys = conn.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY conname"
    ).all()
    indexes = conn.exec_driver_sql(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisprimary AND NOT i.indisunique "
        "AND c.relnamespace = current_schema()::regnamespace ORDER BY 1"
    ).all()
    for table, name, _ in keys:
        conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')  # names from the catalog
    for name, _ in indexes:
        conn.exec_driver_sql(f"DROP INDEX {name}")
    return [definition for _, definition in indexes] + [
        f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, definition in keys
    ]


def _set_sequences(conn: Connection, tables: list[CopiedTable]) -> None:
    """A server's next ids follow the copied ones (a file's follow its rows by themselves)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        if table.serial is None:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                f'COALESCE(MAX("{table.serial}"), 0) + 1, false) FROM "{table.name}"'
            ),
            {"table": f'"{table.name}"', "column": table.serial},
        )


__all__ = ["CopyCancelledError", "CopyReport", "TableReport", "copy_database"]
