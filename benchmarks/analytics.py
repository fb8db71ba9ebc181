"""Analytics scenarios: every chart's figures computed for this year (analytics_dashboard, with the
same SQL replayed on raw sqlite3 for the ratio), every chart drawn on the page (analytics_render),
and the page's first opening, matplotlib's import included (analytics_first_open)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sqlalchemy import event

    from PySide6.QtWidgets import QApplication

    from app.services.analytics.service import AnalyticsFilter, Period, period_days
    from app.services.container import open_services

    app = QApplication.instance() or QApplication([])
    services = open_services(str(path))
    results: dict[str, dict[str, Any]] = {}
    wanted = AnalyticsFilter(*period_days(Period.THIS_YEAR, date.today()))  # noqa: DTZ011

    # -- the page's first opening, as a user meets it: in a process of its own, as an app just started
    # (in this long process the earlier scenarios' leftovers would be timed too).
    results["analytics_first_open"] = _first_open_in_new_process(path)
    from app.views.analytics.analytics_view import AnalyticsView

    view = AnalyticsView(services)
    view.resize(1400, 900)
    view.show()  # the page built and filled once (untimed): analytics_render draws on its cards
    deadline = time.perf_counter() + 60
    while view.data is None and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)

    # -- analytics_dashboard: the figures, and the same statements on raw sqlite3 ----------------------
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", capture)
    data = services.analytics.dashboard(wanted)
    event.remove(engine, "before_cursor_execute", capture)
    raw = sqlite3.connect(path, isolation_level=None)

    def replay() -> None:
        raw.execute("BEGIN")
        for statement, parameters in statements:
            raw.execute(statement, parameters).fetchall()
        raw.execute("COMMIT")

    won = sum(m.won for m in data.months)
    results["analytics_dashboard"] = scenario(
        median_ms(lambda: services.analytics.dashboard(wanted), runs),
        median_ms(replay, runs),
        period="this_year (the page's default)",
        statements=len(statements),
        won_deals=won,
        closed_deals=won + sum(m.lost for m in data.months),
    )
    # The same for this month (and its raw replay).
    month = AnalyticsFilter(*period_days(Period.THIS_MONTH, date.today()))  # noqa: DTZ011
    statements.clear()
    event.listen(engine, "before_cursor_execute", capture)
    month_data = services.analytics.dashboard(month)
    event.remove(engine, "before_cursor_execute", capture)
    month_won = sum(m.won for m in month_data.months)
    results["analytics_dashboard_this_month"] = scenario(
        median_ms(lambda: services.analytics.dashboard(month), runs),
        median_ms(replay, runs),
        won_deals=month_won,
        closed_deals=month_won + sum(m.lost for m in month_data.months),
    )

    # -- analytics_render: all eight charts drawn on their canvases ----------------------------------------
    def render() -> None:
        view.show_data(data)  # every chart rendered to its picture, here on this thread

    results["analytics_render"] = scenario(median_ms(render, runs), charts=len(view.cards))
    view.close()
    view.deleteLater()
    app.processEvents()
    raw.close()
    services.close()
    return results


def first_open(path: Path) -> dict[str, Any]:
    """The Analytics page opened once in this (new) process: time to the first drawn card, to all of
    them, and the longest stall of the event loop (a 5 ms timer's longest gap), threads on."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.services.container import open_services
    from app.views.analytics.analytics_view import AnalyticsView

    app = QApplication.instance() or QApplication([])
    services = open_services(str(path))

    view = AnalyticsView(services)
    view.resize(1400, 900)
    ticks = QElapsedTimer()
    longest = [0.0]
    last = [0.0]

    first_card: list[float] = []
    loop = QEventLoop()
    start = time.perf_counter()

    def tick() -> None:  # a timer every 5 ms: the longest gap between ticks is the longest stall
        now = ticks.nsecsElapsed() / 1e6
        longest[0] = max(longest[0], now - last[0])
        last[0] = now
        if not first_card and any(c.drawn for c in view.cards.values()):
            first_card.append((time.perf_counter() - start) * 1000)
        if view.data is not None or time.perf_counter() - start > 60:
            loop.quit()

    beat = QTimer()
    beat.setInterval(5)
    beat.timeout.connect(tick)
    beat.start()
    ticks.start()
    view.show()  # builds the empty cards; matplotlib and the figures come off the GUI thread
    longest[0] = max(longest[0], ticks.nsecsElapsed() / 1e6)  # show() itself, before the first tick
    loop.exec()  # the event loop as the app runs it: waiting, not spinning, between events
    if view.data is None:
        raise RuntimeError("the analytics page did not fill within a minute")
    elapsed = (time.perf_counter() - start) * 1000
    beat.stop()
    view.close()
    view.deleteLater()
    app.processEvents()
    services.close()
    return scenario(
        elapsed,
        runs=1,
        first_card_ms=round(first_card[0] if first_card else elapsed, 1),
        longest_stall_ms=round(longest[0], 1),
        process="a new one, as an app just started",
    )


def _first_open_in_new_process(path: Path) -> dict[str, Any]:
    code = "import json, sys; from pathlib import Path; from benchmarks.analytics import first_open; "
    code += "print(json.dumps(first_open(Path(sys.argv[1]))))"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True, env=env
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
