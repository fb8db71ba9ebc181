"""Workflows: business processes of several steps (branches, parallel paths, waits, approvals) that run
on a record across stages and days. A template keeps its versions (editing one makes a new version;
instances keep running the version they started on); an instance is one run on one record, claimed
with a lease like the automation jobs, so several PCs on one file run each step once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, VersionedMixin, utcnow


class WorkflowTemplate(VersionedMixin, TimestampMixin, Base):
    """A process for one kind of record (deal, contact, company, lead, invoice) and how it starts."""

    __tablename__ = "workflow_template"
    __table_args__ = (Index("ix_workflow_template_entity_active", "entity", "active"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    entity: Mapped[str] = mapped_column(String(20))  # deal, contact, company, lead, invoice
    start_manual: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    start_on_create: Mapped[bool] = mapped_column(Boolean, default=False)
    start_on_change: Mapped[bool] = mapped_column(Boolean, default=False)
    change_fields: Mapped[str] = mapped_column(Text, default="[]")  # only when these change (JSON; [] any)
    # Who may start it by hand (JSON list of user ids; [] everyone who may edit the record).
    starters: Mapped[str] = mapped_column(Text, default="[]")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    current_version_id: Mapped[int | None] = mapped_column(Integer)  # the newest WorkflowVersion
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class WorkflowVersion(Base):
    """One saved definition of a template (steps, parameters, variables as JSON); never changed."""

    __tablename__ = "workflow_version"
    __table_args__ = (UniqueConstraint("template_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("workflow_template.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class WorkflowInstance(Base):
    """One run of a template's version on one record: where it stands (its tokens), its variables,
    the path it took; due at `next_at`, claimed with a lease."""

    __tablename__ = "workflow_instance"
    __table_args__ = (
        # What is due: the live instances by when they next run (finished ones are history).
        Index(
            "ix_workflow_instance_live_next_at",
            "next_at",
            sqlite_where=text("status IN ('running', 'waiting')"),
            postgresql_where=text("status IN ('running', 'waiting')"),
        ),
        Index("ix_workflow_instance_entity_record_id", "entity", "record_id"),
        Index("ix_workflow_instance_template_id_status", "template_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("workflow_template.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("workflow_version.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    # running (a step to run now), waiting (for a time, a field, an approval), finished, failed, stopped
    status: Mapped[str] = mapped_column(String(10), default="running")
    state: Mapped[str] = mapped_column(Text, default="{}")  # tokens, variables, results (JSON)
    path: Mapped[str] = mapped_column(Text, default="[]")  # the steps taken, with their outcome (JSON)
    next_at: Mapped[datetime | None] = mapped_column(DateTime)  # when the engine looks at it again
    depth: Mapped[int] = mapped_column(Integer, default=0)  # started by a workflow: the loop guard
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    steps_run: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)  # why it failed or was stopped (said())
    revision: Mapped[int] = mapped_column(Integer, default=0)  # bumped by every write of its state


class WorkflowApproval(Base):
    """One person's answer to an approval step (a task each): approve or reject, with a comment."""

    __tablename__ = "workflow_approval"
    __table_args__ = (
        Index("ix_workflow_approval_instance_id_step", "instance_id", "step"),
        Index("ix_workflow_approval_task_id", "task_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("workflow_instance.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(40))  # the approval step's id in the definition
    round: Mapped[int] = mapped_column(Integer, default=0)  # the step's n-th run in this instance
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="SET NULL"))
    answer: Mapped[str | None] = mapped_column(String(10))  # approved, rejected; None: not yet
    comment: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
