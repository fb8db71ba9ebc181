"""Roles and who holds them: a role given to a person, to a department (with or without its
sub-departments) or to everyone. Only people who may manage settings change them; every change
is in the history (who, when, before, after)."""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Department, Role, RoleAssignment, Stage, User
from app.services.access.permissions import may_manage_settings, require_settings
from app.services.access.rights import RoleRights
from app.services.access.scope import access_for, bump_rights
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict, load


@dataclass(frozen=True)
class RoleInfo:
    id: int
    name: str
    builtin: str | None
    rights: RoleRights
    version: int


@dataclass(frozen=True)
class HeldRole:
    role_id: int
    name: str
    via: str  # "person", "department" or "everyone"


@dataclass(frozen=True)
class AssignmentInfo:
    id: int
    role_id: int
    user_id: int | None
    department_id: int | None
    with_subdepartments: bool
    everyone: bool


class RoleService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- reading ------------------------------------------------------------------------------------------

    def list(self) -> list[RoleInfo]:
        with self._ctx.read() as session:
            return [_info(role) for role in session.scalars(select(Role).order_by(Role.id))]

    def get(self, role_id: int) -> RoleInfo:
        with self._ctx.read() as session:
            return _info(load(session, Role, "role", role_id))

    def held(self) -> dict[int, builtins.list[HeldRole]]:
        """Every active person's roles and how they hold them: in person, through their department
        (or one above it, given with its sub-departments), or as everybody."""
        with self._ctx.read() as session:
            roles = dict(session.execute(select(Role.id, Role.name)).all())
            parents = dict(session.execute(select(Department.id, Department.parent_id)).all())
            people = session.execute(
                select(User.id, User.department_id).where(User.is_active.is_(True))
            ).all()
            assignments = [
                _assignment(a) for a in session.scalars(select(RoleAssignment).order_by(RoleAssignment.id))
            ]
        out: dict[int, builtins.list[HeldRole]] = {}
        for user_id, department_id in people:
            above: builtins.list[int] = []
            current = department_id
            while current is not None and current not in above:
                above.append(current)
                current = parents.get(current)
            held: builtins.list[HeldRole] = []
            for a in assignments:
                if a.user_id == user_id:
                    held.append(HeldRole(a.role_id, roles.get(a.role_id, "?"), "person"))
                elif a.everyone:
                    held.append(HeldRole(a.role_id, roles.get(a.role_id, "?"), "everyone"))
                elif a.department_id in above and (a.department_id == department_id or a.with_subdepartments):
                    held.append(HeldRole(a.role_id, roles.get(a.role_id, "?"), "department"))
            out[user_id] = held
        return out

    def move_targets(self, pipeline_id: int) -> frozenset[int] | None:
        """The stages of the pipeline the acting person may move deals into (None: every one)."""
        with self._ctx.read() as session:
            access = access_for(session, self._ctx.actor_id)
            if access.unrestricted:
                return None
            stages = list(session.scalars(select(Stage.id).where(Stage.pipeline_id == pipeline_id)))
            allowed = frozenset(s for s in stages if access.may_move_into(pipeline_id, s))
            return None if len(allowed) == len(stages) else allowed

    def may_manage_settings(self) -> bool:
        """Whether the acting person may change settings (the screens offer their buttons to them)."""
        with self._ctx.read() as session:
            return may_manage_settings(session, self._ctx.actor_id)

    def may_manage_automation(self) -> bool:
        """Whether the acting person may set up automation rules and triggers."""
        with self._ctx.read() as session:
            return access_for(session, self._ctx.actor_id).switch("manage_automation")

    def assignments(self, role_id: int | None = None) -> builtins.list[AssignmentInfo]:
        with self._ctx.read() as session:
            stmt = select(RoleAssignment).order_by(RoleAssignment.id)
            if role_id is not None:
                stmt = stmt.where(RoleAssignment.role_id == role_id)
            return [_assignment(a) for a in session.scalars(stmt)]

    # -- writing ------------------------------------------------------------------------------------------

    def create(self, name: str, rights: RoleRights | Mapping[str, Any] | None = None) -> RoleInfo:
        with self._ctx.write() as uow:
            self._check(uow)
            role = Role(name=_name(uow.session, name), rights=_rights(rights).to_json())
            uow.session.add(role)
            flush_or_conflict(uow.session, "role", role.name)
            uow.history.created("role", role.id, role.version, role.name)
            uow.emit("role.created", [role.id])
            return _info(role)

    def copy(self, role_id: int, name: str) -> RoleInfo:
        return self.create(name, self.get(role_id).rights)

    def update(
        self,
        role_id: int,
        expected_version: int,
        *,
        name: str | None = None,
        rights: RoleRights | Mapping[str, Any] | None = None,
    ) -> RoleInfo:
        with self._ctx.write() as uow:
            self._check(uow)
            session = uow.session
            role = load(session, Role, "role", role_id)
            check_version(session, "role", role, expected_version, role.name)
            diff: dict[str, tuple[Any, Any]] = {}
            if name is not None and name.strip() != role.name:
                new_name = _name(session, name, role.id)
                diff["name"] = (role.name, new_name)
                role.name = new_name
            if rights is not None:
                new_rights = _rights(rights).to_json()
                if new_rights != role.rights:
                    diff["rights"] = (_text(role.rights), _text(new_rights))
                    role.rights = new_rights
            if diff:
                flush_or_conflict(session, "role", role.name)
                uow.history.changed("role", role.id, role.version, diff)
                uow.emit("role.updated", [role.id], diff.keys())
            return _info(role)

    def delete(self, role_id: int, expected_version: int) -> None:
        with self._ctx.write() as uow:
            self._check(uow)
            role = load(uow.session, Role, "role", role_id)
            check_version(uow.session, "role", role, expected_version, role.name)
            uow.history.deleted("role", role.id, role.version + 1, role.name)
            uow.session.delete(role)
            flush_or_conflict(uow.session, "role", role.name)
            uow.emit("role.deleted", [role_id])

    def assign(
        self,
        role_id: int,
        *,
        user_id: int | None = None,
        department_id: int | None = None,
        with_subdepartments: bool = False,
        everyone: bool = False,
    ) -> AssignmentInfo:
        """Give a role to one person, a department, or everyone (exactly one of them)."""
        if (user_id is not None) + (department_id is not None) + everyone != 1:
            raise ValidationError.single(
                "holder",
                QT_TRANSLATE_NOOP("errors", "Give a role to one person, one department or everyone."),
            )
        with self._ctx.write() as uow:
            self._check(uow)
            session = uow.session
            role = load(session, Role, "role", role_id)
            if user_id is not None:
                load(session, User, "user", user_id)
            if department_id is not None:
                load(session, Department, "department", department_id)
            assignment = RoleAssignment(
                role_id=role.id,
                user_id=user_id,
                department_id=department_id,
                with_subdepartments=with_subdepartments if department_id is not None else False,
                everyone=everyone,
            )
            session.add(assignment)
            session.flush()
            uow.history.changed("role", role.id, role.version, {"assigned": (None, _holder(assignment))})
            uow.emit("role.updated", [role.id], {"assigned"})
            return _assignment(assignment)

    def unassign(self, assignment_id: int) -> None:
        with self._ctx.write() as uow:
            self._check(uow)
            session = uow.session
            assignment = session.get(RoleAssignment, assignment_id)
            if assignment is None:
                raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["role"], id=assignment_id)
            role = load(session, Role, "role", assignment.role_id)
            uow.history.changed("role", role.id, role.version, {"assigned": (_holder(assignment), None)})
            session.delete(assignment)
            uow.emit("role.updated", [role.id], {"assigned"})

    def _check(self, uow: UnitOfWork) -> None:
        require_settings(uow.session, uow.actor_id, "role")
        bump_rights(uow.session)  # whoever holds the role reads their rights again


def _info(role: Role) -> RoleInfo:
    return RoleInfo(role.id, role.name, role.builtin, RoleRights.from_json(role.rights), role.version)


def _assignment(a: RoleAssignment) -> AssignmentInfo:
    return AssignmentInfo(a.id, a.role_id, a.user_id, a.department_id, a.with_subdepartments, a.everyone)


def _holder(a: RoleAssignment) -> str:
    if a.everyone:
        return "everyone"
    if a.user_id is not None:
        return f"user:{a.user_id}"
    return f"department:{a.department_id}" + ("+sub" if a.with_subdepartments else "")


def _rights(rights: RoleRights | Mapping[str, Any] | None) -> RoleRights:
    if isinstance(rights, RoleRights):
        return RoleRights.from_json(rights.to_json())  # checked on the way through
    return RoleRights.from_json(rights)


def _text(rights: Mapping[str, Any]) -> str:
    return json.dumps(rights, sort_keys=True, ensure_ascii=False)


def _name(session: Session, name: str, role_id: int | None = None) -> str:
    clean = (name or "").strip()
    if not clean or len(clean) > 100:
        raise ValidationError.single(
            "name", QT_TRANSLATE_NOOP("errors", "A role needs a name (up to 100 characters).")
        )
    clash = session.scalar(select(Role.id).where(Role.name == clean, Role.id != (role_id or 0)))
    if clash is not None:
        raise ValidationError.single(
            "name", QT_TRANSLATE_NOOP("errors", "There is a role called '{name}' already."), name=clean
        )
    return clean
