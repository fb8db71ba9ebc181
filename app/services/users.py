"""Users: who works in Dealdesk, and who is acting now."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Department, User
from app.services.errors import ValidationError
from app.services.i18n import QT_TRANSLATE_NOOP
from app.services.records import CrudService, bool_field, email_field, id_field, text_field


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    login: str
    name: str
    email: str | None
    department_id: int | None
    department_name: str | None
    is_admin: bool
    is_active: bool
    version: int

    @property
    def initials(self) -> str:
        parts = [p for p in self.name.split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or self.login[:2].upper()


class UserService(CrudService[User, UserInfo]):
    model = User
    entity_type = "user"
    fields = {
        "login": text_field("login", 100, required=True),
        "name": text_field("name", 200, required=True),
        "email": email_field("email"),
        "department_id": id_field("department_id", Department),
        "is_admin": bool_field("is_admin"),
        "is_active": bool_field("is_active"),
    }

    def details(self, session: Session, record: User) -> UserInfo:
        department = session.get(Department, record.department_id) if record.department_id else None
        return UserInfo(
            record.id,
            record.login,
            record.name,
            record.email,
            record.department_id,
            department.name if department else None,
            record.is_admin,
            record.is_active,
            record.version,
        )

    def title_of(self, record: User) -> str:
        return record.name

    def validate_record(self, session: Session, record: User) -> None:
        clash = session.scalar(select(User.id).where(User.login == record.login, User.id != record.id))
        if clash is not None:
            raise ValidationError.single(
                "login", QT_TRANSLATE_NOOP("errors", "The login '{login}' is taken."), login=record.login
            )

    def list(self, *, active_only: bool = True) -> list[UserInfo]:
        with self._ctx.read() as session:
            stmt = select(User).order_by(User.name)
            if active_only:
                stmt = stmt.where(User.is_active)
            return [self.details(session, u) for u in session.scalars(stmt)]

    def by_login(self, login: str) -> UserInfo | None:
        with self._ctx.read() as session:
            user = session.scalar(select(User).where(User.login == login))
            return self.details(session, user) if user else None

    def default_actor(self) -> UserInfo | None:
        """The first active administrator: who acts when nobody is named."""
        with self._ctx.read() as session:
            user = session.scalar(
                select(User).where(User.is_active).order_by(User.is_admin.desc(), User.id).limit(1)
            )
            return self.details(session, user) if user else None
