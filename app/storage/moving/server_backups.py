"""Backups of a server database: checked files anyone can open, kept by the same rotation as a
file's, and put back into the server in one transaction.

A server's backup is the copy of the whole database into a new SQLite file (`copying.py`: every table
checked by its row count and checksum), named `<database>-<host>.<YYYYMMDD-HHMMSS>.sqlite` in the
backup folder. A restore first keeps a backup of the server as it is (`….before-restore.<stamp>`),
then replaces the server's Dealdesk tables with the backup's rows: dropped, made anew, filled and
checked in one transaction, so other people see the old data until the new is complete, and a
failure leaves the old in place.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.storage.backups import (
    ENV_BACKUPS,
    MSG_NOT_A_BACKUP,
    STAMP,
    BackupCheck,
    BackupFile,
    check_backup,
    kept_in_rotation,
    writable_folder,
)
from app.storage.database import Database, DatabaseError, create_database_engine, parse_url
from app.storage.failures import Problem
from app.storage.migrate import SCHEMA_HEAD, current_revision
from app.storage.moving.copying import copy_database

Progress = Callable[[str, int, int], None]


def server_stem(database: Database) -> str:
    """The backups' name for a server database: its name and its host."""
    url = database.url
    return re.sub(r"[^\w.-]+", "-", f"{url.database or 'dealdesk'}-{url.host or 'localhost'}")


def server_backup_folder(database: Database, chosen: str | None = None) -> Path:
    from app.config import data_dir

    chosen = (chosen or os.environ.get(ENV_BACKUPS, "")).strip()
    return Path(chosen).expanduser() if chosen else data_dir() / "backups" / server_stem(database)


def as_file(database: Database) -> Path:
    """What the rotation names the server's backups after (as it does a file's)."""
    return Path(server_stem(database) + ".sqlite")


def make_server_backup(
    database: Database, folder: Path, *, now: datetime | None = None, progress: Progress | None = None
) -> tuple[BackupFile, BackupCheck]:
    """A checked copy of the server database into the folder, then the rotation applied."""
    moment = now or datetime.now()  # noqa: DTZ005 - local time reads best in a file name
    target = writable_folder(folder) / f"{server_stem(database)}.{moment.strftime(STAMP)}.sqlite"
    copy_database(database.address, str(target), progress=progress, mark=False)
    return kept_in_rotation(target, folder, as_file(database), moment)


def restore_server_backup(
    database: Database,
    backup: Path,
    folder: Path,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Path:
    """Put the backup's data in place of the server's; returns the backup kept of the server as it
    was. Nothing changes when the backup fails its check."""
    check = check_backup(backup)
    if not check.ok:
        raise DatabaseError(MSG_NOT_A_BACKUP, Problem.DAMAGED, path=str(backup), detail=check.detail)
    moment = now or datetime.now()  # noqa: DTZ005
    safety = (
        writable_folder(folder) / f"{server_stem(database)}.before-restore.{moment.strftime(STAMP)}.sqlite"
    )
    copy_database(database.address, str(safety), progress=progress, mark=False)
    with tempfile.TemporaryDirectory(prefix="dealdesk-restore-") as scratch:
        source = _up_to_date(backup, Path(scratch))
        copy_database(str(source), database.address, progress=progress, mark=False, replace=True)
    return safety


def _up_to_date(backup: Path, scratch: Path) -> Path:
    """The backup itself, or, made by an older Dealdesk, an upgraded copy of it (never the backup)."""
    probe = Database(create_database_engine(parse_url(str(backup))))
    try:
        revision = current_revision(probe)
    finally:
        probe.dispose(optimize=False)
    if revision == SCHEMA_HEAD:
        return backup
    from app.storage.opening import open_database

    copy = scratch / backup.name
    shutil.copyfile(backup, copy)
    open_database(str(copy), create=False).dispose()
    return copy
