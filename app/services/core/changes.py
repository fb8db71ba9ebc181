"""Notices commits made by other connections: another office PC writing the shared file or the server.

A file: SQLite's `PRAGMA data_version` changes whenever another connection committed. It is asked on
a dedicated connection in autocommit mode, so polling never holds a lock that would block writers.

A server: every write announces itself (`announce_commit`, run inside the write's transaction) with
PostgreSQL's NOTIFY, which the server delivers when the transaction commits and never when it rolls
back; every open Dealdesk LISTENs on a dedicated connection of its own and reads what arrived
without waiting (the socket's buffer). An announcement names the kinds of records, their ids (the
first ones), the person and the writing engine; an engine's own are skipped, since its views heard
its events.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.services.core.events import DomainEvent
from app.storage import Database, DatabaseError
from app.storage.database import notify_at_commit
from app.storage.failures import MSG_SERVER_UNREACHABLE, Problem, explain

if TYPE_CHECKING:
    from app.services.core.context import UnitOfWork

CHANNEL = "dealdesk_changes"
PAYLOAD_MAX = 7_000  # bytes; PostgreSQL takes up to 8,000 per NOTIFY
SERVER_POLL_MS = 250  # reading what arrived costs no round trip: often, so a change shows within 1 s
HEARTBEAT_S = 2.0  # a lost server connection is noticed within this


def commit_announcer(database: Database) -> Callable[[UnitOfWork], None]:
    """A write hook for a server: each write's events, announced to every other Dealdesk when it
    commits (in its transaction: a write rolled back announces nothing)."""

    def announce(uow: UnitOfWork) -> None:
        if uow.events:
            notify_at_commit(uow.session.connection(), CHANNEL, announcement(uow.events, database.token))

    return announce


def announcement(events: list[DomainEvent], writer: str) -> str:
    """The events as a NOTIFY payload: names, kinds, who, and their first ids if they fit."""
    listed: list[dict[str, Any]] = [
        {"n": e.name, "e": e.entity, "a": e.actor_id, "ids": list(e.ids[:100]), "all": len(e.ids) <= 100}
        for e in events
    ]
    text = json.dumps({"p": writer, "ev": listed}, separators=(",", ":"))
    if len(text.encode()) <= PAYLOAD_MAX:
        return text
    for item in listed:  # an import's thousands: the kinds say enough
        item["ids"], item["all"] = [], False
    return json.dumps({"p": writer, "ev": listed[:50]}, separators=(",", ":"))


class ChangeMonitor:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._raw: Any = None
        self._last: int | None = None
        self._listener: Any = None
        self._checked = 0.0  # when the listener's connection was last known to work
        self.heard: list[dict[str, Any]] = []  # the other processes' announcements read by the last poll
        self._lost = database.connections_lost  # lost server connections seen by the last poll

    @property
    def supported(self) -> bool:
        return self._database.is_sqlite or self._database.engine.dialect.name == "postgresql"

    @property
    def counts_own_commits(self) -> bool:
        """Whether a poll also reports this process's own commits (a file's data_version does; a
        server's announcements name their writer and this one's are skipped)."""
        return self._database.is_sqlite

    def interval_ms(self, chosen_ms: int) -> int:
        """How often to poll: a file as the settings say, a server at least four times a second."""
        return chosen_ms if self._database.is_sqlite else min(chosen_ms, SERVER_POLL_MS)

    def poll(self) -> bool:
        """True when somebody committed since the previous poll (the first poll only takes a reading)."""
        if not self.supported:
            return False
        if not self._database.is_sqlite:
            return self._poll_server()
        try:
            if self._raw is None:
                self._raw = self._database.engine.raw_connection()
            cursor = self._raw.driver_connection.execute("PRAGMA data_version")
            version = cursor.fetchone()[0]
            cursor.close()
        except sqlite3.Error as exc:  # the share went away: said in words, tried again next time
            self.close()
            name = self._database.display_name
            raise explain(exc, self._database.path, name) or DatabaseError(str(exc)) from exc
        changed = self._last is not None and version != self._last
        self._last = version
        return changed

    def _poll_server(self) -> bool:
        driver_error = self._database.engine.dialect.loaded_dbapi.Error
        try:
            if self._listener is None:
                # Its own connection, out of the pool for good: LISTEN stays with the session.
                raw = self._database.engine.raw_connection()
                self._listener = raw.driver_connection
                raw.detach()
                self._listener.autocommit = True
                self._listener.execute(f"LISTEN {CHANNEL}")
                self._checked = time.monotonic()
                self.heard = []
                self._lost = self._database.connections_lost
                return False  # the first reading: from here on
            self.heard = []
            if time.monotonic() - self._checked > HEARTBEAT_S:
                # Reading what arrived does not notice a connection the server closed (restarted);
                # a round trip now and then does, and keeps a VPN's idle connection alive.
                self._listener.execute("SELECT 1")
                self._checked = time.monotonic()
            for note in self._listener.notifies(timeout=0):
                with contextlib.suppress(ValueError, AttributeError):
                    found = json.loads(note.payload)
                    if found.get("p") != self._database.token:
                        self.heard.append(found)
            lost = self._database.connections_lost
            if lost != self._lost:
                # Some read or write found its connection lost since the last poll (and said so):
                # once the server answers (asked now), the views read again, whoever's read it was.
                self._listener.execute("SELECT 1")
                self._checked = time.monotonic()
                self._lost = lost
                return True
        except driver_error as exc:  # the server restarted, the network dropped: tried again next time
            self.close()
            detail = " ".join(str(exc).split())
            raise DatabaseError(
                MSG_SERVER_UNREACHABLE, Problem.UNREACHABLE, name=self._database.display_name, detail=detail
            ) from exc
        return bool(self.heard)

    def close(self) -> None:
        if self._raw is not None:
            with contextlib.suppress(Exception):
                self._raw.close()
            self._raw = None
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None


EXTERNAL_CHANGE = DomainEvent("database.changed_elsewhere", "*", (), None)
"""Published by the GUI's poller: something changed, but not through this process's services."""
