"""The List view of the Deals area: a table over DealTableModel, sorted by clicking headers."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from app.services.container import Services
from app.services.deals.queries import PAGE_SIZE
from app.ui.settings import load_state, save_state
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
        # Columns: chosen from the header's menu, moved and resized; remembered per user.
        self._layout_key = ""
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.sectionMoved.connect(self._save_layout)
        header.sectionResized.connect(self._save_layout)
        # A refresh that changes the number of deals resets the model: keep selection and scroll.
        self._kept: tuple[set[int], int | None, int] | None = None
        model.modelAboutToBeReset.connect(self._on_about_to_reset)
        model.modelReset.connect(self._on_reset)

    # -- column layout ---------------------------------------------------------------------------

    def restore_layout(self, key: str) -> None:
        """Use (and from now on save) the column layout stored under `key` (one per user)."""
        self._layout_key = ""
        state = load_state(key)
        if state is not None:
            self.horizontalHeader().restoreState(state)
        self._layout_key = key

    def _save_layout(self, *_args: object) -> None:
        if self._layout_key:
            save_state(self._layout_key, self.horizontalHeader().saveState())

    def _on_header_menu(self, position: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        model = self.model()
        for logical in range(header.count()):
            title = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.setEnabled(logical != COL_TITLE)  # a deal list always shows what the deal is
            action.toggled.connect(lambda shown, column=logical: self.show_column(column, shown))
        menu.popup(header.mapToGlobal(position))
        self._columns_menu = menu

    def show_column(self, column: int, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not shown)
        self._save_layout()

    # -- selection kept through refreshes -------------------------------------------------------

    def _on_about_to_reset(self) -> None:
        model = self.model()
        if not isinstance(model, DealTableModel) or not model.refreshing:
            self._kept = None
            return
        rows = model.cached_rows()
        by_row = {row: deal_id for deal_id, row in rows.items()}
        selected = {by_row[i.row()] for i in self.selectionModel().selectedRows() if i.row() in by_row}
        current = by_row.get(self.currentIndex().row()) if self.currentIndex().isValid() else None
        self._kept = (selected, current, self.verticalScrollBar().value())

    def _on_reset(self) -> None:
        kept, self._kept = self._kept, None
        if kept is None:
            return
        selected, current, scroll = kept
        self.verticalScrollBar().setValue(scroll)
        model = self.model()
        assert isinstance(model, DealTableModel)
        # Read the rows around the old position, then find the deals there again.
        first = max(0, self.rowAt(0))
        for row in range(first, min(model.rowCount(), first + 2 * PAGE_SIZE), PAGE_SIZE // 2):
            model.row_at(row)
        rows = model.cached_rows()
        selection = QItemSelection()
        for deal_id in selected:
            if deal_id in rows:
                index = model.index(rows[deal_id], 0)
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().select(selection, flags)
        if current in rows:
            self.selectionModel().setCurrentIndex(
                model.index(rows[current], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def visible_columns(self) -> list[tuple[str, str]]:
        """(key, header) of the columns shown, in the order shown."""
        header = self.horizontalHeader()
        model = self.model()
        columns = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                title = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                columns.append((model.column_key(logical), str(title)))
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
