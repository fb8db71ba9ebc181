"""The kanban board offscreen: drops synthesized as Qt delivers them, keys, dialogs answered by patching.

A real mouse drag needs an X server: tests/gui/test_kanban_drag.py runs under Xvfb.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dragdrop import card_mime, drop

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.dialogs.deal_quick_dialog import DealQuickDialog
from app.dialogs.loss_reason_dialog import LossReasonDialog
from app.services.container import Services, open_services
from app.services.deals.filters import DealFilter
from app.views.deals_area import DealsViewMode
from app.views.kanban.kanban_view import KanbanView
from app.views.kanban.stage_column import STAGE_MIME, StageColumn
from app.views.main_window import MainWindow


def ids_in(column: StageColumn) -> list[int]:
    return [column.model.card(r).id for r in range(column.model.rowCount())]


@pytest.fixture
def board(qtbot, window: MainWindow) -> KanbanView:
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=3000)
    return board


def stored_count(services: Services, board: KanbanView, stage_id: int) -> int:
    return services.deal_queries.count(DealFilter(pipeline_id=board.pipeline.id, stage_ids=(stage_id,)))


def test_a_column_per_stage_in_progress_with_exact_counts_and_zones_to_close(
    board: KanbanView, demo_services: Services
) -> None:
    pipeline = board.pipeline
    assert [c.stage.name for c in board.columns] == [s.name for s in pipeline.stages if not s.is_closed]
    assert [z.stage.name for z in board.zones] == ["Won", "Lost"]
    for column in board.columns:
        count = stored_count(demo_services, board, column.stage.id)
        assert column.header.figures.text().startswith(f"{count} deal")
        assert column.model.rowCount() == min(50, count)
    won = board.zones[0]
    assert won.figures.text().startswith(f"{stored_count(demo_services, board, won.stage.id)} deal")
    assert "one pipeline at a time" in board.findChild(QWidget, "kanbanNote").text()


def test_dropping_a_card_on_another_column_moves_the_deal(board: KanbanView, demo_services: Services) -> None:
    source, target = board.columns[0], board.columns[1]
    card = source.model.card(0)
    before = (source.model.total, target.model.total)
    assert drop(target.view.viewport(), card_mime(source, 0))
    assert demo_services.deals.get(card.id).stage_id == target.stage.id
    history = demo_services.deals.history(card.id)
    assert any(h.action == "stage" and h.new_value == str(target.stage.id) for h in history)
    assert card.id not in ids_in(source)
    assert ids_in(target)[0] == card.id  # the newest arrival comes first
    assert (source.model.total, target.model.total) == (before[0] - 1, before[1] + 1)
    assert target.header.figures.text().startswith(f"{before[1] + 1} deal")
    # A card dropped back on its own column changes nothing.
    assert not drop(target.view.viewport(), card_mime(target, 0))


def test_several_selected_cards_move_together(board: KanbanView, demo_services: Services) -> None:
    source, target = board.columns[0], board.columns[2]
    moved = [source.model.card(r).id for r in (0, 1, 2)]
    assert drop(target.view.viewport(), card_mime(source, 0, 1, 2))
    assert {demo_services.deals.get(i).stage_id for i in moved} == {target.stage.id}
    assert set(ids_in(target)[:3]) == set(moved)  # all three on top of their new column
    assert not set(moved) & set(ids_in(source))


def test_a_refused_move_snaps_back_with_the_reason(
    board: KanbanView, demo_services: Services, demo_path: Path, monkeypatch
) -> None:
    source, target = board.columns[0], board.columns[1]
    card = source.model.card(0)
    other_pc = open_services(str(demo_path))  # a colleague edits the deal after the board read it
    other_pc.deals.update(card.id, card.version, title="Renamed by a colleague")
    other_pc.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    assert drop(target.view.viewport(), card_mime(source, 0))
    assert len(shown) == 1
    assert "changed by" in shown[0]
    assert demo_services.deals.get(card.id).stage_id == source.stage.id
    assert ids_in(source)[0] == card.id  # still there, now with the colleague's title
    assert source.model.card(0).title == "Renamed by a colleague"
    assert card.id not in ids_in(target)


def test_dropping_on_lost_asks_why(board: KanbanView, demo_services: Services, monkeypatch) -> None:
    source = board.columns[0]
    lost = next(z for z in board.zones if z.stage.name == "Lost")
    first, second = source.model.card(0), source.model.card(1)

    def cancel(dialog: LossReasonDialog) -> int:
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LossReasonDialog, "exec", cancel)
    assert drop(lost, card_mime(source, 0))
    assert demo_services.deals.get(first.id).stage_id == source.stage.id  # cancelled: not lost

    def answer(dialog: LossReasonDialog) -> int:
        dialog.reason.setCurrentIndex(dialog.reason.findText("Price too high"))
        dialog.details.setText("took the cheaper offer")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LossReasonDialog, "exec", answer)
    before = lost.figures.text()
    assert drop(lost, card_mime(source, 0, 1))
    for deal_id in (first.id, second.id):
        deal = demo_services.deals.get(deal_id)
        assert deal.stage_id == lost.stage.id
        assert deal.loss_reason == "Price too high: took the cheaper offer"
    assert first.id not in ids_in(source)
    assert lost.figures.text() != before


def test_keyboard_moves_between_columns_and_moves_cards(
    qtbot, board: KanbanView, demo_services: Services, monkeypatch
) -> None:
    first, second = board.columns[0], board.columns[1]
    first.focus_row(1)
    card = first.model.card(1)
    qtbot.keyClick(first.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert demo_services.deals.get(card.id).stage_id == second.stage.id
    assert second.view.hasFocus() or QApplication.focusWidget() is second.view
    assert second.focused_card() == card.id
    qtbot.keyClick(second.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert demo_services.deals.get(card.id).stage_id == first.stage.id
    # Plain arrows walk between the columns; Enter opens the card's deal.
    qtbot.keyClick(first.view, Qt.Key.Key_Right)
    assert second.view.hasFocus()
    opened: list[int] = []
    monkeypatch.setattr(DealFormDialog, "exec", lambda dialog: opened.append(dialog._data.deal.id) or 0)
    qtbot.keyClick(second.view, Qt.Key.Key_Return)
    assert opened == [second.focused_card()]


def test_a_long_column_loads_more_as_it_scrolls(qtbot, services: Services) -> None:
    stage = services.pipelines.list()[0].stages[0]
    for n in range(130):
        services.deals.create(title=f"Deal {n:03d}", amount="10")
    board = KanbanView(services)
    qtbot.addWidget(board)
    board.resize(1200, 700)
    board.show()
    column = board.column_of(stage.id)
    assert column.model.rowCount() == 50
    assert column.header.figures.text().startswith("130 deals")
    bar = column.view.verticalScrollBar()
    seen = []

    def scrolled_to_the_end() -> bool:
        bar.setValue(bar.maximum())  # Qt asks the model for more when the end comes into view
        seen.append(column.model.rowCount())
        return column.model.rowCount() == 130

    qtbot.waitUntil(scrolled_to_the_end, timeout=3000)
    assert 100 in seen  # page by page
    titles = [column.model.card(r).title for r in range(130)]
    assert titles == [f"Deal {n:03d}" for n in reversed(range(130))]
    assert not column.model.canFetchMore()


def test_changes_made_elsewhere_update_the_board_in_place(
    qtbot, board: KanbanView, demo_services: Services
) -> None:
    source, target = board.columns[0], board.columns[3]
    card = source.model.card(2)
    source.view.verticalScrollBar().setValue(40)
    demo_services.deals.move_stage(card.id, target.stage.id)  # e.g. from the deal form
    qtbot.waitUntil(lambda: bool(ids_in(target)) and ids_in(target)[0] == card.id, timeout=3000)
    assert card.id not in ids_in(source)
    assert source.view.verticalScrollBar().value() == 40  # updated where it stands, not reloaded
    details = demo_services.deals.get(card.id)
    demo_services.deals.update(card.id, details.version, title="A new name")
    qtbot.waitUntil(lambda: target.model.card(0).title == "A new name", timeout=3000)


def test_search_of_the_deals_area_applies_to_the_board(
    qtbot, window: MainWindow, board: KanbanView, demo_services: Services
) -> None:
    search = window.deals.findChild(QLineEdit, "search")
    qtbot.keyClicks(search, "Licence")
    expected = demo_services.kanban.columns(
        [c.stage.id for c in board.columns], DealFilter(pipeline_id=board.pipeline.id, search="Licence")
    )
    first = board.columns[0]
    qtbot.waitUntil(lambda: first.model.total == expected[first.stage.id].count, timeout=3000)
    for column in board.columns:
        assert column.model.total == expected[column.stage.id].count
        assert all(
            "licence" in column.model.card(r).title.lower() or column.model.card(r).customer
            for r in range(column.model.rowCount())
        )


def test_plus_on_a_column_adds_a_deal_there_with_a_new_contact(
    qtbot, board: KanbanView, demo_services: Services, monkeypatch
) -> None:
    column = board.columns[2]

    def fill_and_save(dialog: DealQuickDialog) -> int:
        dialog.findChild(QLineEdit, "title").setText("Kiosk terminals")
        dialog.findChild(QLineEdit, "amount").setText("2400")
        contact = dialog.findChild(QLineEdit, "contact")
        contact.setText("Greta Sommerfeld")
        assert "new contact" in dialog.findChild(QWidget, "contactHint").text()
        dialog._on_save()
        return dialog.result()

    monkeypatch.setattr(DealQuickDialog, "exec", fill_and_save)
    qtbot.mouseClick(column.header.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: column.model.card(0).title == "Kiosk terminals", timeout=3000)
    deal = demo_services.deals.get(column.model.card(0).id)
    assert deal.stage_id == column.stage.id
    assert column.model.card(0).customer == "Greta Sommerfeld"
    assert demo_services.contacts.get(deal.contact_ids[0]).last_name == "Sommerfeld"


def test_an_existing_contact_is_picked_not_duplicated(qtbot, demo_services: Services) -> None:
    known = demo_services.contacts.create(first_name="Jonas", last_name="Quellmann")
    dialog = DealQuickDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    contact = dialog.findChild(QLineEdit, "contact")
    qtbot.keyClicks(contact, "Quell")
    assert contact.completer().model().stringList() == ["Jonas Quellmann"]
    contact.setText("Jonas Quellmann")  # as the completer does when the name is chosen
    assert not dialog.findChild(QWidget, "contactHint").isVisible()
    dialog.findChild(QLineEdit, "title").setText("Stand rental")
    dialog._on_save()
    assert dialog.saved_deal.contact_ids == (known.id,)
    assert len(demo_services.contacts.search("Quellmann")) == 1


def test_dragging_a_header_reorders_the_stages(qtbot, board: KanbanView, demo_services: Services) -> None:
    names = [c.stage.name for c in board.columns]
    last, first = board.columns[-1], board.columns[0]
    mime = QMimeData()
    mime.setData(STAGE_MIME, QByteArray(str(last.stage.id).encode()))
    assert drop(first.header, mime)
    qtbot.waitUntil(lambda: board.columns[0].stage.name == names[-1], timeout=3000)
    assert [c.stage.name for c in board.columns] == [names[-1], *names[:-1]]
    stored = next(p for p in demo_services.pipelines.list() if p.id == board.pipeline.id)
    assert [s.name for s in stored.stages][: len(names)] == [names[-1], *names[:-1]]


def test_cards_paint_title_customer_and_amount(qtbot, board: KanbanView) -> None:
    column = board.columns[0]
    image = column.view.viewport().grab().toImage()
    first = column.view.visualRect(column.model.index(0, 0))
    assert first.height() > 3 * column.view.fontMetrics().height()
    inside = image.pixelColor(QPoint(first.center().x(), first.top() + 8))
    assert inside.lightness() > 240  # the white card, painted by the delegate
    assert len({image.pixelColor(x, first.top() + 20).rgb() for x in range(first.left(), first.right())}) > 3


def test_cards_are_painted_from_pictures_made_once_for_what_they_show(
    qtbot, board: KanbanView, demo_services: Services, monkeypatch
) -> None:
    """A repaint draws no card anew (each is a picture made once), looks the same as drawing it,
    and a card whose deal changed is drawn anew."""
    from app.views.kanban import card_delegate

    column = board.columns[0]
    delegate = column.view.itemDelegate()
    drawn: list[int] = []
    draw = delegate._draw

    def drawing(painter, option, card, *rest) -> None:
        drawn.append(card.id)
        draw(painter, option, card, *rest)

    monkeypatch.setattr(delegate, "_draw", drawing)
    delegate._pictures.clear()
    first_image = column.view.viewport().grab().toImage()
    shown = len(drawn)
    assert shown >= 2
    again = column.view.viewport().grab().toImage()
    assert len(drawn) == shown  # nothing drawn anew
    assert again == first_image
    assert 0 < delegate._kept_bytes <= card_delegate.MAX_PICTURE_BYTES
    card = column.model.card(0)
    demo_services.deals.update(card.id, card.version, title="Renamed on the board")
    qtbot.waitUntil(lambda: column.model.card(0).title == "Renamed on the board", timeout=3000)
    drawn.clear()
    column.view.viewport().grab()
    assert drawn == [card.id]  # only the changed card


def test_the_office_sets_the_loss_reasons_in_the_settings(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton

    from app.views.sidebar import Area

    window.sidebar.select(Area.SETTINGS)
    editor = window.findChild(QPlainTextEdit, "lossReasons")
    editor.setPlainText("Too expensive\n\n  Went with a competitor \nToo expensive")
    qtbot.mouseClick(window.findChild(QPushButton, "saveLossReasons"), Qt.MouseButton.LeftButton)
    assert demo_services.office.loss_reasons() == ["Too expensive", "Went with a competitor"]
    assert editor.toPlainText() == "Too expensive\nWent with a competitor"
    offered: list[str] = []

    def look(dialog: LossReasonDialog) -> int:
        offered.extend(dialog.reason.itemText(i) for i in range(dialog.reason.count()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LossReasonDialog, "exec", look)
    window.sidebar.select(Area.DEALS)
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: board.columns[0].model.rowCount() > 0, timeout=3000)
    lost = next(z for z in board.zones if z.stage.name == "Lost")
    drop(lost, card_mime(board.columns[0], 0))
    assert offered == ["Too expensive", "Went with a competitor", "Other"]


def test_a_move_on_another_pc_shows_up(qtbot, window: MainWindow, board: KanbanView, demo_path: Path) -> None:
    hub = window._hub
    hub._monitor.poll()
    source, target = board.columns[0], board.columns[1]
    card = source.model.card(0)
    counts = (source.model.total, target.model.total)
    other_pc = open_services(str(demo_path))
    other_pc.deals.move_stage(card.id, target.stage.id, expected_version=card.version)
    other_pc.close()
    with qtbot.waitSignal(hub.changed, timeout=2000):
        hub._on_poll()
    qtbot.waitUntil(lambda: bool(ids_in(target)) and ids_in(target)[0] == card.id, timeout=3000)
    assert card.id not in ids_in(source)
    assert (source.model.total, target.model.total) == (counts[0] - 1, counts[1] + 1)
