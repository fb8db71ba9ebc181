"""A table model whose rows are read a page at a time as the view scrolls to them (contacts,
companies, leads): the count on reload, then pages on demand, the most recently used kept."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

log = logging.getLogger(__name__)
PAGE_SIZE = 200
MAX_PAGES = 20


class PagedTableModel(QAbstractTableModel):
    """Subclasses set `_headers` and `_what` (for the log), and read with `_read_count` and
    `_read_page`; a failed read is logged and reported by `read_failed`, the list stays usable."""

    read_failed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: Sequence[str] = ()
        self._what = "rows"
        self._count = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()

    def _read_count(self) -> int:
        raise NotImplementedError

    def _read_page(self, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self._count = self._read_count()
        except Exception as exc:  # shown by the view; the list stays empty meanwhile
            log.exception("Counting %s failed", self._what)
            self._count = 0
            self.read_failed.emit(exc)
        self._pages.clear()
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            try:
                page = self._read_page(page_no * PAGE_SIZE, PAGE_SIZE)
            except Exception as exc:  # data() must not raise into Qt
                log.exception("Reading %s failed", self._what)
                self.read_failed.emit(exc)
                return None
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    # -- QAbstractTableModel ----------------------------------------------------------------------

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
