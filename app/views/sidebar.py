"""The navigation sidebar: Deals, Contacts, Companies, Leads, Tasks, Analytics, Settings."""

from __future__ import annotations

import enum

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from app.ui.icons import icon


class Area(enum.Enum):
    DEALS = "deals"
    CONTACTS = "contacts"
    COMPANIES = "companies"
    LEADS = "leads"
    TASKS = "tasks"
    INVOICES = "invoices"
    ANALYTICS = "analytics"
    SETTINGS = "settings"


AreaRole = Qt.ItemDataRole.UserRole + 1


class Sidebar(QListView):
    area_selected = Signal(object)  # Area

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        titles = {
            Area.DEALS: self.tr("Deals"),
            Area.CONTACTS: self.tr("Contacts"),
            Area.COMPANIES: self.tr("Companies"),
            Area.LEADS: self.tr("Leads"),
            Area.TASKS: self.tr("Tasks"),
            Area.INVOICES: self.tr("Invoices"),
            Area.ANALYTICS: self.tr("Analytics"),
            Area.SETTINGS: self.tr("Settings"),
        }
        model = QStandardItemModel(self)
        for area, title in titles.items():
            item = QStandardItem(icon(area.value), title)
            item.setData(area, AreaRole)
            item.setEditable(False)
            model.appendRow(item)
        self.setModel(model)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(2)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(max(170, self.sizeHintForColumn(0) + 28))
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    def select(self, area: Area) -> None:
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(AreaRole) is area:
                self.setCurrentIndex(index)
                return

    def _on_current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        area = current.data(AreaRole)
        if area is not None:
            self.area_selected.emit(area)
