"""The rows of the contact or company list, read a page at a time as the view scrolls to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.services.container import Services
from app.services.customers.queries import CustomerKind, CustomerRow, CustomerSort
from app.ui.formatting import short_date
from app.ui.paged_model import PagedTableModel

CustomerRowRole = Qt.ItemDataRole.UserRole + 1
KEYS = ("name", "detail", "phone", "email", "related", "responsible", "deals", "created_at")
SORTABLE = {"name", "detail", "phone", "email", "responsible", "deals", "created_at"}


class CustomerTableModel(PagedTableModel):
    row_role = CustomerRowRole

    def __init__(self, services: Services, kind: CustomerKind, parent: Any = None) -> None:
        super().__init__(parent)
        self._queries = services.customer_queries
        self.kind = kind
        self.search = ""
        self.responsible_id: int | None = None  # only this person's records
        self.sort_order = CustomerSort()
        self._what = f"{kind.value}s"
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

    def _read_count(self) -> int:
        return self._queries.count(self.kind, self.search, self.responsible_id)

    def _read_page(self, offset: int, limit: int) -> list[CustomerRow]:
        return self._queries.page(
            self.kind, self.sort_order, offset, limit, search=self.search, responsible_id=self.responsible_id
        )

    def set_search(self, text: str) -> None:
        self.search = text
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = KEYS[column] if 0 <= column < len(KEYS) else "name"
        if key not in SORTABLE:
            return
        self.sort_order = CustomerSort(key, descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def _row_data(self, row: CustomerRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            key = KEYS[column]
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
        if role == Qt.ItemDataRole.TextAlignmentRole and KEYS[column] == "deals":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
