"""Tasks scenarios: one person's open tasks grouped, as the Tasks area's first screen shows them."""

from __future__ import annotations

import itertools
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario

_ROWS = """
SELECT t.id, t.title, t.kind, t.due_at, t.all_day, t.done, t.completed_at, t.result, t.description,
       t.duration_minutes, t.responsible_id, u.name, t.deal_id, d.title, t.version
FROM task t LEFT JOIN user_account u ON u.id = t.responsible_id LEFT JOIN deal d ON d.id = t.deal_id
WHERE t.responsible_id = ? AND {where} ORDER BY {order} LIMIT 100
"""


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.container import open_services
    from app.views.tasks.tasks_view import TasksView

    app = QApplication.instance() or QApplication([])
    raw = sqlite3.connect(path)
    person, login, open_tasks = raw.execute(
        "SELECT t.responsible_id, u.login, count(*) FROM task t"
        " JOIN user_account u ON u.id = t.responsible_id WHERE t.done = 0"
        " GROUP BY t.responsible_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    services = open_services(str(path), login=login)
    view = TasksView(services)

    def first_screen() -> None:
        view.reload()

    def first_screen_raw() -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        today = now.replace(hour=23, minute=59, second=59)
        stamps = [str(x) for x in (now, today, today + timedelta(days=1), today + timedelta(days=4))]
        raw.execute(
            "SELECT CASE WHEN due_at IS NULL THEN 'none'"
            " WHEN due_at < ? THEN 'overdue' WHEN due_at < ? THEN 'today'"
            " WHEN due_at < ? THEN 'tomorrow' WHEN due_at < ? THEN 'week' "
            "ELSE 'later' END AS bucket, count(*) FROM task"
            " WHERE responsible_id = ? AND done IS 0 GROUP BY bucket",
            (*stamps, person),
        ).fetchall()
        raw.execute("SELECT count(*) FROM task WHERE responsible_id = ? AND done IS 1", (person,)).fetchone()
        bounds: list[tuple[str | None, str | None]] = [
            (None, stamps[0]),
            *itertools.pairwise(stamps),
            (stamps[-1], None),
        ]
        for low, high in bounds:
            where = "done IS 0 AND due_at IS NOT NULL"
            where += " AND due_at >= ?" if low else ""
            where += " AND due_at < ?" if high else ""
            found = [b for b in (low, high) if b]
            raw.execute(_ROWS.format(where=where, order="t.due_at, t.id"), (person, *found)).fetchall()
        raw.execute(_ROWS.format(where="done IS 0 AND due_at IS NULL", order="t.id"), (person,)).fetchall()
        raw.execute(
            _ROWS.format(where="done IS 1", order="t.completed_at DESC, t.id DESC"), (person,)
        ).fetchall()

    result = {
        "tasks_my_open": scenario(
            median_ms(first_screen, runs),
            median_ms(first_screen_raw, runs),
            open_tasks=open_tasks,
            tasks=sum(view.tree.topLevelItem(i).childCount() for i in range(view.tree.topLevelItemCount())),
        )
    }
    raw.close()
    services.close()
    del app
    return result
