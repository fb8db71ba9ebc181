"""Deal list scenarios: first page, a page anywhere, sorting, search, filtered totals, bulk moves."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.runner import drain, median_ms, scenario, settle

# The same columns DealRow holds, read the same way (one query, names joined in).
ROW_SQL = """
SELECT d.id, d.title, d.pipeline_id, p.name, d.stage_id, s.name, s.color, s.semantic, d.amount, d.currency,
       d.company_id, c.title,
       (SELECT trim(ct.first_name || ' ' || ct.last_name) FROM deal_contact dc
        JOIN contact ct ON ct.id = dc.contact_id WHERE dc.deal_id = d.id ORDER BY dc.sort LIMIT 1),
       d.responsible_id, u.name, d.begin_date, d.close_date, d.source, d.created_at, d.closed, d.version
FROM deal d JOIN stage s ON s.id = d.stage_id JOIN pipeline p ON p.id = d.pipeline_id
LEFT JOIN company c ON c.id = d.company_id LEFT JOIN user_account u ON u.id = d.responsible_id
WHERE d.id IN ({ids})
"""
VISIBLE_ROWS = 30


def _raw_rows(conn: sqlite3.Connection, ids: list[int]) -> None:
    conn.execute(ROW_SQL.format(ids=",".join(map(str, ids)))).fetchall()


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(tzinfo=None).isoformat(" ")


def _raw_activity(conn: sqlite3.Connection, ids: list[int]) -> None:
    """The deals' open tasks as the Activity column shows them: overdue, today, next, how many."""
    now = _now()
    conn.execute(
        "SELECT deal_id, sum(due_at < ?), sum(due_at >= ? AND due_at < ?), min(CASE WHEN due_at >= ? "
        f"THEN due_at END), count(*) FROM task WHERE deal_id IN ({','.join(map(str, ids))}) AND done = 0 "
        "GROUP BY deal_id",
        (now, now, now[:10] + " 23:59:59", now),
    ).fetchall()


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.services.container import open_services
    from app.services.deals.queries import DealFilter, DealSort
    from app.views.deal_list import deal_table_model
    from app.views.deal_list.deal_table_model import COL_AMOUNT, COLUMN_COUNT, DealTableModel

    # One thing at a time: no anchor searches in the background while the next run is timed.
    deal_table_model.PREPARE_IN_BACKGROUND = False
    deal_table_model.SUMMARY_IN_BACKGROUND = False  # (list_filter_count times the summary itself)

    app = QApplication.instance() or QApplication([])
    services = open_services(str(path))
    raw = sqlite3.connect(path)
    results: dict[str, dict[str, Any]] = {}

    def show_first_screen(model: DealTableModel) -> None:
        for row in range(VISIBLE_ROWS):
            for column in range(COLUMN_COUNT):
                model.index(row, column).data()

    # -- list_first_page: a new list model counts 1M deals and paints its first screen -----------
    def first_page() -> None:
        show_first_screen(DealTableModel(services))

    def first_page_raw() -> None:
        raw.execute("SELECT count(*) FROM deal").fetchone()
        ids = [r[0] for r in raw.execute("SELECT id FROM deal ORDER BY id DESC LIMIT 100")]
        _raw_rows(raw, ids)
        _raw_activity(raw, ids)

    results["list_first_page"] = scenario(median_ms(first_page, runs), median_ms(first_page_raw, runs))

    # -- deal_activity_filter: the list of deals with an overdue task, counted, its first screen ----
    from app.services.deals.filters import Activity

    overdue = DealFilter(activity=Activity.OVERDUE)

    def activity_filter() -> None:
        show_first_screen(DealTableModel(services, overdue))

    def activity_filter_raw() -> None:
        now = _now()
        late = "SELECT deal_id FROM task WHERE done = 0 AND deal_id IS NOT NULL AND due_at < ?"
        raw.execute(f"SELECT count(*) FROM deal WHERE id IN ({late})", (now,)).fetchone()
        ids = [
            r[0]
            for r in raw.execute(
                f"SELECT id FROM deal WHERE id IN ({late}) ORDER BY id DESC LIMIT 100", (now,)
            )
        ]
        _raw_rows(raw, ids)
        _raw_activity(raw, ids)

    results["deal_activity_filter"] = scenario(
        median_ms(activity_filter, runs),
        median_ms(activity_filter_raw, runs),
        matches=services.deal_queries.count(overdue),
    )

    # -- list_scroll_page: pages around row 700,000 once the list's anchors are known -------------
    # Ours and the raw keyset query take turns on the same pages (the first visit to a page warms
    # SQLite's cache for both), so neither is timed on colder data than the other.
    cold = DealTableModel(services)
    deep = min(700_000, max(0, cold.rowCount() - 100))
    cold_ms = median_ms(
        lambda: services.deal_queries.page(DealFilter(), DealSort(), deep, 100, cold.cursor), 1, 0
    )
    model = DealTableModel(services)
    prepare_ms = median_ms(lambda: services.deal_queries.prepare(model.cursor), 1, 0)
    ours_ms: list[float] = []
    raw_ms: list[float] = []
    for k in range(max(runs, 15)):
        offset = max(0, deep - k * 1_300)
        bound = services.deal_queries.ids(DealFilter(), DealSort(), offset, 1, model.cursor)[0]
        ours_ms.append(
            median_ms(
                lambda o=offset: services.deal_queries.page(DealFilter(), DealSort(), o, 100, model.cursor),
                1,
                0,
            )
        )

        def scroll_raw(bound: int = bound) -> None:
            ids = [
                r[0]
                for r in raw.execute("SELECT id FROM deal WHERE id <= ? ORDER BY id DESC LIMIT 100", (bound,))
            ]
            _raw_rows(raw, ids)

        raw_ms.append(median_ms(scroll_raw, 1, 0))
    results["list_scroll_page"] = scenario(
        statistics.median(ours_ms),
        statistics.median(raw_ms),
        first_jump_ms=round(cold_ms, 1),
        anchors_ms=round(prepare_ms, 1),
    )

    # -- list_sort_amount: click the Amount header (alternately down and up), first screen sorted ----
    sorting = DealTableModel(services)
    orders = iter([Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder] * (runs + 2))

    def sorted_first_screens(column: int, orders: Any) -> tuple[float, float]:
        """Click a header, runs times (after one untimed): the median time until the first screen
        shows the new order (read off the GUI thread; the count is known), and until the list is
        laid out for reading pages anywhere."""
        first_screen: list[float] = []
        laid_out: list[float] = []
        for _ in range(runs + 1):
            drain()
            start = time.perf_counter()
            sorting.sort(column, next(orders))
            wanted = sorting.wanted_sort
            settle(lambda wanted=wanted: sorting.deal_sort == wanted)
            show_first_screen(sorting)
            first_screen.append((time.perf_counter() - start) * 1000)
            settle(lambda: not sorting.loading)
            laid_out.append((time.perf_counter() - start) * 1000)
        return statistics.median(first_screen[1:]), statistics.median(laid_out[1:])

    raw_orders = iter(["DESC", "ASC"] * (runs + 2))

    def sort_amount_raw() -> None:
        direction = next(raw_orders)
        ids = [
            r[0]
            for r in raw.execute(f"SELECT id FROM deal ORDER BY amount {direction}, id {direction} LIMIT 100")
        ]
        _raw_rows(raw, ids)

    amount_ms, amount_laid_out_ms = sorted_first_screens(COL_AMOUNT, orders)
    results["list_sort_amount"] = scenario(
        amount_ms,
        median_ms(sort_amount_raw, runs),
        laid_out_ms=round(amount_laid_out_ms, 3),
        note="ms: until the first screen shows the new order (the count is known); laid_out_ms: until "
        "pages anywhere read by an index seek",
    )

    # -- list_search: a 3-letter prefix typed into the list's search: its first screen (the rows
    # come first, the count after them, both off the GUI thread), and the count as well ------------
    searching = DealTableModel(services)
    for label, prefix in (("list_search", "mül"), ("list_search_common", "sch")):
        first_screen_ms: list[float] = []
        counted_ms: list[float] = []

        def search(
            prefix: str = prefix,
            first_screen_ms: list[float] = first_screen_ms,
            counted_ms: list[float] = counted_ms,
        ) -> None:
            drain()
            start = time.perf_counter()
            searching.request_filter(DealFilter(search=prefix))
            settle(lambda: searching.deal_filter.search == prefix and searching.cached_page(0) is not None)
            show_first_screen(searching)
            first_screen_ms.append((time.perf_counter() - start) * 1000)
            settle(lambda: not searching.loading)
            counted_ms.append((time.perf_counter() - start) * 1000)
            searching.set_filter(DealFilter())

        def first_rows_raw(prefix: str = prefix) -> None:
            ids = [
                r[0]
                for r in raw.execute(
                    "SELECT rowid FROM deal_search WHERE deal_search MATCH ? ORDER BY rowid DESC LIMIT 100",
                    (f'"{prefix}"*',),
                )
            ]
            _raw_rows(raw, ids)

        def count_raw(prefix: str = prefix) -> None:
            raw.execute(
                "SELECT count(*) FROM deal_search WHERE deal_search MATCH ?", (f'"{prefix}"*',)
            ).fetchone()

        search()  # warm-up, not counted
        first_screen_ms.clear()
        counted_ms.clear()
        for _ in range(runs):
            search()
        raw_first = median_ms(first_rows_raw, runs)
        count = services.deal_queries.count(DealFilter(search=prefix))
        results[label] = scenario(
            statistics.median(first_screen_ms),
            raw_first,
            prefix=prefix,
            matches=count,
            with_count_ms=round(statistics.median(counted_ms), 3),
            raw_with_count_ms=round(raw_first + median_ms(count_raw, runs), 3),
            note="ms: typed until the first screen is shown (the count follows); with_count_ms: until "
            "the count is shown too",
        )

    # -- list_filter_count: stage + responsible + closing this year: count and total ----------------
    stage_id, responsible_id = raw.execute(
        "SELECT stage_id, responsible_id FROM deal GROUP BY stage_id, responsible_id "
        "ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    year = date.today().year  # noqa: DTZ011 - the user's year
    deal_filter = DealFilter(
        stage_ids=(stage_id,),
        responsible_ids=(responsible_id,),
        close_from=date(year, 1, 1),
        close_to=date(year, 12, 31),
    )

    def filter_count() -> None:
        services.deal_queries.summary(deal_filter)

    def filter_count_raw() -> None:
        raw.execute(
            "SELECT currency, count(*), sum(amount) FROM deal WHERE stage_id = ? AND responsible_id = ? "
            "AND close_date BETWEEN ? AND ? GROUP BY currency",
            (stage_id, responsible_id, f"{year}-01-01", f"{year}-12-31"),
        ).fetchall()

    results["list_filter_count"] = scenario(
        median_ms(filter_count, runs),
        median_ms(filter_count_raw, runs),
        matches=services.deal_queries.count(deal_filter),
    )
    # -- list_sort_custom_field / list_filter_custom_field: the demo's Region (a list field) -------
    from app.services.deals.filters import CustomCondition
    from app.services.fields.custom_fields import EntityType

    region = next(f for f in services.custom_fields.list(EntityType.DEAL) if f.code == "region")
    region_column = next(c for c in range(COLUMN_COUNT, 40) if sorting.column_key(c) == f"uf:{region.id}")
    region_orders = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * (runs + 2))

    def sort_region_raw() -> None:
        ids = [
            r[0]
            for r in raw.execute(
                "SELECT entity_id FROM custom_field_value WHERE field_id = ? AND position = 0 "
                "ORDER BY value_int, entity_id LIMIT 100",
                (region.id,),
            )
        ]
        _raw_rows(raw, ids)

    region_ms, region_laid_out_ms = sorted_first_screens(region_column, region_orders)
    results["list_sort_custom_field"] = scenario(
        region_ms,
        median_ms(sort_region_raw, runs),
        laid_out_ms=round(region_laid_out_ms, 3),
        note="as list_sort_amount; the raw reads the first 100 in that order (the deals without a "
        "Region come first going up: the raw reads those with one)",
    )
    south = region.options[1].id
    in_south = DealFilter(custom=(CustomCondition(region.id, "value_int", "in", (south,)),))

    # What the user waits for: the count and the first screen. The total in the status bar is
    # summed off the GUI thread (list_filter_custom_field_total).
    def filter_region() -> None:
        show_first_screen(DealTableModel(services, in_south))

    def filter_region_raw() -> None:
        values = "FROM custom_field_value WHERE field_id = ? AND value_int = ?"
        raw.execute(f"SELECT count(*) {values}", (region.id, south)).fetchone()
        ids = [
            r[0]
            for r in raw.execute(
                f"SELECT entity_id {values} ORDER BY entity_id DESC LIMIT 100", (region.id, south)
            )
        ]
        _raw_rows(raw, ids)

    def region_total() -> None:
        services.deal_queries.summary(in_south)

    def region_total_raw() -> None:
        raw.execute(
            "SELECT d.currency, count(*), sum(d.amount) FROM custom_field_value v "
            "JOIN deal d ON d.id = v.entity_id WHERE v.field_id = ? AND v.value_int = ? GROUP BY d.currency",
            (region.id, south),
        ).fetchall()

    matches = services.deal_queries.count(in_south)
    results["list_filter_custom_field"] = scenario(
        median_ms(filter_region, runs), median_ms(filter_region_raw, runs), matches=matches
    )
    results["list_filter_custom_field_total"] = scenario(
        median_ms(region_total, runs), median_ms(region_total_raw, runs), matches=matches
    )

    raw.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)  # the models' background anchor searches
    services.close()
    del app
    return results


def bulk_stage_change(path: Path, runs: int) -> dict[str, Any]:
    """Move 10,000 deals to another stage and back (one transaction each, history included)."""
    from app.services.container import open_services
    from app.services.deals.bulk import DealSelection
    from app.services.deals.queries import DealFilter, DealSort

    services = open_services(str(path))
    pipeline = services.pipelines.list()[0]
    counts = services.pipelines.stage_deal_counts(pipeline.id)
    open_stages = sorted(
        (s for s in pipeline.stages if not s.is_closed), key=lambda s: counts.get(s.id, 0), reverse=True
    )
    first, second = open_stages[0].id, open_stages[1].id  # from the fullest open stage to another
    ids = [r.id for r in services.deal_queries.page(DealFilter(stage_ids=(first,)), DealSort(), 0, 10_000)]
    selection = DealSelection(ids=tuple(ids))
    targets = iter([second, first] * (runs + 2))

    def move() -> None:
        services.deal_bulk.update(selection, "stage_id", next(targets))

    ms = median_ms(move, runs, warmup=0)
    if next(targets) == first:  # leave them where they were
        services.deal_bulk.update(selection, "stage_id", first)
    services.close()

    raw = sqlite3.connect(path, isolation_level=None)
    chunks = [ids[i : i + 500] for i in range(0, len(ids), 500)]
    raw_targets = iter([second, first] * (runs + 2))

    def move_raw() -> None:
        target = next(raw_targets)
        raw.execute("BEGIN IMMEDIATE")
        for chunk in chunks:
            marks = ",".join("?" * len(chunk))
            raw.execute(
                "INSERT INTO history_entry (entity_type, entity_id, action, field, old_value, new_value, "
                "version, at) SELECT 'deal', id, 'stage', 'stage_id', stage_id, ?, version + 1, "
                f"datetime('now') FROM deal WHERE id IN ({marks}) AND stage_id != ?",
                (target, *chunk, target),
            )
            raw.execute(
                f"UPDATE deal SET stage_id = ?, version = version + 1 "
                f"WHERE id IN ({marks}) AND stage_id != ?",
                (target, *chunk, target),
            )
        raw.execute("COMMIT")

    raw_ms = median_ms(move_raw, runs, warmup=0)
    if next(raw_targets) == first:
        move_raw()
    raw.close()
    return scenario(ms, raw_ms, deals=len(ids))


PEAK_SCRIPT = """
import os, resource, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from app.gui.application import build_main_window
from app.gui.launch import create_application
from app.services.container import open_services
from app.ui.settings import UserSettings
app = create_application()
services = open_services(sys.argv[1])
window = build_main_window(services, UserSettings())
window.resize(1280, 800); window.show(); app.processEvents()
view = window.deals.list_view
model = view.model()
for fraction in (0.0, 0.1, 0.35, 0.5, 0.7, 0.93, 1.0):
    view.scrollTo(model.index(int((model.rowCount() - 1) * fraction), 0)); app.processEvents()
for column in (4, 1, 5, 2):
    model.sort(column)
    while model.loading: app.processEvents()
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would report the parent's size.
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("peak_rss_kb", peak)
from PySide6.QtCore import QThreadPool
model.cursor.abandon()
QThreadPool.globalInstance().waitForDone(30_000)
"""


def peak_rss(path: Path, settings_dir: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings_dir)}
    result = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(path)], capture_output=True, text=True, env=env, timeout=300
    )
    for line in result.stdout.splitlines():
        if line.startswith("peak_rss_kb"):
            return {"mb": round(int(line.split()[1]) / 1024, 1)}
    raise RuntimeError(result.stderr[-1500:])
