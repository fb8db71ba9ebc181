"""Rights the server enforces (PostgreSQL): each person may sign in with a database login of their own,
and row-level security policies, made from their Dealdesk roles, let the server return only the
deals, contacts, companies and leads they may read, and change only those they may change — against
any program, not only Dealdesk's windows.

How it fits together:

- A person's login is a PostgreSQL role (`CREATE ROLE … LOGIN PASSWORD …`, its password kept by the
  server alone) in the group `dealdesk_people`, which may use every Dealdesk table. The setting
  `server_login.<role>` says whose it is: Dealdesk connected as that role acts as that person, and as
  nobody else.
- The tables keep their owner, the database's own login (the office's "shared" login, which
  administrators use): row-level security does not apply to it, so a small office can go on sharing
  one login.
- Each person's policies are the conditions Dealdesk's own queries use (`Access.deal_condition`,
  `Access.record_condition`), written out with their values for that person: what the server returns
  to them is, by construction, what Dealdesk shows them. They are made anew in the transaction of
  any change that can change somebody's rights (a role, an assignment, a department, a person).

Not covered: the analytics totals (sums per stage, product and customer, no single deal) and the
history and documents of deals stay readable to every login of the group.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.models import AppSetting, Company, Contact, Lead, User
from app.services.access.passwords import check_length
from app.services.access.rights import Action, Entity
from app.services.access.scope import RIGHTS_CHANGED, access_for
from app.services.core.context import UnitOfWork
from app.services.core.errors import PermissionDeniedError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP

GROUP = "dealdesk_people"
PREFIX = "server_login."
_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# The tables whose rows the policies guard, and what guards them.
_GUARDED: dict[str, tuple[Entity, Any] | None] = {
    "deal": None,
    "contact": (Entity.CONTACT, Contact),
    "company": (Entity.COMPANY, Company),
    "lead": (Entity.LEAD, Lead),
}
_ACTIONS = {"SELECT": Action.READ, "UPDATE": Action.EDIT, "DELETE": Action.DELETE}

MSG_SERVER_ONLY = QT_TRANSLATE_NOOP(
    "errors", "Database logins of their own exist only on a PostgreSQL server."
)
MSG_ROLE_NAME = QT_TRANSLATE_NOOP(
    "errors",
    "A database login is made of small letters, digits and _, begins with a letter and has at most 63.",
)
MSG_CANT_CREATE = QT_TRANSLATE_NOOP(
    "errors",
    "The server did not make the login ({detail}). Sign in with the database's own login, which may "
    "create roles, to make logins for people.",
)
MSG_OWNER_ONLY = QT_TRANSLATE_NOOP(
    "errors",
    "People have logins of their own on this server, and their rights there can only be changed by "
    "the database's own login ({detail}). Nothing was changed.",
)


def is_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def logins(session: Session) -> dict[str, int]:
    """Every person's own database login: role name -> user id."""
    rows = session.execute(select(AppSetting.key, AppSetting.value).where(AppSetting.key.startswith(PREFIX)))
    return {key[len(PREFIX) :]: int(value) for key, value in rows if value and value.isdigit()}


def default_role(login: str) -> str:
    return "dealdesk_" + re.sub(r"[^a-z0-9_]", "_", login.lower())[:50]


def create_login(session: Session, user_id: int, password: str, role: str | None = None) -> str:
    """A login of this person's own on the server (its password kept by the server), their policies
    made; the role's name."""
    if not is_server(session):
        raise ValidationError.single("role", MSG_SERVER_ONLY)
    user = session.get(User, user_id)
    if user is None:
        raise ValidationError.single("user_id", QT_TRANSLATE_NOOP("errors", "There is no such person."))
    role = (role or default_role(user.login)).strip()
    if not _ROLE.match(role):
        raise ValidationError.single("role", MSG_ROLE_NAME)
    check_length(password)
    quoted = _literal(password)
    exists = session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    try:
        with session.begin_nested():
            _ensure_group(session)
            verb = "ALTER" if exists else "CREATE"
            ddl = session.connection().exec_driver_sql  # no bound values: a password may hold ":x"
            ddl(f'{verb} ROLE "{role}" LOGIN PASSWORD {quoted}')  # a checked name, a quoted literal
            ddl(f'GRANT {GROUP} TO "{role}"')
    except DBAPIError as exc:  # no right to create roles: said in words, nothing changed
        raise PermissionDeniedError(MSG_CANT_CREATE, detail=_detail(exc)) from exc
    session.execute(delete(AppSetting).where(AppSetting.key == PREFIX + role))
    session.execute(insert(AppSetting).values(key=PREFIX + role, value=str(user_id)))
    session.info[RIGHTS_CHANGED] = True
    return role


def acting_person(session: Session) -> int | None:
    """Connected with a person's own login: who that is (Dealdesk then acts as them and nobody else)."""
    if not is_server(session):
        return None
    return logins(session).get(str(session.scalar(text("SELECT current_user"))))


def sync_if_changed(uow: UnitOfWork) -> None:
    """A write hook (a server's): after a change that can change somebody's rights, everybody's
    policies made anew in the same transaction."""
    session = uow.session
    if session.info.pop(RIGHTS_CHANGED, False) and is_server(session) and logins(session):
        sync(session)


def sync(session: Session) -> None:
    """Every person's policies made anew from their rights as they are in this transaction."""
    people = logins(session)
    try:
        with session.begin_nested():
            _ensure_group(session)
            session.execute(
                text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {GROUP}")
            )
            session.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {GROUP}"))
            for table in _GUARDED:
                session.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
                for (name,) in session.execute(
                    text(
                        "SELECT policyname FROM pg_policies WHERE tablename = :t AND policyname LIKE 'dd\\_%'"
                    ),
                    {"t": table},
                ):
                    session.execute(text(f'DROP POLICY "{name}" ON {table}'))  # names from the catalog
            present = set(
                session.scalars(
                    text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:r)"), {"r": list(people)}
                )
            )
            for role, user_id in sorted(people.items()):
                if role in present:
                    _policies(session, role, user_id)
    except DBAPIError as exc:
        raise PermissionDeniedError(MSG_OWNER_ONLY, detail=_detail(exc)) from exc


def _policies(session: Session, role: str, user_id: int) -> None:
    access = access_for(session, user_id)
    n = 0
    for table, guarded in _GUARDED.items():
        for command, action in (*_ACTIONS.items(), ("INSERT", Action.ADD)):
            if guarded is None:
                condition = access.deal_condition(action)
            else:
                entity, model = guarded
                condition = access.record_condition(entity, model, action)
            sql = "true" if condition is None else _sql(session, condition)
            if command == "INSERT":  # the app's own checks say who may add what; the server: whether at all
                sql = "false" if sql == "false" else "true"
                clause = f"WITH CHECK ({sql})"
            elif command == "UPDATE":
                clause = f"USING ({sql}) WITH CHECK (true)"
            else:
                clause = f"USING ({sql})"
            n += 1
            policy = f'CREATE POLICY "dd_{n}_{role}" ON {table} FOR {command} TO "{role}" {clause}'
            session.connection().exec_driver_sql(policy)  # the values written out: no bound ones


def _sql(session: Session, condition: Any) -> str:
    """A condition written out with its values, as a policy holds it."""
    dialect = session.get_bind().dialect
    return str(condition.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _ensure_group(session: Session) -> None:
    if session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": GROUP}) is None:
        session.execute(text(f"CREATE ROLE {GROUP} NOLOGIN"))


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _detail(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return " ".join(str(orig).split()).split(" [SQL:")[0].rstrip(".")
