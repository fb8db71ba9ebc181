"""Kanban scenarios on the demo pipeline nearest 100,000 deals: open the board, move a card, scroll."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario, settle

# What a card shows, read as KanbanService reads it (one query for the page's ids): its overdue
# tasks and the next one due too.
CARD_SQL = """
SELECT d.id, d.title, d.stage_id, d.amount, d.currency,
       coalesce(c.title, (SELECT trim(ct.first_name || ' ' || ct.last_name) FROM deal_contact dc
                JOIN contact ct ON ct.id = dc.contact_id WHERE dc.deal_id = d.id ORDER BY dc.sort LIMIT 1)),
       u.name, d.close_date, EXISTS (SELECT 1 FROM task t WHERE t.deal_id = d.id AND t.done = 0),
       d.version, d.stage_changed_at,
       (SELECT count(*) FROM task t WHERE t.deal_id = d.id AND t.done = 0 AND t.due_at < :now),
       (SELECT min(t.due_at) FROM task t WHERE t.deal_id = d.id AND t.done = 0 AND t.due_at >= :now)
FROM deal d LEFT JOIN company c ON c.id = d.company_id LEFT JOIN user_account u ON u.id = d.responsible_id
WHERE d.id IN ({ids})
"""
COLUMN_SQL = "SELECT id FROM deal WHERE stage_id = ? ORDER BY stage_changed_at DESC, id DESC LIMIT 50"
NEXT_SQL = (
    "SELECT id FROM deal WHERE stage_id = ? AND (stage_changed_at, id) < (?, ?) "
    "ORDER BY stage_changed_at DESC, id DESC LIMIT 50"
)
SUMMARY_SQL = (
    "SELECT stage_id, currency, count(*), sum(amount) FROM deal "
    "WHERE stage_id IN ({stages}) GROUP BY stage_id, currency"
)
BOARD_SIZE = (1600, 900)


def _raw_cards(raw: sqlite3.Connection, ids: list[int]) -> list[tuple[Any, ...]]:
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    return raw.execute(CARD_SQL.format(ids=",".join(map(str, ids)) or "NULL"), {"now": now}).fetchall()


def show_board(services: Any, deal_filter: Any, size: tuple[int, int] = BOARD_SIZE) -> Any:
    """A new board of the filter's deals, shown: laid out, its columns read off the GUI thread, shown
    and painted (headers, zones, the visible cards)."""
    from PySide6.QtWidgets import QApplication

    from app.views.kanban.kanban_view import KanbanView

    board = KanbanView(services)
    board.set_filter(deal_filter)
    board.resize(*size)
    board.show()
    QApplication.processEvents()
    settle(lambda: not board.loading)
    return board


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.container import open_services
    from app.services.deals.filters import DealFilter
    from app.views.kanban.kanban_view import KanbanView

    app = QApplication.instance() or QApplication([])
    services = open_services(str(path))
    pipelines = services.pipelines.list()
    sizes = {p.id: sum(services.pipelines.stage_deal_counts(p.id).values()) for p in pipelines}
    pipeline = min(pipelines, key=lambda p: abs(sizes[p.id] - 100_000))
    board_filter = DealFilter(pipeline_id=pipeline.id)
    open_stages = [s.id for s in pipeline.stages if not s.is_closed]
    all_stages = [s.id for s in pipeline.stages]
    raw = sqlite3.connect(path, isolation_level=None)
    results: dict[str, dict[str, Any]] = {}
    about = {"pipeline_deals": sizes[pipeline.id], "columns": len(open_stages)}

    # -- kanban_open: a new board for the pipeline, shown and painted with its first cards --------
    def open_board(deal_filter: DealFilter = board_filter) -> KanbanView:
        return show_board(services, deal_filter)

    def open_and_close(deal_filter: DealFilter = board_filter) -> None:
        board = open_board(deal_filter)
        board.close()
        board.deleteLater()
        app.processEvents()

    def open_raw(stages: list[int] = all_stages, columns: list[int] = open_stages) -> None:
        raw.execute("SELECT code, rate FROM currency").fetchall()
        raw.execute(SUMMARY_SQL.format(stages=",".join("?" * len(stages))), stages).fetchall()
        for stage in columns:
            ids = [r[0] for r in raw.execute(COLUMN_SQL, (stage,))]
            _raw_cards(raw, ids)

    results["kanban_open"] = scenario(median_ms(open_and_close, runs), median_ms(open_raw, runs), **about)

    # The same on the largest pipeline, for how it scales (not what the budget is about).
    largest = max(pipelines, key=lambda p: sizes[p.id])
    largest_stages = [s.id for s in largest.stages]
    largest_columns = [s.id for s in largest.stages if not s.is_closed]
    results["kanban_open_largest"] = scenario(
        median_ms(lambda: open_and_close(DealFilter(pipeline_id=largest.id)), runs),
        median_ms(lambda: open_raw(largest_stages, largest_columns), runs),
        pipeline_deals=sizes[largest.id],
        columns=len(largest_columns),
    )

    # -- kanban_move: a card dropped on the next column, stored and both columns repainted --------
    board = open_board()
    # the two fullest open columns (a small demo may leave one empty)
    first, second = sorted(board.columns[: len(open_stages)], key=lambda c: -c.model.total)[:2]
    turns = iter([(first, second), (second, first)] * (runs + 3))

    def move() -> None:
        source, target = next(turns)
        card = source.model.card(0)
        assert card is not None
        if not board.move_cards(target.stage.id, [(card.id, card.version)], source.stage.id):
            raise RuntimeError("the benchmark's move was refused")
        source.view.viewport().repaint()
        target.view.viewport().repaint()
        source.header.repaint()
        target.header.repaint()

    moved_ms = median_ms(move, runs)
    a, b = first.stage.id, second.stage.id
    raw_turns = iter([(a, b), (b, a)] * (runs + 3))

    def move_raw() -> None:
        source, target = next(raw_turns)
        deal_id, version = raw.execute(
            "SELECT id, version FROM deal WHERE stage_id = ? ORDER BY stage_changed_at DESC, id DESC LIMIT 1",
            (source,),
        ).fetchone()
        # The same writes as the app's move: the deal, its stays in stages (one ends, one begins),
        # an undoable operation and the history entry that belongs to it.
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "UPDATE deal SET stage_id = ?, version = version + 1, stage_changed_at = datetime('now'), "
            "updated_at = datetime('now'), visited_stages = visited_stages || ? || ',' "
            "WHERE id = ? AND version = ?",
            (target, target, deal_id, version),
        )
        raw.execute(
            "UPDATE deal_stage_visit SET left_at = datetime('now') WHERE deal_id = ? AND left_at IS NULL",
            (deal_id,),
        )
        raw.execute(
            "INSERT INTO deal_stage_visit (deal_id, pipeline_id, stage_id, entered_at) "
            "SELECT id, pipeline_id, stage_id, datetime('now') FROM deal WHERE id = ?",
            (deal_id,),
        )
        operation = raw.execute(
            "INSERT INTO operation (kind, entity_type, count, at) "
            "VALUES ('update:stage_id', 'deal', 1, datetime('now'))"
        ).lastrowid
        raw.execute(
            "INSERT INTO history_entry (entity_type, entity_id, action, field, old_value, new_value, "
            "version, at, operation_id) VALUES ('deal', ?, 'stage', 'stage_id', ?, ?, ?, datetime('now'), ?)",
            (deal_id, source, target, version + 1, operation),
        )
        raw.execute("COMMIT")
        _raw_cards(raw, [deal_id])
        raw.execute(SUMMARY_SQL.format(stages="?,?"), (source, target)).fetchall()

    results["kanban_move"] = scenario(moved_ms, median_ms(move_raw, runs), **about)

    # -- kanban_scroll_column: the next 50 cards of the fullest column -----------------------------
    fullest = max(board.columns, key=lambda c: c.model.total)

    def scroll() -> None:
        if not fullest.model.canFetchMore():
            fullest.model.load(board_filter, fullest.model.total)
        fullest.model.fetchMore()

    scroll_ms = median_ms(scroll, max(runs, 15))
    last: list[tuple[str, int]] = []

    def scroll_raw() -> None:
        if not last:
            ids = [r[0] for r in raw.execute(COLUMN_SQL, (fullest.stage.id,))]
        else:
            at, deal_id = last[-1]
            ids = [r[0] for r in raw.execute(NEXT_SQL, (fullest.stage.id, at, deal_id))]
        rows = _raw_cards(raw, ids)
        if not rows:  # the column's end: from its top again, as the model does (small databases)
            last.clear()
            rows = _raw_cards(raw, [r[0] for r in raw.execute(COLUMN_SQL, (fullest.stage.id,))])
        tail = min(rows, key=lambda r: (r[10], r[0]))
        last.append((tail[10], tail[0]))

    results["kanban_scroll_column"] = scenario(
        scroll_ms, median_ms(scroll_raw, max(runs, 15)), column_deals=fullest.model.total, **about
    )
    board.close()
    board.deleteLater()
    app.processEvents()
    services.close()
    raw.close()
    return results
