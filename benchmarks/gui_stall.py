"""gui_stall_max: the real main window over the demo database, driven through what a person does
first, with a 5 ms heartbeat timer on the GUI thread; the longest gap between two beats while an
action runs (until what it shows is there, and a moment after) is the longest freeze it caused.

Each run is a fresh process (the first open of Analytics imports matplotlib, the first calendar reads
a cold cache): `python -m benchmarks.gui_stall DB RUNS` prints the stalls of each run as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BEAT_MS = 5
SETTLE_MS = 300  # after an action's result is shown: work that follows it (counts, totals) counts too
LIMIT_S = 120.0  # per action (a ten-million-deal file's first reads take a while)


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    """The worst stall per action over `runs` fresh processes (at most 3: each is a whole session)."""
    per_action: dict[str, list[float]] = {}
    for _ in range(min(runs, 3)):
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.gui_stall", str(path)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ).stdout
        for action, stall in json.loads(output.strip().splitlines()[-1]).items():
            per_action.setdefault(action, []).append(stall)
    worst = {action: max(stalls) for action, stalls in per_action.items()}
    return {
        "gui_stall_max": {
            "ms": max(worst.values()),
            "worst_action": max(worst, key=lambda a: worst[a]),
            "actions_ms": worst,
            "runs": min(runs, 3),
            "heartbeat_ms": BEAT_MS,
        }
    }


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def restart(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0


def _session(path: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.mkdtemp(prefix="dealdesk-stall-")
    # Settings and data of their own (a first start: no saved layout, no backups); the cache stays
    # the user's: matplotlib's font list is built once on a computer, not at every start.
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        os.environ[variable] = scratch
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.gui.application import build_main_window
    from app.services.container import open_services
    from app.services.deals.queries import PAGE_SIZE
    from app.ui.settings import CHANGE_POLL_MS, UserSettings
    from app.views.deal_list.deal_table_model import COL_AMOUNT, COL_TITLE, COLUMN_COUNT
    from app.views.deals_area import DealsViewMode
    from app.views.main_window import MainWindow
    from app.views.sidebar import Area

    # The daily backup (a minute after start: minutes of copying a ten-million-deal file, which the
    # process then waits for at its exit) is not what is measured here.
    MainWindow.backup_if_due = lambda _window: None  # type: ignore[method-assign]
    services = open_services(path)
    settings = UserSettings()
    settings.set(CHANGE_POLL_MS, 0)
    heart = Heartbeat()
    stalls: dict[str, float] = {}

    def measure(name: str, action: Callable[[], None], ready: Callable[[], bool]) -> None:
        loop = QEventLoop()
        started = time.perf_counter()
        ready_at: list[float] = []

        def check() -> None:
            now = time.perf_counter()
            if not ready_at and ready():
                ready_at.append(now)
            if (ready_at and now - ready_at[0] >= SETTLE_MS / 1000) or now - started > LIMIT_S:
                loop.quit()

        poll = QTimer()
        poll.setInterval(10)
        poll.timeout.connect(check)
        heart.restart()
        QTimer.singleShot(0, action)
        poll.start()
        loop.exec()
        poll.stop()
        if not ready_at:  # said, and its longest stall so far kept: the other actions still count
            print(f"gui_stall: {name} showed nothing within {LIMIT_S:.0f} s", file=sys.stderr)
        stalls[name] = round(heart.worst * 1000, 1)

    # Built before the heartbeat counts (nothing is on screen to freeze yet: cold_start_to_window
    # times that), then shown.
    window = build_main_window(services, settings)
    window.resize(1400, 900)
    measure("window_first_page", window.show, lambda: _list_ready(window))
    deals = window.deals
    calendar = deals.calendar

    measure(
        "switch_to_calendar",
        lambda: window._show_deals(DealsViewMode.CALENDAR),
        lambda: calendar.isVisible() and not calendar.loading and not calendar._stale,
    )
    measure("back_to_list", lambda: window._show_deals(DealsViewMode.LIST), lambda: _list_ready(window))
    measure(
        "switch_to_kanban",
        lambda: window._show_deals(DealsViewMode.KANBAN),
        lambda: not deals.kanban.loading and bool(deals.kanban.columns),
    )
    measure(
        "back_to_list_from_kanban",
        lambda: window._show_deals(DealsViewMode.LIST),
        lambda: _list_ready(window),
    )
    analytics = window.analytics

    measure(
        "first_open_analytics",
        lambda: window.sidebar.select(Area.ANALYTICS),
        lambda: analytics.data is not None and analytics.drawn_all(),
    )
    measure("back_to_deals", lambda: window.sidebar.select(Area.DEALS), lambda: _list_ready(window))
    view = deals.list_view
    region = next(
        (
            COLUMN_COUNT + i
            for i, f in enumerate(deals.model.custom_fields)
            if f.sortable and f.label == "Region"
        ),
        None,
    )
    sorts = [("sort_amount", COL_AMOUNT), ("sort_title", COL_TITLE)]
    if region is not None:
        sorts.append(("sort_region", region))
    from PySide6.QtCore import Qt

    for name, column in sorts:
        measure(
            name,
            lambda c=column: view.sortByColumn(c, Qt.SortOrder.AscendingOrder),
            lambda c=column: deals.model.sort_column() == c and _list_ready(window),
        )
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    search = deals.search_box

    def typing(text: str) -> Callable[[], None]:
        def start() -> None:
            for i in range(1, len(text) + 1):
                QTimer.singleShot(120 * (i - 1), lambda t=text[:i]: search.setText(t))

        return start

    def searched(text: str) -> Callable[[], bool]:
        return lambda: deals.model.deal_filter.search == text and _list_ready(window)

    measure("type_common_prefix", typing("sch"), searched("sch"))
    measure("clear_search", lambda: search.setText(""), searched(""))
    measure("type_rare_word", typing("mül"), searched("mül"))
    measure("clear_search_again", lambda: search.setText(""), searched(""))
    bar = view.verticalScrollBar()

    def middle_shown() -> bool:
        top = view.rowAt(0)
        return top > 0 and deals.model.cached_page(top // PAGE_SIZE) is not None

    measure("scrollbar_to_middle", lambda: bar.setValue(bar.maximum() // 2), middle_shown)
    contacts = window.contacts
    measure(
        "open_contacts",
        lambda: window.sidebar.select(Area.CONTACTS),
        lambda: contacts.isVisible() and not contacts.model.loading,
    )
    window.close()
    services.close()
    app.processEvents()
    shutil.rmtree(scratch, ignore_errors=True)
    return stalls


def _list_ready(window: Any) -> bool:
    deals = window.deals
    model = deals.model
    return deals.list_view.isVisible() and not model.loading and model.cached_page(0) is not None


if __name__ == "__main__":
    print(json.dumps(_session(sys.argv[1])))
