"""The Database: one engine per file or server, sessions per use case, safe SQLite settings.

Shared office files live on network drives, where WAL does not work, so SQLite files use the
rollback journal (set once, when the file is created; setting it on every connection raises
"database is locked" under contention), synchronous=FULL, foreign keys, a busy timeout, and
BEGIN IMMEDIATE for writes so two writers queue instead of deadlocking on a lock upgrade.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, SQLAlchemyError
from sqlalchemy.orm import Session

from app.models import RIGHTS_STAMP_KEY
from app.storage.failures import DatabaseError as DatabaseError
from app.storage.failures import explain, explain_server

BUSY_TIMEOUT_S = 10.0
SPILL_PAGES = 65_536  # 256 MiB of 4 KiB pages
LOCK_TRY_MS = 20  # with a lock waiter: each try at the write lock waits this long, then the waiter
PG_WRITE_LOCK = 0x6465616C  # "deal": the advisory lock PostgreSQL writers take in turn
WRITE_OPTION = "dealdesk_write"
PING_AFTER_IDLE_S = 5.0  # a server connection unused this long is tried before it is used


log = logging.getLogger(__name__)
# Rows sampled per index when statistics are gathered: estimates good enough for the planner
# (2,000 misjudged a stage's 50,000 deals as 2,000), 0.1 s per million rows.
ANALYSIS_LIMIT = 20_000


def parse_url(path_or_url: str) -> URL:
    """A plain path means an SQLite file; anything with '://' is a SQLAlchemy URL."""
    text = path_or_url.strip()
    if not text:
        raise DatabaseError("No database given.")
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        return make_url(text)
    except ArgumentError as exc:
        raise DatabaseError(f"'{text}' is neither a file path nor a database URL.") from exc


LockWaiter = Callable[[Callable[[], bool]], None]
"""Given `attempt` (True once the write lock is taken), returns when it was taken, or raises
(a DatabaseError) when the person cancelled; it decides how to wait (the GUI: with a note)."""


class Database:
    """An engine plus the session helpers every service uses."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url
        self.is_sqlite = engine.dialect.name == "sqlite"
        # Who writes through this engine, as its change announcements on a server say (a listener
        # skips its own: its views heard them as events already).
        self.token = uuid.uuid4().hex
        self._hooks: dict[str, Any] = getattr(engine, "dealdesk_hooks", {})

    def set_lock_waiter(self, waiter: LockWaiter | None) -> None:
        """Who waits when the write lock is held by another PC (SQLite files): None waits out the busy
        timeout, blocking. The GUI sets one that waits off its event loop, with a note and Cancel."""
        self._hooks["lock_waiter"] = waiter

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server or an in-memory database."""
        if not self.is_sqlite or self.url.database in (None, "", ":memory:"):
            return None
        return Path(self.url.database)

    @property
    def address(self) -> str:
        """The path or URL, password included: for another engine on the same database (a copy)."""
        return str(self.path) if self.path is not None else self.url.render_as_string(hide_password=False)

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back when it raises.

        Reads see one consistent snapshot; writes take the write lock at once (SQLite) so a
        second writer waits for the first instead of failing halfway.
        """
        with Session(self.engine, expire_on_commit=False, autoflush=True) as session:
            session.connection(execution_options=self.options(write=write))
            try:
                yield session
                if write:
                    session.commit()
                else:
                    session.rollback()
            except BaseException:
                session.rollback()
                raise

    @property
    def connections_lost(self) -> int:
        """How often a statement found its server connection lost (a restart, a dropped network, a
        firewall closing idle connections): each time some read or write failed, and was said."""
        return int(getattr(self.engine, "dealdesk_lost", [0])[0])

    def options(self, *, write: bool) -> dict[str, Any]:
        """A transaction's execution options. A server's reads run without BEGIN and ROLLBACK: in
        PostgreSQL's READ COMMITTED each statement sees the newest commits either way, and over a
        network the two saved round trips are most of a small read's time. A server's writes begin
        by themselves, with the writers' lock and their first read in the same round trip (the
        driver, in autocommit mode, adds no BEGIN of its own)."""
        if self.is_sqlite:
            return {WRITE_OPTION: write}
        return {WRITE_OPTION: write, "isolation_level": "AUTOCOMMIT"}

    def dispose(self, *, optimize: bool = True) -> None:
        """Close every connection; `optimize=False` after a failure (a held lock would make the
        statistics refresh wait out the busy timeout a second time)."""
        if optimize and self.is_sqlite and self.path is not None:
            self._refresh_statistics()
        self.engine.dispose()

    def _refresh_statistics(self) -> None:
        """Let SQLite refresh its planner statistics where they are missing or stale (as it advises
        on closing): without them, a 1M-deal filter picked a 100x slower index. Sampled, so cheap."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
                conn.exec_driver_sql("PRAGMA optimize")
                conn.commit()
        except (SQLAlchemyError, DatabaseError):
            log.warning("Could not refresh the query planner's statistics", exc_info=True)


def create_database_engine(url: URL, *, echo: bool = False) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _create_sqlite_engine(url, echo=echo)
    if url.get_backend_name() == "postgresql":
        from app.storage.server_passwords import with_saved_password

        url = with_saved_password(url)
    try:
        engine = create_engine(url, echo=echo)
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"The database driver for '{url.drivername}' is not installed ({exc.name}). "
            "For PostgreSQL install Dealdesk with the 'postgres' extra."
        ) from exc
    except ImportError as exc:  # psycopg without a client library (Linux packages use the system's)
        raise DatabaseError(
            "PostgreSQL needs its client library, libpq, which is not installed on this computer "
            "(Debian and Ubuntu: sudo apt install libpq5; Fedora: sudo dnf install libpq)."
        ) from exc
    if url.get_backend_name() == "postgresql":
        shown = url.render_as_string(hide_password=True)
        _ping_when_idle(engine)
        engine.dealdesk_lost = [0]  # type: ignore[attr-defined]  # read by Database.connections_lost

        @event.listens_for(engine, "handle_error")
        def _on_server_error(context: Any) -> DatabaseError | None:
            # The server restarted or the network dropped: said in words (a write in flight: saved
            # whole or not at all, and whether is said); the pool reconnects at the next use.
            if context.is_disconnect:
                engine.dealdesk_lost[0] += 1  # type: ignore[attr-defined]
            return explain_server(
                context.original_exception,
                shown,
                disconnect=context.is_disconnect,
                connecting=context.connection is None,
                committing=context.statement is None and context.connection is not None,
            )

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            # Writers queue, as on a shared file: the analytics totals (and counters) are rows
            # that many writes touch, and two writers updating them in different orders would
            # deadlock, one of them failing. Held until the transaction ends.
            _forget(connection)
            if _begins_by_itself(connection):
                _begin_server_write(connection, shown)
            elif connection.get_execution_options().get(WRITE_OPTION, False):
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")

        @event.listens_for(engine, "after_cursor_execute")
        def _after_statement(*args: Any) -> None:
            _forget_stale_preludes(args[4])

        @event.listens_for(engine, "commit")
        def _on_commit(connection: Any) -> None:
            # What waits to be sent with the COMMIT (a write's announcement) goes in its message.
            memo = _memos.get(connection)
            waiting = memo.pop(WITH_COMMIT, None) if memo else None
            if waiting:
                _send(connection, shown, f"{'; '.join(waiting)}; COMMIT", committing=True)

    else:
        event.listen(engine, "begin", _forget)
    return engine


# What a transaction read once and need not read again in it (the rights stamp; whether automation
# waits), per connection; emptied as each transaction begins.
_memos: weakref.WeakKeyDictionary[Connection, dict[str, Any]] = weakref.WeakKeyDictionary()
RIGHTS_STAMP_MEMO = "rights_stamp"
WITH_COMMIT = "with_commit"  # statements to send in the COMMIT's message


STAMP_LEASE_S = 1.0  # a server's reads take a rights stamp this fresh as read (see `recent_stamp`)


def recent_stamp(connection: Connection) -> str | None:
    """For a read on a server: the rights stamp this process read (a write as it began, or a read)
    less than STAMP_LEASE_S ago, else None (read it). Each read's own round trip for it is most of a
    small read's time over a network; a change of somebody's rights then shows in this PC's reads
    within a second (as a colleague's changes do), and writes always check against the newest."""
    if not _autocommit(connection) or connection.get_execution_options().get(WRITE_OPTION):
        return None  # a file's transaction, or a write: asked in the transaction
    lease = getattr(connection.engine, "dealdesk_stamp", None)
    if lease is None or time.monotonic() - lease[0] > STAMP_LEASE_S:
        return None
    return str(lease[1])


def note_stamp(connection: Connection, stamp: str | None) -> None:
    """The rights stamp as just read on a server (None: forget it, the rights are changing)."""
    if connection.dialect.name == "postgresql":
        connection.engine.dealdesk_stamp = None if stamp is None else (time.monotonic(), stamp)  # type: ignore[attr-defined]


def transaction_memo(connection: Connection) -> dict[str, Any]:
    """What the connection's current transaction has read once already (see `_memos`)."""
    return _memos.setdefault(connection, {})


def _forget(connection: Connection) -> None:
    _memos.pop(connection, None)


def _autocommit(connection: Connection) -> bool:
    return bool(connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT")


def _begins_by_itself(connection: Connection) -> bool:
    """A server write whose connection is in autocommit mode: it sends its own BEGIN (with the
    writers' lock and its first reads) and may have statements sent with its COMMIT."""
    return _autocommit(connection) and bool(connection.get_execution_options().get(WRITE_OPTION, False))


_SERVER_WRITE_BEGIN = (
    f"BEGIN; SELECT pg_advisory_xact_lock({PG_WRITE_LOCK}); "
    f"SELECT value FROM app_setting WHERE key = '{RIGHTS_STAMP_KEY}'"
)
# What every server write reads at its end asked at its start instead, in the same message: memo
# key -> (a statement without parameters, the tables whose change by the write makes the answer
# stale: dropped from the memo then, and asked again where needed).
_preludes: dict[str, tuple[str, frozenset[str]]] = {}


def read_as_writes_begin(key: str, statement: str, tables: Iterable[str]) -> None:
    """Have each server write ask `statement` as it begins; its row is in the transaction's memo
    under `key` until the write changes one of `tables`. As of the moment the write holds the
    writers' lock: no other Dealdesk write can change the answer before this one ends."""
    _preludes[key] = (statement, frozenset(tables))


def _begin_server_write(connection: Connection, shown: str) -> None:
    """A server write's start in one round trip instead of three or more: BEGIN, the writers' lock,
    the rights stamp every write reads first, and the registered preludes (all read after the lock).

    The connection is in autocommit mode, so the driver sends no BEGIN of its own; it commits and
    rolls back what this began (it sends COMMIT/ROLLBACK whenever a transaction is open)."""
    preludes = list(_preludes.items())
    text = "; ".join([_SERVER_WRITE_BEGIN, *(statement for _key, (statement, _tables) in preludes)])
    rows = _send(connection, shown, text, committing=False)
    memo = transaction_memo(connection)
    stamp = rows[1] if len(rows) > 1 else None  # after the lock's
    memo[RIGHTS_STAMP_MEMO] = stamp[0] if stamp else "0"
    note_stamp(connection, memo[RIGHTS_STAMP_MEMO])
    for (key, _prelude), row in zip(preludes, rows[2:], strict=True):
        memo[key] = tuple(row) if row is not None else None


def _forget_stale_preludes(context: Any) -> None:
    """A write changed a table a prelude's answer depends on: the answer goes from the memo."""
    if not _preludes or context is None:
        return
    if context.isinsert or context.isupdate or context.isdelete:
        table = getattr(context.compiled.statement, "table", None)
        changed = frozenset([table.name]) if table is not None and hasattr(table, "name") else None
    elif context.statement.lstrip()[:6].upper() == "SELECT":
        return
    else:  # plain SQL: which tables it changes is not known here
        changed = None
    memo = _memos.get(context.root_connection)
    if not memo:
        return
    for key, (_statement, tables) in _preludes.items():
        if changed is None or changed & tables:
            memo.pop(key, None)


def notify_at_commit(connection: Connection, channel: str, payload: str) -> None:
    """PostgreSQL's NOTIFY for this write, sent in the message that commits it when the write began
    by itself (`_begin_server_write`: one round trip fewer), else at once. Delivered at commit
    either way, never for a rollback."""
    if not _begins_by_itself(connection):
        connection.exec_driver_sql(
            "SELECT pg_notify(%(channel)s, %(payload)s)", {"channel": channel, "payload": payload}
        )
        return
    from psycopg import sql

    _with_commit(connection, sql.SQL("SELECT pg_notify({}, {})").format(channel, payload))


def insert_at_commit(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Rows nothing in the write reads again (its history), sent in the message that commits it when
    the write began by itself (`_begin_server_write`: one round trip fewer), else inserted at once.
    Values are quoted by the driver (strings, numbers, dates, None); a failure fails the COMMIT, and
    nothing of the write is saved."""
    if not rows:
        return
    if not _begins_by_itself(connection):
        connection.execute(table.insert(), rows)
        return
    from psycopg import sql

    columns = list(rows[0])
    values = (
        sql.SQL("({})").format(sql.SQL(", ").join(sql.Literal(row[c]) for c in columns)) for row in rows
    )
    _with_commit(
        connection,
        sql.SQL("INSERT INTO {} ({}) VALUES {}").format(
            sql.Identifier(table.name),
            sql.SQL(", ").join(sql.Identifier(c) for c in columns),
            sql.SQL(", ").join(values),
        ),
    )


def _with_commit(connection: Connection, statement: Any) -> None:
    """A statement (psycopg's composed SQL, values quoted by the driver) for the COMMIT's message."""
    text = statement.as_string(connection.connection.dbapi_connection)
    transaction_memo(connection).setdefault(WITH_COMMIT, []).append(text)


def _send(connection: Connection, shown: str, text: str, *, committing: bool) -> list[Any]:
    """Statements without parameters in one message (PostgreSQL's simple protocol); the first row of
    each that returns rows, in order. A lost connection is dropped from the pool and said in words,
    as for any statement."""
    raw = connection.connection.dbapi_connection
    try:
        cursor = raw.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(text)
            rows = []
            while True:
                if cursor.description is not None:
                    rows.append(cursor.fetchone())
                if not cursor.nextset():
                    return rows
        finally:
            cursor.close()
    except Exception as exc:
        gone = connection.dialect.is_disconnect(exc, raw, None)  # type: ignore[arg-type]
        if gone:
            connection.engine.dealdesk_lost[0] += 1  # type: ignore[attr-defined]
            connection.invalidate(exc)
        said = explain_server(exc, shown, disconnect=gone, connecting=False, committing=committing)
        if said is not None:
            raise said from exc
        dbapi_error = connection.dialect.loaded_dbapi.Error
        if isinstance(exc, dbapi_error):  # as SQLAlchemy raises it for any statement (an IntegrityError…)
            raise DBAPIError.instance(text, None, exc, dbapi_error) from exc
        raise


def _ping_when_idle(engine: Engine) -> None:
    """A pooled server connection idle for a while is tried before use (a server restarted or a VPN
    dropped meanwhile: a new one instead); one used a moment ago is not (each try is a round trip,
    and a view reads in several short transactions)."""

    @event.listens_for(engine, "checkin")
    def _used(_dbapi_connection: Any, record: Any) -> None:
        record.info["used"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _try(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("used", 0.0) < PING_AFTER_IDLE_S:
            return
        try:
            dbapi_connection.execute(";")
            if not dbapi_connection.autocommit:
                dbapi_connection.rollback()
        except Exception as exc:  # gone: the pool drops it and connects anew
            raise DisconnectionError(str(exc)) from exc


def sqlite_uri(path: PurePath) -> str:
    """The file as an SQLite URI. A Windows share path (\\\\server\\share\\deals.sqlite) keeps its
    server in the path, after an empty authority (file:////server/share/...): SQLite refuses a URI
    whose authority is anything but empty or "localhost"."""
    text = str(path)
    if isinstance(path, PureWindowsPath) and text.startswith("\\\\"):
        return "file:" + quote("////" + text[2:].replace("\\", "/"), safe="/:")
    return path.as_uri() if path.is_absolute() else "file:" + quote(str(path), safe="/:")


def _create_sqlite_engine(url: URL, *, echo: bool) -> Engine:
    path = Path(url.database) if url.database not in (None, "", ":memory:") else None
    name = str(path) if path is not None else ":memory:"
    if path is None:
        engine = create_engine(
            url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
        )
    else:
        # Never create the file on connecting (mode=rw): a share that went away must not leave a
        # new, empty database behind in its mount point. Creating one is opening.py's deliberate act.
        uri = sqlite_uri(path) + "?mode=rw"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)

        engine = create_engine(url, echo=echo, creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy (below) issue BEGIN itself: pysqlite's own transaction handling
        # would start transactions late and never for reads.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        # 16 MiB page cache per connection: the OS caches the file anyway, and the list reads on
        # several pooled connections at once (first rows, count, layout, a far page), each with a
        # cache of its own: the list over a million deals peaks at 230 MB (8 MiB: 195 MB, but a
        # new list's count then no longer fits and its first page takes 9.8 ms instead of 8.0).
        cursor.execute("PRAGMA cache_size=-16384")
        # A long write (an import, a bulk change) keeps its changed pages in memory up to 256 MiB
        # instead of spilling them into the file once the cache is full: spilling takes the
        # EXCLUSIVE lock, and from then on every other PC's reads would wait for the whole import.
        cursor.execute(f"PRAGMA cache_spill={SPILL_PAGES}")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> DatabaseError | None:
        # A lock held too long, a write-protected file, a full drive, a damaged file, a share
        # that went away: raised as a DatabaseError saying so (constraint errors stay as they are).
        return explain(context.original_exception, path, name)

    hooks: dict[str, Any] = {}
    engine.dealdesk_hooks = hooks  # type: ignore[attr-defined]  # read by Database

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        waiter: LockWaiter | None = hooks.get("lock_waiter")
        if not write or waiter is None:
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
            return
        _begin_write_waiting(connection.connection.driver_connection, waiter, path, name)

    return engine


def _begin_write_waiting(raw: sqlite3.Connection, waiter: LockWaiter, path: Path | None, name: str) -> None:
    """BEGIN IMMEDIATE in short tries; between them the waiter keeps the window alive (or cancels)."""

    def attempt() -> bool:
        try:
            raw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                return False
            raise (explain(exc, path, name) or exc) from exc
        return True

    raw.execute(f"PRAGMA busy_timeout={LOCK_TRY_MS}")
    try:
        if not attempt():
            waiter(attempt)
    finally:
        raw.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
