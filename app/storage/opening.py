"""Opening a database: never a silent new one, the engine, the schema created or upgraded.

A path that does not exist (or a 0-byte file) is a new database only when the caller says so
(`create=True`: `dealdesk init`, the GUI after asking): otherwise an office share that is not
mounted would quietly become a private, empty CRM. Missing folders are made only inside the
user's own data folder; anywhere else a missing folder means a missing drive.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import URL

from app.storage.database import Database, DatabaseError, create_database_engine, parse_url
from app.storage.failures import QT_TRANSLATE_NOOP, Problem
from app.storage.migrate import ensure_schema

MSG_NO_FILE = QT_TRANSLATE_NOOP(
    "storage",
    "{name} is not there. Is the network drive connected? (To start a new database there, create it "
    "deliberately: 'dealdesk init', or File › New database.)",
)
MSG_EMPTY_FILE = QT_TRANSLATE_NOOP(
    "storage",
    "{name} is empty (0 bytes): it holds no database. Is it the right file? (To start a new database "
    "in it, create it deliberately: 'dealdesk init'.)",
)
MSG_NO_FOLDER = QT_TRANSLATE_NOOP(
    "storage",
    "The folder {folder} does not exist. Is the network drive connected? Create the folder first to "
    "start a new database there.",
)
MSG_CANT_MAKE_FOLDER = QT_TRANSLATE_NOOP("storage", "Can't create the folder {folder}: {reason}.")
MSG_CANT_CREATE = QT_TRANSLATE_NOOP("storage", "Can't create the database {name}: {reason}.")


def _file_of(url: URL) -> Path | None:
    """The SQLite file a URL names; None for a server or an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _holds_data(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def is_new_file(path_or_url: str) -> bool:
    """True when opening this SQLite path would create a database (no file, or a 0-byte one)."""
    path = _file_of(parse_url(path_or_url))
    return path is not None and (not path.exists() or not _holds_data(path))


def open_database(path_or_url: str, *, create: bool = True, echo: bool = False) -> Database:
    """Open (and with `create` make and migrate) the database at a path or URL."""
    url = parse_url(path_or_url)
    path = _file_of(url)
    if path is not None:
        _check_file(path, create=create)
    database = Database(create_database_engine(url, echo=echo))
    try:
        ensure_schema(database)
    except BaseException:
        database.dispose(optimize=False)
        raise
    return database


def _check_file(path: Path, *, create: bool) -> None:
    name = str(path)
    if _holds_data(path):
        return
    if not create:
        if path.exists():
            raise DatabaseError(MSG_EMPTY_FILE, Problem.MISSING, name=name)
        raise DatabaseError(MSG_NO_FILE, Problem.MISSING, name=name)
    if not path.parent.is_dir():
        if not _inside_own_data_folder(path):
            raise DatabaseError(MSG_NO_FOLDER, Problem.MISSING, folder=str(path.parent))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                MSG_CANT_MAKE_FOLDER,
                Problem.READ_ONLY,
                folder=str(path.parent),
                reason=exc.strerror or str(exc),
            ) from exc
    try:  # the empty file the engine then opens (it never creates one itself)
        sqlite3.connect(path).close()
    except sqlite3.Error as exc:
        raise DatabaseError(MSG_CANT_CREATE, Problem.READ_ONLY, name=name, reason=str(exc)) from exc


def _inside_own_data_folder(path: Path) -> bool:
    from app.config import data_dir

    try:
        path.resolve().relative_to(data_dir().resolve())
    except ValueError:
        return False
    return True
