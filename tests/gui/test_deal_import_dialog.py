"""Importing deals through the dialog: File > Import…, the guessed mapping, check, import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from app.dialogs.deal_import.import_dialog import COLUMNS, FILE, SUMMARY, VALUES, DealImportDialog
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


def click(qtbot, button) -> None:
    assert button.isVisible(), button.objectName()
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


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
    assert dialog.steps.currentIndex() == FILE
    assert "old-crm.csv" in dialog.file_label.text()
    assert dialog.file_page.preview.item(0, 0).text() == "Kitchen for Meyer"  # the first rows, as read
    assert dialog.file_page.encoding_note.text() == "Read as UTF-8 (Unicode)."
    assert not dialog.import_button.isVisible()
    click(qtbot, dialog.next_button)
    assert dialog.steps.currentIndex() == COLUMNS
    assert dialog.mapping.item(0, 1).text() == "Kitchen for Meyer · Garden shed"  # examples
    assert targets(dialog) == ["title", "amount", f"uf:{region.id}", "company", "external_id", ""]
    assert dialog.unmapped.text() == "Not imported: Remarks for sales"
    notes = dialog.target_combo(5)
    notes.setCurrentIndex(notes.findData("comments"))  # the user maps what wasn't recognised
    assert dialog.unmapped.text() == "Every column is imported."
    click(qtbot, dialog.next_button)  # every name is known: straight to the dry run's summary
    assert dialog.steps.currentIndex() == SUMMARY
    assert dialog.summary_page.summary.text() == "Ready to import: 2 deals, 1 new company, 1 note."
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert shown == ["Numbers were read with a decimal point (as '1,250.00' in column 'Amount', row 2)."]
    before = services.deal_queries.count(DealFilter())
    click(qtbot, dialog.import_button)
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


def test_unknown_names_are_mapped_once_in_the_values_step(qtbot, services: Services, tmp_path: Path) -> None:
    rows = ["Title;Stage;Responsible"] + [f"Deal {n};Engaging;Administrater" for n in range(40)]
    dialog = open_dialog(qtbot, services, write_csv(tmp_path, [*rows, "Odd one;Won;Bob Stone"]))
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    assert dialog.steps.currentIndex() == VALUES
    table = dialog.values_page.values
    seen = {
        table.item(r, 1).text(): (table.item(r, 2).text(), dialog.value_combo(r).currentText())
        for r in range(table.rowCount())
    }
    assert seen == {
        "Engaging": ("40", "— choose —"),
        "Administrater": ("40", "Administrator"),  # the near miss, preselected
        "Bob Stone": ("1", "— choose —"),
    }
    engaging = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "Engaging")
    combo = dialog.value_combo(engaging)
    combo.setCurrentIndex(combo.findText("In progress"))
    dialog.values_page.create_people.setChecked(True)  # Bob becomes a person of his own
    click(qtbot, dialog.next_button)
    assert dialog.steps.currentIndex() == SUMMARY
    assert dialog.summary_page.summary.text().startswith("Ready to import: 41 deals, 1 new person, ")
    click(qtbot, dialog.import_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    deals = [services.deals.get(i) for i in dialog.result_.deals]
    assert {d.stage_name for d in deals[:40]} == {"In progress"}
    assert {d.responsible_name for d in deals[:40]} == {"Administrator"}
    assert deals[40].responsible_name == "Bob Stone"


def test_problems_are_listed_and_nothing_is_imported(
    qtbot, services: Services, region, tmp_path: Path
) -> None:
    path = write_csv(tmp_path, ["Title;Amount;Region", "Good one;10;North", "Bad one;ten;West"])
    dialog = open_dialog(qtbot, services, path)
    before = services.deal_queries.count(DealFilter())
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)  # 'West' is no choice of Region: the values step asks
    assert dialog.steps.currentIndex() == VALUES
    click(qtbot, dialog.next_button)  # left unchosen: a problem
    assert dialog.steps.currentIndex() == SUMMARY
    assert dialog.summary_page.summary.text().startswith(
        "2 kinds of problem in the file: nothing can be imported yet"
    )
    assert not dialog.import_button.isEnabled()
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert shown[:2] == [
        "Row 3: 'ten' in column 'Amount' is not a number.",
        "Row 3: 'West' is not one of the choices of Region.",
    ]
    assert services.deal_queries.count(DealFilter()) == before
    click(qtbot, dialog.back_button)
    click(qtbot, dialog.back_button)
    assert dialog.steps.currentIndex() == COLUMNS
    unmapped = dialog.target_combo(0)
    unmapped.setCurrentIndex(0)  # no title column: the check says so
    click(qtbot, dialog.next_button)
    assert dialog.status.text() == "Choose the column that holds the deals' titles."
    assert dialog.steps.currentIndex() == COLUMNS


def test_an_eight_bit_file_says_how_it_was_read_and_can_be_read_otherwise(
    qtbot, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "dos.csv"
    path.write_bytes("Title;Company\r\nKüche;Müller\r\n".encode("cp850"))
    dialog = open_dialog(qtbot, services, path)
    note = dialog.file_page.encoding_note.text()
    assert "the likeliest of several" in note
    assert dialog.file_page.preview.item(0, 0).text() == "Küche"  # DOS umlauts recognised
    encoding = dialog.file_page.encoding
    encoding.setCurrentIndex(encoding.findData("mac_roman"))  # the user's choice: read again
    assert dialog.file_page.preview.item(0, 0).text() == "KÅche"
    assert dialog.file_page.encoding_note.text() == "Read as Mac Roman."
    encoding.setCurrentIndex(encoding.findData("utf-8"))  # one it can't be: said, nothing half-read
    assert dialog.status.text() == "The file can't be read as utf-8: choose the encoding it was saved in."
    assert dialog.file_page.preview.rowCount() == 0
    assert not dialog.next_button.isEnabled()


def test_a_file_that_is_not_a_table_is_said_plainly(qtbot, services: Services, tmp_path: Path) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG not a workbook")
    dialog = open_dialog(qtbot, services, path)
    assert dialog.status.text() == "The file is not an Excel workbook (.xlsx) that can be read."
    assert not dialog.next_button.isEnabled()


def test_file_menu_imports_into_the_list(
    qtbot, window: MainWindow, demo_services: Services, tmp_path: Path, monkeypatch
) -> None:
    path = write_csv(tmp_path, ["Title;Stage;Responsible", "Imported deal;Invoice;leon weber"])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    seen: list[str] = []

    def answer(dialog: DealImportDialog) -> int:
        dialog.show()  # as exec() shows it
        qtbot.waitExposed(dialog)
        click(qtbot, dialog.next_button)
        seen.extend(targets(dialog))
        click(qtbot, dialog.next_button)
        click(qtbot, dialog.import_button)
        return dialog.result()

    monkeypatch.setattr(DealImportDialog, "exec", answer)
    before = window.deals.model.rowCount()
    window.actions[ActionId.IMPORT_DEALS].trigger()
    assert seen == ["title", "stage", "responsible"]
    assert window.statusBar().currentMessage() == "Imported 1 deal."
    assert window.deals.model.rowCount() == before + 1
    newest = window.deals.model.index(0, 1).data()
    assert newest == "Imported deal"


def test_an_import_is_undone_from_the_imports_dialog(
    qtbot, window: MainWindow, demo_services: Services, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.dialogs.deal_import.imports_dialog import ImportsDialog
    from app.services.importing.deals import ImportOptions

    path = write_csv(tmp_path, ["ID;Title", "X-1;First imported", "X-2;Second imported"])
    service = demo_services.deal_import
    result = service.run(service.open(path), ImportOptions(mapping={0: "external_id", 1: "title"}))
    first = demo_services.deals.get(result.deals[0])
    demo_services.deals.update(first.id, first.version, comments="called")  # worked on since
    before = demo_services.deal_queries.count(DealFilter())
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    dialog = ImportsDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.item(0, 0).text() == "old-crm.csv"
    assert (dialog.table.item(0, 1).text(), dialog.table.item(0, 4).text()) == ("Deals", "2")
    click(qtbot, dialog.undo_button)
    assert asked == ["Remove what the import of old-crm.csv made? Deals changed since it stay."]
    assert dialog.status.text() == "Removed 1 deal. 1 deal changed since the import stays: First imported"
    assert demo_services.deal_queries.count(DealFilter()) == before - 1
    assert demo_services.deals.get(first.id).comments == "called"


def test_an_export_of_another_crm_is_recognised_and_its_columns_mapped(
    qtbot, services: Services, tmp_path: Path
) -> None:
    from tests.unit.test_import_presets import PIPEDRIVE

    path = tmp_path / "deals-export.csv"
    path.write_text(PIPEDRIVE, encoding="utf-8")
    dialog = open_dialog(qtbot, services, path)
    assert dialog.file_page.preset.currentText() == "An export of Pipedrive"
    click(qtbot, dialog.next_button)
    first = ["external_id", "title", "amount", "currency", "pipeline", "stage", "status"]
    assert targets(dialog)[:7] == first
    assert dialog.options().preset == "pipedrive"  # its IDs are Pipedrive's, its closing as Pipedrive's
    dialog.file_page.preset.setCurrentIndex(0)  # "a table of my own": guessed from plain names again
    assert dialog.options().preset is None
    assert targets(dialog)[6] == "status"  # "Deal - Status" reads as "deal status" anyway


def test_file_export_all_writes_every_file(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.export_all(str(tmp_path))
    folder = tmp_path / "dealdesk-export"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported "))
    assert window.statusBar().currentMessage() == f"Exported 19 files to {folder}"
    assert (folder / "deals.csv").read_text(encoding="utf-8-sig").startswith("Title,Pipeline,Stage,Amount")


def test_a_saved_mapping_is_used_for_the_next_file_like_it(qtbot, services: Services, tmp_path: Path) -> None:
    first = tmp_path / "march.csv"
    first.write_text("Vorgang;Wert;Zustand\nA;10;Offen\n", encoding="utf-8")
    dialog = open_dialog(qtbot, services, first)
    click(qtbot, dialog.next_button)
    for row, key in enumerate(["title", "amount", "stage"]):
        combo = dialog.target_combo(row)
        combo.setCurrentIndex(combo.findData(key))
    click(qtbot, dialog.next_button)  # 'Offen' is unknown: the values step
    combo = dialog.value_combo(0)
    combo.setCurrentIndex(combo.findText("New"))
    dialog.save_mapping("Our old CRM")
    assert dialog.status.text() == "Saved the mapping “Our old CRM”."
    dialog.close()

    second = tmp_path / "april.csv"
    second.write_text("Zustand;Vorgang;Wert\nOffen;B;20\n", encoding="utf-8")
    again = open_dialog(qtbot, services, second)
    assert again.saved.currentText() == "Our old CRM"
    assert again.status.text() == "The columns are read as in the saved mapping “Our old CRM”."
    click(qtbot, again.next_button)
    assert targets(again) == ["stage", "title", "amount"]
    click(qtbot, again.next_button)  # 'Offen' means New, as saved: nothing to ask
    assert again.steps.currentIndex() == SUMMARY
    assert again.summary_page.summary.text() == "Ready to import: 1 deal."


def test_contacts_from_a_vcard_through_the_wizard(qtbot, services: Services, tmp_path: Path) -> None:
    from tests.unit.test_import_records import VCARDS

    path = tmp_path / "kontakte.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    dialog = open_dialog(qtbot, services, path)
    kind = dialog.file_page.kind
    kind.setCurrentIndex(kind.findData("contacts"))
    assert dialog.windowTitle() == "Import Contacts"
    assert not dialog.file_page.preset.isVisible()  # deals only
    click(qtbot, dialog.next_button)
    assert targets(dialog) == [
        "first_name",
        "last_name",
        "position",
        "companies",
        "email",
        "phone",
        "address",
        "comments",
    ]
    click(qtbot, dialog.next_button)
    assert dialog.summary_page.summary.text() == "Ready to import: 2 new records, 2 new companies."
    click(qtbot, dialog.import_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(dialog.result_.created) == 2


def test_people_through_the_wizard(qtbot, services: Services, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(
        "Benutzername;Name;E-Mail;Rolle\nanna;Anna Berg;anna@firma.de;Vertrieb\n", encoding="utf-8"
    )
    dialog = open_dialog(qtbot, services, path)
    kind = dialog.file_page.kind
    kind.setCurrentIndex(kind.findData("people"))
    click(qtbot, dialog.next_button)
    assert targets(dialog) == ["login", "name", "email", "roles"]
    click(qtbot, dialog.next_button)
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("There is no role 'Vertrieb'." in text for text in shown)  # checked, nothing kept
    assert [u.login for u in services.users.list() if u.login == "anna"] == []
    click(qtbot, dialog.back_button)
    dialog.target_combo(3).setCurrentIndex(0)  # no roles then
    click(qtbot, dialog.next_button)
    assert dialog.summary_page.summary.text() == "Ready to import: 1 new record."
    click(qtbot, dialog.import_button)
    assert [u.name for u in services.users.list() if u.login == "anna"] == ["Anna Berg"]
