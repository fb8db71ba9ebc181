"""A file moved onto a server says so: whoever opens it later learns where the office works now.

The mark is one setting in the file (`moved_to`: the server's address without its password, and
when). The copy writes it last, once the server holds everything; nothing else in the file changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select

from app.models import AppSetting
from app.storage.database import Database

MOVED_KEY = "moved_to"


@dataclass(frozen=True)
class MovedMark:
    to: str  # the server's address, without a password
    at: datetime  # when (UTC)


def mark_moved(database: Database, to: str) -> None:
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    value = json.dumps({"to": to, "at": now.isoformat()})
    with database.session(write=True) as session:
        session.execute(delete(AppSetting).where(AppSetting.key == MOVED_KEY))
        session.execute(insert(AppSetting).values(key=MOVED_KEY, value=value))


def moved_to(database: Database) -> MovedMark | None:
    """Where this database was moved to, if it was."""
    with database.session() as session:
        value = session.scalar(select(AppSetting.value).where(AppSetting.key == MOVED_KEY))
    return parse_mark(value)


def parse_mark(value: str | None) -> MovedMark | None:
    if not value:
        return None
    try:
        found = json.loads(value)
        return MovedMark(str(found["to"]), datetime.fromisoformat(found["at"]))
    except (ValueError, KeyError, TypeError):
        return MovedMark(str(value), datetime.fromtimestamp(0, UTC).replace(tzinfo=None))


def clear_mark(database: Database) -> None:
    """The file is used again on purpose (moving back, or the move was a trial)."""
    with database.session(write=True) as session:
        session.execute(delete(AppSetting).where(AppSetting.key == MOVED_KEY))
