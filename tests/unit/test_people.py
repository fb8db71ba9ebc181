"""People, departments and signing in, through the services and the command line."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.models import User, utcnow
from app.services.access.passwords import SignInError
from app.services.container import Services, open_services
from app.services.core.errors import PermissionDeniedError, ValidationError


def test_one_person_without_a_password_is_never_asked(services: Services) -> None:
    assert not services.passwords.sign_in_required()
    services.passwords.set_password(services.actor.id, "correct horse")
    assert services.passwords.sign_in_required()  # they chose a password: now it is asked for


def test_a_second_person_makes_the_database_ask_who_signs_in(services: Services) -> None:
    services.users.create(login="anna", name="Anna")
    assert services.passwords.sign_in_required()


def test_passwords_are_argon2id_hashes_and_wrong_ones_are_throttled(services: Services) -> None:
    anna = services.users.create(login="anna", name="Anna")
    services.passwords.set_password(anna.id, "s3cret-enough")
    with services.context.database.session() as session:
        stored = session.get(User, anna.id).password_hash
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "s3cret" not in stored
    assert services.passwords.sign_in("ANNA", "s3cret-enough").user_id == anna.id  # logins ignore case
    now = utcnow()
    for _ in range(5):
        with pytest.raises(SignInError, match="login or the password is wrong"):
            services.passwords.sign_in("anna", "guess", now=now)
    # The sixth failure locks for 30 s: even the right password waits.
    with pytest.raises(SignInError, match="login or the password is wrong"):
        services.passwords.sign_in("anna", "guess", now=now)
    with pytest.raises(SignInError, match="try again in 30 seconds"):
        services.passwords.sign_in("anna", "s3cret-enough", now=now)
    assert (
        services.passwords.sign_in("anna", "s3cret-enough", now=now + timedelta(seconds=31)).login == "anna"
    )
    with pytest.raises(SignInError, match="login or the password is wrong"):
        services.passwords.sign_in("nobody", "s3cret-enough")


def test_a_password_is_long_enough_and_ones_own_needs_the_current_one(services: Services) -> None:
    anna = services.users.create(login="anna", name="Anna")
    with pytest.raises(ValidationError, match="at least 8 characters"):
        services.passwords.set_password(anna.id, "short")
    services.passwords.set_password(anna.id, "first password")
    as_anna = services.as_user("anna")
    with pytest.raises(ValidationError, match="current password is wrong"):
        as_anna.passwords.set_password(anna.id, "second password", current="not it")
    as_anna.passwords.set_password(anna.id, "second password", current="first password")
    ben = services.users.create(login="ben", name="Ben")
    with pytest.raises(PermissionDeniedError, match="manage settings"):
        as_anna.passwords.set_password(ben.id, "i choose yours")


def test_departments_are_a_tree_without_loops(services: Services) -> None:
    sales = services.departments.create("Sales")
    north = services.departments.create("North", parent_id=sales.id)
    services.departments.create("Hamburg", parent_id=north.id)
    assert [(d.name, d.depth) for d in services.departments.list()] == [
        ("Sales", 0),
        ("North", 1),
        ("Hamburg", 2),
    ]
    hamburg = services.departments.find("hamburg")
    with pytest.raises(ValidationError, match="under itself or its sub-departments"):
        services.departments.update(sales.id, parent_id=hamburg.id)
    with pytest.raises(ValidationError, match="already"):
        services.departments.create("north")
    anna = services.users.create(login="anna", name="Anna", department_id=hamburg.id)
    with pytest.raises(ValidationError, match="still has people"):
        services.departments.delete(hamburg.id)
    services.users.update(anna.id, anna.version, department_id=north.id)
    services.departments.delete(hamburg.id)
    assert [d.name for d in services.departments.list()] == ["Sales", "North"]


def test_nobody_deactivates_themselves_or_the_last_administrator(services: Services) -> None:
    me = services.actor
    with pytest.raises(PermissionDeniedError, match="yourself"):
        services.users.deactivate(me.id, services.users.get(me.id).version)
    other_admin = services.users.create(login="boss", name="Boss", is_admin=True)
    boss = services.as_user("boss")
    boss.users.deactivate(me.id, services.users.get(me.id).version)
    assert not services.users.get(me.id).is_active
    with pytest.raises(PermissionDeniedError, match="yourself"):
        boss.users.deactivate(other_admin.id, other_admin.version)


# -- the command line ----------------------------------------------------------------------------------------


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_users_and_departments_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "office.sqlite")
    assert _run(capsys, "init", "--db", db)[0] == 0
    monkeypatch.delenv("DEALDESK_PASSWORD", raising=False)
    assert _run(capsys, "departments", "add", "Sales", "--db", db)[0] == 0
    assert _run(capsys, "departments", "add", "North", "--parent", "Sales", "--db", db)[0] == 0
    monkeypatch.setenv("DEALDESK_NEW_PASSWORD", "anna's password")
    code, out, _ = _run(
        capsys,
        "users",
        "add",
        "anna",
        "--name",
        "Anna Berg",
        "--department",
        "North",
        "--role",
        "Salesperson",
        "--db",
        db,
    )
    assert (code, out.strip()) == (0, "Added Anna Berg (anna).")
    monkeypatch.delenv("DEALDESK_NEW_PASSWORD")
    code, out, _ = _run(capsys, "users", "list", "--json", "--db", db)
    people = {p["login"]: p for p in json.loads(out)}
    assert people["anna"]["department_name"] == "North"
    code, out, _ = _run(capsys, "departments", "list", "--db", db)
    assert out.splitlines() == ["Sales (0 people)", "  North (1 people)"]

    # Anna must sign in now (two people, and she has a password); a wrong one changes nothing.
    monkeypatch.setenv("DEALDESK_PASSWORD", "wrong")
    code, _, err = _run(capsys, "--user", "anna", "deals", "list", "--db", db)
    assert code == 1
    assert "login or the password is wrong" in err
    monkeypatch.setenv("DEALDESK_PASSWORD", "anna's password")
    code, _, err = _run(capsys, "--user", "anna", "users", "add", "eve", "--name", "Eve", "--db", db)
    assert code == 1
    assert "Your role does not let you manage settings (User)." in err
    code, out, _ = _run(capsys, "users", "list", "--json", "--db", db, "--user", "anna")
    assert "eve" not in {p["login"] for p in json.loads(out)}  # nothing changed
    monkeypatch.delenv("DEALDESK_PASSWORD")
    services = open_services(db)
    try:
        assert services.users.by_login("eve") is None
    finally:
        services.close()


def test_people_are_imported_from_a_csv_all_or_nothing(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "office.sqlite")
    assert _run(capsys, "init", "--db", db)[0] == 0
    monkeypatch.delenv("DEALDESK_PASSWORD", raising=False)
    assert _run(capsys, "departments", "add", "Sales", "--db", db)[0] == 0
    broken = tmp_path / "people.csv"
    broken.write_text(
        "Login;Name;E-Mail;Department;Roles\n"
        "anna;Anna Berg;anna@x.de;Sales;Salesperson\n"
        "ben;Ben Kraus;;Nowhere;Salesperson; Read-only\n"
        "anna;Anna Again;;;\n",
        encoding="utf-8",
    )
    code, _out, err = _run(capsys, "users", "import", str(broken), "--db", db)
    assert code == 2
    assert "Row 3: There is no department 'Nowhere'." in err
    assert "Row 4: The login 'anna' is taken." in err
    services = open_services(db)
    try:
        assert services.users.by_login("anna") is None  # all or nothing
    finally:
        services.close()
    fine = tmp_path / "fine.csv"
    fine.write_text(
        "login,name,email,department,roles\nanna,Anna Berg,anna@x.de,Sales,Salesperson\n", encoding="utf-8"
    )
    code, out, _err = _run(capsys, "users", "import", str(fine), "--db", db)
    assert (code, out.strip()) == (0, "Imported 1 people.")
    services = open_services(db)
    try:
        anna = services.users.by_login("anna")
        assert anna.department_name == "Sales"
        assert [h.name for h in services.roles.held()[anna.id] if h.via == "person"] == ["Salesperson"]
    finally:
        services.close()
