"""Calendar scenarios: a month with ~2,000 deals shown, a week, and a deal moved to another day."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario, settle

SIZE = (1280, 860)
COUNTS_SQL = (
    "SELECT close_date, count(*) FROM deal WHERE responsible_id = ? AND close_date BETWEEN ? AND ? "
    "GROUP BY close_date"
)
COUNTS_ALL_SQL = "SELECT close_date, count(*) FROM deal WHERE close_date BETWEEN ? AND ? GROUP BY close_date"
# A day's largest deals along the (close date, amount) index, then what their chips show.
DAY_TOP_SQL = (
    "SELECT * FROM (SELECT id FROM deal WHERE {where} close_date = ? ORDER BY amount DESC, id LIMIT ?)"
)
CHIPS_SQL = """
SELECT d.id, d.close_date, d.title, d.amount, d.currency, d.stage_id, s.name, s.color, d.closed, d.version
FROM deal d JOIN stage s ON s.id = d.stage_id WHERE d.id IN ({tops})
"""


def raw_month(raw: sqlite3.Connection, first: date, last: date, per_day: int, user: int | None) -> None:
    """The best raw sqlite3 read of the calendar's days: the counts, each day's largest deals."""
    span = (first.isoformat(), last.isoformat())
    if user is None:
        days = [day for day, _n in raw.execute(COUNTS_ALL_SQL, span)]
        where, before = "", ()
    else:
        days = [day for day, _n in raw.execute(COUNTS_SQL, (user, *span))]
        where, before = "responsible_id = ? AND", (user,)
    if days:
        tops = " UNION ALL ".join(DAY_TOP_SQL.format(where=where) for _day in days)
        params = [value for day in days for value in (*before, day, per_day)]
        raw.execute(CHIPS_SQL.format(tops=tops), params).fetchall()


def open_calendar(services: Any, shown: Any, anchor: date, mode: Any, size: tuple[int, int]) -> Any:
    """A new calendar view of a filter's deals around a day, shown: its days read (off the GUI
    thread), laid out and painted."""
    from PySide6.QtWidgets import QApplication

    from app.views.calendar.calendar_view import CalendarView

    view = CalendarView(services)
    view.set_filter(shown)
    view.anchor = anchor
    view.mode = mode
    view.resize(*size)
    view.show()
    QApplication.processEvents()
    settle(lambda: not view.loading)
    return view


def close_calendar(view: Any) -> None:
    from PySide6.QtWidgets import QApplication

    view.close()
    view.deleteLater()
    QApplication.processEvents()


def _month_with_about(raw: sqlite3.Connection, wanted: int) -> tuple[int, date, int]:
    """(responsible id, first day of this month, deals) for the person whose month is nearest `wanted`."""
    first = date.today().replace(day=1)  # noqa: DTZ011
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    rows = raw.execute(
        "SELECT responsible_id, count(*) FROM deal WHERE close_date BETWEEN ? AND ? GROUP BY responsible_id",
        (first.isoformat(), last.isoformat()),
    ).fetchall()
    user, count = min(rows, key=lambda r: abs(r[1] - wanted))
    return user, first, count


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.container import open_services
    from app.services.deals.filters import DealFilter
    from app.views.calendar.calendar_view import MONTH_PER_DAY, WEEK_PER_DAY, CalendarView, Mode

    app = QApplication.instance() or QApplication([])
    services = open_services(str(path))
    raw = sqlite3.connect(path, isolation_level=None)
    user, month, count = _month_with_about(raw, 2_000)
    deal_filter = DealFilter(responsible_ids=(user,))
    results: dict[str, dict[str, Any]] = {}

    def open_view(mode: Mode, shown: DealFilter = deal_filter) -> CalendarView:
        return open_calendar(services, shown, month.replace(day=15), mode, SIZE)

    def open_and_close(mode: Mode, shown: DealFilter = deal_filter) -> None:
        close_calendar(open_view(mode, shown))

    def raw_days(first: date, last: date, per_day: int) -> None:
        raw_month(raw, first, last, per_day, user)

    shown = CalendarView(services)
    shown.anchor = month.replace(day=15)
    month_span = shown.days()
    shown.mode = Mode.WEEK
    week_span = shown.days()
    shown.deleteLater()

    def service_read(first: date, last: date, per_day: int, deal_filter: DealFilter = deal_filter) -> float:
        """The calendar service's read alone (the figure next to raw that has no widget in it)."""
        return median_ms(
            lambda: services.calendar.read(deal_filter, "close_date", first, last, per_day=per_day), runs
        )

    results["calendar_month"] = scenario(
        median_ms(lambda: open_and_close(Mode.MONTH), runs),
        median_ms(lambda: raw_days(month_span[0], month_span[-1], MONTH_PER_DAY), runs),
        month_deals=count,
        service_ms=service_read(month_span[0], month_span[-1], MONTH_PER_DAY),
        note="ms: a new view made, shown, read off the GUI thread and painted; service_ms: the read alone",
    )

    # -- calendar_month_all: everyone's month, the view a person opens first (all pipelines) ------
    def everyones_month_raw() -> None:
        raw_month(raw, month_span[0], month_span[-1], MONTH_PER_DAY, None)

    shown_deals = raw.execute(
        "SELECT count(*) FROM deal WHERE close_date BETWEEN ? AND ?",
        (month_span[0].isoformat(), month_span[-1].isoformat()),
    ).fetchone()[0]
    results["calendar_month_all"] = scenario(
        median_ms(lambda: open_and_close(Mode.MONTH, DealFilter()), runs),
        median_ms(everyones_month_raw, runs),
        deals_in_the_days_shown=shown_deals,
        service_ms=service_read(month_span[0], month_span[-1], MONTH_PER_DAY, DealFilter()),
        note="read off the GUI thread: timed until the month is shown and painted",
    )
    results["calendar_week"] = scenario(
        median_ms(lambda: open_and_close(Mode.WEEK), runs),
        median_ms(lambda: raw_days(week_span[0], week_span[-1], WEEK_PER_DAY), runs),
        month_deals=count,
        service_ms=service_read(week_span[0], week_span[-1], WEEK_PER_DAY),
    )

    # -- calendar_move: a deal dropped on the next day, stored, the month read again and painted ------
    view = open_view(Mode.MONTH)
    entry = next(e for _rect, e in view.month_grid.chips if e.day.month == month.month and e.day.day < 27)
    state = {"version": entry.version, "day": entry.day}

    def move() -> None:
        target = state["day"] + timedelta(days=1 if state["day"] == entry.day else -1)
        if not view.move_entry(entry.deal_id, state["version"], target, None):
            raise RuntimeError("the benchmark's move was refused")
        state["version"] += 1
        state["day"] = target
        view.month_grid.repaint()

    moved_ms = median_ms(move, runs)
    raw_state = {"day": state["day"]}

    def move_raw() -> None:
        deal_id = entry.deal_id
        old = raw_state["day"]
        new = old + timedelta(days=1 if old == entry.day else -1)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "UPDATE deal SET close_date = ?, version = version + 1, updated_at = datetime('now') "
            "WHERE id = ?",
            (new.isoformat(), deal_id),
        )
        raw.execute(
            "INSERT INTO history_entry (entity_type, entity_id, action, field, old_value, new_value, "
            "version, at) VALUES ('deal', ?, 'updated', 'close_date', ?, ?, 1, datetime('now'))",
            (deal_id, old.isoformat(), new.isoformat()),
        )
        raw.execute("COMMIT")
        raw_days(month_span[0], month_span[-1], MONTH_PER_DAY)
        raw_state["day"] = new

    results["calendar_move"] = scenario(moved_ms, median_ms(move_raw, runs), month_deals=count)
    view.close()
    view.deleteLater()
    app.processEvents()
    services.close()
    raw.close()
    return results
