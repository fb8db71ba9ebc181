"""Settings > Products: a product made in the dialog shows in the catalog and in the deal form."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.dialogs.product_dialog import ProductDialog
from app.services.container import Services
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def test_a_new_product_goes_to_its_section_and_into_deals(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    window.sidebar.select(Area.SETTINGS)
    page = window.settings_page.products
    before = page.table.topLevelItemCount()

    def fill(dialog: ProductDialog) -> int:
        qtbot.keyClicks(dialog.name, "Barista course")
        dialog.section.setCurrentText("Training")
        dialog.price.setText("249.00")
        dialog.unit.setText("day")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(ProductDialog, "exec", fill)
    qtbot.mouseClick(page.new, Qt.MouseButton.LeftButton)
    assert page.table.topLevelItemCount() == before + 1
    assert page.section.findData("Training") > 0
    page.section.setCurrentIndex(page.section.findData("Training"))
    assert [page.table.topLevelItem(i).text(0) for i in range(page.table.topLevelItemCount())] == [
        "Barista course"
    ]
    form = DealFormDialog(demo_services)
    qtbot.addWidget(form)
    catalog = form.products.pick
    assert catalog.findText("Barista course", Qt.MatchFlag.MatchContains) >= 0


def test_a_bad_price_is_said_in_the_dialog(qtbot, demo_services: Services) -> None:
    dialog = ProductDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.name.setText("Oops")
    dialog.price.setText("12,345.678")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.errors.isVisibleTo(dialog)
    assert "Price" in dialog.errors.text()
    assert "Oops" not in [p.name for p in demo_services.products.list()]
