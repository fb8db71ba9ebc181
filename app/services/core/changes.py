"""Notices commits made by other connections: another office PC writing the shared file.

SQLite's `PRAGMA data_version` changes whenever another connection committed. It is asked on
a dedicated connection in autocommit mode, so polling never holds a lock that would block writers.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

from app.services.core.events import DomainEvent
from app.storage import Database, DatabaseError
from app.storage.failures import explain


class ChangeMonitor:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._raw: Any = None
        self._last: int | None = None

    @property
    def supported(self) -> bool:
        return self._database.is_sqlite

    def poll(self) -> bool:
        """True when somebody committed since the previous poll (the first poll only takes a reading)."""
        if not self.supported:
            return False
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

    def close(self) -> None:
        if self._raw is not None:
            with contextlib.suppress(Exception):
                self._raw.close()
            self._raw = None


EXTERNAL_CHANGE = DomainEvent("database.changed_elsewhere", "*", (), None)
"""Published by the GUI's poller: something changed, but not through this process's services."""
