"""Importing deals through the dialog: File > Import deals…, the guessed mapping, check, import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from app.dialogs.deal_import.import_dialog import DealImportDialog
from app.services.container import Services
from app.services.deals.filters import DealFilter
from app.services.fields.custom_fields import EntityType, FieldType
from app.ui.actions import ActionId
from app.views.main_window import MainWindow


@pytest.fixture
def region(services: Services):
    return services.custom_fields.create(
        EntityType.DEAL, "Region", FieldType.LIST, options=["North", "South"]
    )


def write_csv(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "old-crm.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_dialog(qtbot, services: Services, path: Path) -> DealImportDialog:
    dialog = DealImportDialog(services, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def targets(dialog: DealImportDialog) -> list[str]:
    return [dialog.target_combo(row).currentData() for row in range(dialog.mapping.rowCount())]


def test_columns_are_guessed_checked_and_imported(qtbot, services: Services, region, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        [
            "Title,Amount,Region,Company,Legacy ID,Remarks for sales",
            'Kitchen for Meyer,"1,250.00",South,Meyer & Söhne,A-17,call back in May',
            "Garden shed,300,north,Meyer & Söhne,A-18,",
        ],
    )
    dialog = open_dialog(qtbot, services, path)
    assert "old-crm.csv" in dialog.file_label.text()
    assert dialog.mapping.item(0, 1).text() == "Kitchen for Meyer · Garden shed"  # examples
    assert targets(dialog) == ["title", "amount", f"uf:{region.id}", "company", "", ""]
    notes = dialog.target_combo(5)
    notes.setCurrentIndex(notes.findData("comments"))  # the user maps what wasn't recognised
    dialog.decimal_comma.setChecked(False)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "All 2 rows can be imported. New companies: 1, new contacts: 0."
    before = services.deal_queries.count(DealFilter())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_ is not None
    assert len(dialog.result_.deals) == 2
    assert services.deal_queries.count(DealFilter()) == before + 2
    kitchen = services.deal_form.load(dialog.result_.deals[0])
    assert kitchen.deal.amount == Decimal("1250.00")
    assert kitchen.deal.company_title == "Meyer & Söhne"
    assert kitchen.deal.comments == "call back in May"
    assert kitchen.custom[region.id] == region.options[1].id
    assert kitchen.deal.begin_date is None  # not in the file: stays blank, not the import day


def test_problems_are_listed_and_nothing_is_imported(
    qtbot, services: Services, region, tmp_path: Path
) -> None:
    path = write_csv(tmp_path, ["Title;Amount;Region", "Good one;10;North", "Bad one;ten;West"])
    dialog = open_dialog(qtbot, services, path)
    before = services.deal_queries.count(DealFilter())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.status.text().startswith("2 problems in the file: nothing was imported.")
    assert dialog.problems.isVisible()
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert shown == [
        "Row 3: 'ten' in column 'Amount' is not a number.",
        "Row 3: 'West' is not one of the choices of Region.",
    ]
    assert services.deal_queries.count(DealFilter()) == before
    unmapped = dialog.target_combo(0)
    unmapped.setCurrentIndex(0)  # no title column: the check says so
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Choose the column that holds the deals' titles."
    assert not dialog.problems.isVisible()


def test_a_file_that_is_not_a_table_is_said_plainly(qtbot, services: Services, tmp_path: Path) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG not a workbook")
    dialog = open_dialog(qtbot, services, path)
    assert dialog.status.text() == "The file is not an Excel workbook (.xlsx) that can be read."
    assert not dialog.import_button.isEnabled()


def test_file_menu_imports_into_the_list(
    qtbot, window: MainWindow, demo_services: Services, tmp_path: Path, monkeypatch
) -> None:
    path = write_csv(tmp_path, ["Title;Stage;Responsible", "Imported deal;Invoice;leon weber"])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    seen: list[str] = []

    def answer(dialog: DealImportDialog) -> int:
        seen.extend(targets(dialog))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(DealImportDialog, "exec", answer)
    before = window.deals.model.rowCount()
    window.actions[ActionId.IMPORT_DEALS].trigger()
    assert seen == ["title", "stage", "responsible"]
    assert window.statusBar().currentMessage() == "Imported 1 deal."
    assert window.deals.model.rowCount() == before + 1
    newest = window.deals.model.index(0, 1).data()
    assert newest == "Imported deal"
