"""The deals the user chose in the list, kept by id: a sort, a new filter, a refresh or somebody
else's change moves rows around, never the choice. The table's own selection only paints it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QTableView

from app.services.deals.filters import DealFilter
from app.services.deals.queries import PAGE_SIZE, DealQueryService
from app.ui.operations import run_in_background
from app.views.deal_list.deal_table_model import DealIdRole, DealTableModel

_ROWS = QItemSelectionModel.SelectionFlag.Rows
log = logging.getLogger(__name__)


class ChosenDeals(QObject):
    """The choice as a set of deal ids (or "all N matching the filter").

    The user's clicks and keys still go through Qt's selection model; each change of it is turned
    into deal ids at once, while the rows still hold the deals the user saw. Whenever rows may hold
    other deals (a sort, a refresh, a new filter), Qt's selection is dropped and painted again from
    the ids, page by page as the rows are read; chosen deals that left the list are let go, and
    `dropped` says how many.
    """

    changed = Signal()
    dropped = Signal(int)  # chosen deals no longer in the list (filtered out, deleted elsewhere)

    def __init__(self, view: QTableView, model: DealTableModel, queries: DealQueryService) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._queries = queries
        self._ids: set[int] = set()
        self._current: int | None = None  # the deal of the current row (keyboard focus)
        self._filter: DealFilter = model.deal_filter
        self._painting = False
        self.all_matching = False
        self._all_count = 0  # how many "all matching" stood for, when last counted
        self._checks = 0  # bumped by every check of which chosen deals are still listed
        self._check_call: object = None
        selection = view.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        selection.currentChanged.connect(self._on_current_changed)
        # Queued: pages are read while the table paints, and the selection is not changed mid-paint.
        model.page_read.connect(self._on_page_read, Qt.ConnectionType.QueuedConnection)
        model.rows_moved.connect(self._on_rows_moved)
        model.modelReset.connect(self._on_reset)

    # -- what is chosen --------------------------------------------------------------------------

    @property
    def ids(self) -> frozenset[int]:
        """The chosen deals (empty while "all matching" stands for them)."""
        return frozenset(self._ids)

    def count(self) -> int:
        return self._model.rowCount() if self.all_matching else len(self._ids)

    def covers_everything(self) -> bool:
        rows = self._model.rowCount()
        return self.all_matching or (rows > 0 and len(self._ids) == rows)

    # -- changing it -----------------------------------------------------------------------------

    def select_all_matching(self) -> None:
        self._ids.clear()
        self.all_matching = True
        self._all_count = self._model.rowCount()
        self._paint_all()
        self.changed.emit()

    def clear(self) -> None:
        self._ids.clear()
        self.all_matching = False
        with self._painting_ids():
            self._view.selectionModel().clearSelection()
        self.changed.emit()

    def before_command(self, command: QItemSelectionModel.SelectionFlag) -> None:
        """A click or key is about to change Qt's selection: one that clears it clears the choice,
        off-screen deals included (Qt only knows the rows it has painted)."""
        if not self._painting and command & QItemSelectionModel.SelectionFlag.Clear:
            self._ids.clear()
            self.all_matching = False

    # -- Qt's selection -> ids -------------------------------------------------------------------

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        if self._painting:
            return
        model = self._model
        if self.all_matching:  # a row taken out of "all matching": the deals become ids now
            self._ids = set(model.ids_in(0, model.rowCount() - 1))
            self.all_matching = False
        if self._ids:
            for part in deselected:
                self._ids.difference_update(model.ids_in(part.top(), part.bottom()))
        for part in selected:
            self._ids.update(model.ids_in(part.top(), part.bottom()))
        self.changed.emit()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._painting and current.isValid():
            self._current = current.data(DealIdRole)

    # -- ids -> Qt's selection -------------------------------------------------------------------

    def _on_rows_moved(self) -> None:
        """Same count, other order (a sort) or other deals (a refresh): paint again from the ids."""
        self._let_go_of_missing()
        with self._painting_ids():
            self._view.selectionModel().clearSelection()
        self._paint_read_pages()

    def _on_reset(self) -> None:
        """A new filter or count: Qt dropped its selection; keep the chosen deals still listed."""
        if self.all_matching:
            if self._model.deal_filter != self._filter:
                self.all_matching = False  # "all matching" meant the old filter
                self.dropped.emit(self._all_count)
            self._all_count = self._model.rowCount()
        self._let_go_of_missing()
        self._paint_read_pages()
        self.changed.emit()

    def _let_go_of_missing(self) -> None:
        """Let go of chosen deals the list no longer shows (checked off the GUI thread: with many
        chosen, a check after every change would otherwise hold the window for a second)."""
        self._filter = self._model.deal_filter
        if not self._ids:
            return
        checked, deal_filter, queries = frozenset(self._ids), self._filter, self._queries
        self._checks += 1
        check = self._checks

        def done(kept: set[int]) -> None:
            if not shiboken6.isValid(self) or check != self._checks:
                return  # the list is gone (window closed), or changed again: a newer check is under way
            gone = (checked - kept) & self._ids
            if gone:
                self._ids -= gone
                self.dropped.emit(len(gone))
                self.changed.emit()

        self._check_call = run_in_background(
            lambda: queries.matching_ids(deal_filter, checked),
            done,
            lambda exc: log.warning("Checking the chosen deals failed: %s", exc),
        )

    @contextmanager
    def _painting_ids(self) -> Iterator[None]:
        """While the ids are painted onto Qt's selection, its signals are not read back as choices."""
        self._painting = True
        try:
            yield
        finally:
            self._painting = False

    def _on_page_read(self, page_no: int) -> None:
        self._paint_page(page_no)

    def _paint_read_pages(self) -> None:
        if self.all_matching:
            self._paint_all()
            return
        for page_no in self._model.cached_page_numbers():
            self._paint_page(page_no)

    def _paint_all(self) -> None:
        with self._painting_ids():
            QTableView.selectAll(self._view)  # Qt's own: the view's selectAll means "all matching"

    def _paint_page(self, page_no: int) -> None:
        if self.all_matching:
            self._paint_all()
            return
        rows = self._model.cached_page(page_no)
        if not rows:
            return
        model, first = self._model, page_no * PAGE_SIZE
        chosen, other = QItemSelection(), QItemSelection()
        current_row = None
        for offset, deal in enumerate(rows):
            index = model.index(first + offset, 0)
            (chosen if deal.id in self._ids else other).select(index, index)
            if deal.id == self._current:
                current_row = first + offset
        selection = self._view.selectionModel()
        with self._painting_ids():
            selection.select(other, QItemSelectionModel.SelectionFlag.Deselect | _ROWS)
            selection.select(chosen, QItemSelectionModel.SelectionFlag.Select | _ROWS)
            if current_row is not None and selection.currentIndex().row() != current_row:
                column = max(0, selection.currentIndex().column())
                selection.setCurrentIndex(
                    model.index(current_row, column), QItemSelectionModel.SelectionFlag.NoUpdate
                )
