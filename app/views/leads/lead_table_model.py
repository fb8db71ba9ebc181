"""The rows of the lead list, read a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.dialogs.lead_form.lead_form_dialog import status_names
from app.services.container import Services
from app.services.customers.leads import LeadRow, LeadStatus
from app.ui.formatting import short_date
from app.ui.paged_model import PagedTableModel

LeadRowRole = Qt.ItemDataRole.UserRole + 1


class LeadTableModel(PagedTableModel):
    row_role = LeadRowRole

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self._leads = services.leads
        self.search = ""
        self.statuses: tuple[LeadStatus, ...] = ()
        self._what = "leads"
        self._status_names = status_names()
        self._headers = (
            self.tr("Lead"),
            self.tr("Person"),
            self.tr("Company"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("Status"),
            self.tr("Responsible"),
            self.tr("Created"),
        )

    def _read_count(self) -> int:
        return self._leads.count_rows(self.search, self.statuses)

    def _read_page(self, offset: int, limit: int) -> list[LeadRow]:
        return self._leads.rows(offset, limit, search=self.search, statuses=self.statuses)

    def _row_data(self, row: LeadRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.title,
                row.person,
                row.company_title,
                row.email,
                row.phone,
                self._status_names.get(row.status, row.status.value),
                row.responsible_name,
                short_date(row.created_at),
            )
            return values[column] or ""
        return None
