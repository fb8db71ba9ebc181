"""A table model whose rows are read a page at a time as the view scrolls to them (contacts,
companies, leads): the count on reload, then pages on demand, the most recently used kept."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.ui.operations import run_in_background

log = logging.getLogger(__name__)
PAGE_SIZE = 200
MAX_PAGES = 20


class PagedTableModel(QAbstractTableModel):
    """Subclasses set `_headers` and `_what` (for the log), and read with `_read_count` and
    `_read_page`; a failed read is logged and reported by `read_failed`, the list stays usable.
    `_row_data` answers for a cell of a row already read, `row_role` hands out the row itself;
    `_page_arrived` and `_page_dropped` let them keep more per page (the deal list's custom values)."""

    read_failed = Signal(object)
    page_size = PAGE_SIZE
    max_pages = MAX_PAGES
    row_role: int | None = None  # the subclass's role that hands out a whole row

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: Sequence[str] = ()
        self._what = "rows"
        self._count = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self.loading = False  # a reload is being read off the GUI thread
        self._reloads = 0  # reloads asked for: only the newest one's rows are shown
        self._reload_call: Any = None

    def _read_count(self) -> int:
        raise NotImplementedError

    def _read_page(self, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def _page_arrived(self, page_no: int, page: list[Any]) -> None:
        """A page was just read (a subclass may read more for it)."""

    def _keep_page(self, page_no: int, page: list[Any]) -> None:
        """Cache a page read, letting the least recently used go beyond `max_pages`."""
        self._pages[page_no] = page
        while len(self._pages) > self.max_pages:
            _dropped_no, dropped = self._pages.popitem(last=False)
            self._page_dropped(dropped)

    def _read_now(self, page_no: int) -> bool:
        """Whether a page not read yet is read now, on this thread (a subclass may read far pages
        off the GUI thread instead and say False)."""
        return True

    def _page_dropped(self, page: list[Any]) -> None:
        """A page left the cache (a subclass may forget what it kept for it)."""

    def reload(self) -> None:
        """Count the rows and read the first page off the GUI thread (a million contacts take a
        second at ten million deals), then show them; the latest reload wins."""
        self._reloads += 1
        asked = self._reloads

        def work() -> tuple[int, list[Any]]:
            count = self._read_count()
            return count, self._read_page(0, self.page_size) if count else []

        def done(result: tuple[int, list[Any]]) -> None:
            if asked != self._reloads:
                return  # a newer search or sort is on its way
            count, first = result
            self.loading = False
            self.beginResetModel()
            self._count = count
            self._pages.clear()
            if first:
                self._pages[0] = first
            self.endResetModel()
            if first:
                self._page_arrived(0, first)

        def failed(exc: BaseException) -> None:
            if asked != self._reloads:
                return
            log.error("Counting %s failed: %s", self._what, exc)
            self.loading = False
            self.beginResetModel()  # shown by the view; the list stays empty meanwhile
            self._count = 0
            self._pages.clear()
            self.endResetModel()
            self.read_failed.emit(exc)

        self.loading = True
        self._reload_call = run_in_background(work, done, failed, owner=self)

    def row_at(self, row: int) -> Any:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, self.page_size)
        page = self._pages.get(page_no)
        if page is None:
            if not self._read_now(page_no):
                return None  # read elsewhere (off the GUI thread): blank until it arrives
            try:
                page = self._read_page(page_no * self.page_size, self.page_size)
            except Exception as exc:  # data() must not raise into Qt: report, show nothing, retry later
                log.exception("Reading %s failed", self._what)
                self.read_failed.emit(exc)
                return None
            self._keep_page(page_no, page)
            self._page_arrived(page_no, page)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    # -- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == self.row_role:
            return row
        return self._row_data(row, index.column(), role)

    def _row_data(self, row: Any, column: int, role: int) -> Any:
        """What a cell of a row that has been read shows, for a role."""
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None
