"""Who may do what, for one person: their roles (given to them, to their department or to everyone)
turned into one SQL condition per action that every query of deals applies (so a count never
reveals a row the person cannot read), and the same rule in Python for a single deal before a write.

Administrators and the system itself (no acting person: scripts, migrations) are unrestricted.
"""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, or_, select, true
from sqlalchemy.orm import Session

from app.models import (
    RIGHTS_STAMP_KEY,
    AppSetting,
    Deal,
    Department,
    Role,
    RoleAssignment,
    User,
    deal_observer,
)
from app.services.access.rights import (
    EVERYTHING,
    NOTHING,
    Action,
    AnalyticsScope,
    Entity,
    Grant,
    Level,
    RoleRights,
)
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, PermissionDeniedError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.storage.database import RIGHTS_STAMP_MEMO, note_stamp, recent_stamp, transaction_memo


@dataclass(frozen=True)
class Access:
    """One person's rights, read once per use case (a handful of small queries, none for an
    administrator)."""

    actor_id: int | None
    unrestricted: bool
    roles: tuple[RoleRights, ...] = ()
    department_people: frozenset[int] = frozenset()  # in my department, me included
    tree_people: frozenset[int] = frozenset()  # … and in its sub-departments
    department_ids: frozenset[int] = frozenset()  # my department and those under it
    _grants: dict[tuple[Entity, Action, int | None, int | None], Grant] = field(
        default_factory=dict, compare=False, repr=False
    )

    # -- the cells ------------------------------------------------------------------------------------

    def grant(
        self, entity: Entity, action: Action, pipeline_id: int | None = None, stage_id: int | None = None
    ) -> Grant:
        if self.unrestricted:
            return EVERYTHING
        key = (entity, action, pipeline_id, stage_id)
        found = self._grants.get(key)
        if found is None:
            found = Grant.of(role.level(entity, action, pipeline_id, stage_id) for role in self.roles)
            self._grants[key] = found
        return found

    def switch(self, name: str) -> bool:
        """manage_settings, manage_automation, see_sums: whether any of the roles has it on."""
        return self.unrestricted or any(getattr(role, name) for role in self.roles)

    def analytics_people(self) -> frozenset[int] | None:
        """Whose figures Analytics shows this person (None: everybody's): the widest of their roles'
        "see analytics of others" (own, their department with its sub-departments, all)."""
        if self.unrestricted or any(role.analytics is AnalyticsScope.ALL for role in self.roles):
            return None
        if any(role.analytics is AnalyticsScope.DEPARTMENT for role in self.roles):
            return self.tree_people
        return frozenset({self.actor_id}) if self.actor_id is not None else frozenset()

    def may_move_into(self, pipeline_id: int, stage_id: int) -> bool:
        return self.unrestricted or any(role.may_move_into(pipeline_id, stage_id) for role in self.roles)

    # -- deals in SQL -----------------------------------------------------------------------------------

    def deal_condition(self, action: Action = Action.READ) -> ColumnElement[bool] | None:
        """The deals this person may `action`, as a WHERE condition; None when that is every deal."""
        if self.unrestricted:
            return None
        pipelines: set[int] = set()
        stages: dict[int, set[int]] = {}
        for role in self.roles:
            for pipeline_id, spec in role.pipelines.items():
                if action in spec.levels or any(action in levels for levels in spec.stages.values()):
                    pipelines.add(pipeline_id)
                    stages.setdefault(pipeline_id, set()).update(
                        s for s, levels in spec.stages.items() if action in levels
                    )
        branches: list[ColumnElement[bool]] = []
        default = self._condition(self.grant(Entity.DEAL, action))
        if not pipelines:  # one rule for every pipeline
            if default is True:
                return None
            return false() if default is False else default
        if default is not False:
            rest = Deal.pipeline_id.not_in(sorted(pipelines))
            branches.append(rest if default is True else and_(rest, default))
        for pipeline_id in sorted(pipelines):
            parts: list[ColumnElement[bool]] = []
            by_grant: dict[Grant, list[int]] = {}
            for stage_id in sorted(stages[pipeline_id]):
                by_grant.setdefault(self.grant(Entity.DEAL, action, pipeline_id, stage_id), []).append(
                    stage_id
                )
            for grant, stage_ids in by_grant.items():
                condition = self._condition(grant)
                if condition is not False:
                    inside = Deal.stage_id.in_(stage_ids)
                    parts.append(inside if condition is True else and_(inside, condition))
            condition = self._condition(self.grant(Entity.DEAL, action, pipeline_id))
            if condition is not False:
                others = Deal.stage_id.not_in(sorted(stages[pipeline_id])) if stages[pipeline_id] else true()
                parts.append(others if condition is True else and_(others, condition))
            if parts:
                branches.append(and_(Deal.pipeline_id == pipeline_id, or_(*parts)))
        return or_(*branches) if branches else false()

    def _condition(self, grant: Grant) -> ColumnElement[bool] | bool:
        """True (every deal), False (none) or the deals of the levels granted."""
        if grant.everything:
            return True
        if grant.nothing:
            return False
        me = self.actor_id
        people = sorted(p for p in self._people(grant) if p is not None)
        observed = Deal.id.in_(select(deal_observer.c.deal_id).where(deal_observer.c.user_id == me))
        responsible = Deal.responsible_id == me if len(people) == 1 else Deal.responsible_id.in_(people)
        parts: list[ColumnElement[bool]] = [responsible, observed]
        if Level.OPEN in grant:
            parts.append(Deal.is_open == true())  # "= 1": the partial index of open deals serves it
        return or_(*parts)

    # -- contacts, companies, leads: by their responsible person and their open flag -----------------

    def record_condition(self, entity: Entity, model: Any, action: Action = Action.READ) -> Any:
        """The records of `model` (contacts, companies or leads) this person may `action`; None: all."""
        grant = self.grant(entity, action)
        if grant.everything:
            return None
        if grant.nothing:
            return false()
        parts = [model.responsible_id.in_(sorted(p for p in self._people(grant) if p is not None))]
        if Level.OPEN in grant:
            parts.append(model.is_open == true())
        return or_(*parts)

    def allows_record(
        self,
        entity: Entity,
        action: Action,
        responsible_id: int | None,
        is_open: bool,
        grant: Grant | None = None,
    ) -> bool:
        """One record against the levels granted: responsible (or in my department…), or open."""
        grant = grant if grant is not None else self.grant(entity, action)
        if grant.everything:
            return True
        if grant.nothing:
            return False
        return responsible_id in self._people(grant) or (Level.OPEN in grant and bool(is_open))

    def _people(self, grant: Grant) -> set[int | None]:
        people: set[int | None] = {self.actor_id}
        if Level.SUBDEPARTMENTS in grant:
            people |= self.tree_people
        if Level.DEPARTMENT in grant:
            people |= self.department_people
        return people

    # -- one deal in Python -----------------------------------------------------------------------------

    def allows_deal(
        self,
        action: Action,
        *,
        pipeline_id: int,
        stage_id: int,
        responsible_id: int | None,
        is_open: bool,
        observers: Iterable[int] = (),
    ) -> bool:
        """The same rule as `deal_condition`, for one deal as it is (or is about to be)."""
        grant = self.grant(Entity.DEAL, action, pipeline_id, stage_id)
        if grant.everything:
            return True
        if grant.nothing:
            return False
        if self.actor_id in set(observers):
            return True
        return self.allows_record(Entity.DEAL, action, responsible_id, is_open, grant)


UNRESTRICTED = Access(None, True)


# Rights read, per database engine and person, with the rights stamp they were read at.
_read: weakref.WeakKeyDictionary[Any, dict[int, tuple[str, Access]]] = weakref.WeakKeyDictionary()


RIGHTS_CHANGED = "dealdesk_rights_changed"  # in a session's info: its transaction changed somebody's rights


def bump_rights(session: Session) -> None:
    """Note, in the writer's transaction, a change that can change somebody's rights: every process
    reading rights sees the new stamp and reads them again."""
    session.info[RIGHTS_CHANGED] = True  # a server's policies are made anew before commit (server_rights)
    current = session.get(AppSetting, RIGHTS_STAMP_KEY)
    stamp = uuid.uuid4().hex  # never one seen before, whichever PC writes it
    if current is None:
        session.add(AppSetting(key=RIGHTS_STAMP_KEY, value=stamp))
    else:
        current.value = stamp
    session.flush()
    transaction_memo(session.connection())[RIGHTS_STAMP_MEMO] = stamp
    note_stamp(session.connection(), None)  # reads ask the server again after this


def access_for(session: Session | Connection, actor_id: int | None) -> Access:
    """The rights of the acting person, read in the caller's transaction (ORM or plain). Kept while
    the rights stamp stays the same: one small read by key instead of five."""
    if actor_id is None:
        return UNRESTRICTED
    stamp = _stamp(session)
    engine = session.get_bind() if isinstance(session, Session) else session.engine
    known = _read.setdefault(engine, {})
    cached = known.get(actor_id)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    access = _read_access(session, actor_id)
    known[actor_id] = (stamp, access)
    return access


def _stamp(session: Session | Connection) -> str:
    """The rights stamp, read once per transaction (a move asks for rights four times, and each
    read is a round trip to a server; a server's write has it read as it begins)."""
    connection = session.connection() if isinstance(session, Session) else session
    memo = transaction_memo(connection)
    stamp = memo.get(RIGHTS_STAMP_MEMO) or recent_stamp(connection)
    if stamp is None:
        stamp = (
            session.execute(select(AppSetting.value).where(AppSetting.key == RIGHTS_STAMP_KEY)).scalar()
            or "0"
        )
        note_stamp(connection, stamp)
    memo[RIGHTS_STAMP_MEMO] = stamp
    return str(stamp)


def _read_access(session: Session | Connection, actor_id: int) -> Access:
    user = session.execute(
        select(User.is_admin, User.is_active, User.department_id).where(User.id == actor_id)
    ).first()
    if user is None or not user.is_active:
        return Access(actor_id, False)  # nobody (any more): nothing
    if user.is_admin:
        return Access(actor_id, True)
    parents = dict(session.execute(select(Department.id, Department.parent_id)).all())
    own = user.department_id
    mine = {own} if own is not None else set()
    tree = set(mine)
    changed = True
    while changed:  # the departments under mine, however deep (a small table)
        changed = False
        for department_id, parent_id in parents.items():
            if parent_id in tree and department_id not in tree:
                tree.add(department_id)
                changed = True
    # My department and each one above it: a role given to a department "with its sub-departments"
    # reaches me.
    above: set[int] = set()
    current = own
    while current is not None and current not in above:
        above.add(current)
        current = parents.get(current)
    assignments = session.execute(
        select(
            RoleAssignment.role_id, RoleAssignment.department_id, RoleAssignment.with_subdepartments
        ).where(
            or_(
                RoleAssignment.user_id == actor_id,
                RoleAssignment.everyone.is_(True),
                RoleAssignment.department_id.in_(sorted(above)) if above else false(),
            )
        )
    ).all()
    role_ids = {
        role_id
        for role_id, department_id, with_sub in assignments
        if department_id is None or department_id == own or with_sub
    }
    roles = tuple(
        RoleRights.from_json(rights)
        for rights in session.execute(
            select(Role.rights).where(Role.id.in_(sorted(role_ids))).order_by(Role.id)
        ).scalars()
    )
    people = {actor_id}
    department_people: set[int] = set(people)
    tree_people: set[int] = set(people)
    if tree:
        for user_id, member_of in session.execute(
            select(User.id, User.department_id).where(User.department_id.in_(sorted(tree)))
        ):
            tree_people.add(user_id)
            if member_of == own:
                department_people.add(user_id)
    return Access(
        actor_id,
        False,
        roles,
        frozenset(department_people),
        frozenset(tree_people),
        frozenset(tree),
    )


__all__ = [
    "NOTHING",
    "UNRESTRICTED",
    "Access",
    "access_for",
    "deal_scope",
    "may_add",
    "require_deal",
    "require_move",
]


RECORD_ENTITIES = {"contact": Entity.CONTACT, "company": Entity.COMPANY, "lead": Entity.LEAD}


def record_scope(
    session: Session | Connection, actor_id: int | None, entity: str, model: Any, action: Action = Action.READ
) -> list[ColumnElement[bool]]:
    """The contacts, companies or leads (`entity`) the acting person may `action`, as conditions."""
    condition = access_for(session, actor_id).record_condition(RECORD_ENTITIES[entity], model, action)
    return [] if condition is None else [condition]


def require_record(session: Session, actor_id: int | None, entity: str, record: Any, action: str) -> None:
    """Refuse unless the acting person may `action` ("read", "edit", "delete") this contact,
    company or lead; one they may not read is "not found"."""
    access = access_for(session, actor_id)
    if access.unrestricted:
        return
    kind = RECORD_ENTITIES[entity]
    owner, is_open = record.responsible_id, bool(getattr(record, "is_open", True))
    if not access.allows_record(kind, Action.READ, owner, is_open):
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES[entity], id=record.id)
    wanted = Action(action)
    if wanted is not Action.READ and not access.allows_record(kind, wanted, owner, is_open):
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP("errors", "Your role does not let you change or delete “{title}”."),
            title=getattr(record, "title", None) or getattr(record, "full_name", "") or str(record.id),
        )


def deal_scope(
    session: Session | Connection, actor_id: int | None, action: Action = Action.READ
) -> list[ColumnElement[bool]]:
    """The deals the acting person may `action`, as WHERE conditions to add to a query (none for
    those who may act on every deal)."""
    condition = access_for(session, actor_id).deal_condition(action)
    return [] if condition is None else [condition]


_REFUSALS = {
    Action.ADD: QT_TRANSLATE_NOOP("errors", "Your role does not let you add this deal in “{stage}”."),
    Action.EDIT: QT_TRANSLATE_NOOP("errors", "Your role does not let you change the deal “{title}”."),
    Action.DELETE: QT_TRANSLATE_NOOP("errors", "Your role does not let you delete the deal “{title}”."),
    Action.EXPORT: QT_TRANSLATE_NOOP("errors", "Your role does not let you export the deal “{title}”."),
}


def require_deal(
    session: Session, actor_id: int | None, deal: Deal, action: Action, *, stage_name: str = ""
) -> None:
    """Refuse unless the acting person may `action` this deal as it is now. A deal they may not
    read is "not found", exactly like one that does not exist: it appears nowhere for them."""
    access = access_for(session, actor_id)
    if access.unrestricted:
        return
    observers = (
        list(session.scalars(select(deal_observer.c.user_id).where(deal_observer.c.deal_id == deal.id)))
        if deal.id is not None
        else []
    )

    def allows(wanted: Action) -> bool:
        return access.allows_deal(
            wanted,
            pipeline_id=deal.pipeline_id,
            stage_id=deal.stage_id,
            responsible_id=deal.responsible_id,
            is_open=bool(deal.is_open),
            observers=observers,
        )

    if action is not Action.ADD and not allows(Action.READ):
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["deal"], id=deal.id)
    if action is not Action.READ and not allows(action):
        raise PermissionDeniedError(_REFUSALS[action], title=deal.title, stage=stage_name)


def require_move(
    session: Session, actor_id: int | None, pipeline_id: int, stage_id: int, stage_name: str
) -> None:
    if not access_for(session, actor_id).may_move_into(pipeline_id, stage_id):
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP("errors", "Your role does not let you move deals into the stage “{stage}”."),
            stage=stage_name,
        )


def may_add(session: Session, actor_id: int | None, stage: Any, values: Mapping[str, Any]) -> None:
    """Refuse a new deal the acting person may not add (in this stage, for this responsible person)."""
    access = access_for(session, actor_id)
    if access.unrestricted:
        return
    if not access.allows_deal(
        Action.ADD,
        pipeline_id=stage.pipeline_id,
        stage_id=stage.id,
        responsible_id=values.get("responsible_id", actor_id),
        is_open=bool(values.get("is_open", False)),
    ):
        raise PermissionDeniedError(_REFUSALS[Action.ADD], title=values.get("title", ""), stage=stage.name)
