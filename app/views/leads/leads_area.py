"""The Leads area: the list of leads by status, searchable; the form (and its conversion) on Enter or
double-click; "+ Lead" for a new one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.lead_form.lead_form_dialog import LeadFormDialog, status_names
from app.services.container import Services
from app.services.core.events import DomainEvent
from app.services.customers.leads import OPEN_STATUSES, LeadStatus
from app.ui.i18n import error_text
from app.views.leads.lead_table_model import LeadRowRole, LeadTableModel

SEARCH_DELAY_MS = 250
OPEN = "open"


class LeadTable(QTableView):
    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            row = self.model().index(self.currentIndex().row(), 0).data(LeadRowRole)
            if row is not None:
                self.open_requested.emit(row.id)
                return
        super().keyPressEvent(event)


class LeadsArea(QWidget):
    open_deal_requested = Signal(int)
    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadsArea")
        self._services = services
        self.model = LeadTableModel(services, self)
        title = QLabel(self.tr("Leads"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.status = QComboBox()
        self.status.setObjectName("leadStatusFilter")
        self.status.addItem(self.tr("Open leads"), OPEN)
        self.status.addItem(self.tr("All leads"), "")
        for status, name in status_names().items():
            self.status.addItem(name, status.value)
        self.search = QLineEdit()
        self.search.setObjectName("leadSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by lead, name, company or e-mail"))
        self.new_button = QPushButton(self.tr("+ Lead"))
        self.new_button.setObjectName("newLead")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.status)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        self.table = LeadTable()
        self.table.setObjectName("leadTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((220, 160, 180, 200, 130, 100, 140)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self._apply())
        self.new_button.clicked.connect(lambda: self.open_form(None))
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.open_requested.connect(self.open_form)
        self.model.read_failed.connect(lambda exc: self.message.emit(error_text(exc)))
        self._shown_once = False

    def showEvent(self, event: Any) -> None:
        if not self._shown_once:
            self._shown_once = True
            self._apply()
        super().showEvent(event)

    def _apply(self) -> None:
        chosen = self.status.currentData()
        self.model.statuses = OPEN_STATUSES if chosen == OPEN else ((LeadStatus(chosen),) if chosen else ())
        self.model.search = self.search.text().strip()
        self.model.reload()

    def _on_double_click(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_form(row.id)

    def open_form(self, lead_id: int | None) -> None:
        dialog = LeadFormDialog(self._services, lead_id, self)
        dialog.open_deal_requested.connect(self.open_deal_requested)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.reload()

    def on_changed(self, event: DomainEvent) -> None:
        if self._shown_once and event.entity in ("lead", "*", "user"):
            self.model.reload()
