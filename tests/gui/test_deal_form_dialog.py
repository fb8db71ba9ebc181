"""The deal form, driven as a user would: typing, clicking, the products table, the designer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from dragdrop import drop

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.dialogs.deal_form.conflict_dialog import ConflictDialog
from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.dialogs.deal_form.product_rows_model import COL_PRICE
from app.dialogs.form_designer.form_designer_dialog import FormDesignerDialog
from app.services.container import Services, open_services
from app.services.deals.filters import DealFilter
from app.services.deals.queries import DealSort
from app.services.fields.custom_fields import EntityType, FieldType


@pytest.fixture
def region(services: Services):
    return services.custom_fields.create(
        EntityType.DEAL, "Region", FieldType.LIST, options=["North", "South"]
    )


@pytest.fixture
def catalog(services: Services):
    return [
        services.products.create(name="Standing desk", price="499.00", tax_rate="19"),
        services.products.create(name="Office chair", price="249.00", tax_rate="19"),
    ]


def open_form(qtbot, services: Services, **kwargs) -> DealFormDialog:
    form = DealFormDialog(services, **kwargs)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def save(qtbot, form: DealFormDialog) -> None:
    button = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_editor(table) -> QLineEdit:
    """The cell editor open now (closed ones linger as hidden children until deleted)."""
    QApplication.processEvents()
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def discard(form: DealFormDialog, monkeypatch) -> None:
    """Close a form left with changes, answering "Discard" (as a test's last step)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    form.reject()


def edit_cell(qtbot, form: DealFormDialog, row: int, column: int, text: str) -> None:
    table = form.products.table
    index = form.products.model.index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the current cell
    editor = open_editor(table)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_new_deal_with_two_product_rows_and_a_custom_list_field(
    qtbot, services: Services, region, catalog
) -> None:
    form = open_form(qtbot, services)
    qtbot.keyClicks(form.findChild(QLineEdit, "title"), "Office for Becker AG")
    region_box = form.findChild(QComboBox, "uf_region")
    region_box.setCurrentIndex(region_box.findText("South"))
    form.tabs.setCurrentWidget(form.products)
    # Row 1 from the catalog: a new row, its name typed — the catalog's product fills price and tax.
    add_row = form.findChild(QPushButton, "addRow")
    qtbot.mouseClick(add_row, Qt.MouseButton.LeftButton)
    editor = open_editor(form.products.table)
    editor.selectAll()
    qtbot.keyClicks(editor, "Standing desk")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert form.products.model.rows()[0].price == Decimal("499.00")
    # Row 2 typed freely.
    qtbot.mouseClick(add_row, Qt.MouseButton.LeftButton)
    editor = open_editor(form.products.table)
    editor.selectAll()
    qtbot.keyClicks(editor, "Installation")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    edit_cell(qtbot, form, 1, COL_PRICE, "150.50")
    assert form.products.gross.text() == "€744.31"  # 499 × 1.19 + 150.50 (no tax)
    switch = form.findChild(QCheckBox, "amountFromProducts")
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton, pos=QPoint(8, switch.height() // 2))
    assert switch.isChecked()
    save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    deal = services.deal_queries.page(DealFilter(search="Becker"), DealSort(), 0)[0]
    stored = services.deal_form.load(deal.id)
    assert [(r.name, r.price) for r in stored.products] == [
        ("Standing desk", Decimal("499.00")),
        ("Installation", Decimal("150.50")),
    ]
    assert stored.products[0].product_id == catalog[0].id
    assert stored.deal.amount == Decimal("744.31")
    assert stored.custom == {region.id: region.options[1].id}


def test_invalid_input_is_shown_at_the_fields_and_nothing_is_saved(
    qtbot, services: Services, monkeypatch
) -> None:
    form = open_form(qtbot, services)
    qtbot.keyClicks(form.findChild(QLineEdit, "amount"), "twelve")
    save(qtbot, form)
    assert form.isVisible()
    assert "Title is required" in form.findChild(QLabel, "problem_title").text()
    assert form.findChild(QLabel, "problem_amount").isVisible()
    assert services.deal_queries.count(DealFilter()) == 0
    # Typing in the field clears its problem.
    qtbot.keyClicks(form.findChild(QLineEdit, "title"), "Fixed")
    assert not form.findChild(QLabel, "problem_title").isVisible()
    discard(form, monkeypatch)


def test_closing_with_unsaved_changes_asks(qtbot, services: Services, monkeypatch) -> None:
    form = open_form(qtbot, services)
    qtbot.keyClicks(form.findChild(QLineEdit, "title"), "Half typed")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answers.pop(0)
    )
    cancel = form.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert form.isVisible()  # "Cancel" in the question keeps the form
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert len(asked) == 2
    assert services.deal_queries.count(DealFilter()) == 0


def test_nothing_changed_closes_without_asking(qtbot, services: Services, monkeypatch) -> None:
    deal = services.deals.create(title="Untouched", amount="12.50")
    form = open_form(qtbot, services, deal_id=deal.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked for nothing"))
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not form.isVisible()


def test_a_conflict_lets_the_user_choose_per_field(
    qtbot, services: Services, db_path: Path, monkeypatch
) -> None:
    deal = services.deals.create(title="Printer", amount="100")
    form = open_form(qtbot, services, deal_id=deal.id)
    other_pc = open_services(str(db_path))  # a colleague saves the same deal meanwhile
    other_pc.deals.update(deal.id, deal.version, title="Printer (colour)", amount="120")
    other_pc.close()
    title = form.findChild(QLineEdit, "title")
    title.selectAll()
    qtbot.keyClicks(title, "Laser printer")
    amount = form.findChild(QLineEdit, "amount")
    amount.selectAll()
    qtbot.keyClicks(amount, "95")
    close_date = form.findChild(QLineEdit, "close_date_text")
    close_date.clear()
    qtbot.keyClicks(close_date, "31/05/2027")  # typed in the English (UK) way
    shown: list[list[str]] = []

    def choose(dialog: ConflictDialog) -> int:
        shown.append([w.text() for w in dialog.findChildren(QLabel)])
        dialog.findChild(QWidget, "theirs_title").setChecked(True)  # their title, my amount
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", choose)
    save(qtbot, form)
    assert shown
    assert "Title" in shown[0]
    assert "Amount" in shown[0]
    stored = services.deals.get(deal.id)
    assert stored.title == "Printer (colour)"
    assert stored.amount == Decimal("95.00")
    assert stored.close_date == date(2027, 5, 31)  # not in conflict: mine, saved too
    assert form.result() == QDialog.DialogCode.Accepted


def test_dragging_a_field_to_another_section_changes_the_form(qtbot, services: Services, monkeypatch) -> None:
    deal = services.deals.create(title="Layout test")
    form = open_form(qtbot, services, deal_id=deal.id)
    assert form.sections.editors["close_date"].parent().objectName() == "section_main"

    def design(designer: FormDesignerDialog) -> int:
        designer.show()
        main, customer = designer.sections[0].fields, designer.sections[1].fields
        row = main.field_keys().index("close_date")
        mime = main.mimeData([main.item(row)])
        assert drop(customer.viewport(), mime)
        assert "close_date" in customer.field_keys()
        assert "close_date" not in main.field_keys()
        designer.sections[1].two_columns.setChecked(True)
        qtbot.mouseClick(
            designer.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )
        return designer.result()

    monkeypatch.setattr(FormDesignerDialog, "exec", design)
    qtbot.mouseClick(form.configure, Qt.MouseButton.LeftButton)
    assert form.sections.editors["close_date"].parent().objectName() == "section_customer"
    layout = services.form_layouts.layout(EntityType.DEAL)
    assert layout.scope == "personal"
    assert layout.sections[1].columns == 2
    # A new form uses it too.
    again = open_form(qtbot, services, deal_id=deal.id)
    assert again.sections.editors["close_date"].parent().objectName() == "section_customer"


def test_the_stage_bar_moves_the_deal_on_save(qtbot, services: Services) -> None:
    deal = services.deals.create(title="Stages")
    stages = services.pipelines.list()[0].stages
    form = open_form(qtbot, services, deal_id=deal.id)
    bar = form.stage_bar
    width = bar.width() / len(stages)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(int(width * 2.5), bar.height() // 2))
    assert bar.current() == stages[2].id
    save(qtbot, form)
    assert services.deals.get(deal.id).stage_id == stages[2].id
    history = services.deal_form.timeline(deal.id)
    assert history[0].field == "stage_id"


def test_the_amount_follows_the_products_when_switched_on(qtbot, services: Services, monkeypatch) -> None:
    form = open_form(qtbot, services)
    form.products.model.add_row(
        __import__("app.services.deals.pricing", fromlist=["ProductLine"]).ProductLine(
            "Pen", Decimal("2.00"), Decimal(3)
        )
    )
    amount = form.findChild(QLineEdit, "amount")
    assert not amount.isReadOnly()
    switch = form.findChild(QCheckBox, "amountFromProducts")
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton, pos=QPoint(8, switch.height() // 2))
    assert amount.isReadOnly()
    assert amount.text() == "6.00"
    discard(form, monkeypatch)


def test_a_stage_that_needs_a_field_asks_for_it_on_the_board(
    qtbot, window, demo_services: Services, monkeypatch
) -> None:
    from dragdrop import card_mime

    from app.dialogs.required_fields_dialog import RequiredFieldsDialog
    from app.views.deals_area import DealsViewMode

    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=3000)
    pipeline = board.pipeline
    target = board.columns[1]
    demo_services.field_rules.set_required_from(EntityType.DEAL, "probability", pipeline.id, target.stage.id)
    card = board.columns[0].model.card(0)
    asked: list[list[str]] = []

    def fill(dialog: RequiredFieldsDialog) -> int:
        asked.append(list(dialog.editors))
        dialog.editors["probability"].set_value(40)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RequiredFieldsDialog, "exec", fill)
    assert drop(target.view.viewport(), card_mime(board.columns[0], 0))
    assert asked == [["probability"]]
    moved = demo_services.deals.get(card.id)
    assert (moved.stage_id, moved.probability) == (target.stage.id, 40)


def test_settings_create_and_delete_a_custom_field(
    qtbot, window, demo_services: Services, monkeypatch
) -> None:
    from app.dialogs.custom_field_dialog import CustomFieldDialog
    from app.views.sidebar import Area

    window.sidebar.select(Area.SETTINGS)

    def create(dialog: CustomFieldDialog) -> int:
        dialog.label.setText("Budget approved")
        dialog.kind.setCurrentIndex(dialog.kind.findData(FieldType.BOOLEAN))
        dialog.required.setChecked(False)
        dialog._on_save()
        return dialog.result()

    monkeypatch.setattr(CustomFieldDialog, "exec", create)
    qtbot.mouseClick(window.findChild(QPushButton, "newCustomField"), Qt.MouseButton.LeftButton)
    field = next(f for f in demo_services.custom_fields.list() if f.label == "Budget approved")
    assert field.field_type is FieldType.BOOLEAN
    table = window.findChild(QWidget, "fieldsTable")
    labels = [table.topLevelItem(n).text(0) for n in range(table.topLevelItemCount())]
    assert "Budget approved" in labels
    # Deleting says how many values go, then removes it.
    region = next(f for f in demo_services.custom_fields.list() if f.code == "region")
    table.setCurrentItem(table.topLevelItem(labels.index(region.label)))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(window.findChild(QPushButton, "deleteCustomField"), Qt.MouseButton.LeftButton)
    assert "records have a value in it" in asked[0]
    assert all(f.code != "region" for f in demo_services.custom_fields.list())


def test_a_deal_is_opened_to_everyone_and_given_an_observer_on_its_form(qtbot, services: Services) -> None:
    from PySide6.QtWidgets import QListWidget

    anna = services.users.create(login="anna", name="Anna Berg")
    deal = services.deals.create(title="Shared with Anna")
    form = open_form(qtbot, services, deal_id=deal.id)
    form.sections.ensureWidgetVisible(form.findChild(QCheckBox, "is_open"))
    opened = form.findChild(QCheckBox, "is_open")
    qtbot.mouseClick(opened, Qt.MouseButton.LeftButton, pos=QPoint(8, opened.height() // 2))
    observers = form.findChild(QListWidget, "observer_ids")
    item = next(
        observers.item(r) for r in range(observers.count()) if observers.item(r).text() == "Anna Berg"
    )
    item.setCheckState(Qt.CheckState.Checked)
    save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    stored = services.deals.get(deal.id)
    assert stored.is_open
    assert stored.observer_ids == (anna.id,)
    assert {h.field for h in services.deals.history(deal.id)} >= {"is_open", "observer_ids"}


def test_observers_are_named_in_the_timeline(qtbot, services: Services) -> None:
    from app.dialogs.deal_form.history_format import HistoryFormat
    from app.dialogs.fields.catalog import FieldCatalog
    from app.services.fields.custom_fields import EntityType

    anna = services.users.create(login="anna", name="Anna Berg")
    ben = services.users.create(login="ben", name="Ben Kraus")
    history = HistoryFormat(FieldCatalog(services, EntityType.DEAL))
    assert history.value("observer_ids", f"{anna.id},{ben.id}") == "Anna Berg, Ben Kraus"
    assert history.field("is_open") == "Open to everyone"
