"""Every storage failure reaches people as words: a held lock, a write-protected file or drive, a
full drive, a damaged file, a share that is gone. The CLI exits with its documented status and
prints no traceback; nothing is changed."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.services.container import open_services
from app.storage import DatabaseError, database, open_database
from app.storage.failures import Problem


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.3)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@contextlib.contextmanager
def held(path: Path, how: str) -> Iterator[sqlite3.Connection]:
    """Another PC's long import: a connection holding the file's lock (IMMEDIATE or EXCLUSIVE)."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute(f"BEGIN {how}")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def _deal_stage(path: Path) -> tuple[int, int, str]:
    with sqlite3.connect(path) as conn:
        deal_id, stage_id = conn.execute(
            "SELECT id, stage_id FROM deal WHERE is_open = 1 ORDER BY id LIMIT 1"
        ).fetchone()
        other = conn.execute(
            "SELECT s.name FROM stage s JOIN stage t ON t.pipeline_id = s.pipeline_id "
            "WHERE t.id = ? AND s.id != ? AND s.semantic = 'in_progress' ORDER BY s.sort LIMIT 1",
            (stage_id, stage_id),
        ).fetchone()[0]
    return deal_id, stage_id, other


def test_a_write_while_another_pc_holds_the_lock_says_busy_and_changes_nothing(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deal_id, stage_id, target = _deal_stage(demo_path)
    with held(demo_path, "IMMEDIATE"):
        code, _out, err = run(capsys, "deals", "move", str(deal_id), target, "--db", str(demo_path))
    assert code == 3
    assert "is busy: another person's work" in err
    assert "Traceback" not in err
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("SELECT stage_id FROM deal WHERE id = ?", (deal_id,)).fetchone()[0] == stage_id
    # The lock gone, the same command works.
    assert run(capsys, "deals", "move", str(deal_id), target, "--db", str(demo_path))[0] == 0


def test_a_service_write_under_a_held_lock_raises_a_busy_database_error(demo_path: Path) -> None:
    services = open_services(str(demo_path))
    try:
        deal_id, _stage_id, _target = _deal_stage(demo_path)
        deal = services.deals.get(deal_id)
        with held(demo_path, "IMMEDIATE"), pytest.raises(DatabaseError) as raised:
            services.deals.update(deal_id, deal.version, title="Changed")
        assert raised.value.problem is Problem.BUSY
        assert services.deals.get(deal_id).title == deal.title
    finally:
        services.close()


def test_opening_a_file_held_exclusively_waits_once_and_says_busy(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed: list[object] = []
    monkeypatch.setattr(database.Database, "_refresh_statistics", lambda self: refreshed.append(self))
    with held(db_path, "EXCLUSIVE"):
        code, _out, err = run(capsys, "deals", "list", "--db", str(db_path))
    assert code == 3
    assert "is busy" in err
    assert "Traceback" not in err
    assert refreshed == []  # no second wait for the statistics on a connection that failed


def test_a_read_only_file_reads_but_a_write_says_so(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    deal_id, stage_id, target = _deal_stage(demo_path)
    made = subprocess.run(["chattr", "+i", str(demo_path)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"this file system has no immutable flag: {made.stderr.decode().strip()}")
    try:
        assert run(capsys, "deals", "list", "--db", str(demo_path))[0] == 0
        code, _out, err = run(capsys, "deals", "move", str(deal_id), target, "--db", str(demo_path))
    finally:
        subprocess.run(["chattr", "-i", str(demo_path)], check=True)
    assert code == 4
    assert "can only be read" in err
    assert "Traceback" not in err
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("SELECT stage_id FROM deal WHERE id = ?", (deal_id,)).fetchone()[0] == stage_id


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"can't mount a small drive here (needs root): {made.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_read_only_drive_reads_but_a_write_says_so(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with mounted_tmpfs(tmp_path / "share", "8m") as share:
        path = share / "office.sqlite"
        shutil.copy(db_path, path)
        subprocess.run(["mount", "-o", "remount,ro", str(share)], check=True)
        assert run(capsys, "deals", "list", "--db", str(path))[0] == 0
        code, _out, err = run(capsys, "users", "add", "ben", "--name", "Ben", "--db", str(path))
        assert code == 4
        assert "can only be read" in err
        assert "Traceback" not in err


def test_a_full_drive_says_so_and_keeps_the_file_whole(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with mounted_tmpfs(tmp_path / "small", "1m") as drive:
        path = drive / "office.sqlite"
        shutil.copy(db_path, path)
        filler = drive / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as out:
            while True:
                out.write(b"\0" * 65536)
        services = open_services(str(path))
        try:
            company = None

            def fill() -> None:
                nonlocal company
                for n in range(20000):  # one of these needs a new page, and there is none
                    company = services.companies.create(title=f"Company {n} " + "x" * 200)

            with pytest.raises(DatabaseError) as raised:
                fill()
            assert raised.value.problem is Problem.DISK_FULL
            assert "is full" in str(raised.value)
        finally:
            services.close()
        filler.unlink()
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert company is None or company.id > 0


def test_a_damaged_file_says_restore_a_backup(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(db_path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(db_path.read_bytes())
    for page in range(1, pages):  # every page but the first (the header): garbage
        start = page * page_size
        data[start : start + page_size] = bytes([0xA5]) * page_size
    db_path.write_bytes(bytes(data))
    code, _out, err = run(capsys, "deals", "list", "--db", str(db_path))
    assert code == 6
    assert "is damaged" in err
    assert "dealdesk restore" in err
    assert "Traceback" not in err


def test_a_share_that_is_gone_says_is_the_network_drive_connected(db_path: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    path = share / "office.sqlite"
    shutil.move(db_path, path)
    services = open_services(str(path))
    try:
        services.companies.create(title="Before")
        services.database.engine.dispose()  # the pooled connections go, as when a share drops
        share.rename(tmp_path / "unmounted")
        with pytest.raises(DatabaseError) as raised:
            services.companies.create(title="After")
        assert raised.value.problem is Problem.MISSING
        assert "Is the network drive connected?" in str(raised.value)
    finally:
        services.database.engine.dispose()


def test_an_internal_fault_is_one_line_and_its_traceback_goes_to_the_log(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log = tmp_path / "logs" / "dealdesk.log"
    monkeypatch.setenv("DEALDESK_LOG", str(log))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("app.cli._deals_list", broken)
    code, _out, err = run(capsys, "deals", "list", "--db", str(db_path))
    assert code == 70
    assert "internal error: RuntimeError: a bug" in err
    assert str(log) in err
    assert "Traceback" not in err
    assert "Traceback" in log.read_text()


def test_cli_help_documents_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "exit statuses:" in out
    assert "3   the database stayed busy" in out
    assert "5   no database there" in out


def test_open_database_converts_a_held_lock_at_open(db_path: Path) -> None:
    with held(db_path, "EXCLUSIVE"), pytest.raises(DatabaseError) as raised:
        open_database(str(db_path))
    assert raised.value.problem is Problem.BUSY


def test_a_long_write_does_not_lock_other_pcs_reads_out(db_path: Path) -> None:
    """An import changing more than the page cache holds (16 MiB) used to spill into the file, taking
    the EXCLUSIVE lock: every other PC's reads then failed with "database is locked" until it ended."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE bulk_test (id INTEGER PRIMARY KEY, v TEXT)")
        conn.executemany("INSERT INTO bulk_test (v) VALUES (?)", [("x" * 500,) for _ in range(60_000)])
    writer = open_database(str(db_path))
    reader = sqlite3.connect(db_path, timeout=0)
    try:
        with writer.session(write=True) as session:
            session.connection().exec_driver_sql("UPDATE bulk_test SET v = 'y' || substr(v, 2)")  # ~30 MiB
            assert reader.execute("SELECT count(*) FROM stage").fetchone()[0] > 0
            assert reader.execute("SELECT count(*) FROM bulk_test WHERE v LIKE 'y%'").fetchone() == (0,)
            session.rollback()
    finally:
        reader.close()
        writer.dispose(optimize=False)


def test_a_server_that_does_not_answer_is_said_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("psycopg")
    code, _out, err = run(capsys, "deals", "list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/office")
    assert code == 5
    assert "The database server of postgresql+psycopg://nobody@127.0.0.1:1/office can't be reached" in err
    assert "Traceback" not in err


def test_postgresql_without_its_client_library_is_said_in_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Linux packages use the system's libpq; where it is missing psycopg cannot load at all."""
    from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

    def no_libpq() -> None:
        raise ImportError("no pq wrapper available: libpq library not found")

    monkeypatch.setattr(PGDialect_psycopg, "import_dbapi", classmethod(lambda cls: no_libpq()))
    code, _out, err = run(
        capsys, "--db", "postgresql+psycopg://someone@127.0.0.1:1/dealdesk", "deals", "list"
    )
    assert code != 0
    assert "libpq" in err
    assert "apt install libpq5" in err
    assert "Traceback" not in err
