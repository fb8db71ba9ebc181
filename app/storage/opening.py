"""Opening a database: the file's folder made if needed, the engine, the schema created or upgraded."""

from __future__ import annotations

from pathlib import Path

from app.storage.database import Database, DatabaseError, create_database_engine, parse_url
from app.storage.migrate import ensure_schema


def open_database(path_or_url: str, *, create: bool = True, echo: bool = False) -> Database:
    """Open (and if needed create and migrate) the database at a path or URL."""
    url = parse_url(path_or_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        if not path.exists():
            if not create:
                raise DatabaseError(f"There is no database at {path}.")
            if not path.parent.is_dir():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(f"Can't create the folder {path.parent}: {exc.strerror}.") from exc
    database = Database(create_database_engine(url, echo=echo))
    try:
        ensure_schema(database)
    except BaseException:
        database.dispose()
        raise
    return database
