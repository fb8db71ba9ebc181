"""Custom field definitions, their list options, and their values (indexed for sort and filter)."""

from __future__ import annotations

import enum

from sqlalchemy import BigInteger, Boolean, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, VersionedMixin


class EntityType(enum.StrEnum):
    DEAL = "deal"
    CONTACT = "contact"
    COMPANY = "company"
    LEAD = "lead"


class FieldType(enum.StrEnum):
    STRING = "string"
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    BOOLEAN = "boolean"
    LIST = "list"
    CONTACT = "contact"
    COMPANY = "company"
    EMPLOYEE = "employee"
    URL = "url"
    EMAIL = "email"
    PHONE = "phone"
    FILE = "file"


class CustomFieldDefinition(VersionedMixin, Base):
    __tablename__ = "custom_field_definition"
    __table_args__ = (UniqueConstraint("entity_type", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[EntityType] = mapped_column(
        Enum(EntityType, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    code: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    field_type: Mapped[FieldType] = mapped_column(
        Enum(FieldType, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    multiple: Mapped[bool] = mapped_column(Boolean, default=False)
    default_value: Mapped[str | None] = mapped_column(Text)
    show_in_list: Mapped[bool] = mapped_column(Boolean, default=True)
    filterable: Mapped[bool] = mapped_column(Boolean, default=True)
    help_text: Mapped[str | None] = mapped_column(Text)
    sort: Mapped[int] = mapped_column(Integer, default=0)

    options: Mapped[list[CustomFieldOption]] = relationship(
        back_populates="field", order_by="CustomFieldOption.sort", cascade="all, delete-orphan"
    )


class CustomFieldOption(Base):
    __tablename__ = "custom_field_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    field_id: Mapped[int] = mapped_column(
        ForeignKey("custom_field_definition.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200))
    sort: Mapped[int] = mapped_column(Integer, default=0)

    field: Mapped[CustomFieldDefinition] = relationship(back_populates="options")


class CustomFieldValue(Base):
    """One value of a custom field for one entity (several rows for a multiple field).

    Numbers, yes/no, list options and links go to `value_int` (decimals and money scaled to
    integers); strings and ISO dates go to `value_text`. Both are indexed after the field id, so
    sorting and filtering by a custom field is an index range scan, not a table scan.
    """

    __tablename__ = "custom_field_value"
    __table_args__ = (
        Index("ix_custom_field_value_entity_id_field_id", "entity_id", "field_id"),
        Index("ix_custom_field_value_field_id_value_int", "field_id", "value_int", "entity_id"),
        Index("ix_custom_field_value_field_id_value_text", "field_id", "value_text", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("custom_field_definition.id", ondelete="CASCADE"))
    entity_id: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    value_int: Mapped[int | None] = mapped_column(BigInteger)
    value_text: Mapped[str | None] = mapped_column(Text)
