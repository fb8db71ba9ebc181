"""Users: who works in Dealdesk, and who is acting now."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Department, Role, RoleAssignment, User
from app.services.access import server_rights
from app.services.access.passwords import check_length, hash_password
from app.services.access.permissions import require_settings
from app.services.access.scope import access_for, bump_rights
from app.services.core.context import UnitOfWork
from app.services.core.errors import FieldProblem, Message, PermissionDeniedError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import CrudService, bool_field, email_field, id_field, load, text_field


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

    def check_write(self, uow: UnitOfWork) -> None:
        require_settings(uow.session, uow.actor_id, "user")
        bump_rights(uow.session)  # a department, "administrator" or "active" may change

    def validate_record(self, session: Session, record: User) -> None:
        clash = session.scalar(select(User.id).where(User.login == record.login, User.id != record.id))
        if clash is not None:
            raise ValidationError.single(
                "login", QT_TRANSLATE_NOOP("errors", "The login '{login}' is taken."), login=record.login
            )
        if record.is_admin and not access_for(session, self._ctx.actor_id).unrestricted:
            raise PermissionDeniedError(
                QT_TRANSLATE_NOOP("errors", "Only an administrator may make somebody an administrator.")
            )

    def before_delete(self, uow: UnitOfWork, record: User) -> None:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP(
                "errors",
                "People are never deleted (their deals keep their name): deactivate “{name}” instead.",
            ),
            name=record.name,
        )

    def details(self, session: Session, record: User) -> UserInfo:
        department = session.get(Department, record.department_id) if record.department_id else None
        return _info(record, department.name if department else None)

    def title_of(self, record: User) -> str:
        return record.name

    def save_person(
        self,
        user_id: int | None,
        expected_version: int | None,
        values: Mapping[str, Any],
        *,
        roles: set[int] | None = None,
        password: str | None = None,
    ) -> UserInfo:
        """A new person (`user_id` None) or changes to one, with the roles given to them in person
        and a first password, all in one transaction: a refusal leaves nothing half done."""
        if password is not None:
            check_length(password)
        with self._ctx.write() as uow:
            session = uow.session
            if user_id is None:
                record = self.create_in(uow, values)
            else:
                record = self.update_in(uow, user_id, expected_version or 0, values)
            if roles is not None:
                held = {
                    a.role_id: a
                    for a in session.scalars(
                        select(RoleAssignment).where(RoleAssignment.user_id == record.id)
                    )
                }
                for role_id in sorted(roles - held.keys()):
                    role = load(session, Role, "role", role_id)
                    session.add(RoleAssignment(role_id=role.id, user_id=record.id))
                    uow.history.changed(
                        "role", role.id, role.version, {"assigned": (None, f"user:{record.id}")}
                    )
                for role_id in sorted(held.keys() - roles):
                    session.delete(held[role_id])
                    uow.history.changed("role", role_id, 0, {"assigned": (f"user:{record.id}", None)})
                if roles != held.keys():
                    uow.emit("role.updated", sorted(roles ^ held.keys()), {"assigned"})
            if password:
                record.password_hash = hash_password(password)
            session.flush()
            return self.details(session, record)

    def import_people(
        self,
        rows: Sequence[Mapping[str, str]],
        *,
        numbers: Sequence[int] | None = None,
        dry_run: bool = False,
    ) -> list[UserInfo]:
        """People from a table (login, name, e-mail, department by name, roles by name separated by
        ";"): all of them or none; every problem is said with its row number (`numbers`: the rows'
        numbers in the file, else 2, 3, ...). `dry_run` checks everything and keeps nothing."""
        try:
            return self._import_people(rows, numbers, dry_run)
        except _DryRunEndedError as checked:
            return checked.people

    def _import_people(
        self, rows: Sequence[Mapping[str, str]], numbers: Sequence[int] | None, dry_run: bool
    ) -> list[UserInfo]:
        with self._ctx.write() as uow:
            session = uow.session
            departments = {d.name.casefold(): d.id for d in session.scalars(select(Department))}
            roles = {r.name.casefold(): r.id for r in session.scalars(select(Role))}
            problems: list[FieldProblem] = []
            made: list[User] = []
            row_numbers = numbers or range(2, len(rows) + 2)  # row 1 holds the headings
            for number, row in zip(row_numbers, rows, strict=True):
                department_name = (row.get("department") or "").strip()
                department = departments.get(department_name.casefold()) if department_name else None
                if department_name and department is None:
                    problems.append(
                        _row_problem(number, "department", MSG_NO_DEPARTMENT, name=department_name)
                    )
                wanted = [r.strip() for r in (row.get("roles") or "").split(";") if r.strip()]
                missing = [r for r in wanted if r.casefold() not in roles]
                for name in missing:
                    problems.append(_row_problem(number, "roles", MSG_NO_ROLE, name=name))
                values = {
                    "login": (row.get("login") or "").strip(),
                    "name": (row.get("name") or "").strip(),
                    "email": (row.get("email") or "").strip() or None,
                    "department_id": department,
                }
                try:
                    with session.begin_nested():
                        record = self.create_in(uow, values)
                except ValidationError as exc:
                    problems.extend(
                        _row_problem(number, p.field, p.message.template, **dict(p.message.params))
                        for p in exc.problems
                    )
                    continue
                for name in wanted:
                    if name.casefold() in roles:
                        session.add(RoleAssignment(role_id=roles[name.casefold()], user_id=record.id))
                made.append(record)
            if problems:
                raise ValidationError(problems)  # nothing of it is kept
            session.flush()
            people = [self.details(session, record) for record in made]
            if dry_run:
                raise _DryRunEndedError(people)  # rolls everything back
            return people

    def deactivate(self, user_id: int, expected_version: int) -> UserInfo:
        """They can no longer sign in; their deals keep their name. Never oneself, never the last
        active administrator."""
        with self._ctx.write() as uow:
            user = uow.session.get(User, user_id)
            if user is not None and user_id == uow.actor_id:
                raise PermissionDeniedError(QT_TRANSLATE_NOOP("errors", "You can't deactivate yourself."))
            if user is not None and user.is_admin:
                admins = uow.session.scalar(
                    select(func.count())
                    .select_from(User)
                    .where(User.is_admin.is_(True), User.is_active.is_(True))
                )
                if (admins or 0) <= 1:
                    raise PermissionDeniedError(
                        QT_TRANSLATE_NOOP("errors", "“{name}” is the last active administrator."),
                        name=user.name,
                    )
            return self.details(
                uow.session, self.update_in(uow, user_id, expected_version, {"is_active": False})
            )

    def add_server_login(self, user_id: int, password: str, role: str | None = None) -> str:
        """A database login of this person's own (PostgreSQL): the server then returns them only the
        records they may read (see server_rights.py). The password goes to the server, never into
        Dealdesk's tables. Administrators signed in with the database's own login; the login's name."""
        with self._ctx.write() as uow:
            require_settings(uow.session, uow.actor_id, "user")
            return server_rights.create_login(uow.session, user_id, password, role)

    def server_logins(self) -> dict[str, int]:
        """Who has a database login of their own: login -> person."""
        with self._ctx.read() as session:
            return server_rights.logins(session) if server_rights.is_server(session) else {}

    def list(self, *, active_only: bool = True) -> list[UserInfo]:
        """Everybody (active by default), by name, with their departments read in the same query."""
        with self._ctx.read() as session:
            stmt = (
                select(User, Department.name)
                .outerjoin(Department, Department.id == User.department_id)
                .order_by(User.name, User.id)
            )
            if active_only:
                stmt = stmt.where(User.is_active)
            return [_info(user, department) for user, department in session.execute(stmt)]

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


class _DryRunEndedError(Exception):
    """A dry run's end: the transaction is rolled back, the people it would make are told."""

    def __init__(self, people: list[UserInfo]) -> None:
        super().__init__("dry run")
        self.people = people


MSG_NO_DEPARTMENT = QT_TRANSLATE_NOOP("errors", "There is no department '{name}'.")
MSG_NO_ROLE = QT_TRANSLATE_NOOP("errors", "There is no role '{name}'.")
MSG_ROW = QT_TRANSLATE_NOOP("errors", "Row {row}: {problem}")


def _row_problem(row: int, field: str, template: str, **params: Any) -> FieldProblem:
    return FieldProblem(field, Message(MSG_ROW, {"row": row, "problem": Message(template, params)}))


def _info(user: User, department: str | None) -> UserInfo:
    return UserInfo(
        user.id,
        user.login,
        user.name,
        user.email,
        user.department_id,
        department,
        user.is_admin,
        user.is_active,
        user.version,
    )
