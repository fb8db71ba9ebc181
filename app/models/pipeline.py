"""Pipelines (sales funnels) and their ordered stages."""

from __future__ import annotations

import enum

from sqlalchemy import Boolean, Enum, ForeignKey, Index, Integer, String
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

    pipeline: Mapped[Pipeline] = relationship(back_populates="stages")

    @property
    def is_closed(self) -> bool:
        return self.semantic is not StageSemantic.IN_PROGRESS
