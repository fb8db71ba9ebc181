"""How forms are laid out (shared, personal, per pipeline) and the rules on fields (access, required)."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, VersionedMixin


class FormLayout(VersionedMixin, Base):
    """A form's sections and fields as JSON: the office's (user_id NULL) or one person's.

    `pipeline_id` NULL is the layout for every pipeline; a pipeline's own one comes first.
    A shared layout that is `forced` makes personal ones be ignored.
    """

    __tablename__ = "form_layout"
    __table_args__ = (
        UniqueConstraint("entity_type", "user_id", "pipeline_id"),
        Index("ix_form_layout_entity_type_user_id", "entity_type", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    pipeline_id: Mapped[int | None] = mapped_column(ForeignKey("pipeline.id", ondelete="CASCADE"))
    forced: Mapped[bool] = mapped_column(Boolean, default=False)
    definition: Mapped[str] = mapped_column(Text)


class FieldRule(VersionedMixin, Base):
    """Office-wide rules on one field of a kind of record: who may see or edit it (JSON lists of user
    ids; NULL is everyone), and per pipeline the stage from which it is required."""

    __tablename__ = "field_rule"
    __table_args__ = (UniqueConstraint("entity_type", "field_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(20))
    field_key: Mapped[str] = mapped_column(String(80))  # "close_date", "uf:region"
    visible_to: Mapped[str | None] = mapped_column(Text)
    editable_by: Mapped[str | None] = mapped_column(Text)


class StageRequirement(Base):
    """A field required from `stage_id` on (that stage and the later ones of its pipeline, not Lost)."""

    __tablename__ = "stage_requirement"
    __table_args__ = (UniqueConstraint("entity_type", "field_key", "pipeline_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(20), default="deal")
    field_key: Mapped[str] = mapped_column(String(80))
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipeline.id", ondelete="CASCADE"), index=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
