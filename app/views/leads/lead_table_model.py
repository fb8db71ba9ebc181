"""The rows of the lead list, read a page at a time."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.dialogs.lead_form.lead_form_dialog import status_names
from app.services import Services
from app.services.leads import LeadRow, LeadStatus
from app.ui.formatting import short_date

log = logging.getLogger(__name__)
PAGE_SIZE = 200
MAX_PAGES = 20
LeadRowRole = Qt.ItemDataRole.UserRole + 1


class LeadTableModel(QAbstractTableModel):
    read_failed = Signal(object)

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self._leads = services.leads
        self.search = ""
        self.statuses: tuple[LeadStatus, ...] = ()
        self._count = 0
        self._pages: OrderedDict[int, list[LeadRow]] = OrderedDict()
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

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self._count = self._leads.count_rows(self.search, self.statuses)
        except Exception as exc:  # shown by the view
            log.exception("Counting leads failed")
            self._count = 0
            self.read_failed.emit(exc)
        self._pages.clear()
        self.endResetModel()

    def row_at(self, row: int) -> LeadRow | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            try:
                page = self._leads.rows(
                    page_no * PAGE_SIZE, PAGE_SIZE, search=self.search, statuses=self.statuses
                )
            except Exception as exc:
                log.exception("Reading leads failed")
                self.read_failed.emit(exc)
                return None
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == LeadRowRole:
            return row
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
            return values[index.column()] or ""
        return None
