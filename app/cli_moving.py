"""`dealdesk copy`: the whole database into a new one, checked — a file onto a server, or back.

    dealdesk copy --from deals.sqlite --to postgresql+psycopg://anna@server/dealdesk
    dealdesk copy --db postgresql+psycopg://anna@server/dealdesk --to leaving.sqlite

The target must be new (an empty server database, a file that does not exist yet). A file copied
onto a server is marked as moved there, so that nobody goes on working in it by mistake.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_usage import EXIT_OK, UsageError

if TYPE_CHECKING:
    from app.services.container import Services


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    copy = commands.add_parser(
        "copy",
        parents=[common],
        help="copy the whole database into a new one (a file onto a server, or a server into a file)",
    )
    copy.add_argument(
        "--from",
        dest="source",
        metavar="PATH_OR_URL",
        help="the database to copy (default: --db, $DEALDESK_DB, else the user data folder)",
    )
    copy.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="PATH_OR_URL",
        help="a new, empty server database (postgresql+psycopg://user@host/name) or a new file",
    )


def source_of(args: argparse.Namespace, database: str) -> str:
    return str(args.source) if args.source else database


def run_copy(services: Services, args: argparse.Namespace) -> int:
    from app.cli_progress import ProgressBar

    bar = ProgressBar()
    target = str(args.target).strip()
    if not target:
        raise UsageError("--to needs a server address or a file.")
    try:
        if "://" in target:
            result = services.moving.to_server(target, progress=bar)
        else:
            result = services.moving.to_file(Path(target), progress=bar)
    finally:
        bar.finish()
    minutes, seconds = divmod(round(result.seconds), 60)
    took = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    print(
        f"Copied {services.database.display_name} to {result.target}: {result.rows:,} rows in "
        f"{result.tables} tables, {took}. Checked: every table's row count and checksum, and the "
        "analytics totals, equal the original's."
    )
    if result.marked:
        print(
            f"{services.database.display_name} is marked as moved: from now on everyone opens "
            f"{result.target} (Dealdesk warns whoever opens the file)."
        )
    return EXIT_OK
