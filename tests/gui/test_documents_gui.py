"""Documents in the GUI: the template manager, a deal's Documents tab, a batch from the list."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.services.container import Services
from app.views.documents_settings import TemplateDialog
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def _word_file(tmp_path: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph(text)
    path = tmp_path / "letter.docx"
    document.save(str(path))
    return path


def test_a_word_file_becomes_a_template_with_its_placeholders_checked(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch, tmp_path: Path
) -> None:
    window.sidebar.select(Area.SETTINGS)
    page = window.settings_page.documents
    path = _word_file(tmp_path, "Dear {{ contact.name }}, about {{ deal.title }} {{ colour }}")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict[str, str] = {}

    def fill(dialog: TemplateDialog) -> int:
        seen["uses"] = dialog.placeholders.text()
        seen["warning"] = dialog.warning.text()
        dialog.name.setText("Letter")
        dialog.kind.setCurrentIndex(dialog.kind.findData("contract"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(TemplateDialog, "exec", fill)
    qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    assert seen["uses"] == "colour, contact, deal"
    assert seen["warning"] == "Unknown placeholders (they stay empty): colour"
    template = next(t for t in demo_services.document_templates.templates() if t.name == "Letter")
    assert (template.kind, template.file_name) == ("contract", "letter.docx")
    shown = [page.table.topLevelItem(n).text(0) for n in range(page.table.topLevelItemCount())]
    assert shown == ["Invoice", "Letter", "Payment reminder", "Quote"]  # the new database's own, the new one
    qtbot.mouseClick(page.shipped, Qt.MouseButton.LeftButton)
    assert page.table.topLevelItemCount() == 7  # and the German three


def test_a_deal_gets_a_numbered_document_in_its_documents_tab(
    qtbot, demo_services: Services, monkeypatch
) -> None:
    demo_services.document_templates.add_shipped_templates()
    deal = next(
        r
        for r in demo_services.deal_queries.rows(list(range(1, 60)))
        if demo_services.deal_form.load(r.id).products
    )
    form = DealFormDialog(demo_services, deal_id=deal.id)
    qtbot.addWidget(form)
    form.tabs.setCurrentWidget(form.documents)
    tab = form.documents
    assert tab.new.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Invoice", True))
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: True)
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert tab.tree.topLevelItemCount() == 1
    number = tab.tree.topLevelItem(0).text(0)
    assert number.startswith("INV-")
    assert tab.opened[-1].name.startswith(number)
    text = "\n".join(p.text for p in Document(io.BytesIO(tab.opened[-1].read_bytes())).paragraphs)
    assert f"Invoice {number}" in text
    assert [d.number for d in demo_services.documents.documents(deal.id)] == [number]


def test_documents_for_a_selection_of_the_list(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    demo_services.document_templates.add_shipped_templates()
    view = window.deals.list_view
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (3, Qt.KeyboardModifier.ShiftModifier)):
        rect = view.visualRect(view.model().index(row, 1))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    from app.views.deal_list.deal_table_model import DealRowRole

    chosen = [view.model().index(r, 0).data(DealRowRole).id for r in range(4)]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Quote", True))
    qtbot.mouseClick(window.deals.bulk_bar.documents_button, Qt.MouseButton.LeftButton)
    numbers = [d.number for deal_id in chosen for d in demo_services.documents.documents(deal_id)]
    assert len(numbers) == 4
    assert len(set(numbers)) == 4
    assert window.statusBar().currentMessage() == "Made 4 documents; each is in its deal's Documents."
