"""The List view of the Deals area: a table over DealTableModel, sorted by clicking headers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from app.services.container import Services
from app.services.deals.export import FIELD_OF_COLUMN
from app.services.fields.custom_fields import EntityType
from app.ui.settings import load_state, save_state
from app.views.deal_list.cell_delegate import DealCellDelegate
from app.views.deal_list.chosen_deals import ChosenDeals
from app.views.deal_list.deal_table_model import (
    COL_ACTIVITY,
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
    COL_TITLE: 250,  # with the filter panel open, Amount still shows on a 1280-pixel screen
    COL_STAGE: 150,
    COL_PIPELINE: 110,
    COL_AMOUNT: 120,
    COL_COMPANY: 220,
    COL_CONTACT: 150,
    COL_RESPONSIBLE: 140,
    COL_CLOSE: 95,
    COL_ACTIVITY: 110,
}


class DealListView(QTableView):
    """Rows of deals; Enter or double-click asks to open the deal (`open_requested`)."""

    open_requested = Signal(int)

    def __init__(self, model: DealTableModel, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealList")
        self.setModel(model)
        self.chosen = ChosenDeals(self, model, services.deal_queries)
        self.setItemDelegate(DealCellDelegate(services, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # A click chooses, a double-click or Enter opens the deal; F2 or typing edits the current cell in
        # place (as in a spreadsheet). A click on a chosen row never starts editing: it would turn the
        # first click of a double-click into an edit.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.AnyKeyPressed
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
        # The deal's next step next to its amount (until the person arranges the columns otherwise).
        header.moveSection(header.visualIndex(COL_ACTIVITY), header.visualIndex(COL_AMOUNT) + 1)
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
        # A refresh that changes the number of deals resets the model: keep the scroll position.
        self._kept_scroll: int | None = None
        model.modelAboutToBeReset.connect(self._on_about_to_reset)
        model.modelReset.connect(self._on_reset)
        # Fields the person may not see (the form designer's rules) have no column for them.
        self._services = services
        self._hidden_fields = services.field_rules.hidden_for_me()
        self._custom_codes = {
            f"uf:{f.id}": f"uf:{f.code}" for f in services.custom_fields.list(EntityType.DEAL)
        }
        self.apply_field_access()

    # -- column layout ---------------------------------------------------------------------------

    def restore_layout(self, key: str) -> None:
        """Use (and from now on save) the column layout stored under `key` (one per user)."""
        self._layout_key = ""
        state = load_state(key)
        if state is not None:
            self.horizontalHeader().restoreState(state)
        self.apply_field_access()
        self._layout_key = key

    def forbidden(self, column: int) -> bool:
        """Whether the column shows a field the person may not see."""
        model = self.model()
        if not isinstance(model, DealTableModel) or not self._hidden_fields:
            return False
        key = model.column_key(column)
        field = self._custom_codes.get(key) or FIELD_OF_COLUMN.get(key, key)
        return field in self._hidden_fields

    def apply_field_access(self) -> None:
        header = self.horizontalHeader()
        for column in range(header.count()):
            if self.forbidden(column):
                header.setSectionHidden(column, True)

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
            # A deal list always shows what the deal is; fields one may not see are never offered.
            action.setEnabled(logical != COL_TITLE and not self.forbidden(logical))
            action.toggled.connect(lambda shown, column=logical: self.show_column(column, shown))
        menu.popup(header.mapToGlobal(position))
        self._columns_menu = menu

    def show_column(self, column: int, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not shown)
        self._save_layout()

    # -- the chosen deals (kept by id) and the scroll position through refreshes ----------------------

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        command = super().selectionCommand(index, event)
        # Only a click or a key is the user's choice (Qt also asks when the current row is moved).
        if event is not None and hasattr(self, "chosen"):
            self.chosen.before_command(command)
        return command

    def selectAll(self) -> None:  # Ctrl+A: every deal the filter matches, not only the rows read
        self.chosen.select_all_matching()

    def _on_about_to_reset(self) -> None:
        model = self.model()
        refreshing = isinstance(model, DealTableModel) and model.refreshing
        self._kept_scroll = self.verticalScrollBar().value() if refreshing else None

    def _on_reset(self) -> None:
        self.apply_field_access()  # the custom columns may have changed
        scroll, self._kept_scroll = self._kept_scroll, None
        if scroll is not None:
            self.verticalScrollBar().setValue(scroll)

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
        if event.key() == Qt.Key.Key_Escape and not editing and self.chosen.count():
            self.chosen.clear()  # Esc lets go of every chosen deal, those scrolled away too
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        deal_id = index.data(DealIdRole)
        if deal_id is not None:
            self.open_requested.emit(int(deal_id))
