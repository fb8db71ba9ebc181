"""Start-up scenarios: opening a database, and a cold process start until the main window shows."""

from __future__ import annotations

import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario

BARE_QT_WINDOW = """
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1280, 800); window.show()
def report():
    print(f"shown {time.time():.6f}", flush=True); app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


BENCH_PASSWORD = "benchmark password"  # set on one demo salesperson for sign_in_to_window


def open_database(path: Path, runs: int) -> dict[str, Any]:
    """open_services on an up-to-date file (engine, schema and defaults checks) vs sqlite3 connect + read."""
    from app.services.container import open_services

    def ours() -> None:
        open_services(str(path)).close()

    def raw() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
        conn.close()

    return scenario(median_ms(ours, runs), median_ms(raw, runs))


def _time_to_window(args: list[str], env: dict[str, str]) -> float:
    return _start_times(args, env)["shown"]


def _start_times(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """ms from the process's start to each moment it reports: "shown" (the main window), and
    "frame" (the first frame, painted before the ORM loads) where there is one."""
    start = time.time()
    # A start that hangs says where: Python writes every thread's stack on SIGABRT (faulthandler).
    process = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "PYTHONFAULTHANDLER": "1"},
    )
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        out, err = process.communicate()
        shown = [line for line in out.splitlines() if line.startswith("shown ")]
        raise RuntimeError(
            f"the process did not end within 120 s ({'after' if shown else 'before'} its window was "
            f"shown); its threads then:\n{err[-6000:]}"
        ) from None
    moments = {
        line.split()[0]: (float(line.split()[1]) - start) * 1000
        for line in out.splitlines()
        if line.startswith(("shown ", "frame "))
    }
    if "shown" not in moments:
        raise RuntimeError(f"no window reported: {err[-1500:]}")
    return moments


def cold_start_to_window(path: Path, runs: int, settings_dir: Path) -> dict[str, Any]:
    """`python -m app --db FILE --user ADMIN` until the main window is shown, vs a bare Python + Qt
    window. The demo has many people, so the app asks who signs in: the administrator (no password)
    is named on the command line and comes in without the dialog. Its `first_frame_ms`: until the
    window's first frame (sidebar, menus, "Opening…") is painted, before the ORM and the views load."""
    env = {
        # As installed: Python keeps compiled modules (.pyc), so only the first start compiles.
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(settings_dir),
    }
    with sqlite3.connect(path) as raw:
        admin = raw.execute("SELECT login FROM user_account WHERE is_admin ORDER BY id LIMIT 1").fetchone()[0]
    ours = [sys.executable, "-m", "app", "--db", str(path), "--user", admin, "--exit-when-shown"]
    bare = [sys.executable, "-c", BARE_QT_WINDOW]
    _time_to_window(ours, env)  # warm the file cache: "cold" means a new process, not a cold disk
    starts = [_start_times(ours, env) for _ in range(runs)]
    bare_ms = statistics.median(_time_to_window(bare, env) for _ in range(runs))
    ours_ms = statistics.median(s["shown"] for s in starts)
    frame_ms = statistics.median(s.get("frame", s["shown"]) for s in starts)
    return scenario(
        ours_ms,
        bare_ms,
        raw="a bare Python + Qt main window",
        first_frame_ms=round(frame_ms, 1),
        first_frame_ratio=round(frame_ms / bare_ms, 2),
    )


def bundle_cold_start(path: Path, runs: int, settings_dir: Path) -> dict[str, Any]:
    """The PyInstaller bundle (`make bundle`) until the main window is shown, and its size on disk;
    the same bare Qt window as the raw figure."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    version = tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]
    bundle = root / "dist" / f"dealdesk-{version}"
    program = bundle / ("dealdesk.exe" if sys.platform == "win32" else "dealdesk")
    if not program.exists():
        return {"skipped": "no bundle: run `make bundle` first"}
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["XDG_CONFIG_HOME"] = str(settings_dir)
    with sqlite3.connect(path) as raw:
        revision = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    shipped = [p.name[:4] for p in bundle.rglob("migrations/versions/[0-9]*.py")]
    if not shipped or max(shipped) < revision:  # it would refuse the file as "written by a newer Dealdesk"
        return {"skipped": f"the bundle is older than the database (schema {revision}): run `make bundle`"}
    with sqlite3.connect(path) as raw:
        admin = raw.execute("SELECT login FROM user_account WHERE is_admin ORDER BY id LIMIT 1").fetchone()[0]
    ours = [str(program), "--db", str(path), "--user", admin, "--exit-when-shown"]
    _time_to_window(ours, env)  # the file cache warm, as for cold_start_to_window
    ours_ms = statistics.median(_time_to_window(ours, env) for _ in range(runs))
    bare_ms = statistics.median(
        _time_to_window([sys.executable, "-c", BARE_QT_WINDOW], env) for _ in range(runs)
    )
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    return scenario(ours_ms, bare_ms, raw="a bare Python + Qt main window", size_mb=round(size / 2**20, 1))


def sign_in_to_window(path: Path, runs: int, settings_dir: Path) -> dict[str, Any]:
    """A salesperson with a password signs in (Argon2id checked) until the main window is shown."""
    from app.services.container import open_services

    services = open_services(str(path))
    try:
        heads = {d.head_id for d in services.departments.list()}
        person = next(
            u for u in services.users.list() if not u.is_admin and u.id not in heads and u.department_id
        )
        if not services.passwords.has_password(person.id):
            services.passwords.set_password(person.id, BENCH_PASSWORD)
    finally:
        services.close()
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(settings_dir),
        "DEALDESK_PASSWORD": BENCH_PASSWORD,
    }
    ours = [sys.executable, "-m", "app", "--db", str(path), "--user", person.login, "--exit-when-shown"]
    _time_to_window(ours, env)
    ours_ms = statistics.median(_time_to_window(ours, env) for _ in range(runs))
    return scenario(ours_ms, user=person.login)
