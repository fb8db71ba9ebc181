"""Writes and reads the history of changes (who, when, field, old value, new value)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models import HistoryEntry, User, table_of, utcnow
from app.storage.database import insert_at_commit


def history_text(value: Any) -> str | None:
    """The stored text form of a value: stable, sortable, independent of the display language."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


Changes = Mapping[str, tuple[Any, Any]]


class HistoryWriter:
    """History entries written in the same transaction as the change they describe."""

    def __init__(self, session: Session, actor_id: int | None) -> None:
        self._session = session
        self._actor_id = actor_id

    def created(self, entity_type: str, entity_id: int, version: int, title: str | None = None) -> None:
        self._write(entity_type, entity_id, "created", [(None, None, title)], version)

    def created_many(
        self, entity_type: str, records: list[tuple[int, int, str | None]], operation_id: int | None = None
    ) -> None:
        """ "created" entries of many records (id, version, title) in one statement; an import's
        carry its operation, for "Undo import"."""
        now = utcnow()
        self._session.execute(
            insert(table_of(HistoryEntry)),  # Core: an import writes tens of thousands
            [
                {
                    "entity_type": entity_type,
                    "entity_id": entity_id,
                    "action": "created",
                    "field": None,
                    "old_value": None,
                    "new_value": title,
                    "version": version,
                    "user_id": self._actor_id,
                    "at": now,
                    "operation_id": operation_id,
                }
                for entity_id, version, title in records
            ],
        )

    def deleted(self, entity_type: str, entity_id: int, version: int, title: str | None = None) -> None:
        self._write(entity_type, entity_id, "deleted", [(None, title, None)], version)

    def changed(
        self,
        entity_type: str,
        entity_id: int,
        version: int,
        changes: Changes,
        action: str = "updated",
        operation_id: int | None = None,
        *,
        at_commit: bool = False,
    ) -> None:
        """`operation_id` ties the entries to an undoable operation (a stage move). `at_commit`: the
        write reads them no more, so a server may have them with its COMMIT (one round trip fewer)."""
        rows: list[tuple[str | None, Any, Any]] = [(name, old, new) for name, (old, new) in changes.items()]
        if rows:
            self._write(entity_type, entity_id, action, rows, version, operation_id, at_commit=at_commit)

    def noted(
        self, entity_type: str, entity_id: int, version: int, action: str, field: str | None, text: str | None
    ) -> None:
        """An entry that is no change of a field: a comment, what automation did, an e-mail sent."""
        self._write(entity_type, entity_id, action, [(field, None, text)], version)

    def _write(
        self,
        entity_type: str,
        entity_id: int,
        action: str,
        rows: list[tuple[str | None, Any, Any]],
        version: int,
        operation_id: int | None = None,
        *,
        at_commit: bool = False,
    ) -> None:
        now = utcnow()
        entries = [
            {
                "entity_type": entity_type,
                "entity_id": entity_id,
                "action": action,
                "field": name,
                "old_value": history_text(old),
                "new_value": history_text(new),
                "version": version,
                "user_id": self._actor_id,
                "at": now,
                "operation_id": operation_id,
            }
            for name, old, new in rows
        ]
        if at_commit:
            insert_at_commit(self._session.connection(), table_of(HistoryEntry), entries)
        else:
            self._session.execute(insert(table_of(HistoryEntry)), entries)


@dataclass(frozen=True, slots=True)
class HistoryItem:
    id: int
    at: datetime
    user_id: int | None
    user_name: str | None
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    version: int | None


def read_history(
    session: Session, entity_type: str, entity_id: int, *, since_version: int | None = None
) -> list[HistoryItem]:
    """The entity's history, oldest first; `since_version` keeps only changes after that version."""
    stmt = (
        select(
            HistoryEntry.id,
            HistoryEntry.at,
            HistoryEntry.user_id,
            User.name,
            HistoryEntry.action,
            HistoryEntry.field,
            HistoryEntry.old_value,
            HistoryEntry.new_value,
            HistoryEntry.version,
        )
        .outerjoin(User, User.id == HistoryEntry.user_id)
        .where(HistoryEntry.entity_type == entity_type, HistoryEntry.entity_id == entity_id)
        .order_by(HistoryEntry.id)
    )
    if since_version is not None:
        stmt = stmt.where(HistoryEntry.version > since_version)
    return [HistoryItem(*row) for row in session.execute(stmt)]
