"""Timing helpers and the demo database the scenarios run on."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


def median_ms(function: Callable[[], Any], runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 3)


def scenario(ms: float, raw_ms: float | None = None, **extra: Any) -> dict[str, Any]:
    result: dict[str, Any] = {"ms": round(ms, 3)}
    if raw_ms is not None:
        result["raw_ms"] = round(raw_ms, 3)
        result["ratio"] = round(ms / raw_ms, 2) if raw_ms > 0 else None
    result.update(extra)
    return result


def demo_database(deals: int, seed: int = 1) -> tuple[Path, dict[str, Any]]:
    """The N-deal demo database, built once and reused; returns it with its demo_generate figure."""
    from app.demo import DEMO_VERSION, generate_demo
    from app.services.container import open_services

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / f"demo-{deals}.sqlite"
    sidecar = path.with_suffix(".json")
    from app.storage.migrate import SCHEMA_HEAD

    if path.exists() and sidecar.exists():
        recorded = json.loads(sidecar.read_text())
        if recorded.get("schema") == SCHEMA_HEAD and recorded.get("demo") == DEMO_VERSION:
            return path, {**recorded, "reused": True}
    path.unlink(missing_ok=True)
    start = time.perf_counter()
    services = open_services(str(path))
    generate_demo(services.database, deals, seed=seed, scratch_file=True)
    services.close()
    elapsed = (time.perf_counter() - start) * 1000
    recorded = {
        "ms": round(elapsed, 1),
        "runs": 1,
        "size_mb": round(path.stat().st_size / 2**20, 1),
        "schema": SCHEMA_HEAD,
        "demo": DEMO_VERSION,
    }
    sidecar.write_text(json.dumps(recorded))
    return path, {**recorded, "reused": False}


def settle(condition: Callable[[], bool], limit_s: float = 120.0) -> None:
    """Let Qt deliver events until `condition` holds: a view reading off the GUI thread has shown
    what it read (its `loading` turned false). The time waited is part of what is timed."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.perf_counter() + limit_s
    QCoreApplication.processEvents()
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("a view did not show what it read within the benchmark's limit")
        time.sleep(0.0002)
        QCoreApplication.processEvents()
