"""`dealdesk backup` and `dealdesk restore`: checked backups with a rotation, and putting one back.

`backup` without --out writes into the backup folder (the user's data folder by default, --folder
or $DEALDESK_BACKUPS), checks the copy and applies the rotation (7 daily, 4 weekly, 12 monthly);
with --out it writes one consistent copy where asked. `restore` lists the backups, or puts one back
(--latest, a number from the list, or a file) after keeping a copy of the file as it is; it works
on a damaged file too, since it never opens the database through the app.

A server database is backed up the same way, as checked files (the whole database copied into a new
SQLite file: storage/moving/server_backups.py), and restored from them in one transaction.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_usage import EXIT_OK, UsageError

if TYPE_CHECKING:
    from app.services.container import Services


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="write a checked backup into the backup folder (rotated), or one copy to --out",
    )
    backup.add_argument("--out", type=Path, metavar="FILE", help="write one copy here instead")
    backup.add_argument(
        "--folder", metavar="DIR", help="the backup folder (default: $DEALDESK_BACKUPS, else the data folder)"
    )
    backup.add_argument(
        "--if-due",
        action="store_true",
        help="only when the last backup is a day old or more (for a scheduler)",
    )
    restore = commands.add_parser(
        "restore", parents=[common], help="list the backups, or put one in place of the database"
    )
    restore.add_argument(
        "backup", nargs="?", metavar="N_OR_FILE", help="a number from the list, or a backup file"
    )
    restore.add_argument("--latest", action="store_true", help="the newest backup that passes its check")
    restore.add_argument("--folder", metavar="DIR", help="the backup folder (as for backup)")
    restore.add_argument(
        "--yes", action="store_true", help="really replace the database (a copy of it is kept)"
    )


def run_backup(services: Services, args: argparse.Namespace) -> int:
    from app.cli_progress import ProgressBar
    from app.storage.backups import backup_folder, is_due, make_backup
    from app.storage.moving.server_backups import as_file, make_server_backup, server_backup_folder

    database = services.database
    bar = ProgressBar()
    if args.out is not None:
        try:
            written = _one_copy(services, args.out, bar)
        finally:
            bar.finish()
        print(f"Backed up {database.display_name} to {written}")
        return EXIT_OK
    if database.path is None:  # a server: the whole database copied into a checked file
        folder, named = server_backup_folder(database, args.folder), as_file(database)

        def make() -> Any:
            return make_server_backup(database, folder, progress=bar)

    else:
        folder, named = backup_folder(database.path, args.folder), database.path

        def make() -> Any:
            return make_backup(database, folder, progress=lambda done, total: bar("backup", done, total))

    if args.if_due and not is_due(folder, named, datetime.now()):  # noqa: DTZ005
        print(f"No backup due: the last one in {folder} is less than a day old.")
        return EXIT_OK
    try:
        made, check = make()
    finally:
        bar.finish()
    print(
        f"Backed up {database.display_name} to {made.path} "
        f"(checked: {check.detail}; {check.deals or 0:,} deals, {check.companies or 0:,} companies)"
    )
    return EXIT_OK


def _one_copy(services: Services, out: Path, bar: Any) -> str:
    """--out: one consistent copy (a file's pages, or a server's tables copied and checked)."""
    database = services.database
    if database.path is not None:
        return str(services.backup(out, progress=lambda done, total: bar("backup", done, total)))
    from app.storage.moving.copying import copy_database

    report = copy_database(database.address, str(out.expanduser().resolve()), progress=bar, mark=False)
    return f"{report.target} ({report.rows:,} rows, checked)"


def run_restore(database: str, args: argparse.Namespace) -> int:
    from app.services.container import sqlite_file
    from app.storage.backups import backup_folder

    path = sqlite_file(database)
    server = None
    if path is None:  # a server: its backups are files too, put back in one transaction
        from app.storage.database import Database, create_database_engine, parse_url
        from app.storage.moving.server_backups import as_file, server_backup_folder

        server = Database(create_database_engine(parse_url(database)))
        folder, path = server_backup_folder(server, args.folder), as_file(server)
    else:
        folder = backup_folder(path, args.folder)
    try:
        return _restore(database, args, path, folder, server)
    finally:
        if server is not None:
            server.dispose(optimize=False)


def _restore(database: str, args: argparse.Namespace, path: Path, folder: Path, server: Any) -> int:
    from app.storage.backups import backups_in, check_backup, restore_backup

    found = backups_in(folder, path)
    if args.backup is None and not args.latest:
        if not found:
            print(f"No backups of {path.name} in {folder}.")
            return EXIT_OK
        print(f"Backups of {path} in {folder}, newest first:")
        for number, backup in enumerate(found, start=1):
            check = check_backup(backup.path)
            state = "ok" if check.ok else f"DAMAGED ({check.detail})"
            kind = "  (kept before a restore)" if backup.before_restore else ""
            print(
                f"{number:>3}  {backup.made_at:%Y-%m-%d %H:%M}  {backup.size / 2**20:8.1f} MB  "
                f"{check.deals or 0:>9,} deals  {state}{kind}"
            )
        print("Put one back with: dealdesk restore N --yes (or --latest --yes)")
        return EXIT_OK
    chosen = _choose(args, found, folder, path)
    where = server.display_name if server is not None else str(path)
    if not args.yes:
        raise UsageError(
            f"This replaces {where} with the backup of {chosen.made_at:%Y-%m-%d %H:%M} ({chosen.path}); "
            "a copy of the current data is kept. Add --yes to do it."
        )
    if server is not None:
        from app.cli_progress import ProgressBar
        from app.storage.moving.server_backups import restore_server_backup

        bar = ProgressBar()
        try:
            kept = restore_server_backup(server, chosen.path, folder, progress=bar)
        finally:
            bar.finish()
        print(f"Restored {where} from {chosen.path}. The server's data as it was is kept at {kept}.")
        return EXIT_OK
    kept = restore_backup(path, chosen.path, folder)
    print(f"Restored {path} from {chosen.path}. The file as it was is kept at {kept}.")
    return EXIT_OK


def _choose(args: argparse.Namespace, found: list[Any], folder: Path, database_path: Path) -> Any:
    from app.storage.backups import BackupFile, newest_good_backup

    if args.latest:
        good = newest_good_backup(folder, database_path)
        if good is None:
            raise UsageError(f"There is no good backup of {database_path.name} in {folder}.")
        return good[0]
    text = str(args.backup)
    if text.isdigit() and 1 <= int(text) <= len(found):
        return found[int(text) - 1]
    candidate = Path(text).expanduser()
    if candidate.is_file():
        stat = candidate.stat()
        return BackupFile(candidate, datetime.fromtimestamp(stat.st_mtime), stat.st_size)  # noqa: DTZ006
    raise UsageError(f"'{text}' is neither a number from the list (1-{len(found)}) nor a backup file.")
