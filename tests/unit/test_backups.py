# ruff: noqa: DTZ001 - backups are named and rotated in local time
"""Backups an office can rely on: checked when written, rotated (7 daily, 4 weekly, 12 monthly),
restored in place after keeping a copy of the file as it was; `dealdesk backup` / `restore`."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.services.container import Services, open_services
from app.storage import DatabaseError
from app.storage.backups import (
    BACKUP_EVERY,
    STAMP,
    backups_in,
    check_backup,
    is_due,
    make_backup,
    prune,
    quick_check,
    restore_backup,
)
from app.storage.failures import Problem


def _damage(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    for i in range(page_size * 2, len(data)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))


def test_a_backup_is_checked_counted_and_makes_the_next_one_due_a_day_later(
    demo_services: Services, tmp_path: Path
) -> None:
    database = demo_services.database
    assert database.path is not None
    folder = tmp_path / "backups"
    now = datetime(2026, 12, 3, 9, 0)
    assert is_due(folder, database.path, now)
    made, check = make_backup(database, folder, now=now)
    assert made.path.name == f"demo.{now.strftime(STAMP)}.sqlite"
    assert check.ok
    assert check.deals == 400
    assert not is_due(folder, database.path, now + timedelta(hours=23))
    assert is_due(folder, database.path, now + BACKUP_EVERY)


def test_the_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    database = tmp_path / "office.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    today = datetime(2026, 12, 3, 9, 0)
    for day in range(400):  # a backup every day for more than a year
        (folder / f"office.{(today - timedelta(days=day)).strftime(STAMP)}.sqlite").write_bytes(b"x")
    (folder / f"office.before-restore.{(today - timedelta(days=300)).strftime(STAMP)}.sqlite").write_bytes(
        b"x"
    )
    prune(folder, database, today)
    kept = [b.made_at for b in backups_in(folder, database) if not b.before_restore]
    assert kept[0] == today  # the newest, always
    assert sorted(d.date() for d in kept if today - d < timedelta(days=7)) == [
        (today - timedelta(days=n)).date() for n in range(6, -1, -1)
    ]
    assert len({d.isocalendar()[:2] for d in kept}) >= 4
    assert len({(d.year, d.month) for d in kept}) == 12
    assert min(kept) > today - timedelta(days=366)
    assert len(kept) <= 7 + 4 + 12
    assert any(b.before_restore for b in backups_in(folder, database))  # never rotated away


def test_restore_puts_the_backup_back_and_keeps_the_file_as_it_was(db_path: Path, tmp_path: Path) -> None:
    services = open_services(str(db_path))
    folder = tmp_path / "backups"
    services.companies.create(title="Before the backup")
    made, _check = make_backup(services.database, folder)
    services.companies.create(title="After the backup")
    services.close()
    kept = restore_backup(db_path, made.path, folder)
    with sqlite3.connect(db_path) as conn:
        names = {r[0] for r in conn.execute("SELECT title FROM company")}
    assert "Before the backup" in names
    assert "After the backup" not in names
    open_services(str(db_path), create=False).close()  # opens as any Dealdesk file
    with sqlite3.connect(kept) as conn:
        assert "After the backup" in {r[0] for r in conn.execute("SELECT title FROM company")}


def test_a_damaged_file_is_restored_and_a_damaged_backup_is_refused(db_path: Path, tmp_path: Path) -> None:
    services = open_services(str(db_path))
    folder = tmp_path / "backups"
    made, _check = make_backup(services.database, folder)
    services.close()
    _damage(db_path)
    assert quick_check(db_path) != "ok"
    kept = restore_backup(db_path, made.path, folder)
    assert quick_check(db_path) == "ok"
    assert kept.exists()  # the damaged file too is kept, never lost
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(kept.read_bytes())
    assert not check_backup(bad).ok
    with pytest.raises(DatabaseError, match="not a usable backup") as raised:
        restore_backup(db_path, bad, folder)
    assert raised.value.problem is Problem.DAMAGED
    assert quick_check(db_path) == "ok"


def test_restore_while_another_pc_writes_says_busy_and_changes_nothing(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = open_services(str(db_path))
    made, _check = make_backup(services.database, tmp_path / "backups")
    services.companies.create(title="Newer than the backup")
    services.close()
    monkeypatch.setattr("app.storage.backups.RESTORE_WAIT_S", 0.3)
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError) as raised:
            restore_backup(db_path, made.path, tmp_path / "backups")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert raised.value.problem is Problem.BUSY
    with sqlite3.connect(db_path) as conn:
        assert "Newer than the backup" in {r[0] for r in conn.execute("SELECT title FROM company")}


def test_backup_and_restore_from_the_command_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEALDESK_BACKUPS", str(tmp_path / "backups"))
    assert main(["backup", "--db", str(demo_path)]) == 0
    assert "checked: ok; 400 deals" in capsys.readouterr().out
    assert main(["backup", "--db", str(demo_path), "--if-due"]) == 0
    assert "No backup due" in capsys.readouterr().out
    _damage(demo_path)
    assert main(["deals", "list", "--db", str(demo_path)]) == 6
    assert "is damaged" in capsys.readouterr().err
    assert main(["restore", "--db", str(demo_path), "--latest"]) == 2  # asks for --yes
    assert "Add --yes" in capsys.readouterr().err
    assert main(["restore", "--db", str(demo_path), "--latest", "--yes"]) == 0
    assert "The file as it was is kept at" in capsys.readouterr().out
    assert main(["deals", "list", "--db", str(demo_path), "--limit", "1"]) == 0
    assert "of 400 deals" in capsys.readouterr().out
    assert main(["restore", "--db", str(demo_path)]) == 0
    listing = capsys.readouterr().out
    assert "400 deals  ok" in listing
    assert "DAMAGED" in listing  # the damaged file kept before the restore
