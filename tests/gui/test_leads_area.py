"""The Leads area: the list by status, a lead's form, and converting it through the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.dialogs.lead_form.convert_dialog import NEW, ConvertLeadDialog
from app.dialogs.lead_form.lead_form_dialog import LeadFormDialog
from app.models import LeadStatus
from app.services.container import Services
from app.views.leads.lead_table_model import LeadRowRole
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def show_leads(qtbot, window: MainWindow):
    window.sidebar.select(Area.LEADS)
    page = window.leads
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=2000)
    return page


def test_open_leads_are_listed_and_filtered_by_status(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    page = show_leads(qtbot, window)
    open_count = demo_services.leads.count_rows(
        statuses=(LeadStatus.NEW, LeadStatus.IN_PROCESS, LeadStatus.PROCESSED)
    )
    assert page.model.rowCount() == open_count
    page.status.setCurrentIndex(page.status.findData(LeadStatus.JUNK.value))
    assert page.model.rowCount() == demo_services.leads.count_rows(statuses=(LeadStatus.JUNK,))


def test_a_lead_is_converted_through_the_dialog(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    lead_id = demo_services.leads.create(
        title="Espresso bar for the lobby",
        first_name="Greta",
        last_name="Sommer",
        company_title="Hotel Sommergarten",
        email="greta@sommergarten.example",
    ).id
    page = show_leads(qtbot, window)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(LeadRowRole).id == lead_id
    )
    pipelines = demo_services.pipelines.list()
    target = pipelines[1]
    opened: list[int] = []
    seen: dict[str, list[str]] = {}

    def convert(dialog: ConvertLeadDialog) -> int:
        seen["contacts"] = [dialog.contact.itemText(i) for i in range(dialog.contact.count())]
        dialog.pipeline.setCurrentIndex(dialog.pipeline.findData(target.id))
        dialog.stage.setCurrentIndex(1)
        assert dialog.contact.currentData() == NEW
        qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    def lead_form(dialog: LeadFormDialog) -> int:
        assert not dialog.convert.isHidden()  # offered for a lead not yet converted
        qtbot.mouseClick(dialog.convert, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ConvertLeadDialog, "exec", convert)
    monkeypatch.setattr(LeadFormDialog, "exec", lead_form)
    monkeypatch.setattr(DealFormDialog, "exec", lambda dialog: opened.append(dialog._data.deal.id) or 0)
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    lead = demo_services.leads.get(lead_id)
    assert lead.status is LeadStatus.CONVERTED
    deal = demo_services.deals.get(lead.converted_deal_id)
    assert (deal.pipeline_id, deal.stage_id) == (target.id, target.stages[1].id)
    assert deal.company_title == "Hotel Sommergarten"
    assert seen["contacts"][0] == "New contact “Greta Sommer”"
    assert opened == [deal.id]  # the new deal opens in its form
    assert all(page.model.index(r, 0).data(LeadRowRole).id != lead_id for r in range(page.model.rowCount()))
