"""Schema migrations (Alembic), applied when a database is opened, after an automatic backup.

The common case, a database already at the newest schema, costs one small query and never
imports Alembic, so opening stays fast.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from app.storage.backup import backup_path_for, backup_sqlite
from app.storage.database import WRITE_OPTION, Database, DatabaseError
from app.storage.failures import MSG_SERVER_UNREACHABLE, Problem, explain

# The newest revision in app/storage/migrations/versions (a test keeps this in step).
SCHEMA_HEAD = "0023"
# Revisions older than the head that this version can upgrade from, newest last.
KNOWN_REVISIONS = tuple(f"{n:04d}" for n in range(1, 24))

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
log = logging.getLogger(__name__)


def current_revision(database: Database) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    try:
        with database.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseError(
                        f"{database.display_name} is not a Dealdesk database (it holds other tables)."
                    )
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    except DBAPIError as exc:
        raise _explain(database, exc) from exc


def ensure_schema(database: Database) -> None:
    """Create the schema of a new database, or upgrade an older one after backing it up."""
    revision = current_revision(database)
    if revision == SCHEMA_HEAD:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(
            f"{database.display_name} was written by a newer Dealdesk (schema {revision}). "
            "Update Dealdesk to open it."
        )
    if revision is None:
        _set_initial_journal_mode(database)
    elif database.path is not None:
        backup = backup_sqlite(database, backup_path_for(database.path, f"before-{SCHEMA_HEAD}"))
        log.info("Backed up %s to %s before upgrading its schema", database.path, backup)
    upgrade(database)


def upgrade(database: Database, target: str = "head") -> None:
    try:
        with database.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
            upgrade_on(conn, target)
            conn.commit()
    except DBAPIError as exc:
        raise _explain(database, exc) from exc


def upgrade_on(conn: Connection, target: str = "head") -> None:
    """The migrations up to `target` on the caller's connection, in its transaction (not committed:
    a server's schema made this way is undone with the rest when the caller rolls back)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    command.upgrade(config, target)


def _set_initial_journal_mode(database: Database) -> None:
    """Rollback journal for SQLite files, set once at creation: WAL breaks on network drives."""
    if database.path is None:
        return
    with database.engine.connect() as conn:
        # On the driver connection: a journal mode can't change inside the transaction
        # SQLAlchemy would begin.
        conn.connection.driver_connection.execute("PRAGMA journal_mode=DELETE")  # type: ignore[union-attr]


def _explain(database: Database, exc: DBAPIError) -> DatabaseError:
    """A failure at opening in words (SQLite files' own failures are explained by the engine's hook)."""
    message = str(exc.orig) if exc.orig is not None else str(exc)
    if not database.is_sqlite and isinstance(exc, OperationalError):
        detail = " ".join(message.split())
        return DatabaseError(
            MSG_SERVER_UNREACHABLE, Problem.UNREACHABLE, name=database.display_name, detail=detail
        )
    explained = explain(exc.orig, database.path, database.display_name) if exc.orig is not None else None
    return explained or DatabaseError(f"Can't open {database.display_name}: {message}.")
