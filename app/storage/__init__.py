"""Opening databases: engine set-up, SQLite safety pragmas, migrations, backups, change probes."""

from app.storage.database import Database, DatabaseError
from app.storage.opening import open_database

__all__ = ["Database", "DatabaseError", "open_database"]
