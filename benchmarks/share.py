"""The scenarios an office feels most, on a slow network share: `python -m benchmarks --latency-ms 1`.

The same database is measured twice in one run: from the local disk, and through the slow share
(slow_share.py: every read and write request to the "server" waits `latency_ms`), so each figure
comes with its ratio to the local one and the number of requests the share served for it. The
target: each scenario within 3x of its local figure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import analytics, calendar, kanban, listing
from benchmarks.slow_share import mounted, share_stats
from benchmarks.startup import cold_start_to_window

WANTED = (
    "cold_start_to_window",
    "list_first_page",
    "kanban_open",
    "kanban_move",
    "calendar_month",
    "analytics_dashboard",
)


def _groups(settings_dir: Path) -> list[tuple[str, Callable[[Path, int], dict[str, Any]]]]:
    return [
        ("cold start", lambda p, r: {"cold_start_to_window": cold_start_to_window(p, r, settings_dir)}),
        ("list", listing.run),
        ("kanban", kanban.run),
        ("calendar", calendar.run),
        ("analytics", analytics.run),
    ]


def run(
    path: Path, runs: int, latency_ms: float, settings_dir: Path, write_behind: bool = False
) -> dict[str, Any]:
    local: dict[str, Any] = {}
    for label, group in _groups(settings_dir):
        print(f"local: {label} ...", file=sys.stderr)
        local.update(group(path, runs))
    share: dict[str, Any] = {}
    requests: dict[str, dict[str, int]] = {}
    with mounted(path.parent, latency_ms, write_behind=write_behind) as mountpoint:
        slow = mountpoint / path.name
        for label, group in _groups(settings_dir):
            print(f"share ({latency_ms:g} ms per request): {label} ...", file=sys.stderr)
            before = share_stats(mountpoint)
            found = group(slow, runs)
            after = share_stats(mountpoint)
            share.update(found)
            for name in found:
                requests[name] = {k: after.get(k, 0) - before.get(k, 0) for k in ("reads", "writes")}
    out: dict[str, Any] = {}
    for name in WANTED:
        if name not in local or name not in share:
            continue
        local_ms, share_ms = float(local[name]["ms"]), float(share[name]["ms"])
        out[name] = {
            "local_ms": local_ms,
            "share_ms": share_ms,
            "ratio_to_local": round(share_ms / local_ms, 2) if local_ms > 0 else None,
            "raw_ms_local": local[name].get("raw_ms"),
            "raw_ms_share": share[name].get("raw_ms"),
            # requests the share served for the scenario's whole group (warm-up and every run)
            "share_requests_of_its_group": requests.get(name),
        }
    return out
