"""`dealdesk users ...` and `dealdesk departments ...`: people and departments from the command line,
on the same services (and rights) as Settings › Users and departments; JSON out where they list.
Also signing the command line in: the acting person's password, asked for or read from
$DEALDESK_PASSWORD, when the database asks who signs in."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_usage import UsageError

if TYPE_CHECKING:
    from app.services.container import Services

ENV_PASSWORD = "DEALDESK_PASSWORD"  # the acting person's password, for scripts
ENV_NEW_PASSWORD = "DEALDESK_NEW_PASSWORD"  # a password to set, for scripts


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    users = commands.add_parser("users", help="list, add, edit and deactivate people")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="everybody, by name")
    listing.add_argument("--all", action="store_true", help="deactivated people too")
    listing.add_argument("--json", action="store_true", help="JSON instead of a table")
    add = actions.add_parser("add", parents=[common], help="a new person")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    _person_options(add)
    add.add_argument(
        "--role", action="append", default=[], metavar="ROLE", help="give this role (repeatable)"
    )
    add.add_argument("--password-stdin", action="store_true", help="read their password from standard input")
    edit = actions.add_parser("edit", parents=[common], help="change a person")
    edit.add_argument("login")
    edit.add_argument("--name")
    edit.add_argument("--new-login", metavar="LOGIN")
    _person_options(edit)
    edit.add_argument("--no-department", action="store_true", help="take them out of their department")
    edit.add_argument("--no-admin", action="store_true", help="no longer an administrator")
    importing = actions.add_parser(
        "import", parents=[common], help="people from a CSV file (login, name, email, department, roles)"
    )
    importing.add_argument("file", type=Path)
    deactivate = actions.add_parser("deactivate", parents=[common], help="they can no longer sign in")
    deactivate.add_argument("login")
    password = actions.add_parser("set-password", parents=[common], help="set (or reset) a password")
    password.add_argument("login")
    password.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    server_login = actions.add_parser(
        "server-login",
        parents=[common],
        help="a PostgreSQL login of their own: the server then returns them only what they may read",
    )
    server_login.add_argument("login")
    server_login.add_argument("--role", metavar="NAME", help="the login's name (default: dealdesk_<login>)")
    server_login.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    departments = commands.add_parser("departments", help="list, add, edit and delete departments")
    dept_actions = departments.add_subparsers(dest="departments_command", metavar="ACTION", required=True)
    dept_list = dept_actions.add_parser("list", parents=[common], help="the tree of departments")
    dept_list.add_argument("--json", action="store_true", help="JSON instead of a tree")
    dept_add = dept_actions.add_parser("add", parents=[common], help="a new department")
    dept_add.add_argument("name")
    dept_add.add_argument("--parent", metavar="DEPARTMENT", help="a sub-department of this one")
    dept_add.add_argument("--head", metavar="LOGIN")
    dept_edit = dept_actions.add_parser("edit", parents=[common], help="rename, move, change its head")
    dept_edit.add_argument("name")
    dept_edit.add_argument("--new-name", metavar="NAME")
    dept_edit.add_argument("--parent", metavar="DEPARTMENT")
    dept_edit.add_argument("--top", action="store_true", help="no longer under another department")
    dept_edit.add_argument("--head", metavar="LOGIN")
    dept_edit.add_argument("--no-head", action="store_true")
    dept_delete = dept_actions.add_parser("delete", parents=[common], help="an empty department")
    dept_delete.add_argument("name")


def _person_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--email")
    parser.add_argument("--department", metavar="NAME")
    parser.add_argument("--admin", action="store_true", help="an administrator (administrators only)")


def run(services: Services, args: argparse.Namespace) -> int:
    if args.command == "users":
        return _USERS[args.users_command](services, args)
    return _DEPARTMENTS[args.departments_command](services, args)


# -- signing in --------------------------------------------------------------------------------------------


def sign_in(services: Services, *, environ: dict[str, str] | None = None) -> None:
    """When the database asks who signs in, the acting person's password: $DEALDESK_PASSWORD, else
    asked for on the terminal (not shown). A wrong one raises SignInError: nothing is done."""
    if services.actor is None or not services.passwords.sign_in_required():
        return
    env = os.environ if environ is None else environ
    password = env.get(ENV_PASSWORD)
    if password is None and services.passwords.has_password(services.actor.id):
        if not sys.stdin.isatty():
            raise _usage(
                f"'{services.actor.login}' has a password: "
                f"set {ENV_PASSWORD} or run in a terminal to be asked."
            )
        password = getpass.getpass(f"Password for {services.actor.login}: ")
    services.passwords.sign_in(services.actor.login, password or "")


# -- users -------------------------------------------------------------------------------------------------


def _users_list(services: Services, args: argparse.Namespace) -> int:
    people = services.users.list(active_only=not args.all)
    if args.json:
        json.dump(
            [{k: v for k, v in asdict(p).items() if k != "version"} for p in people],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0
    table = [("Login", "Name", "Department", "E-mail", "")]
    table += [
        (
            p.login,
            p.name,
            p.department_name or "",
            p.email or "",
            ", ".join(x for x, on in (("administrator", p.is_admin), ("deactivated", not p.is_active)) if on),
        )
        for p in people
    ]
    _print_table(table)
    return 0


def _users_add(services: Services, args: argparse.Namespace) -> int:
    department = services.departments.find(args.department).id if args.department else None
    roles = {r.name.casefold(): r for r in services.roles.list()}
    wanted = []
    for name in args.role:
        role = roles.get(name.casefold())
        if role is None:
            raise _usage(f"No role '{name}' (known: {', '.join(sorted(r.name for r in roles.values()))}).")
        wanted.append(role)
    password = (
        _new_password(args.password_stdin) if args.password_stdin or ENV_NEW_PASSWORD in os.environ else None
    )
    person = services.users.create(
        login=args.login, name=args.name, email=args.email, department_id=department, is_admin=args.admin
    )
    for role in wanted:
        services.roles.assign(role.id, user_id=person.id)
    if password is not None:
        services.passwords.set_password(person.id, password)
    print(f"Added {person.name} ({person.login}).")
    return 0


def _users_import(services: Services, args: argparse.Namespace) -> int:
    return import_people_file(services, args.file)


def import_people_file(services: Services, path: Path) -> int:
    """A table with a heading row: login, name, email, department, roles (several: "A; B")."""
    from app.services.importing.records import RecordImportRejectedError

    importer = services.people_import
    table = services.deal_import.open(path)
    mapping = importer.guess(table.header)
    try:
        result = importer.run(table, mapping)
    except RecordImportRejectedError as exc:
        raise _usage("\n".join(str(p.message) for p in exc.check.problems)) from exc
    if not result.created:
        raise _usage(f"{path} holds no people (a heading row, then one person per row).")
    print(f"Imported {len(result.created)} people.")
    return 0


def _users_edit(services: Services, args: argparse.Namespace) -> int:
    person = _person(services, args.login)
    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name"] = args.name
    if args.new_login is not None:
        changes["login"] = args.new_login
    if args.email is not None:
        changes["email"] = args.email
    if args.department is not None:
        changes["department_id"] = services.departments.find(args.department).id
    if args.no_department:
        changes["department_id"] = None
    if args.admin:
        changes["is_admin"] = True
    if args.no_admin:
        changes["is_admin"] = False
    if not changes:
        raise _usage("Nothing to change: give --name, --new-login, --email, --department or --admin.")
    changed = services.users.update(person.id, person.version, **changes)
    print(f"Changed {changed.name} ({changed.login}).")
    return 0


def _users_deactivate(services: Services, args: argparse.Namespace) -> int:
    person = _person(services, args.login)
    services.users.deactivate(person.id, person.version)
    print(f"Deactivated {person.name} ({person.login}): their deals keep their name.")
    return 0


def _users_set_password(services: Services, args: argparse.Namespace) -> int:
    person = _person(services, args.login)
    current = None
    if person.id == services.context.actor_id and services.passwords.has_password(services.actor.id):
        current = os.environ.get(ENV_PASSWORD)
    services.passwords.set_password(person.id, _new_password(args.password_stdin), current=current)
    print(f"Set the password of {person.name} ({person.login}).")
    return 0


def _users_server_login(services: Services, args: argparse.Namespace) -> int:
    person = _person(services, args.login)
    role = services.users.add_server_login(person.id, _new_password(args.password_stdin), args.role)
    print(
        f"{person.name} signs in to the server as '{role}' (the password is kept by the server). "
        "The server returns them only the deals, contacts, companies and leads their roles let them read."
    )
    return 0


def _new_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if ENV_NEW_PASSWORD in os.environ:
        return os.environ[ENV_NEW_PASSWORD]
    if not sys.stdin.isatty():
        raise _usage(f"Give the password on standard input (--password-stdin) or in {ENV_NEW_PASSWORD}.")
    first = getpass.getpass("New password: ")
    if getpass.getpass("The same again: ") != first:
        raise _usage("The two passwords differ; nothing was changed.")
    return first


def _person(services: Services, login: str) -> Any:
    person = services.users.by_login(login)
    if person is None:
        raise _usage(f"No user with the login '{login}'.")
    return person


# -- departments ---------------------------------------------------------------------------------------------


def _departments_list(services: Services, args: argparse.Namespace) -> int:
    departments = services.departments.list()
    if args.json:
        json.dump([asdict(d) for d in departments], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for d in departments:
        head = f" — head: {d.head_name}" if d.head_name else ""
        print(f"{'  ' * d.depth}{d.name} ({d.people} people){head}")
    return 0


def _departments_add(services: Services, args: argparse.Namespace) -> int:
    parent = services.departments.find(args.parent).id if args.parent else None
    head = _person(services, args.head).id if args.head else None
    made = services.departments.create(args.name, parent_id=parent, head_id=head)
    print(f"Added the department {made.name}.")
    return 0


def _departments_edit(services: Services, args: argparse.Namespace) -> int:
    department = services.departments.find(args.name)
    changes: dict[str, Any] = {}
    if args.new_name:
        changes["name"] = args.new_name
    if args.parent:
        changes["parent_id"] = services.departments.find(args.parent).id
    if args.top:
        changes["parent_id"] = None
    if args.head:
        changes["head_id"] = _person(services, args.head).id
    if args.no_head:
        changes["head_id"] = None
    if not changes:
        raise _usage("Nothing to change: give --new-name, --parent, --top, --head or --no-head.")
    changed = services.departments.update(department.id, **changes)
    print(f"Changed the department {changed.name}.")
    return 0


def _departments_delete(services: Services, args: argparse.Namespace) -> int:
    department = services.departments.find(args.name)
    services.departments.delete(department.id)
    print(f"Deleted the department {department.name}.")
    return 0


def _print_table(table: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for n, row in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _usage(message: str) -> Exception:
    return UsageError(message)


_USERS: dict[str, Callable[[Services, argparse.Namespace], int]] = {
    "list": _users_list,
    "add": _users_add,
    "import": _users_import,
    "edit": _users_edit,
    "deactivate": _users_deactivate,
    "set-password": _users_set_password,
    "server-login": _users_server_login,
}
_DEPARTMENTS: dict[str, Callable[[Services, argparse.Namespace], int]] = {
    "list": _departments_list,
    "add": _departments_add,
    "edit": _departments_edit,
    "delete": _departments_delete,
}
