"""Users of Dealdesk and the departments they belong to."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin, VersionedMixin


class Department(Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))
    # use_alter: department and user_account refer to each other (created first, linked after).
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey(
            "user_account.id", ondelete="SET NULL", use_alter=True, name="fk_department_head_id_user_account"
        )
    )

    users: Mapped[list[User]] = relationship(back_populates="department", foreign_keys="User.department_id")


class User(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id", ondelete="SET NULL"), index=True
    )
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Argon2id (PHC string: its parameters inside); none until the person sets a password.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)  # after failed attempts
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)

    department: Mapped[Department | None] = relationship(back_populates="users", foreign_keys=[department_id])


class Role(VersionedMixin, Base):
    """A set of access rights: a level per entity and action (deals per pipeline and stage too),
    which stages deals may be moved into, and a few switches. The matrix is one JSON document
    (app/services/access/rights.py reads and checks it); a role is small and read whole."""

    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    builtin: Mapped[str | None] = mapped_column(String(30))  # "administrator", "manager", … (editable)
    rights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class RoleAssignment(Base):
    """A role given to one person, to a department (with its sub-departments or not) or to everyone."""

    __tablename__ = "role_assignment"
    __table_args__ = (
        CheckConstraint(
            "CASE WHEN user_id IS NULL THEN 0 ELSE 1 END + CASE WHEN department_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN everyone THEN 1 ELSE 0 END = 1",
            name="one_holder",
        ),
        Index("ix_role_assignment_user_id", "user_id"),
        Index("ix_role_assignment_department_id", "department_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="CASCADE"))
    with_subdepartments: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    everyone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
