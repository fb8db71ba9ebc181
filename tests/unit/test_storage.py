"""Opening databases: safe SQLite settings, migrations, backups, clear errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.models import Base, is_search_object
from app.storage import DatabaseError, migrate, open_database
from app.storage.backup import backup_sqlite
from app.storage.database import WRITE_OPTION
from app.storage.failures import Problem


def _managed(name, type_, parent_names):  # the search index is made by hand
    return not is_search_object(name)


def test_new_file_gets_rollback_journal_and_safe_pragmas(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "new.sqlite"))
    with database.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        )  # WAL breaks on network drives
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    database.dispose()


def test_schema_from_migrations_matches_the_models(db_path: Path) -> None:
    database = open_database(str(db_path))
    with database.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True, "include_name": _managed}),
            Base.metadata,
        )
    database.dispose()
    assert diff == []


def test_indexes_remade_by_an_upgrade_keep_their_planner_statistics(demo_path: Path) -> None:
    """0022 remakes the calendar's day index: an analysed file gets statistics for it again
    (without, SQLite guesses for it next to figures for all the others)."""
    database = open_database(str(demo_path))
    with database.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    analysed = "SELECT idx FROM sqlite_stat1 WHERE idx = 'ix_deal_close_date'"
    config = Config()  # back to the schema before 0022, by the migrations' own way down
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with database.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0021")
        conn.commit()
    with sqlite3.connect(demo_path) as raw:
        assert raw.execute(analysed).fetchall() == [("ix_deal_close_date",)]  # analysed on the way down
        raw.execute("DELETE FROM sqlite_stat1 WHERE idx = 'ix_deal_close_date'")  # as an 0021 file has it
        raw.execute("ANALYZE ix_deal_title")  # ...with statistics for the others
    migrate.upgrade(database)
    with sqlite3.connect(demo_path) as raw:
        assert raw.execute(analysed).fetchall() == [("ix_deal_close_date",)]
        columns = [r[2] for r in raw.execute("PRAGMA index_info(ix_deal_close_date)")]
        assert columns == ["close_date", "amount", "responsible_id", "is_open"]
    database.dispose()


def test_schema_head_constant_is_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == migrate.SCHEMA_HEAD
    assert migrate.SCHEMA_HEAD in migrate.KNOWN_REVISIONS


def test_opening_an_up_to_date_database_does_not_load_alembic(db_path: Path) -> None:
    code = (
        "import sys; from app.storage import open_database; "
        f"open_database({str(db_path)!r}).dispose(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_write_sessions_take_the_write_lock_at_once(db_path: Path) -> None:
    database = open_database(str(db_path))
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with database.session(write=True), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the session ended
        other.execute("ROLLBACK")
        with database.session():  # a read session does not block writers
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()
        database.dispose()


def test_a_file_that_is_not_a_database_gives_a_clear_message(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are my notes, not a database " * 50)
    with pytest.raises(DatabaseError, match="is not a Dealdesk database"):
        open_database(str(bogus))
    assert bogus.read_text().startswith("these are my notes")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(DatabaseError, match="holds other tables"):
        open_database(str(path))


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="newer Dealdesk"):
        open_database(str(db_path))


def test_an_older_schema_is_backed_up_before_it_is_upgraded(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
        conn.execute("INSERT INTO app_setting (key, value) VALUES ('marker', 'before')")
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", ("0000", migrate.SCHEMA_HEAD))
    upgraded: list[str] = []

    def fake_upgrade(database, target="head"):  # the real one would run the 0000 -> head scripts
        with database.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": migrate.SCHEMA_HEAD})
        upgraded.append(target)

    monkeypatch.setattr(migrate, "upgrade", fake_upgrade)
    open_database(str(db_path)).dispose()
    backups = list(db_path.parent.glob("deals.before-*.sqlite"))
    assert upgraded == ["head"]
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0000",)
        assert conn.execute("SELECT value FROM app_setting WHERE key = 'marker'").fetchone() == ("before",)


def test_backup_is_a_consistent_copy_and_never_the_database_itself(db_path: Path, tmp_path: Path) -> None:
    database = open_database(str(db_path))
    target = backup_sqlite(database, tmp_path / "copies" / "backup.sqlite")
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM stage").fetchone()[0] == 7
    with pytest.raises(DatabaseError, match="can't overwrite the database itself"):
        backup_sqlite(database, db_path)
    database.dispose()


def test_a_cancelled_backup_leaves_no_file(db_path: Path, tmp_path: Path) -> None:
    database = open_database(str(db_path))

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        backup_sqlite(database, tmp_path / "b.sqlite", progress)
    database.dispose()
    assert list(tmp_path.glob("b.sqlite*")) == []


def test_a_missing_folder_is_made_only_inside_the_own_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.config.data_dir", lambda: tmp_path / "data")
    database = open_database(str(tmp_path / "data" / "b" / "deals.sqlite"))
    assert database.path is not None
    assert database.path.exists()
    database.dispose()
    # Elsewhere a missing folder is a missing drive: nothing is made.
    with pytest.raises(DatabaseError, match=r"does not exist\. Is the network drive connected\?") as raised:
        open_database(str(tmp_path / "share" / "office" / "deals.sqlite"))
    assert raised.value.problem is Problem.MISSING
    assert not (tmp_path / "share").exists()


def test_open_without_create_refuses_a_missing_or_empty_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match=r"is not there\. Is the network drive connected") as raised:
        open_database(str(tmp_path / "missing.sqlite"), create=False)
    assert raised.value.problem is Problem.MISSING
    assert not (tmp_path / "missing.sqlite").exists()
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(DatabaseError, match=r"is empty \(0 bytes\)"):
        open_database(str(empty), create=False)
    assert empty.stat().st_size == 0


def test_sqlite_uris_for_local_files_and_windows_shares() -> None:
    from pathlib import PurePosixPath, PureWindowsPath

    from app.storage.database import sqlite_uri

    assert (
        sqlite_uri(PurePosixPath("/srv/office/deals #1?.sqlite"))
        == "file:///srv/office/deals%20%231%3F.sqlite"
    )
    assert sqlite_uri(PureWindowsPath(r"C:\Users\anna\Deals.sqlite")) == "file:///C:/Users/anna/Deals.sqlite"
    # A share's server stays in the path: SQLite refuses a URI authority other than empty or localhost.
    assert (
        sqlite_uri(PureWindowsPath(r"\\server\vertrieb\Deals.sqlite"))
        == "file:////server/vertrieb/Deals.sqlite"
    )
