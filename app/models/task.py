"""Tasks: things to do by a date, usually about a deal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text, false
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import text

from app.models.base import Base, TimestampMixin, VersionedMixin, utcnow


class Task(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_deal_id_done", "deal_id", "done"),
        # A person's open tasks by due time, their done ones latest first (the Tasks area's groups).
        Index(
            "ix_task_open_responsible_id_due_at",
            "responsible_id",
            "due_at",
            sqlite_where=text("done IS 0"),
            postgresql_where=text("done = false"),
        ),
        Index(
            "ix_task_done_responsible_id_completed_at",
            "responsible_id",
            "completed_at",
            sqlite_where=text("done IS 1"),
            postgresql_where=text("done = true"),
        ),
        # Open tasks by due time: the calendar's, the "overdue" and "due today" filters.
        Index(
            "ix_task_open_due_at",
            "due_at",
            "deal_id",
            sqlite_where=text("done IS 0"),
            postgresql_where=text("done = false"),
        ),
        # Tasks about a contact, company or lead (most are about a deal: only those are indexed).
        *(
            Index(
                f"ix_task_{column}",
                column,
                sqlite_where=text(f"{column} IS NOT NULL"),
                postgresql_where=text(f"{column} IS NOT NULL"),
            )
            for column in ("company_id", "contact_id", "lead_id")
        ),
        # Reminders still to show, per person (only tasks that have one: most have none).
        Index(
            "ix_task_responsible_id_remind_at",
            "responsible_id",
            "remind_at",
            sqlite_where=text("remind_at IS NOT NULL"),
            postgresql_where=text("remind_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"))
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"))
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # What kind of work: "todo", "call", "meeting", "email" (an e-mail logged).
    kind: Mapped[str] = mapped_column(String(20), default="todo", server_default="todo")
    # All day: due at the end of its day (due_at is that end, in UTC); else at due_at.
    all_day: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    duration_minutes: Mapped[int | None] = mapped_column(Integer)  # a meeting's length
    result: Mapped[str | None] = mapped_column(Text)  # what came of it, when done
    # A reminder N minutes before the due time (0: at it); remind_at is when, cleared once shown.
    remind_minutes: Mapped[int | None] = mapped_column(Integer)
    remind_at: Mapped[datetime | None] = mapped_column(DateTime)


# People on a task besides its responsible: participants (a meeting's, whose task it is too) and
# observers (who follow it).
task_participant = Table(
    "task_participant",
    Base.metadata,
    Column("task_id", ForeignKey("task.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(12), nullable=False, server_default="participant"),
    Index("ix_task_participant_user_id_task_id", "user_id", "task_id"),
)


class Notification(Base):
    """Something a person should know ("Anna assigned you a deal"), in their bell until read."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_id_read_at_id", "user_id", "read_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    # What happened: "deal_assigned", "deal_moved", "task_assigned", "task_due", "message".
    kind: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    entity_type: Mapped[str | None] = mapped_column(String(20))  # what it is about: "deal", "task"
    entity_id: Mapped[int | None] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # records (a bulk move)
    title: Mapped[str] = mapped_column(String(255), default="", server_default="")  # the record's, then
    detail: Mapped[str | None] = mapped_column(String(255))  # a stage's name; a message's text
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
