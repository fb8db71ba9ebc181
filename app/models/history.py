"""The history of every change: a deal's timeline and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class HistoryEntry(Base):
    """One changed field (or a creation/deletion) of one entity, by whom and when.

    `version` is the entity's version after the change, so a conflict can say exactly what
    was changed since the version somebody was editing.
    """

    __tablename__ = "history_entry"
    __table_args__ = (
        Index("ix_history_entry_entity_type_entity_id_id", "entity_type", "entity_id", "id"),
        Index("ix_history_entry_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int | None] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operation.id", ondelete="SET NULL"), index=True
    )


class Operation(Base):
    """One bulk action (e.g. 800 deals moved to Won); its history entries carry its id, for undo."""

    __tablename__ = "operation"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer, default=0)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    label: Mapped[str | None] = mapped_column(String(255))  # an import: the file it came from


class ImportKey(Base):
    """A record made by an import, known by its ID in the program it came from: importing the same
    file again finds it (to update it or to refuse a second copy), and "Undo import" finds what an
    import made through `operation_id`."""

    __tablename__ = "import_key"
    __table_args__ = (
        UniqueConstraint("entity_type", "system", "external_id"),
        Index("ix_import_key_entity_type_entity_id", "entity_type", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(20))
    system: Mapped[str] = mapped_column(String(40))  # "file", "bitrix24", "pipedrive", "hubspot", ...
    external_id: Mapped[str] = mapped_column(String(255))
    entity_id: Mapped[int] = mapped_column(Integer)
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operation.id", ondelete="SET NULL"), index=True
    )
    version: Mapped[int | None] = mapped_column(Integer)  # the record's version the import left
