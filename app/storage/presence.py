"""Who is in a shared file: one row per running Dealdesk (login, computer, process, heartbeat).

The rows live in a small side file next to the database (`deals.sqlite` -> `deals.sqlite-people`),
not in the database itself: a heartbeat written there would look like a change to every other PC
(SQLite's data_version) and make each of them re-read its views every few seconds. Nothing here
ever blocks or fails Dealdesk: the side file is best effort (a read-only share simply shows nobody),
and rows whose heartbeat stopped expire, so a crashed PC is never "in" for long (GnuCash-style lock
information, without GnuCash's lock).

A long write (an import, a bulk change, a restore) says what it is doing (`activity`), so somebody
waiting for the lock reads "waiting for Anna's import (PC-12)" rather than nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

HEARTBEAT_S = 20.0
EXPIRES_AFTER = timedelta(seconds=90)  # three heartbeats missed: gone (or crashed)
FORGET_AFTER = timedelta(days=7)  # rows of PCs that crashed long ago are removed
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PresenceEntry:
    session: str
    login: str
    name: str
    computer: str
    pid: int
    started_at: datetime
    heartbeat_at: datetime
    activity: str | None


def presence_file(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + "-people")


class Presence:
    """This process's row, kept fresh by a background thread, and a snapshot of everybody's."""

    def __init__(self, database_path: Path, login: str, name: str) -> None:
        self.path = presence_file(database_path)
        self.session = uuid.uuid4().hex
        self.login, self.name = login, name
        self.computer = socket.gethostname() or "?"
        self.pid = os.getpid()
        self.started_at = _now()
        self._activity: str | None = None
        self._entries: list[PresenceEntry] = []
        self._crashed: list[PresenceEntry] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._first_beat = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the life of this process's row -----------------------------------------------------------

    def start(self) -> None:
        """Write the row (noting rows this computer and login left behind: a crash) and beat, all on
        a thread of its own: a slow share never delays the window."""
        self._thread = threading.Thread(target=self._run, name="presence", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        with contextlib.suppress(sqlite3.Error, OSError), self._connect() as conn:
            conn.execute("DELETE FROM presence WHERE session = ?", (self.session,))

    def set_activity(self, activity: str | None) -> None:
        """What this process is busy with (None when done); written at once."""
        self._activity = activity
        self._beat()

    @contextlib.contextmanager
    def busy_with(self, activity: str) -> Iterator[None]:
        self.set_activity(activity)
        try:
            yield
        finally:
            self.set_activity(None)

    # -- what the others see ------------------------------------------------------------------------

    def others(self) -> list[PresenceEntry]:
        """Everybody else in the file as of the last heartbeat (fresh rows only)."""
        with self._lock:
            return [e for e in self._entries if e.session != self.session]

    def everybody(self) -> list[PresenceEntry]:
        """Everybody in the file as of the last heartbeat, this process included once it has beaten."""
        with self._lock:
            return list(self._entries)

    def crashed_sessions(self) -> list[PresenceEntry]:
        """Rows this computer and login left without saying goodbye (found when starting)."""
        self._first_beat.wait(5)
        return list(self._crashed)

    def holder(self) -> PresenceEntry | None:
        """Whoever else says they are in a long write (the likely lock holder), read fresh."""
        self.refresh()
        busy = [e for e in self.others() if e.activity]
        return max(busy, key=lambda e: e.heartbeat_at) if busy else None

    def refresh(self) -> None:
        try:
            with self._connect() as conn:
                entries = _read(conn)
        except (sqlite3.Error, OSError):
            return
        with self._lock:
            self._entries = [e for e in entries if _now() - e.heartbeat_at <= EXPIRES_AFTER]

    # -- inside ----------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._beat(first=True)
        finally:
            self._first_beat.set()
        while not self._stop.wait(HEARTBEAT_S):
            self._beat()

    def _beat(self, *, first: bool = False) -> None:
        if self._stop.is_set():  # gone: never written again
            return
        now = _now()
        try:
            with self._connect() as conn:
                if first:
                    self._crashed = [
                        e
                        for e in _read(conn)
                        if e.computer == self.computer and e.login == self.login and not _alive(e)
                    ]
                    conn.execute(
                        "DELETE FROM presence WHERE heartbeat_at < ?", ((now - FORGET_AFTER).isoformat(),)
                    )
                    for gone in self._crashed:
                        conn.execute("DELETE FROM presence WHERE session = ?", (gone.session,))
                conn.execute(
                    "INSERT OR REPLACE INTO presence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self.session,
                        self.login,
                        self.name,
                        self.computer,
                        self.pid,
                        self.started_at.isoformat(),
                        now.isoformat(),
                        self._activity,
                    ),
                )
                entries = _read(conn)
        except (sqlite3.Error, OSError) as exc:
            log.info("Presence not written to %s: %s", self.path, exc)
            return
        with self._lock:
            self._entries = [e for e in entries if now - e.heartbeat_at <= EXPIRES_AFTER]

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=0.5, isolation_level=None)
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS presence (session TEXT PRIMARY KEY, login TEXT, name TEXT, "
                "computer TEXT, pid INTEGER, started_at TEXT, heartbeat_at TEXT, activity TEXT)"
            )
            yield conn
        finally:
            conn.close()


def _read(conn: sqlite3.Connection) -> list[PresenceEntry]:
    rows = conn.execute(
        "SELECT session, login, name, computer, pid, started_at, heartbeat_at, activity FROM presence"
    ).fetchall()
    out = []
    for session, login, name, computer, pid, started, beat, activity in rows:
        try:
            out.append(
                PresenceEntry(
                    session,
                    login or "?",
                    name or login or "?",
                    computer or "?",
                    int(pid or 0),
                    datetime.fromisoformat(started),
                    datetime.fromisoformat(beat),
                    activity,
                )
            )
        except (TypeError, ValueError):
            continue
    return out


def _alive(entry: PresenceEntry) -> bool:
    """On this computer: is that process still running? (A stale heartbeat alone says no.)"""
    if _now() - entry.heartbeat_at > EXPIRES_AFTER:
        return False
    if entry.pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there: the heartbeat has to do
        return True
    try:
        os.kill(entry.pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _now() -> datetime:
    return datetime.now(UTC)
