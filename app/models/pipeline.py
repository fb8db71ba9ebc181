"""Pipelines (sales funnels) and their ordered stages."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, DateTime, Enum, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, VersionedMixin


class StageSemantic(enum.StrEnum):
    """What reaching a stage means: still working on it, won, or lost."""

    IN_PROGRESS = "in_progress"
    WON = "won"
    LOST = "lost"


class Pipeline(VersionedMixin, Base):
    __tablename__ = "pipeline"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)

    stages: Mapped[list[Stage]] = relationship(
        back_populates="pipeline", order_by="Stage.sort", cascade="all, delete-orphan"
    )


class Stage(VersionedMixin, Base):
    __tablename__ = "stage"
    __table_args__ = (Index("ix_stage_pipeline_id_sort", "pipeline_id", "sort"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipeline.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    color: Mapped[str] = mapped_column(String(7), default="#39A8EF")
    semantic: Mapped[StageSemantic] = mapped_column(
        Enum(StageSemantic, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]),
        default=StageSemantic.IN_PROGRESS,
    )
    probability: Mapped[int] = mapped_column(Integer, default=0)
    # A deal in progress that stayed longer than this many days is "stale" (None: never).
    idle_days: Mapped[int | None] = mapped_column(Integer)

    pipeline: Mapped[Pipeline] = relationship(back_populates="stages")

    @property
    def is_closed(self) -> bool:
        return self.semantic is not StageSemantic.IN_PROGRESS


class TunnelMode(enum.StrEnum):
    """What a tunnel does with a deal that reaches its source stage."""

    COPY = "copy"  # a new deal, linked to the first, starts in the target stage
    MOVE = "move"  # the deal itself goes on to the target stage (of another pipeline)


class StageTunnel(VersionedMixin, Base):
    """A link from a stage of one pipeline to a stage of another."""

    __tablename__ = "stage_tunnel"
    __table_args__ = (UniqueConstraint("source_stage_id", "target_stage_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    target_stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    mode: Mapped[TunnelMode] = mapped_column(
        Enum(TunnelMode, native_enum=False, length=10, values_callable=lambda e: [m.value for m in e]),
        default=TunnelMode.COPY,
    )


class DealStageVisit(Base):
    """A deal's stay in a stage: when it came, when it left (None: still there), who moved it.
    Time in stage and velocity come from here, also across pipelines."""

    __tablename__ = "deal_stage_visit"
    __table_args__ = (
        # A deal's stays in order; with the stage, so the funnel reads how far deals came from it alone.
        Index("ix_deal_stage_visit_deal_id_entered_at_stage_id", "deal_id", "entered_at", "stage_id"),
        Index("ix_deal_stage_visit_stage_id_entered_at", "stage_id", "entered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"))
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipeline.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    entered_at: Mapped[datetime] = mapped_column(DateTime)
    left_at: Mapped[datetime | None] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
