"""Backups for the window: due or not, made and checked, listed with what they hold, restored.

A thin service over app.storage.backups (the rules live there: check, rotation, restore in place),
so that views never touch storage. The folder is the caller's choice per PC (None: the default).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.services.core.context import ServiceContext
from app.services.core.errors import ServiceError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.storage import backups as store

MSG_SERVER = QT_TRANSLATE_NOOP(
    "errors",
    "The window backs up database files; back up a server database with 'dealdesk backup' (on a "
    "schedule: 'dealdesk backup --if-due').",
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size: int
    before_restore: bool
    ok: bool
    detail: str
    deals: int | None
    companies: int | None
    contacts: int | None


class BackupService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    @property
    def supported(self) -> bool:
        return self._ctx.database.path is not None

    def folder(self, chosen: str | None = None) -> Path:
        return store.backup_folder(self._path(), chosen)

    def is_due(self, chosen: str | None = None, now: datetime | None = None) -> bool:
        return store.is_due(self.folder(chosen), self._path(), now or datetime.now())  # noqa: DTZ005

    def newest(self, chosen: str | None = None) -> datetime | None:
        """When the newest regular backup in the folder was made (local time), or None."""
        newest = store.newest_backup(self.folder(chosen), self._path())
        return newest.made_at if newest is not None else None

    def make(
        self, chosen: str | None = None, progress: Callable[[int, int], None] | None = None
    ) -> BackupInfo:
        made, check = store.make_backup(self._ctx.database, self.folder(chosen), progress=progress)
        return _info(made, check)

    def list(self, chosen: str | None = None) -> list[BackupInfo]:
        """Every backup in the folder, newest first, each checked (integrity and counts)."""
        return [
            _info(b, store.check_backup(b.path)) for b in store.backups_in(self.folder(chosen), self._path())
        ]

    def restore(self, backup: Path, chosen: str | None = None) -> Path:
        """Put the backup in place of the database (a copy of the current file is kept: returned).
        The services should be reopened afterwards (the window restarts)."""
        return store.restore_backup(self._path(), backup, self.folder(chosen))

    def quick_check(self) -> str:
        return store.quick_check(self._path())

    def _path(self) -> Path:
        path = self._ctx.database.path
        if path is None:
            raise ServiceError(MSG_SERVER)
        return path


def _info(backup: store.BackupFile, check: store.BackupCheck) -> BackupInfo:
    return BackupInfo(
        backup.path,
        backup.made_at,
        backup.size,
        backup.before_restore,
        check.ok,
        check.detail,
        check.deals,
        check.companies,
        check.contacts,
    )
