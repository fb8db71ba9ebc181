"""Editing cells of the list in place: through the services, refused input explained and not stored."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox

from app.services.container import Services
from app.views.deal_list.deal_table_model import COL_AMOUNT, COL_STAGE, COL_TITLE, DealRowRole
from app.views.main_window import MainWindow


def _commit(qtbot, editor) -> None:
    """Return in an editor commits on the next turn of the event loop (a queued call in Qt)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def _edit(qtbot, window: MainWindow, row: int, column: int):
    view = window.deals.list_view
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    assert editor is not view
    return editor


def test_an_invalid_amount_is_explained_and_nothing_is_stored(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    deal = window.deals.model.index(0, 0).data(DealRowRole)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    editor = _edit(qtbot, window, 0, COL_AMOUNT)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "12.345")
    _commit(qtbot, editor)
    assert warned == ["Amount must be a number with at most 2 decimals."]
    assert demo_services.deals.get(deal.id).amount == deal.amount
    assert demo_services.deals.get(deal.id).version == deal.version


def test_title_and_amount_edits_are_saved_with_history(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    deal = window.deals.model.index(1, 0).data(DealRowRole)
    editor = _edit(qtbot, window, 1, COL_TITLE)
    editor.selectAll()
    qtbot.keyClicks(editor, "Renamed in the list")
    _commit(qtbot, editor)
    editor = _edit(qtbot, window, 1, COL_AMOUNT)
    editor.selectAll()
    qtbot.keyClicks(editor, "1,234.5")
    _commit(qtbot, editor)
    saved = demo_services.deals.get(deal.id)
    assert (saved.title, saved.amount) == ("Renamed in the list", Decimal("1234.50"))
    assert window.deals.model.index(1, COL_TITLE).data() == "Renamed in the list"
    fields = [h.field for h in demo_services.deals.history(deal.id) if h.field]
    assert fields[-2:] == ["title", "amount"]


def test_stage_is_chosen_from_the_deals_own_pipeline(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    deal = window.deals.model.index(2, 0).data(DealRowRole)
    pipeline = next(p for p in demo_services.pipelines.list() if p.id == deal.pipeline_id)
    editor = _edit(qtbot, window, 2, COL_STAGE)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [s.name for s in pipeline.stages]
    target = next(s for s in pipeline.stages if s.id != deal.stage_id)
    editor.setCurrentIndex(editor.findData(target.id))
    _commit(qtbot, editor)
    assert demo_services.deals.get(deal.id).stage_id == target.id
