"""python -m benchmarks --deals N --out FILE.json [--runs R]

Builds (or reuses) a demo database of N deals in benchmarks/data/ and times each scenario
together with the raw equivalent (sqlite3, or a bare Qt window), so every figure comes with
its ratio to the physical limit. Medians of R runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
from pathlib import Path

from benchmarks import (
    access,
    analytics,
    automation,
    calendar,
    documents,
    gui_stall,
    importing,
    invoices,
    kanban,
    listing,
    tasks,
    workflows,
)
from benchmarks.calibration import calibrate
from benchmarks.runner import demo_database
from benchmarks.startup import bundle_cold_start, cold_start_to_window, open_database, sign_in_to_window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--latency-ms",
        type=float,
        metavar="MS",
        help="only the office scenarios, locally and through a slow share (FUSE) adding MS per request",
    )
    parser.add_argument(
        "--write-behind",
        action="store_true",
        help="with --latency-ms: the share's client sends writes at fsync, one request per range (NFS-like)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="only the server scenarios, on this PostgreSQL database (filled from the demo file), "
        "directly and through a network of --rtt-ms",
    )
    parser.add_argument(
        "--rtt-ms", type=float, default=2.0, metavar="MS", help="with --db: the network's round trip"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="every scenario once, shortened where its size is fixed (a test that the run works: "
        "the idle engine 2 s instead of 60, the import 2,000 rows instead of 50,000)",
    )
    args = parser.parse_args(argv)
    if args.deals < 1 or args.runs < 1:
        parser.error("--deals and --runs must be at least 1")

    print(f"demo database of {args.deals:,} deals ...", file=sys.stderr)
    path, generated = demo_database(args.deals)
    if args.latency_ms is not None:
        return _on_a_slow_share(path, args)
    if args.db:
        return _on_a_server(path, args)
    scenarios: dict[str, dict[str, object]] = {"demo_generate": generated}
    print("open_database ...", file=sys.stderr)
    scenarios["open_database"] = open_database(path, args.runs)
    print("cold_start_to_window ...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as settings_dir:
        scenarios["cold_start_to_window"] = cold_start_to_window(path, args.runs, Path(settings_dir))
        print("bundle_cold_start ...", file=sys.stderr)
        scenarios["bundle_cold_start"] = bundle_cold_start(path, args.runs, Path(settings_dir))
        print("sign_in_to_window ...", file=sys.stderr)
        scenarios["sign_in_to_window"] = sign_in_to_window(path, args.runs, Path(settings_dir))
        print("gui_stall_max (fresh processes) ...", file=sys.stderr)
        scenarios.update(gui_stall.run(path, args.runs))
        print("list scenarios ...", file=sys.stderr)
        scenarios.update(listing.run(path, args.runs))
        print("kanban scenarios ...", file=sys.stderr)
        scenarios.update(kanban.run(path, args.runs))
        print("tasks scenarios ...", file=sys.stderr)
        scenarios.update(tasks.run(path, args.runs))
        print("calendar scenarios ...", file=sys.stderr)
        scenarios.update(calendar.run(path, args.runs))
        print("document scenarios ...", file=sys.stderr)
        scenarios.update(documents.run(path, args.runs))
        print("invoice scenarios ...", file=sys.stderr)
        scenarios.update(invoices.run(path, args.runs))
        print("analytics scenarios ...", file=sys.stderr)
        scenarios.update(analytics.run(path, args.runs))
        print("restricted scenarios ...", file=sys.stderr)
        scenarios.update(access.run(path, args.runs))
        print("bulk_stage_change_10k ...", file=sys.stderr)
        scenarios["bulk_stage_change_10k"] = listing.bulk_stage_change(path, args.runs)
        print("automation scenarios (a copy of the file) ...", file=sys.stderr)
        scenarios.update(automation.run(path, args.runs, idle_seconds=2.0 if args.quick else 60.0))
        print("workflow scenarios (a copy of the file) ...", file=sys.stderr)
        scenarios.update(workflows.run(path, args.runs))
        print("import_50k (a new database of its own) ...", file=sys.stderr)
        scenarios.update(importing.run(min(args.runs, 3), 2_000 if args.quick else importing.ROWS))
        print("list_peak_rss_mb ...", file=sys.stderr)
        scenarios["list_peak_rss_mb"] = listing.peak_rss(path, Path(settings_dir))

    import sqlalchemy

    from PySide6 import __version__ as pyside_version

    result = {
        "deals": args.deals,
        "scenarios": scenarios,
        "environment": {
            "python": platform.python_version(),
            "pyside6": pyside_version,
            "sqlalchemy": sqlalchemy.__version__,
            "sqlite": __import__("sqlite3").sqlite_version,
            "machine": platform.machine(),
            "runs": args.runs,
            "quick": args.quick,
            "calibration": calibrate(),
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


def _on_a_server(path: Path, args: argparse.Namespace) -> int:
    from benchmarks import server

    scenarios = server.run(args.db, path, args.deals, args.runs, args.rtt_ms)
    result = {
        "deals": args.deals,
        "rtt_ms": args.rtt_ms,
        "runs": args.runs,
        "scenarios": scenarios,
        "environment": {"calibration": calibrate()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


def _on_a_slow_share(path: Path, args: argparse.Namespace) -> int:
    from benchmarks import share
    from benchmarks.slow_share import Unavailable

    with tempfile.TemporaryDirectory() as settings_dir:
        try:
            scenarios = share.run(path, args.runs, args.latency_ms, Path(settings_dir), args.write_behind)
        except Unavailable as exc:
            print(f"No slow share here: {exc}", file=sys.stderr)
            return 1
    result = {
        "deals": args.deals,
        "latency_ms": args.latency_ms,
        "write_behind": args.write_behind,
        "runs": args.runs,
        "scenarios": scenarios,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
