"""The views as restricted people meet them (issue 16): a salesperson who may read their own and the
open deals (~2 % of the demo's deals) and a manager who may read their department with its team
(~10 %). The raw figure replays, on sqlite3, the very statements the view ran (captured from the
engine): the same filtered queries, without Python and Qt around them."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.calendar import close_calendar, open_calendar
from benchmarks.runner import median_ms, scenario, settle

BOARD_SIZE = (1400, 900)
CALENDAR_SIZE = (1200, 800)
VISIBLE_ROWS = 30


def _people(raw: sqlite3.Connection) -> dict[str, int]:
    """The demo's head of Sales North (a Manager: Sales North and Team Hamburg) and a salesperson."""
    manager = raw.execute(
        "SELECT d.head_id FROM department d WHERE d.parent_id IS NULL AND d.head_id IS NOT NULL"
        " AND EXISTS (SELECT 1 FROM department t WHERE t.parent_id = d.id)"
        " ORDER BY d.id LIMIT 1"
    ).fetchone()
    heads = {r[0] for r in raw.execute("SELECT head_id FROM department WHERE head_id IS NOT NULL")}
    seller = next(
        r[0]
        for r in raw.execute(
            "SELECT id FROM user_account WHERE NOT is_admin AND department_id IS NOT NULL ORDER BY id"
        )
        if r[0] not in heads
    )
    if manager is None:
        raise RuntimeError(
            "the demo database has no department with a team and a head (demo version 7 or newer)"
        )
    return {"salesperson": seller, "manager": manager[0]}


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.container import open_services
    from app.views.deal_list import deal_table_model

    deal_table_model.PREPARE_IN_BACKGROUND = False
    QApplication.instance() or QApplication([])
    raw = sqlite3.connect(path, isolation_level=None)
    people = _people(raw)
    total = raw.execute("SELECT count(*) FROM deal").fetchone()[0]
    admin = open_services(str(path))
    logins = dict(raw.execute("SELECT id, login FROM user_account").fetchall())
    pipeline = admin.pipelines.list()[0]
    results: dict[str, dict[str, Any]] = {}

    for who, user_id in people.items():
        results.update(_person(who, admin.as_user(logins[user_id]), raw, total, pipeline.id, runs))
    admin.close()
    raw.close()
    return results


def _person(
    who: str, services: Any, raw: sqlite3.Connection, total: int, pipeline_id: int, runs: int
) -> dict[str, Any]:
    from sqlalchemy import event

    from PySide6.QtWidgets import QApplication

    from app.services.analytics.service import AnalyticsFilter, Period, period_days
    from app.services.deals.filters import DealFilter
    from app.views.calendar.calendar_view import Mode
    from app.views.deal_list.deal_table_model import COLUMN_COUNT, DealTableModel
    from app.views.kanban.kanban_view import KanbanView

    app = QApplication.instance()
    results: dict[str, dict[str, Any]] = {}
    engine = services.database.engine
    readable = services.deal_queries.count(DealFilter())
    about = {
        "user": services.context.actor_id,
        "readable_deals": readable,
        "share_pct": round(100 * readable / total, 2),
    }

    def captured(work: Any) -> list[tuple[str, Any]]:
        """The SELECT statements `work` runs (once, warm), to replay them raw."""
        statements: list[tuple[str, Any]] = []

        def keep(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                statements.append((statement, parameters))

        event.listen(engine, "before_cursor_execute", keep)
        try:
            work()
        finally:
            event.remove(engine, "before_cursor_execute", keep)
        return statements

    def replay(statements: list[tuple[str, Any]]) -> None:
        raw.execute("BEGIN")
        for statement, parameters in statements:
            raw.execute(statement, parameters).fetchall()
        raw.execute("COMMIT")

    def measured(name: str, work: Any, **extra: Any) -> None:
        work()  # warm, as the unrestricted scenarios are
        statements = captured(work)
        results[f"{name}_restricted_{who}"] = scenario(
            median_ms(work, runs),
            median_ms(lambda s=statements: replay(s), runs),
            statements=len(statements),
            **about,
            **extra,
        )

    # -- the list: counted, first screen painted; and a search ----------------------------------
    def first_screen(deal_filter: DealFilter) -> None:
        model = DealTableModel(services, deal_filter)
        for row in range(min(VISIBLE_ROWS, model.rowCount())):
            for column in range(COLUMN_COUNT):
                model.index(row, column).data()

    measured("list_first_page", lambda: first_screen(DealFilter()))
    measured("list_search", lambda: first_screen(DealFilter(search="mül")), prefix="mül")

    # -- the kanban: the default pipeline's board, shown with its first cards -----------------------
    def open_board() -> None:
        board = KanbanView(services)
        board.set_filter(DealFilter(pipeline_id=pipeline_id))
        board.resize(*BOARD_SIZE)
        board.show()
        app.processEvents()
        settle(lambda: not board.loading)
        board.close()
        board.deleteLater()
        app.processEvents()

    measured("kanban_open", open_board)

    # -- the calendar: this month by close date ------------------------------------------------------
    def month_of_everything_readable() -> None:
        today = date.today()  # noqa: DTZ011
        close_calendar(
            open_calendar(services, DealFilter(), today.replace(day=15), Mode.MONTH, CALENDAR_SIZE)
        )

    measured("calendar_month", month_of_everything_readable)

    # -- analytics: this year's figures, as this person may see them ----------------------------------
    wanted = AnalyticsFilter(*period_days(Period.THIS_YEAR, date.today()))  # noqa: DTZ011
    measured("analytics_dashboard", lambda: services.analytics.dashboard(wanted))
    return results
