"""Tasks: things to do by a date, usually about a deal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, VersionedMixin


class Task(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_deal_id_done", "deal_id", "done"),
        Index("ix_task_responsible_id_done_due_at", "responsible_id", "done", "due_at"),
        Index("ix_task_due_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"), index=True)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # What kind of work: "todo", "call", "meeting", "email" (an e-mail logged).
    kind: Mapped[str] = mapped_column(String(20), default="todo", server_default="todo")
    # All day: due at the end of its day (due_at is that end, in UTC); else at due_at.
    all_day: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    duration_minutes: Mapped[int | None] = mapped_column(Integer)  # a meeting's length
    result: Mapped[str | None] = mapped_column(Text)  # what came of it, when done
