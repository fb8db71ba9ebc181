"""Settings that belong to the database (shared by the whole office), as key/value pairs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow

# Counts every change that can change somebody's access rights (roles, who holds them, people's
# departments and flags, the department tree): a cached reading of rights is good while it stays.
RIGHTS_STAMP_KEY = "rights_stamp"


class AppSetting(Base):
    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SavedFilter(Base):
    """A named filter of a list (a preset), the user's own or shared with everyone (user_id NULL)."""

    __tablename__ = "saved_filter"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(20), default="deal")
    name: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    definition: Mapped[str] = mapped_column(Text)  # JSON of the filter's fields
    sort: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
