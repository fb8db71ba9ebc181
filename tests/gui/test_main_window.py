"""The main window, driven as a user would: clicks, shortcuts, dialogs, changes from elsewhere."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
)

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.dialogs.deal_quick_dialog import DealQuickDialog
from app.services.container import Services, open_services
from app.services.deals.queries import DealFilter, DealSort
from app.ui.actions import ActionId
from app.views.deal_list.deal_table_model import COL_AMOUNT, DealRowRole
from app.views.deals_area import DealsViewMode
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def _click_sidebar(qtbot, window: MainWindow, area: Area) -> None:
    model = window.sidebar.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) is area
    )
    rect = window.sidebar.visualRect(model.index(row, 0))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_opens_on_the_deal_list(qtbot, window: MainWindow) -> None:
    assert window.windowTitle() == "Dealdesk – demo.sqlite"
    assert window.deals.current_view is DealsViewMode.LIST
    summary = window._services.deal_queries.summary(DealFilter())
    total = f"€{summary.total:,.2f}"
    label = window.findChild(QLabel, "dealCount")
    # The count is in the first frame; the total follows from a timer (it may already be there).
    assert label.text().startswith("400 deals")
    qtbot.waitUntil(lambda: label.text() == f"400 deals · total {total}", timeout=3000)
    assert window.deals.list_view.model().rowCount() == 400
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]


def test_sidebar_switches_areas(qtbot, window: MainWindow) -> None:
    _click_sidebar(qtbot, window, Area.SETTINGS)
    assert window.centralWidget().findChild(QLabel, "databaseLocation").isVisible()
    _click_sidebar(qtbot, window, Area.CONTACTS)
    assert window.findChild(type(window.deals), "dealsArea").isHidden()
    _click_sidebar(qtbot, window, Area.DEALS)
    assert window.deals.isVisible()


def test_view_switch_by_button_and_shortcut(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.deals.findChild(QToolButton, "view_kanban"), Qt.MouseButton.LeftButton)
    assert window.deals.current_view is DealsViewMode.KANBAN
    assert window.actions[ActionId.SHOW_KANBAN].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.deals.current_view is DealsViewMode.CALENDAR
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.deals.current_view is DealsViewMode.LIST
    assert window.actions[ActionId.NEW_DEAL].shortcut() == QKeySequence(QKeySequence.StandardKey.New)


def test_clicking_the_amount_header_sorts_in_sql(qtbot, window: MainWindow) -> None:
    view = window.deals.list_view
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(COL_AMOUNT) + header.sectionSize(COL_AMOUNT) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    first = view.model().index(0, 0).data(DealRowRole).amount
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    second_first = view.model().index(0, 0).data(DealRowRole).amount
    amounts = sorted([first, second_first])
    all_amounts = [view.model().index(r, 0).data(DealRowRole).amount for r in range(400)]
    assert amounts == [min(all_amounts), max(all_amounts)]


def test_pipeline_selector_and_search_filter_the_list(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    selector = window.deals.findChild(QComboBox, "pipelineSelector")
    wholesale = demo_services.pipelines.list()[1]
    selector.setCurrentIndex(selector.findData(wholesale.id))
    expected = demo_services.deal_queries.count(DealFilter(pipeline_id=wholesale.id))
    assert window.deals.model.rowCount() == expected
    assert window.findChild(QLabel, "dealCount").text().startswith(f"{expected} deals · total €")
    search = window.deals.findChild(QLineEdit, "search")
    qtbot.keyClicks(search, "zzzz-nothing")
    qtbot.waitUntil(lambda: window.deals.model.rowCount() == 0, timeout=3000)
    assert window.findChild(QLabel, "dealCount").text() == "0 deals"


def test_new_deal_through_the_dialog(qtbot, window: MainWindow, demo_services: Services, monkeypatch) -> None:
    def fill_and_save(dialog: DealFormDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "title"), "Standing desks for Becker AG")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "amount"), "2,499.50")
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(DealFormDialog, "exec", fill_and_save)
    qtbot.mouseClick(window.deals.findChild(QPushButton, "newDeal"), Qt.MouseButton.LeftButton)
    created = demo_services.deal_queries.page(DealFilter(search="Standing desks for Becker"), DealSort(), 0)
    assert [(r.title, r.amount) for r in created] == [("Standing desks for Becker AG", Decimal("2499.50"))]
    # The list refreshed by itself through the change hub.
    assert window.findChild(QLabel, "dealCount").text().startswith("401 deals · total")


def test_invalid_amount_is_explained_and_nothing_is_stored(qtbot, demo_services: Services) -> None:
    dialog = DealQuickDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "title"), "Bad amount")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "amount"), "12.345,678")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    errors = dialog.findChild(QLabel, "errors")
    assert errors.isVisible()
    assert errors.text() == "Amount must be a number with at most 2 decimals."
    assert dialog.isVisible()
    assert demo_services.deal_queries.count(DealFilter(search="Bad amount")) == 0


def test_editing_a_deal_changed_meanwhile_shows_the_conflict(
    qtbot, demo_services: Services, demo_path: Path, monkeypatch
) -> None:
    deal = demo_services.deal_queries.page(DealFilter(), DealSort(), 0, 1)[0]
    dialog = DealQuickDialog(demo_services, deal_id=deal.id)
    qtbot.addWidget(dialog)
    dialog.show()
    other_pc = open_services(str(demo_path))  # a colleague saves the same deal first
    other_pc.deals.update(deal.id, deal.version, title="Their title")
    other_pc.close()
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    title = dialog.findChild(QLineEdit, "title")
    title.setText("My title")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert asked
    assert "was changed by" in asked[0]
    assert "Title" in asked[0]
    assert title.text() == "Their title"  # reloaded; nothing of mine was written
    assert demo_services.deals.get(deal.id).title == "Their title"


def test_changes_by_another_process_refresh_the_list(qtbot, window: MainWindow, demo_path: Path) -> None:
    hub = window._hub
    hub._monitor.poll()
    other_pc = open_services(str(demo_path))
    other_pc.deals.create(title="Made on another PC")
    other_pc.close()
    with qtbot.waitSignal(hub.changed, timeout=2000):
        hub._on_poll()
    assert window.findChild(QLabel, "dealCount").text().startswith("401 deals · total")


def test_backup_from_the_file_menu(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "backup.sqlite"
    monkeypatch.setattr(
        "app.views.main_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    window.actions[ActionId.BACKUP].trigger()
    assert target.exists()
    assert target.stat().st_size > 0
    assert "Backed up to" in window.statusBar().currentMessage()


def test_german_window(qtbot, german, demo_services: Services, settings) -> None:
    from app.gui.application import build_main_window

    window = build_main_window(demo_services, settings)
    qtbot.addWidget(window)
    window.show()
    label = window.findChild(QLabel, "dealCount")
    qtbot.waitUntil(lambda: label.text().startswith("400 Deals · Summe "), timeout=3000)
    assert label.text().endswith("\u00a0€")
    texts = [window.sidebar.model().index(r, 0).data() for r in range(8)]
    assert texts == [
        "Deals",
        "Kontakte",
        "Unternehmen",
        "Leads",
        "Aufgaben",
        "Rechnungen",
        "Analysen",
        "Einstellungen",
    ]
    amount = window.deals.model.index(0, COL_AMOUNT).data()
    assert amount.endswith(("\xa0€", "$", "£", "CHF"))
    assert "," in amount  # German decimal comma


@pytest.mark.parametrize("language", ["de", "en"])
def test_language_setting_is_saved(qtbot, window: MainWindow, language: str) -> None:
    from app.ui.settings import LANGUAGE, UserSettings

    combo = window.settings_page.findChild(QComboBox, "language")
    combo.setCurrentIndex(combo.findData(language))
    assert UserSettings().get(LANGUAGE) == language
    assert window.settings_page.findChild(QLabel, "languageNote").isVisibleTo(window.settings_page)
    QApplication.processEvents()


def test_window_size_and_chosen_view_survive_a_restart(qtbot, demo_services: Services, settings) -> None:
    from app.gui.application import build_main_window

    first = build_main_window(demo_services, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(1000, 640)
    size = (first.width(), first.height())
    assert size != (1280, 800)
    first.deals.set_view(DealsViewMode.KANBAN)
    first.close()
    second = build_main_window(demo_services, settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size
    assert second.deals.current_view is DealsViewMode.KANBAN


def test_a_database_that_cannot_be_opened_is_explained(qtbot, tmp_path: Path, monkeypatch) -> None:
    from app.gui.launch import run_gui

    bogus = tmp_path / "letter.sqlite"
    bogus.write_text("Dear customer, " * 100)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, title, text: shown.append(f"{title}: {text}")
    )
    assert run_gui(str(bogus)) == 1
    assert shown == [
        f"Dealdesk can't open the database: {bogus} is not a Dealdesk database (not an SQLite file)."
    ]
    assert bogus.read_text().startswith("Dear customer")


def test_placeholder_texts_are_not_cut_off(qtbot, window: MainWindow) -> None:
    window.deals.set_view(DealsViewMode.KANBAN)
    qtbot.wait(10)
    page = window.deals._pages[DealsViewMode.KANBAN]
    labels = [label for label in page.findChildren(QLabel) if label.wordWrap()]
    assert labels
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
