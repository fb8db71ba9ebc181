"""The rows of the contact or company list, read a page at a time as the view scrolls to them."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services import Services
from app.services.customer_queries import CustomerKind, CustomerRow, CustomerSort
from app.ui.formatting import short_date

log = logging.getLogger(__name__)
PAGE_SIZE = 200
MAX_PAGES = 20
CustomerRowRole = Qt.ItemDataRole.UserRole + 1
KEYS = ("name", "detail", "phone", "email", "related", "responsible", "deals", "created_at")
SORTABLE = {"name", "detail", "phone", "email", "responsible", "deals", "created_at"}


class CustomerTableModel(QAbstractTableModel):
    read_failed = Signal(object)

    def __init__(self, services: Services, kind: CustomerKind, parent: Any = None) -> None:
        super().__init__(parent)
        self._queries = services.customer_queries
        self.kind = kind
        self.search = ""
        self.responsible_id: int | None = None  # only this person's records
        self.sort_order = CustomerSort()
        self._count = 0
        self._pages: OrderedDict[int, list[CustomerRow]] = OrderedDict()
        contact = kind is CustomerKind.CONTACT
        self._headers = (
            self.tr("Name"),
            self.tr("Position") if contact else self.tr("Industry"),
            self.tr("Phone"),
            self.tr("E-mail"),
            self.tr("Companies") if contact else self.tr("Website"),
            self.tr("Responsible"),
            self.tr("Deals"),
            self.tr("Created"),
        )  # read when the list is first shown (reload)

    def headers(self) -> dict[str, str]:
        return dict(zip(KEYS, self._headers, strict=True))

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self._count = self._queries.count(self.kind, self.search, self.responsible_id)
        except Exception as exc:  # shown by the view; the list stays empty meanwhile
            log.exception("Counting %ss failed", self.kind.value)
            self._count = 0
            self.read_failed.emit(exc)
        self._pages.clear()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self.search = text
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = KEYS[column] if 0 <= column < len(KEYS) else "name"
        if key not in SORTABLE:
            return
        self.sort_order = CustomerSort(key, descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def row_at(self, row: int) -> CustomerRow | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            try:
                page = self._queries.page(
                    self.kind,
                    self.sort_order,
                    page_no * PAGE_SIZE,
                    PAGE_SIZE,
                    search=self.search,
                    responsible_id=self.responsible_id,
                )
            except Exception as exc:  # data() must not raise into Qt
                log.exception("Reading %ss failed", self.kind.value)
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
        return 0 if parent.isValid() else len(KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(KEYS)
        ):
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == CustomerRowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            key = KEYS[index.column()]
            value = {
                "name": row.name,
                "detail": row.detail,
                "phone": row.phone,
                "email": row.email,
                "related": row.related,
                "responsible": row.responsible_name,
                "deals": str(row.deals),
                "created_at": short_date(row.created_at),
            }[key]
            return value or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and KEYS[index.column()] == "deals":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
