"""The benchmark runs at any size, not only at a million: `python -m benchmarks --deals 1000` once,
shortened (--quick), writes a JSON in which every scenario has a figure or says why it was skipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_runs_at_a_thousand_deals(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--deals", "1000", "--runs", "1", "--quick", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    assert result["deals"] == 1000
    scenarios = result["scenarios"]
    assert len(scenarios) >= 50
    measured = ("ms", "mb", "cpu_pct", "skipped")
    assert [name for name, figures in scenarios.items() if not any(k in figures for k in measured)] == []
    calibration = result["environment"]["calibration"]
    assert calibration["python_loop_s"] > 0
    assert calibration["sqlite_scan_ms"] > 0
