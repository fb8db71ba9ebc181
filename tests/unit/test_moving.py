"""Copying a whole database into a new file: checked, all or nothing, administrators only.

(Onto a server and back: tests/integration/test_moving_postgres.py.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.services.container import Services, open_services
from app.services.core.errors import CancelledError, PermissionDeniedError, ValidationError
from app.services.deals.queries import DealFilter
from app.storage.failures import DatabaseError
from app.storage.moving import copying
from app.storage.moving.checksums import Fingerprint
from app.storage.moving.copying import copy_database
from app.storage.moving.tables import copied_tables


def test_a_fingerprint_does_not_depend_on_order_but_on_every_value() -> None:
    rows = [(1, "a", None, True), (2, "b", "", False), (3, "ä", b"\x00", 1)]
    same = Fingerprint().add(rows)
    assert Fingerprint().add(reversed(rows)) == same
    assert Fingerprint().add(rows[:1]).add(rows[1:]) == same
    assert same.rows == 3
    for changed in (
        [(1, "a", None, 1), *rows[1:]],  # a flag is not a number
        [(1, "a", "", True), *rows[1:]],  # nothing is not an empty text
        [*rows[:2], (3, "a", b"\x00", 1)],
        rows[:2],
    ):
        assert Fingerprint().add(changed) != same
    assert Fingerprint().add([(memoryview(b"\x00"),)], binary=True) == Fingerprint().add([(b"\x00",)])


def test_every_table_is_copied_parents_first_as_stored() -> None:
    tables = copied_tables()
    names = [t.name for t in tables]
    assert names.index("pipeline") < names.index("stage") < names.index("deal") < names.index("task")
    deal = next(t for t in tables if t.name == "deal")
    # Amounts as their stored cents, not as Decimals scaled a second time.
    assert type(deal.twin.c.amount.type).__name__ == "BigInteger"
    assert deal.serial == "id"
    role = next(t for t in tables if t.name == "role")
    assert role.documents == ("rights",)
    assert next(t for t in tables if t.name == "deal_contact").serial is None


def test_a_file_copied_into_a_new_file(demo_services: Services, demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    seen: list[str] = []
    report = copy_database(str(demo_path), str(target), progress=lambda t, _d, _n: seen.append(t))
    assert not report.marked  # only a move onto a server marks the file
    assert {"deal", "check", "search", "analytics"} <= set(seen)
    assert "indexes" in seen  # made after the rows, as on a server
    copy = open_services(str(target))
    try:
        assert copy.deal_queries.summary(DealFilter()) == demo_services.deal_queries.summary(DealFilter())
        assert copy.deal_queries.count(DealFilter(search="gmbh")) == demo_services.deal_queries.count(
            DealFilter(search="gmbh")
        )
        assert copy.moving.moved_to() is None
        with sqlite3.connect(target) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        copy.close()
    by_name = {t.name: t.rows for t in report.tables}
    assert by_name["deal"] == demo_services.deal_queries.count(DealFilter())
    assert not list(tmp_path.glob("*.partial*"))


def test_a_copy_is_refused_where_it_would_overwrite(demo_path: Path, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="can't go into the database it is copied from"):
        copy_database(str(demo_path), str(demo_path))
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"someone's data")
    with pytest.raises(DatabaseError, match="already exists"):
        copy_database(str(demo_path), str(other))
    assert other.read_bytes() == b"someone's data"
    with pytest.raises(DatabaseError, match="holds no Dealdesk database"):
        copy_database(str(tmp_path / "missing.sqlite"), str(tmp_path / "out.sqlite"))
    assert not (tmp_path / "out.sqlite").exists()


def test_a_failed_check_leaves_no_file(demo_path: Path, tmp_path: Path, monkeypatch) -> None:
    """A copy that does not match (here: a row lost on the way) is thrown away, never renamed."""
    real = copying._writer

    def losing(conn, table):
        write = real(conn, table)
        return (lambda rows: write(rows[1:])) if table.name == "deal" else write

    monkeypatch.setattr(copying, "_writer", losing)
    with pytest.raises(DatabaseError, match="copy of deal does not match"):
        copy_database(str(demo_path), str(tmp_path / "out.sqlite"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]


def test_a_cancel_leaves_no_file(demo_path: Path, tmp_path: Path) -> None:
    def progress(table: str, _done: int, _total: int) -> None:
        if table == "deal":
            raise CancelledError

    with pytest.raises(CancelledError):
        copy_database(str(demo_path), str(tmp_path / "out.sqlite"), progress=progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]


def test_administrators_only(services: Services, db_path: Path, tmp_path: Path) -> None:
    services.users.create(login="ben", name="Ben")
    ben = open_services(str(db_path), login="ben")
    try:
        with pytest.raises(PermissionDeniedError, match="Only an administrator"):
            ben.moving.to_file(tmp_path / "out.sqlite")
        with pytest.raises(PermissionDeniedError):
            ben.moving.to_server("postgresql+psycopg://ben@server/dealdesk")
    finally:
        ben.close()
    with pytest.raises(ValidationError, match="postgresql"):
        services.moving.to_server("mysql://server/dealdesk")
    assert not (tmp_path / "out.sqlite").exists()


def test_copy_command_into_a_file(demo_path: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "leaving.sqlite"
    assert main(["copy", "--from", str(demo_path), "--to", str(target)]) == 0
    said = capsys.readouterr().out
    assert f"to {target}" in said
    assert "checksum" in said
    assert "marked" not in said
    assert main(["copy", "--from", str(demo_path), "--to", str(target)]) != 0
    assert "already exists" in capsys.readouterr().err
