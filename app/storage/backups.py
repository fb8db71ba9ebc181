"""Backups an office can rely on: made on a schedule, checked, kept by a rotation, restored in place.

Each backup is a consistent copy made with SQLite's backup API (backup.py), checked with
`PRAGMA integrity_check` after writing (a copy that fails the check is removed and reported), and
named `<stem>.<YYYYMMDD-HHMMSS>.sqlite` in the backup folder. The rotation keeps the newest backup of
each of the last 7 days with one, of 4 weeks and of 12 months; the newest is never removed. A restore
checks the backup, keeps a copy of the current file first (`<stem>.before-restore.<stamp>.sqlite`,
outside the rotation), then writes the backup into the live file through the backup API, under
the write lock, so other PCs see the restored data (a damaged file is replaced on disk instead).

The folder is chosen per PC (the GUI's settings, `--folder` or $DEALDESK_BACKUPS in the CLI): by
default the user's own data folder, which for a file on a network share is another drive.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.storage.backup import LockedTooLongError, backup_sqlite, bounded_steps
from app.storage.database import Database
from app.storage.failures import MSG_BUSY, QT_TRANSLATE_NOOP, DatabaseError, Problem, explain

ENV_BACKUPS = "DEALDESK_BACKUPS"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
BACKUP_EVERY = timedelta(hours=24)
RESTORE_WAIT_S = 30.0  # for another PC's write to finish before the restore takes the file
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+?)\.(?P<label>before-restore\.)?(?P<stamp>\d{8}-\d{6})\.sqlite$")

MSG_BACKUP_DAMAGED = QT_TRANSLATE_NOOP(
    "storage",
    "The backup just written to {path} failed its check ({detail}); it was removed. The database itself "
    "may be damaged: restore an earlier backup.",
)
MSG_NOT_A_BACKUP = QT_TRANSLATE_NOOP(
    "storage", "{path} is not a usable backup ({detail}); nothing was restored."
)
MSG_NO_BACKUPS = QT_TRANSLATE_NOOP("storage", "There are no backups of {name} in {folder}.")
MSG_CANT_WRITE_FOLDER = QT_TRANSLATE_NOOP("storage", "Can't write backups to {folder}: {reason}.")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime  # local time, from the name
    size: int
    before_restore: bool = False


@dataclass(frozen=True)
class BackupCheck:
    ok: bool
    detail: str  # "ok", or SQLite's first complaint
    deals: int | None
    companies: int | None
    contacts: int | None


def default_folder(database_path: Path) -> Path:
    """The user's data folder, one subfolder per database (its name plus a short hash of its path)."""
    from app.config import data_dir

    tag = hashlib.sha1(str(database_path.resolve()).encode(), usedforsecurity=False).hexdigest()[:8]
    return data_dir() / "backups" / f"{database_path.stem}-{tag}"


def backup_folder(database_path: Path, chosen: str | None = None) -> Path:
    chosen = (chosen or os.environ.get(ENV_BACKUPS, "")).strip()
    return Path(chosen).expanduser() if chosen else default_folder(database_path)


def backups_in(folder: Path, database_path: Path) -> list[BackupFile]:
    """The backups of this database in the folder, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != database_path.stem:
            continue
        try:
            made = datetime.strptime(match["stamp"], STAMP)  # noqa: DTZ007 - local time in the name
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupFile(path, made, size, before_restore=bool(match["label"])))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def newest_backup(folder: Path, database_path: Path) -> BackupFile | None:
    """The newest backup of the rotation (not a copy kept before a restore), or None."""
    return next((b for b in backups_in(folder, database_path) if not b.before_restore), None)


def is_due(folder: Path, database_path: Path, now: datetime) -> bool:
    newest = newest_backup(folder, database_path)
    return newest is None or now - newest.made_at >= BACKUP_EVERY


def check_backup(path: Path) -> BackupCheck:
    """`PRAGMA integrity_check` of a backup file, and what it holds (read only, never changed)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return BackupCheck(False, str(exc), None, None, None)
    try:
        detail = str(conn.execute("PRAGMA integrity_check(1)").fetchone()[0])
        counts: list[int | None] = []
        for table in ("deal", "company", "contact"):
            try:
                counts.append(int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]))
            except sqlite3.Error:
                counts.append(None)
        return BackupCheck(detail == "ok", detail, *counts)
    except sqlite3.Error as exc:
        return BackupCheck(False, str(exc), None, None, None)
    finally:
        conn.close()


def newest_good_backup(folder: Path, database_path: Path) -> tuple[BackupFile, BackupCheck] | None:
    """The newest backup of the rotation that passes its check, with that check (each check reads the
    whole backup: made once per backup tried)."""
    for backup in backups_in(folder, database_path):
        if backup.before_restore:
            continue
        check = check_backup(backup.path)
        if check.ok:
            return backup, check
    return None


def make_backup(
    database: Database, folder: Path, *, now: datetime | None = None, progress: Progress | None = None
) -> tuple[BackupFile, BackupCheck]:
    """A checked backup into the folder, then the rotation applied. Raises DatabaseError when the
    folder can't be written or the copy fails its check (the bad copy is removed)."""
    assert database.path is not None, "only SQLite files are backed up here"
    moment = now or datetime.now()  # noqa: DTZ005 - local time reads best in a file name
    target = writable_folder(folder) / f"{database.path.stem}.{moment.strftime(STAMP)}.sqlite"
    backup_sqlite(database, target, progress)
    return kept_in_rotation(target, folder, database.path, moment)


def writable_folder(folder: Path) -> Path:
    """The backup folder, made if missing; refused in words when it can't be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            MSG_CANT_WRITE_FOLDER, Problem.READ_ONLY, folder=str(folder), reason=exc.strerror or str(exc)
        ) from exc
    return folder


def kept_in_rotation(
    target: Path, folder: Path, database_path: Path, moment: datetime
) -> tuple[BackupFile, BackupCheck]:
    """A backup just written, checked (removed and reported when it fails), then the rotation applied."""
    check = check_backup(target)
    if not check.ok:
        target.unlink(missing_ok=True)
        raise DatabaseError(MSG_BACKUP_DAMAGED, Problem.DAMAGED, path=str(target), detail=check.detail)
    prune(folder, database_path, moment)
    return BackupFile(target, moment.replace(microsecond=0), target.stat().st_size), check


def prune(folder: Path, database_path: Path, now: datetime) -> list[Path]:
    """Apply the rotation (7 daily, 4 weekly, 12 monthly); the copies kept before restores stay."""
    regular = [b for b in backups_in(folder, database_path) if not b.before_restore]
    keep: set[Path] = {regular[0].path} if regular else set()
    for count, bucket in (
        (KEEP_DAILY, lambda d: d.date()),
        (KEEP_WEEKLY, lambda d: d.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda d: (d.year, d.month)),
    ):
        seen: list[object] = []
        for backup in regular:  # newest first: the first of each bucket is its newest
            key = bucket(backup.made_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(backup.path)
    removed = []
    for backup in regular:
        if backup.path not in keep and backup.made_at <= now:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def restore_backup(database_path: Path, backup: Path, folder: Path, *, now: datetime | None = None) -> Path:
    """Put `backup` in place of the database; returns the copy kept of the file as it was.
    Nothing changes when the backup fails its check or the safety copy can't be written."""
    check = check_backup(backup)
    if not check.ok:
        raise DatabaseError(MSG_NOT_A_BACKUP, Problem.DAMAGED, path=str(backup), detail=check.detail)
    moment = now or datetime.now()  # noqa: DTZ005
    folder.mkdir(parents=True, exist_ok=True)
    safety = folder / f"{database_path.stem}.before-restore.{moment.strftime(STAMP)}.sqlite"
    if database_path.exists():
        shutil.copy2(database_path, safety)  # as it is, damaged or not: nothing is ever lost
    try:
        _write_into_place(backup, database_path)
    except sqlite3.Error as exc:
        problem = explain(exc, database_path, str(database_path))
        if problem is not None and problem.problem not in (Problem.DAMAGED, Problem.NOT_DEALDESK):
            raise problem from exc  # busy (another PC writes), read-only, full: nothing was changed
        # The live file can't take it page by page (damaged beyond SQLite's reading): replace it.
        partial = database_path.with_name(database_path.name + ".restoring")
        shutil.copyfile(backup, partial)
        os.replace(partial, database_path)
        database_path.with_name(database_path.name + "-journal").unlink(missing_ok=True)
    return safety


def _write_into_place(backup: Path, database_path: Path) -> None:
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    target = sqlite3.connect(database_path, timeout=RESTORE_WAIT_S)
    try:
        try:
            source.backup(target, pages=4096, progress=bounded_steps(RESTORE_WAIT_S))
        except LockedTooLongError:
            raise DatabaseError(MSG_BUSY, Problem.BUSY, name=str(database_path)) from None
        if target.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("the restored file failed its check")
    finally:
        target.close()
        source.close()


def quick_check(database_path: Path) -> str:
    """SQLite's quick check of a file ('ok', or its first complaint), read only."""
    try:
        conn = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True, timeout=10)
        try:
            return str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)


def journal_is_hot(database_path: Path) -> bool:
    """A rollback journal left behind: the last writer stopped mid-transaction (a crash, a power cut)."""
    journal = database_path.with_name(database_path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False
