"""Automation: rules that run when a deal enters a stage, triggers that move deals into a stage when
something happens, the jobs the engine runs (claimed with a lease, so several PCs on one file run
each once), and the outbox of messages (e-mail, SMS) it sends."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, false, text, true
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, VersionedMixin, utcnow


class AutomationRule(VersionedMixin, TimestampMixin, Base):
    """What happens to a deal that enters `stage_id`: an action, when, and on which condition."""

    __tablename__ = "automation_rule"
    __table_args__ = (Index("ix_automation_rule_stage_id_sort", "stage_id", "sort"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipeline.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(30))  # a key of the action registry
    params: Mapped[str] = mapped_column(Text, default="{}")  # the action's settings (JSON)
    timing: Mapped[str] = mapped_column(Text, default="{}")  # when (JSON): at once, after a delay, ...
    conditions: Mapped[str] = mapped_column(Text, default="[]")  # on the deal's fields (JSON)
    after_previous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    run_anyway: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # after a move
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    state: Mapped[str | None] = mapped_column(Text)  # what the action keeps between runs (round robin)
    # Rules act with the rights of the person who set them up.
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class AutomationTrigger(VersionedMixin, TimestampMixin, Base):
    """When something happens to a deal of the pipeline, the deal moves into `stage_id`."""

    __tablename__ = "automation_trigger"
    __table_args__ = (Index("ix_automation_trigger_pipeline_id_kind", "pipeline_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipeline.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))  # a key of the trigger registry
    params: Mapped[str] = mapped_column(Text, default="{}")
    backwards: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class AutomationJob(Base):
    """One run of a rule (or a trigger's move) for one deal, due at a moment; claimed with a lease."""

    __tablename__ = "automation_job"
    __table_args__ = (
        # What is due: the waiting jobs by due time (done ones are history).
        Index(
            "ix_automation_job_waiting_due_at",
            "due_at",
            sqlite_where=text("status IN ('waiting', 'running')"),
            postgresql_where=text("status IN ('waiting', 'running')"),
        ),
        Index("ix_automation_job_deal_id_status", "deal_id", "status"),
        Index("ix_automation_job_finished_at", "finished_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "rule" or "trigger"
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("automation_rule.id", ondelete="SET NULL"))
    trigger_id: Mapped[int | None] = mapped_column(ForeignKey("automation_trigger.id", ondelete="SET NULL"))
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"))
    stage_id: Mapped[int | None] = mapped_column(Integer)  # the deal's stage when it was enqueued
    due_at: Mapped[datetime] = mapped_column(DateTime)
    # waiting, running (leased), done, failed, cancelled (the deal moved on), skipped (a condition)
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    depth: Mapped[int] = mapped_column(Integer, default=0)  # automation caused by automation: the loop guard
    run_anyway: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str | None] = mapped_column(Text)  # what it did, or why it failed
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class OutboxMessage(Base):
    """An e-mail or SMS to send, sent by whichever PC claims it first; retried with backoff."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        Index(
            "ix_outbox_message_pending_next_attempt_at",
            "next_attempt_at",
            sqlite_where=text("status IN ('queued', 'sending')"),
            postgresql_where=text("status IN ('queued', 'sending')"),
        ),
        Index("ix_outbox_message_deal_id", "deal_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(10))  # "email" or "sms"
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="SET NULL"))
    job_id: Mapped[int | None] = mapped_column(ForeignKey("automation_job.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(String(998))
    body: Mapped[str] = mapped_column(Text, default="")
    attachment_name: Mapped[str | None] = mapped_column(String(255))
    attachment: Mapped[bytes | None] = mapped_column()  # the document made for it
    # queued, sending (leased), sent, failed (given up: shown in the log, can be retried)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)
    error: Mapped[str | None] = mapped_column(Text)  # the server's last answer
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
