"""Storage failures in the user's terms: what went wrong with the database file and what to do.

SQLite reports a held lock, a write-protected file, a full drive, a damaged file or a share that
went away as an `OperationalError` with a terse English text. Each becomes a `DatabaseError` whose
`problem` says which kind it is (the CLI maps it to an exit status, the GUI to a message) and whose
message is a translatable template (context "storage") with the file's name filled in.
"""

from __future__ import annotations

import enum
import os
import sqlite3
from pathlib import Path
from typing import Any

STORAGE_CONTEXT = "storage"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for extraction into the translation files; returns it unchanged."""
    return text


class Problem(enum.Enum):
    BUSY = "busy"  # another connection holds the lock beyond the busy timeout
    READ_ONLY = "read_only"  # the file, its folder or the drive can't be written
    DISK_FULL = "disk_full"
    DAMAGED = "damaged"  # malformed: restore a backup
    MISSING = "missing"  # the file (or the share holding it) is not there
    NOT_DEALDESK = "not_dealdesk"  # another program's file, or a newer Dealdesk's
    UNREACHABLE = "unreachable"  # an I/O error: the share went away while we used it
    OTHER = "other"


class DatabaseError(Exception):
    """The database can't be opened or used; the message says why in the user's terms.

    `template` and `params` are the translatable message (context "storage"); `problem` its kind.
    """

    context = STORAGE_CONTEXT

    def __init__(self, template: str, problem: Problem = Problem.OTHER, **params: Any) -> None:
        self.template = template
        self.params = params
        self.problem = problem
        super().__init__(template.format(**params) if params else template)

    @property
    def messages(self) -> tuple[DatabaseError, ...]:
        """Read like a service error's messages (template, params, context) by the GUI."""
        return (self,)


MSG_BUSY = QT_TRANSLATE_NOOP(
    "storage",
    "{name} is busy: another person's work (an import or a large change) is holding it. "
    "Nothing was changed; try again in a moment.",
)
MSG_READ_ONLY = QT_TRANSLATE_NOOP(
    "storage",
    "{name} can only be read: the file, its folder or the drive is write-protected. Nothing was "
    "changed; ask whoever looks after the drive for write access.",
)
MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "storage",
    "The drive holding {name} is full. Nothing was changed; free some space there and try again.",
)
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "storage",
    "{name} is damaged and can't be used safely. Restore the latest backup (File › Restore…, or "
    "'dealdesk restore').",
)
MSG_MISSING = QT_TRANSLATE_NOOP(
    "storage",
    "{name} is not there. Is the network drive connected? Nothing was changed.",
)
MSG_UNREACHABLE = QT_TRANSLATE_NOOP(
    "storage",
    "{name} could not be read or written (the drive reported an error). Is the network drive still "
    "connected? Nothing was changed.",
)
MSG_NOT_A_DATABASE = QT_TRANSLATE_NOOP("storage", "{name} is not a Dealdesk database (not an SQLite file).")
MSG_WAIT_CANCELLED = QT_TRANSLATE_NOOP(
    "storage", "You stopped waiting for {name}: your change was not saved. Nothing was changed."
)
MSG_OTHER = QT_TRANSLATE_NOOP("storage", "The database {name} reported a problem: {detail}.")
MSG_SERVER_UNREACHABLE = QT_TRANSLATE_NOOP(
    "storage", "The database server of {name} can't be reached: {detail}"
)
MSG_CONNECTION_LOST = QT_TRANSLATE_NOOP(
    "storage",
    "The connection to the database server {name} was lost ({detail}). Nothing was changed; Dealdesk "
    "reconnects by itself: try again in a moment.",
)
MSG_COMMIT_IN_DOUBT = QT_TRANSLATE_NOOP(
    "storage",
    "The connection to the database server {name} was lost while your change was being saved "
    "({detail}): the server saved all of it or none of it, and could not say which. Dealdesk "
    "reconnects by itself and shows what the server holds: look there before you make the change again.",
)


def explain(error: BaseException, path: Path | None, name: str) -> DatabaseError | None:
    """The user's version of a storage failure from the SQLite driver, or None when `error` is not
    one (a constraint, a programming error: those are left as they are)."""
    if not isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError) or isinstance(
        error, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseError(MSG_BUSY, Problem.BUSY, name=name)
    if primary == sqlite3.SQLITE_READONLY or "readonly database" in text:
        return DatabaseError(MSG_READ_ONLY, Problem.READ_ONLY, name=name)
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DatabaseError(MSG_DISK_FULL, Problem.DISK_FULL, name=name)
    if primary == sqlite3.SQLITE_NOTADB or "file is not a database" in text:
        return DatabaseError(MSG_NOT_A_DATABASE, Problem.NOT_DEALDESK, name=name)
    if primary == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return DatabaseError(MSG_DAMAGED, Problem.DAMAGED, name=name)
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return _cant_open(path, name)
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        if path is not None and not path.exists():
            return DatabaseError(MSG_MISSING, Problem.MISSING, name=name)
        return DatabaseError(MSG_UNREACHABLE, Problem.UNREACHABLE, name=name)
    if primary == sqlite3.SQLITE_PERM or primary == sqlite3.SQLITE_AUTH:
        return DatabaseError(MSG_READ_ONLY, Problem.READ_ONLY, name=name)
    return None


def explain_server(
    error: BaseException, name: str, *, disconnect: bool, connecting: bool, committing: bool
) -> DatabaseError | None:
    """The user's version of losing a database server (restarted, the network gone), or None for
    anything else (a constraint, a conflict between two writers: those are left as they are)."""
    if not (disconnect or connecting):
        return None
    detail = " ".join(str(error).split()).rstrip(".")
    if connecting:
        return DatabaseError(MSG_SERVER_UNREACHABLE, Problem.UNREACHABLE, name=name, detail=detail)
    template = MSG_COMMIT_IN_DOUBT if committing else MSG_CONNECTION_LOST
    return DatabaseError(template, Problem.UNREACHABLE, name=name, detail=detail)


def _cant_open(path: Path | None, name: str) -> DatabaseError:
    """SQLite could not open the file or its journal: the share is gone, or the folder can't be written."""
    if path is None or not path.parent.is_dir() or not path.exists():
        return DatabaseError(MSG_MISSING, Problem.MISSING, name=name)
    # The file is there, yet it or its journal could not be opened: the file, folder or drive is
    # write-protected (a read-only mount, or flags that root's permission bits would not show).
    return DatabaseError(MSG_READ_ONLY, Problem.READ_ONLY, name=name)


def can_write(path: Path) -> bool:
    """Whether the file can be written and a journal made next to it (a write-protected file, folder or
    drive says no; root's permission bits are ignored by the system, so this tries rather than asks).
    Nothing is changed: the file is opened for writing and closed, a probe file made and removed."""
    try:
        with path.open("r+b"):
            pass
        probe = path.with_name(f".{path.name}-probe-{os.getpid()}")
        probe.touch()
        probe.unlink()
    except OSError:
        return False
    return True
