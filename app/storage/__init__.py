"""Opening databases: engine set-up, SQLite safety pragmas, migrations, backups, change probes.

The names below load their modules (and SQLAlchemy) when first used, not when the package is
imported: the window's first frame needs `failures` only, and is painted before the ORM loads."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.storage.database import Database
    from app.storage.failures import DatabaseError
    from app.storage.opening import open_database

__all__ = ["Database", "DatabaseError", "open_database"]

_HOMES = {
    "Database": "app.storage.database",
    "DatabaseError": "app.storage.failures",
    "open_database": "app.storage.opening",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
