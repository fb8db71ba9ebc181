"""The List view of the Deals area: a table over DealTableModel, sorted by clicking headers."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.services import Services
from app.views.deal_list.cell_delegate import DealCellDelegate
from app.views.deal_list.deal_table_model import (
    COL_AMOUNT,
    COL_CLOSE,
    COL_COMPANY,
    COL_CONTACT,
    COL_ID,
    COL_PIPELINE,
    COL_RESPONSIBLE,
    COL_STAGE,
    COL_TITLE,
    COLUMN_KEYS,
    DealIdRole,
    DealTableModel,
)

# Fixed starting widths: measuring contents would read every row (seconds at scale).
COLUMN_WIDTHS = {
    COL_ID: 70,
    COL_TITLE: 320,
    COL_STAGE: 175,
    COL_PIPELINE: 110,
    COL_AMOUNT: 120,
    COL_COMPANY: 220,
    COL_CONTACT: 150,
    COL_RESPONSIBLE: 140,
    COL_CLOSE: 95,
}


class DealListView(QTableView):
    """Rows of deals; Enter or double-click asks to open the deal (`open_requested`)."""

    open_requested = Signal(int)

    def __init__(self, model: DealTableModel, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealList")
        self.setModel(model)
        self.setItemDelegate(DealCellDelegate(services, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # F2 or a click on a selected cell edits in place; double-click and Enter open the deal.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        # Every row the same height, set once: Qt never measures rows (resizeRowsToContents is a trap).
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)
        # Indicator first: enabling sorting sorts by it, which is then what the model already does.
        order = Qt.SortOrder.DescendingOrder if model.deal_sort.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(model.sort_column(), order)
        self.setSortingEnabled(True)
        self.doubleClicked.connect(self._on_double_clicked)

    def visible_columns(self) -> list[tuple[str, str]]:
        """(key, header) of the columns shown, in the order shown."""
        header = self.horizontalHeader()
        model = self.model()
        columns = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                title = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                columns.append((COLUMN_KEYS[logical], str(title)))
        return columns

    def current_deal_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(DealIdRole) if index.isValid() else None

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        editing = self.state() == QAbstractItemView.State.EditingState
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.currentIndex().isValid()
            and not editing
        ):
            self._on_double_clicked(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        deal_id = index.data(DealIdRole)
        if deal_id is not None:
            self.open_requested.emit(int(deal_id))
