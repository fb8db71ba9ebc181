"""Moving to a server: a file copied onto PostgreSQL and back, checked, all or nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from app.cli import main
from app.demo import generate_demo
from app.services.analytics.service import AnalyticsFilter
from app.services.container import Services, open_services
from app.services.deals.queries import DealFilter, DealSort
from app.storage.failures import DatabaseError
from app.storage.moving.copying import copy_database

pytestmark = pytest.mark.postgres

EVERY_DAY = AnalyticsFilter(date(2000, 1, 1), date(2100, 12, 31))
AWKWARD = "Ümlaut & <Co> \"quoted\" 'single'\nsecond line \U0001f600 Straße"


def _office_file(path: Path, deals: int = 120) -> Path:
    services = open_services(str(path))
    try:
        generate_demo(services.database, deals, seed=7)
        deal = services.deals.create(title=AWKWARD, amount="12345678.91")
        services.tasks.create(title="Call back", deal_id=deal.id)
        services.roles.create("Auditors")  # a role's rights: a JSON document
    finally:
        services.close()
    return path


def _figures(services: Services) -> tuple[object, ...]:
    dashboard = services.analytics.dashboard(EVERY_DAY)
    rows = services.deal_queries.page(DealFilter(), DealSort("title"), 0, 500)
    return (
        replace(dashboard, average_days_to_close=None),
        round(dashboard.average_days_to_close or 0, 2),
        services.deal_queries.summary(DealFilter()),
        sorted((r.id, r.title, r.amount, r.stage_id) for r in rows),
        services.deal_queries.count(DealFilter(search="straße")),
    )


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_file_to_server_and_back(postgres_url: str, tmp_path: Path) -> None:
    source = _office_file(tmp_path / "office.sqlite")
    before = source.read_bytes()
    seen: list[str] = []
    there = copy_database(str(source), postgres_url, progress=lambda label, _d, _n: seen.append(label))
    assert there.marked
    assert {"deal", "task", "check", "analytics", "indexes"} <= set(seen)
    assert there.rows > 1000
    back = copy_database(postgres_url, str(tmp_path / "back.sqlite"))
    assert not back.marked  # a copy out of a server marks nothing
    # Every table: the same rows (counts and checksums) in the file, on the server, in the copy back.
    assert [(t.name, t.rows, t.checksum) for t in back.tables] == [
        (t.name, t.rows, t.checksum) for t in there.tables
    ]

    office, server, copy = (
        open_services(x) for x in (str(source), postgres_url, str(tmp_path / "back.sqlite"))
    )
    try:
        assert _figures(server) == _figures(office) == _figures(copy)
        # The server hands out new ids after the copied ones; its search finds new deals.
        top = office.deal_queries.page(DealFilter(), DealSort("id", descending=True), 0, 1)[0].id
        made = server.deals.create(title="Made on the server, Quxwerk")
        assert made.id == top + 1
        assert server.deal_queries.count(DealFilter(search="quxwerk")) == 1
        assert server.tasks.create(title="Next one").id > 0
        # The file says where it went; the server and the copy back do not.
        moved = office.moving.moved_to()
        assert moved is not None
        assert moved.to == postgres_url
        assert server.moving.moved_to() is None
        assert copy.moving.moved_to() is None
    finally:
        for services in (office, server, copy):
            services.close()
    # Only the mark changed in the file: every deal and total is as it was.
    original = tmp_path / "original.sqlite"
    original.write_bytes(before)
    with sqlite3.connect(source) as now, sqlite3.connect(original) as then:
        query = "SELECT * FROM deal ORDER BY id"
        assert now.execute(query).fetchall() == then.execute(query).fetchall()
        keys = {k for (k,) in now.execute("SELECT key FROM app_setting")}
        assert keys - {k for (k,) in then.execute("SELECT key FROM app_setting")} == {"moved_to"}


def test_a_refused_row_leaves_the_server_empty(postgres_url: str, tmp_path: Path) -> None:
    source = _office_file(tmp_path / "office.sqlite", deals=30)
    # SQLite keeps a text longer than its column allows; the server refuses it.
    with sqlite3.connect(source) as raw:
        raw.execute("UPDATE currency SET symbol = ? WHERE code = 'EUR'", ("€" * 500,))
    with pytest.raises(DatabaseError, match=r"Copying currency failed.*as it was before"):
        copy_database(str(source), postgres_url)
    assert _tables(postgres_url) == set()  # not even the schema is left behind
    office = open_services(str(source))
    try:
        assert office.moving.moved_to() is None  # not marked: nothing moved
    finally:
        office.close()


def test_a_cancelled_copy_leaves_nothing(postgres_url: str, tmp_path: Path) -> None:
    source = _office_file(tmp_path / "office.sqlite", deals=30)
    with pytest.raises(DatabaseError, match="cancelled"):
        copy_database(str(source), postgres_url, cancelled=lambda: True)
    assert _tables(postgres_url) == set()
    target = tmp_path / "out.sqlite"
    with pytest.raises(DatabaseError, match="cancelled"):
        copy_database(str(source), str(target), cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite"]


def test_a_full_target_is_refused(postgres_url: str, tmp_path: Path) -> None:
    source = _office_file(tmp_path / "office.sqlite", deals=30)
    server = open_services(postgres_url)
    server.deals.create(title="Already here")
    server.close()
    with pytest.raises(DatabaseError, match="already holds a Dealdesk database"):
        copy_database(str(source), postgres_url)
    server = open_services(postgres_url)
    try:
        assert server.deal_queries.count(DealFilter()) == 1
    finally:
        server.close()
    with pytest.raises(DatabaseError, match="already exists"):
        copy_database(postgres_url, str(source))


def test_copy_command(postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _office_file(tmp_path / "office.sqlite", deals=30)
    assert main(["copy", "--from", str(source), "--to", postgres_url]) == 0
    said = capsys.readouterr().out
    assert "rows in" in said
    assert "checksum" in said
    assert "marked as moved" in said
    # Whoever opens the file later is told where the office works now.
    assert main(["deals", "list", "--db", str(source)]) == 0
    assert f"was moved to {postgres_url}" in capsys.readouterr().err
    assert main(["deals", "list", "--db", postgres_url]) == 0
    assert AWKWARD.splitlines()[0][:20] in capsys.readouterr().out
    # A second copy onto the same server is refused, and says so.
    assert main(["copy", "--from", str(source), "--to", postgres_url]) != 0
    assert "already holds" in capsys.readouterr().err
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM deal")).scalar() == 31
    finally:
        engine.dispose()


def test_server_backups_and_restore(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _office_file(tmp_path / "office.sqlite", deals=40)
    copy_database(str(source), postgres_url, mark=False)
    folder = tmp_path / "backups"
    assert main(["backup", "--db", postgres_url, "--folder", str(folder)]) == 0
    assert "checked: ok; 41 deals" in capsys.readouterr().out
    (made,) = folder.glob("*.sqlite")
    assert made.name.startswith("t_test_server_backups_and_restore-127.0.0.1.")
    colleague = open_services(postgres_url)  # somebody working on the server meanwhile
    try:
        colleague.deals.create(title="After the backup")
        assert main(["restore", "--db", postgres_url, "--folder", str(folder)]) == 0
        assert "41 deals  ok" in capsys.readouterr().out
        assert main(["restore", "--db", postgres_url, "--folder", str(folder), "--latest"]) != 0
        assert "Add --yes" in capsys.readouterr().err
        assert colleague.deal_queries.count(DealFilter()) == 42  # nothing changed without --yes
        assert main(["restore", "--db", postgres_url, "--folder", str(folder), "--latest", "--yes"]) == 0
        said = capsys.readouterr().out
        assert "kept at" in said
        # The colleague's open Dealdesk reads the restored data; the server as it was is kept.
        assert colleague.deal_queries.count(DealFilter()) == 41
        assert colleague.deal_queries.count(DealFilter(search="after the backup")) == 0
        assert colleague.deals.create(title="After the restore").id == 42
    finally:
        colleague.close()
    (kept,) = folder.glob("*.before-restore.*.sqlite")
    with sqlite3.connect(kept) as raw:
        assert raw.execute("SELECT count(*) FROM deal WHERE title = 'After the backup'").fetchone() == (1,)
    out = tmp_path / "one-copy.sqlite"
    assert main(["backup", "--db", postgres_url, "--out", str(out)]) == 0
    with sqlite3.connect(out) as raw:
        assert raw.execute("SELECT count(*) FROM deal").fetchone() == (42,)
