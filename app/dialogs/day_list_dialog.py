"""Every deal of one calendar day, when more are due than the day's cell can show."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.deals.calendar import CalendarEntry
from app.ui.formatting import money, short_date


class DayListDialog(QDialog):
    open_requested = Signal(int)

    def __init__(self, day: date, entries: list[CalendarEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayListDialog")
        self.setWindowTitle(self.tr("Deals on %1").replace("%1", short_date(day)))
        self.resize(560, 420)
        self.tree = QTreeWidget()
        self.tree.setObjectName("dayEntries")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Deal"), self.tr("Stage"), self.tr("Amount")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for entry in entries:
            item = QTreeWidgetItem([entry.title, entry.stage_name, money(entry.amount, entry.currency)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.deal_id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        self.tree.itemDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%Ln deal(s)", "", len(entries))))
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
        self.accept()
