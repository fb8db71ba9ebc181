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
        drain()
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 3)


def drain() -> None:
    """Before each timed run: let background reads an earlier run started (a view's off-thread
    read, a list's count) finish, untimed, so that they do not share the cores with this one."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)


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
    phases = _Phases()
    generate_demo(services.database, deals, seed=seed, scratch_file=True, progress=phases)
    phases.end()
    services.close()
    elapsed = (time.perf_counter() - start) * 1000
    recorded = {
        "ms": round(elapsed, 1),
        "runs": 1,
        "size_mb": round(path.stat().st_size / 2**20, 1),
        "schema": SCHEMA_HEAD,
        "demo": DEMO_VERSION,
        "phases_s": phases.seconds,
    }
    sidecar.write_text(json.dumps(recorded))
    return path, {**recorded, "reused": False}


class _Phases:
    """The demo's progress: a bar on a terminal, a line per phase with its time in a log, and each
    phase's seconds for the JSON (a 10,000,000-deal demo takes many minutes)."""

    def __init__(self) -> None:
        import sys

        from app.cli_progress import ProgressBar

        self.seconds: dict[str, float] = {}
        self._bar = ProgressBar()
        self._log = not sys.stderr.isatty()
        self._label: str | None = None
        self._since = time.perf_counter()

    def __call__(self, label: str, done: int, total: int) -> None:
        if label != self._label:
            self.end()
            self._label, self._since = label, time.perf_counter()
        self._bar(label, done, total)

    def end(self) -> None:
        import sys

        if self._label is None:
            return
        took = round(time.perf_counter() - self._since, 2)
        self.seconds[self._label] = round(self.seconds.get(self._label, 0.0) + took, 2)
        if self._log:
            print(f"  demo: {self._label} {took:.1f} s", file=sys.stderr, flush=True)
        self._label = None


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
