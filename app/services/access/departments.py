"""Departments: a tree (sub-departments under a department), each with a head; people move between
them. Only those who may manage settings change them; every change is in the history and renews the
rights stamp (a department decides what "my department" means in access rights)."""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Department, User
from app.services.access.permissions import require_settings
from app.services.access.scope import bump_rights
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP

UNSET = object()


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    parent_id: int | None
    head_id: int | None
    head_name: str | None
    people: int  # active people directly in it
    depth: int  # 0 for a top department


class DepartmentService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def list(self) -> builtins.list[DepartmentInfo]:
        """Every department, in tree order (a department, then its sub-departments, by name)."""
        with self._ctx.read() as session:
            rows = session.execute(
                select(Department.id, Department.name, Department.parent_id, Department.head_id)
            ).all()
            heads = dict(session.execute(select(User.id, User.name)).all())
            counts = dict(
                session.execute(
                    select(User.department_id, func.count())
                    .where(User.is_active.is_(True), User.department_id.is_not(None))
                    .group_by(User.department_id)
                ).all()
            )
        children: dict[int | None, builtins.list[tuple[int, str, int | None, int | None]]] = {}
        ids = {row[0] for row in rows}
        for row in rows:
            parent = row[2] if row[2] in ids else None
            children.setdefault(parent, []).append(tuple(row))  # type: ignore[arg-type]
        out: builtins.list[DepartmentInfo] = []

        def walk(parent: int | None, depth: int) -> None:
            for ident, name, parent_id, head_id in sorted(
                children.get(parent, []), key=lambda r: r[1].casefold()
            ):
                out.append(
                    DepartmentInfo(
                        ident,
                        name,
                        parent_id,
                        head_id,
                        heads.get(head_id) if head_id is not None else None,
                        counts.get(ident, 0),
                        depth,
                    )
                )
                walk(ident, depth + 1)

        walk(None, 0)
        return out

    def find(self, name: str) -> DepartmentInfo:
        wanted = name.strip().casefold()
        for department in self.list():
            if department.name.casefold() == wanted:
                return department
        raise ValidationError.single(
            "department", QT_TRANSLATE_NOOP("errors", "There is no department '{name}'."), name=name
        )

    def create(
        self, name: str, *, parent_id: int | None = None, head_id: int | None = None
    ) -> DepartmentInfo:
        with self._ctx.write() as uow:
            self._check(uow)
            session = uow.session
            department = Department(name=_name(session, name, parent_id))
            department.parent_id = _parent(session, None, parent_id)
            department.head_id = _head(session, head_id)
            session.add(department)
            session.flush()
            uow.history.created("department", department.id, 1, department.name)
            uow.emit("department.created", [department.id])
            ident = department.id
        return next(d for d in self.list() if d.id == ident)

    def update(
        self,
        department_id: int,
        *,
        name: str | None = None,
        parent_id: int | object | None = UNSET,
        head_id: int | object | None = UNSET,
    ) -> DepartmentInfo:
        with self._ctx.write() as uow:
            self._check(uow)
            session = uow.session
            department = _load(session, department_id)
            diff: dict[str, tuple[object, object]] = {}
            if parent_id is not UNSET:
                new_parent = _parent(session, department.id, parent_id)  # type: ignore[arg-type]
                if new_parent != department.parent_id:
                    diff["parent_id"] = (department.parent_id, new_parent)
                    department.parent_id = new_parent
            if name is not None and name.strip() != department.name:
                new_name = _name(session, name, department.parent_id, department.id)
                diff["name"] = (department.name, new_name)
                department.name = new_name
            if head_id is not UNSET:
                new_head = _head(session, head_id)  # type: ignore[arg-type]
                if new_head != department.head_id:
                    diff["head_id"] = (department.head_id, new_head)
                    department.head_id = new_head
            if diff:
                session.flush()
                uow.history.changed("department", department.id, 1, diff)
                uow.emit("department.updated", [department.id], diff.keys())
        return next(d for d in self.list() if d.id == department_id)

    def delete(self, department_id: int) -> None:
        """Only an empty department goes: nobody in it (active or not) and no sub-departments."""
        with self._ctx.write() as uow:
            self._check(uow)
            session = uow.session
            department = _load(session, department_id)
            people = session.scalar(
                select(func.count()).select_from(User).where(User.department_id == department.id)
            )
            subs = session.scalar(
                select(func.count()).select_from(Department).where(Department.parent_id == department.id)
            )
            if people or subs:
                raise ValidationError.single(
                    "department",
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "“{name}” still has people or sub-departments: move them elsewhere first.",
                    ),
                    name=department.name,
                )
            uow.history.deleted("department", department.id, 2, department.name)
            session.delete(department)
            uow.emit("department.deleted", [department_id])

    def _check(self, uow: UnitOfWork) -> None:
        require_settings(uow.session, uow.actor_id, "department")
        bump_rights(uow.session)


def _load(session: Session, department_id: int) -> Department:
    department = session.get(Department, department_id)
    if department is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["department"], id=department_id)
    return department


def _name(session: Session, name: str, parent_id: int | None, department_id: int | None = None) -> str:
    clean = (name or "").strip()
    if not clean or len(clean) > 200:
        raise ValidationError.single(
            "name", QT_TRANSLATE_NOOP("errors", "A department needs a name (up to 200 characters).")
        )
    clash = session.scalar(
        select(Department.id).where(
            func.lower(Department.name) == clean.lower(), Department.id != (department_id or 0)
        )
    )
    if clash is not None:
        raise ValidationError.single(
            "name", QT_TRANSLATE_NOOP("errors", "There is a department called '{name}' already."), name=clean
        )
    return clean


def _parent(session: Session, department_id: int | None, parent_id: int | None) -> int | None:
    """The new parent, if it is no loop: a department is never under itself or its own sub-departments."""
    if parent_id is None:
        return None
    _load(session, parent_id)
    parents = dict(session.execute(select(Department.id, Department.parent_id)).all())
    current: int | None = parent_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == department_id:
            raise ValidationError.single(
                "parent_id",
                QT_TRANSLATE_NOOP("errors", "A department can't be under itself or its sub-departments."),
            )
        seen.add(current)
        current = parents.get(current)
    return parent_id


def _head(session: Session, head_id: int | None) -> int | None:
    if head_id is None:
        return None
    user = session.get(User, head_id)
    if user is None or not user.is_active:
        raise ValidationError.single(
            "head_id", QT_TRANSLATE_NOOP("errors", "The head must be an active person.")
        )
    return head_id
