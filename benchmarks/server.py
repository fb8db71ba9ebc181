"""The office on a server: the views that matter most, on a PostgreSQL server reached directly and
through a network with round trips (the delaying proxy), with the statements each sends.

    python -m benchmarks --db postgresql+psycopg://dealdesk@127.0.0.1/bench --rtt-ms 2 --deals 1000000

The server database is filled from the N-deal demo file by `dealdesk copy` (timed: copy_1m_s) unless
it holds those deals already. Each scenario is what its file twin times (listing.py, kanban.py,
calendar.py, analytics.py): "local" is the server on this machine, "proxied" the same through the
proxy; the ratio is proxied / local (the issue's target: at most 3). `statements` counts what one run
sends: each costs a round trip, so it is what a network adds to a view.
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url

from benchmarks.calendar import SIZE
from benchmarks.delay_proxy import DelayProxy
from benchmarks.kanban import show_board
from benchmarks.listing import VISIBLE_ROWS
from benchmarks.runner import median_ms

SCENARIOS = ("list_first_page", "kanban_open", "kanban_move", "calendar_month", "analytics_dashboard")


def fill(url: str, path: Path, deals: int) -> float | None:
    """The demo's deals on the server (copied when it holds others, or none); the copy's seconds."""
    from app.services.container import open_services
    from app.services.deals.queries import DealFilter
    from app.storage.database import Database, create_database_engine, parse_url
    from app.storage.migrate import current_revision
    from app.storage.moving.copying import copy_database

    probe = Database(create_database_engine(parse_url(url)))
    try:
        holds = current_revision(probe) is not None
    finally:
        probe.dispose(optimize=False)
    if holds:
        services = open_services(url, create=False)
        try:
            if services.deal_queries.count(DealFilter()) == deals:
                return None
        finally:
            services.close()
    started = time.perf_counter()
    copy_database(str(path), url, mark=False, replace=holds)
    return round(time.perf_counter() - started, 1)


def run(url: str, path: Path, deals: int, runs: int, rtt_ms: float) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    copied = fill(url, path, deals)
    local = _scenarios(url, runs)
    address = make_url(url)
    with DelayProxy(address.host or "127.0.0.1", address.port or 5432, rtt_ms) as proxy:
        through = address.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        proxied = _scenarios(through, runs)
    result: dict[str, Any] = {}
    for name in SCENARIOS:
        near, far = local[name], proxied[name]
        result[name] = {
            "local_ms": round(near["ms"], 3),
            "proxied_ms": round(far["ms"], 3),
            "ratio": round(far["ms"] / near["ms"], 2) if near["ms"] else None,
            "statements": far["statements"],
        }
    if copied is not None:
        result["copy_to_server_s"] = {"s": copied, "deals": deals}
    del app
    return result


def _scenarios(url: str, runs: int) -> dict[str, dict[str, Any]]:
    from PySide6.QtWidgets import QApplication

    from app.services.analytics.service import AnalyticsFilter, Period, period_days
    from app.services.container import open_services
    from app.services.deals.filters import DealFilter
    from app.views.calendar.calendar_view import Mode
    from app.views.deal_list import deal_table_model
    from app.views.deal_list.deal_table_model import COLUMN_COUNT, DealTableModel
    from benchmarks.calendar import close_calendar, open_calendar

    deal_table_model.PREPARE_IN_BACKGROUND = False
    deal_table_model.SUMMARY_IN_BACKGROUND = False
    app = QApplication.instance()
    services = open_services(url, create=False)
    counted: list[int] = [0]

    def count(*_args: Any) -> None:
        counted[0] += 1

    event.listen(services.database.engine, "before_cursor_execute", count)
    found: dict[str, dict[str, Any]] = {}

    def timed(name: str, work: Any) -> None:
        ms = median_ms(work, runs)
        counted[0] = 0
        work()
        found[name] = {"ms": ms, "statements": counted[0]}

    try:
        # -- list_first_page: a new list model counts the deals and shows its first screen
        def first_page() -> None:
            model = DealTableModel(services)
            for row in range(VISIBLE_ROWS):
                for column in range(COLUMN_COUNT):
                    model.index(row, column).data()

        timed("list_first_page", first_page)

        # -- kanban_open / kanban_move: the pipeline nearest 100,000 deals, as on the file
        pipelines = services.pipelines.list()
        sizes = {p.id: sum(services.pipelines.stage_deal_counts(p.id).values()) for p in pipelines}
        pipeline = min(pipelines, key=lambda p: abs(sizes[p.id] - 100_000))
        open_stages = [s.id for s in pipeline.stages if not s.is_closed]

        def open_board() -> Any:
            return show_board(services, DealFilter(pipeline_id=pipeline.id))

        def open_and_close() -> None:
            board = open_board()
            board.close()
            board.deleteLater()
            app.processEvents()

        timed("kanban_open", open_and_close)
        board = open_board()
        first, second = sorted(board.columns[: len(open_stages)], key=lambda c: -c.model.total)[:2]
        turns = iter([(first, second), (second, first)] * (runs + 5))

        def move() -> None:
            source, target = next(turns)
            card = source.model.card(0)
            if card is None or not board.move_cards(
                target.stage.id, [(card.id, card.version)], source.stage.id
            ):
                raise RuntimeError("the benchmark's move was refused")
            source.view.viewport().repaint()
            target.view.viewport().repaint()

        timed("kanban_move", move)
        board.close()

        # -- calendar_month: one person's month, as on the file (the fullest person this month)
        today = date.today()  # noqa: DTZ011
        month = today.replace(day=15)
        person = max(
            services.users.list(),
            key=lambda u: services.deal_queries.count(DealFilter(responsible_ids=(u.id,), closed=False)),
        )
        shown = DealFilter(responsible_ids=(person.id,))
        timed(
            "calendar_month", lambda: close_calendar(open_calendar(services, shown, month, Mode.MONTH, SIZE))
        )

        # -- analytics_dashboard: this year's figures
        wanted = AnalyticsFilter(*period_days(Period.THIS_YEAR, today))
        timed("analytics_dashboard", lambda: services.analytics.dashboard(wanted))
    finally:
        event.remove(services.database.engine, "before_cursor_execute", count)
        services.close()
    return found
