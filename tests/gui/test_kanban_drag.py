"""Real mouse drags on the kanban board: X server input (XTEST) on Xvfb, through Qt's own QDrag loop.

Offscreen, QDrag.exec() returns at once, so these run only under `xvfb-run` with QT_QPA_PLATFORM=xcb
(`make test` does that). The pointer is moved by the X server as a user's mouse would be, step by
step from a timer, while Qt runs the drag's event loop.
"""

from __future__ import annotations

import os

import pytest
from xpointer import Pointer, drag

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from app.services.container import Services
from app.views.deals_area import DealsViewMode
from app.views.kanban.kanban_view import KanbanView
from app.views.main_window import MainWindow

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        not os.environ.get("QT_QPA_PLATFORM", "").startswith("xcb") or not os.environ.get("DISPLAY"),
        reason="needs a real X server: run under xvfb-run with QT_QPA_PLATFORM=xcb (make test)",
    ),
]


@pytest.fixture
def board(qtbot, window: MainWindow) -> KanbanView:
    window.move(0, 0)
    window.resize(1280, 800)
    window.deals.set_view(DealsViewMode.KANBAN)
    window.activateWindow()
    qtbot.waitExposed(window)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=3000)
    QApplication.processEvents()
    return board


def card_centre(board: KanbanView, column: int, row: int) -> QPoint:
    view = board.columns[column].view
    return view.viewport().mapToGlobal(view.visualRect(view.model().index(row, 0)).center())


def test_dragging_a_card_with_the_mouse_moves_the_deal(
    qtbot, board: KanbanView, demo_services: Services, pointer: Pointer
) -> None:
    source, target = board.columns[0], board.columns[1]
    card = source.model.card(0)
    start = card_centre(board, 0, 0)
    end = target.view.viewport().mapToGlobal(target.view.viewport().rect().center())
    drag(qtbot, pointer, start, end)
    qtbot.waitUntil(lambda: demo_services.deals.get(card.id).stage_id == target.stage.id, timeout=5000)
    history = demo_services.deals.history(card.id)
    assert any(h.action == "stage" and h.new_value == str(target.stage.id) for h in history)
    assert target.model.card(0).id == card.id
    assert source.model.row_of(card.id) is None


def test_dragging_a_card_onto_won_closes_the_deal(
    qtbot, board: KanbanView, demo_services: Services, pointer: Pointer
) -> None:
    source = board.columns[1]
    won = next(z for z in board.zones if z.stage.name == "Won")
    card = source.model.card(0)
    drag(qtbot, pointer, card_centre(board, 1, 0), won.mapToGlobal(won.rect().center()))
    qtbot.waitUntil(lambda: demo_services.deals.get(card.id).stage_id == won.stage.id, timeout=5000)
    assert demo_services.deals.get(card.id).closed
    assert source.model.row_of(card.id) is None


def test_dragging_a_header_reorders_the_stages(
    qtbot, board: KanbanView, demo_services: Services, pointer: Pointer
) -> None:
    names = [c.stage.name for c in board.columns]
    first, second = board.columns[0].header, board.columns[1].header
    start = first.mapToGlobal(QPoint(40, first.height() // 2))
    end = second.mapToGlobal(QPoint(second.width() // 2, second.height() // 2))
    drag(qtbot, pointer, start, end)
    qtbot.waitUntil(lambda: [c.stage.name for c in board.columns][:2] == [names[1], names[0]], timeout=5000)
    stored = next(p for p in demo_services.pipelines.list() if p.id == board.pipeline.id)
    assert [s.name for s in stored.stages][:2] == [names[1], names[0]]


def test_a_forbidden_stage_looks_unavailable_while_dragging_and_the_card_goes_back(
    qtbot, demo_services: Services, pointer: Pointer, settings
) -> None:
    from test_people_gui import _seller_board

    from PySide6.QtCore import QTimer

    window, board, won = _seller_board(qtbot, demo_services, settings)
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    QApplication.processEvents()
    source = board.columns[0]
    card = source.model.card(0)
    seen: list[bool] = []
    watch = QTimer()
    watch.setInterval(30)
    watch.timeout.connect(lambda: seen.append(won.graphicsEffect() is not None))  # runs inside the drag loop
    watch.start()
    drag(qtbot, pointer, card_centre(board, 0, 0), won.mapToGlobal(won.rect().center()))
    watch.stop()
    assert any(seen)  # dimmed while the card was held
    assert won.graphicsEffect() is None  # and back to normal after
    qtbot.waitUntil(lambda: board.last_refusal.startswith("Your role does not let you move"), timeout=3000)
    assert demo_services.deals.get(card.id).stage_id == source.stage.id
    assert source.model.row_of(card.id) is not None
