"""The rough edges a new user hits first (issue 15): each test fails on the behaviour it mends."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.views.deal_list.deal_table_model import COL_TITLE, DealIdRole
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def _opened_deals(monkeypatch) -> list[int]:
    opened: list[int] = []

    def remember(dialog: DealFormDialog) -> int:
        opened.append(dialog._data.deal.id)
        return 0

    monkeypatch.setattr(DealFormDialog, "exec", remember)
    return opened


# -- 1. a double-click opens the row it was made on ---------------------------------------------------


def _under_the_pointer(widget: QWidget, pointer: QPoint) -> QPoint:
    """Where a pointer that stays put on the window is, in the widget's coordinates now."""
    return widget.mapFrom(widget.window(), pointer)


def test_the_bar_that_appears_with_the_first_click_moves_no_row(qtbot, window: MainWindow) -> None:
    view = window.deals.list_view
    point = view.visualRect(view.model().index(3, COL_TITLE)).center()
    pointer = view.viewport().mapTo(window, point)
    deal = view.indexAt(point).data(DealIdRole)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.deals.bulk_bar.isVisible())
    qtbot.wait(50)  # the layout settles after the bar is shown
    assert view.indexAt(_under_the_pointer(view.viewport(), pointer)).data(DealIdRole) == deal


def test_a_double_click_on_an_unchosen_row_opens_that_deal(qtbot, window: MainWindow, monkeypatch) -> None:
    opened = _opened_deals(monkeypatch)
    view = window.deals.list_view
    point = view.visualRect(view.model().index(4, COL_TITLE)).center()
    pointer = view.viewport().mapTo(window, point)
    deal = view.indexAt(point).data(DealIdRole)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # the first click of the two
    qtbot.wait(50)  # the bar appears meanwhile
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=_under_the_pointer(view.viewport(), pointer)
    )
    assert opened == [deal]
    assert view.state() != QAbstractItemView.State.EditingState


def test_a_click_on_a_chosen_row_chooses_and_f2_or_typing_edits(qtbot, window: MainWindow) -> None:
    view = window.deals.list_view
    point = view.visualRect(view.model().index(2, COL_TITLE)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(50)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a second click, not a double-click
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    assert view.state() != QAbstractItemView.State.EditingState
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    qtbot.keyClicks(view, "N")  # typing over the cell, as in a spreadsheet
    assert view.state() == QAbstractItemView.State.EditingState


def test_the_contacts_bar_moves_no_row_either(qtbot, window: MainWindow) -> None:
    window.sidebar.select(Area.CONTACTS)
    page = window.contacts
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    table = page.table
    point = table.visualRect(page.model.index(3, 0)).center()
    pointer = table.viewport().mapTo(window, point)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: page.bulk.isVisible())
    qtbot.wait(50)
    assert table.indexAt(_under_the_pointer(table.viewport(), pointer)).row() == 3


# -- 3. a company typed in the contact form is never dropped ------------------------------------------


def _new_contact_form(qtbot, services):
    from app.dialogs.customer_form.customer_form_dialog import CustomerFormDialog
    from app.services.customers.queries import CustomerKind

    form = CustomerFormDialog(services, CustomerKind.CONTACT)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.findChild(QLineEdit, "first_name"), "Ida")
    qtbot.keyClicks(form.findChild(QLineEdit, "last_name"), "Pfeiffer")
    return form


def _save(qtbot, form) -> None:
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_enter_in_the_company_field_does_not_save_the_contact(qtbot, services, monkeypatch) -> None:
    form = _new_contact_form(qtbot, services)
    line = form.findChild(QLineEdit, "company_ids")
    qtbot.keyClicks(line, "Zeppelin Werke")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.result() != QDialog.DialogCode.Accepted
    assert line.text() == "Zeppelin Werke"  # no such company: the name stays to be seen
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    form.reject()


def test_a_company_typed_but_not_picked_is_made_when_the_user_says_so(qtbot, services, monkeypatch) -> None:
    form = _new_contact_form(qtbot, services)
    qtbot.keyClicks(form.findChild(QLineEdit, "company_ids"), "Zeppelin Werke")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    _save(qtbot, form)
    assert asked == ["There is no company “Zeppelin Werke” yet. Create it and link this contact to it?"]
    assert form.result() == QDialog.DialogCode.Accepted
    company = services.companies.search("Zeppelin")[0]
    assert form.saved.record.company_ids == (company.id,)


def test_a_company_typed_but_not_picked_is_flagged_and_nothing_saved(qtbot, services, monkeypatch) -> None:
    form = _new_contact_form(qtbot, services)
    qtbot.keyClicks(form.findChild(QLineEdit, "company_ids"), "Zeppelin Werke")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    before = services.contacts.count()
    _save(qtbot, form)
    assert form.isVisible()
    assert services.contacts.count() == before
    assert services.companies.search("Zeppelin") == []
    shown = [label.text() for label in form.findChildren(QLabel) if label.isVisible()]
    assert "Pick a company from the suggestions, or create it." in shown
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    form.reject()
