"""The office file under stress: many writers at once lose no update and see no "database is locked";
killing a writer mid-transaction (SIGKILL) never leaves a damaged file, a partial change or totals
that disagree with the deals. `make test` runs a short version; `make test-slow` the long one
(10 writers x 100 transactions, 200 kills), printing its counts."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.services.container import open_services
from app.storage.rollups import differences

WRITER = Path(__file__).with_name("office_writer.py")


def _writer(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _amount(path: Path, deal_id: int) -> Decimal:
    services = open_services(str(path), create=False)
    try:
        return services.deals.get(deal_id).amount
    finally:
        services.close()


def contention(path: Path, writers: int, transactions: int) -> dict[str, int]:
    deal_id = 1
    before = _amount(path, deal_id)
    procs = [_writer(str(path), "count", str(transactions), str(deal_id)) for _ in range(writers)]
    busy = conflicts = 0
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        fields = dict(part.split("=") for part in out.split())
        busy += int(fields["busy"])
        conflicts += int(fields["conflicts"])
    gained = round(_amount(path, deal_id) - before)
    return {
        "writers": writers,
        "transactions": writers * transactions,
        "gained": gained,
        "busy": busy,
        "conflicts": conflicts,
    }


def _check(path: Path) -> tuple[str, dict[str, set[tuple[object, ...]]]]:
    with sqlite3.connect(path) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            disagree = differences(conn)
    finally:
        engine.dispose()
    return integrity, disagree


def kills(path: Path, count: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    committed = damaged = disagreeing = partial = 0
    for n in range(count):
        proc = _writer(str(path), "mixed", str(seed * 1000 + n))
        assert proc.stdout is not None
        first = proc.stdout.readline()  # it is writing
        assert first.strip() == "tx", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate()
        committed += 1 + out.count("tx")
        integrity, disagree = _check(path)
        damaged += integrity != "ok"
        disagreeing += bool(disagree)
        with sqlite3.connect(path) as conn:  # a bulk move is all or nothing: its history matches its count
            partial += conn.execute(
                "SELECT count(*) FROM operation o WHERE o.count != "
                "(SELECT count(*) FROM history_entry h WHERE h.operation_id = o.id AND h.action = 'stage')"
                " AND o.kind = 'update:stage_id'"
            ).fetchone()[0]
    return {
        "kills": count,
        "transactions_committed": committed,
        "damaged": damaged,
        "totals_disagreeing": disagreeing,
        "partial_bulk_moves": partial,
    }


def test_writers_at_once_lose_no_update_short(demo_path: Path) -> None:
    result = contention(demo_path, writers=3, transactions=15)
    assert result["gained"] == result["transactions"]
    assert result["busy"] == 0


def test_killing_a_writer_mid_change_damages_nothing_short(demo_path: Path) -> None:
    result = kills(demo_path, 8)
    assert result == {**result, "damaged": 0, "totals_disagreeing": 0, "partial_bulk_moves": 0}


@pytest.mark.slow
@pytest.mark.stress
def test_ten_writers_times_a_hundred_transactions(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = contention(demo_path, writers=10, transactions=100)
    with capsys.disabled():
        print(f"\ncontention: {result}")
    assert result["gained"] == result["transactions"] == 1000
    assert result["busy"] == 0


@pytest.mark.slow
@pytest.mark.stress
def test_two_hundred_kills_during_mixed_writes(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = kills(demo_path, 200)
    with capsys.disabled():
        print(f"\nkills: {result}")
    assert result["damaged"] == 0
    assert result["totals_disagreeing"] == 0
    assert result["partial_bulk_moves"] == 0
