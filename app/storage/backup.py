"""Backups of SQLite files through SQLite's online backup API (never a raw file copy).

A raw copy of a file that another office PC is writing can catch it halfway; the backup API
copies a consistent snapshot, page by page, while others keep working.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.storage.database import Database, DatabaseError
from app.storage.failures import MSG_BUSY, Problem, explain

ProgressCallback = Callable[[int, int], None]
BUSY_WAIT_S = 60.0  # a source or target locked by another PC for longer than this ends the copy


class LockedTooLongError(Exception):
    """From the backup's progress callback: the other file stayed locked (SQLite would retry forever)."""


def bounded_steps(wait_s: float, progress: ProgressCallback | None = None) -> Callable[[int, int, int], None]:
    """A progress callback for sqlite3's backup(): reports progress, and ends the copy when a lock held by
    somebody else makes SQLite retry for longer than `wait_s` (Python's backup() retries without end)."""
    busy_since: list[float] = []

    def step(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            if not busy_since:
                busy_since.append(time.monotonic())
            elif time.monotonic() - busy_since[0] > wait_s:
                raise LockedTooLongError
            return
        busy_since.clear()
        if progress is not None:
            progress(total - remaining, total)

    return step


def backup_sqlite(database: Database, destination: Path, progress: ProgressCallback | None = None) -> Path:
    """Write a consistent copy of the database to `destination` (replaced atomically if present)."""
    if database.path is None:
        raise DatabaseError(
            "Only SQLite files are copied page by page; back up a server database with 'dealdesk backup'."
        )
    destination = destination.expanduser().resolve()
    if destination == database.path:
        raise DatabaseError("The backup can't overwrite the database itself.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)

    raw = database.engine.raw_connection()
    try:
        source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        target = sqlite3.connect(partial)
        try:
            source.backup(target, pages=4096, progress=bounded_steps(BUSY_WAIT_S, progress))
        finally:
            target.close()
    except LockedTooLongError:
        partial.unlink(missing_ok=True)
        raise DatabaseError(MSG_BUSY, Problem.BUSY, name=database.display_name) from None
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise explain(exc, database.path, database.display_name) or DatabaseError(
            f"The backup to {destination} failed: {exc}."
        ) from exc
    except BaseException:  # cancelled from the progress callback
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    os.replace(partial, destination)
    return destination


def backup_path_for(database_path: Path, label: str) -> Path:
    """A backup file next to the database: `deals.sqlite` -> `deals.before-0002.20261127-101500.sqlite`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 - local time reads best in a file name
    return database_path.with_name(f"{database_path.stem}.{label}.{stamp}{database_path.suffix or '.sqlite'}")
