"""Leads: prospects not yet qualified, converted into deals, contacts and companies."""

from __future__ import annotations

import enum

from sqlalchemy import Boolean, Enum, ForeignKey, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, VersionedMixin


class LeadStatus(enum.StrEnum):
    NEW = "new"
    IN_PROCESS = "in_process"
    PROCESSED = "processed"
    CONVERTED = "converted"
    JUNK = "junk"


class Lead(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "lead"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(255))
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    company_title: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    source: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[LeadStatus] = mapped_column(
        Enum(LeadStatus, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]),
        default=LeadStatus.NEW,
        index=True,
    )
    responsible_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    # "Available to everyone" (Bitrix24's default for leads): read by whoever may
    # read open records; set by the database, so bulk loads need not name it.
    is_open: Mapped[bool] = mapped_column(Boolean, server_default=true())
    comments: Mapped[str | None] = mapped_column(Text)
    converted_deal_id: Mapped[int | None] = mapped_column(ForeignKey("deal.id", ondelete="SET NULL"))
    converted_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    converted_company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
