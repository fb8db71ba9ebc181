"""How fast this machine is, so absolute figures from two machines can be put side by side: the best
of 3 of a fixed CPython loop (`s += i` for 10,000,000 ints) and of a fixed SQLite scan (500,000 rows in
memory, a filtered sum). Absolute targets are meant for a machine where the loop takes 0.6 s: a figure
from a machine whose loop takes 0.9 s is comparable after dividing by 1.5 (`scale` in the JSON)."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

REFERENCE_LOOP_S = 0.6
LOOP_N = 10_000_000
SCAN_ROWS = 500_000


def _loop() -> float:
    start = time.perf_counter()
    s = 0
    for i in range(LOOP_N):
        s += i
    assert s == LOOP_N * (LOOP_N - 1) // 2
    return time.perf_counter() - start


def _scan(conn: sqlite3.Connection) -> float:
    start = time.perf_counter()
    conn.execute("SELECT sum(b) FROM t WHERE a % 7 = 3").fetchone()
    return time.perf_counter() - start


def calibrate() -> dict[str, Any]:
    loop = min(_loop() for _ in range(3))
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER, b INTEGER)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", ((n, n * 3) for n in range(SCAN_ROWS)))
    scan = min(_scan(conn) for _ in range(3))
    conn.close()
    return {
        "python_loop_s": round(loop, 3),
        "sqlite_scan_ms": round(scan * 1000, 2),
        "scale": round(loop / REFERENCE_LOOP_S, 2),  # > 1: slower than the machine the targets are for
        "about": f"best of 3: `s += i` for {LOOP_N:,} ints in a function; "
        f"a filtered sum over {SCAN_ROWS:,} in-memory rows",
    }
