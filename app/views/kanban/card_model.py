"""One kanban column's cards: the first 50, more as the column is scrolled (Qt's fetchMore)."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services.container import Services
from app.services.deals.filters import DealFilter
from app.services.deals.kanban import CARDS_PER_PAGE, Card

CARDS_MIME = "application/x-dealdesk-deals"
CardRole = Qt.ItemDataRole.UserRole + 1
MAX_RELOADED = 500
log = logging.getLogger(__name__)


def cards_mime(cards: list[Card], from_stage: int) -> QMimeData:
    mime = QMimeData()
    payload = {"from_stage": from_stage, "deals": [[c.id, c.version] for c in cards]}
    mime.setData(CARDS_MIME, QByteArray(json.dumps(payload).encode()))
    return mime


def read_cards_mime(mime: QMimeData) -> tuple[int, list[tuple[int, int]]] | None:
    """(stage the cards come from, [(deal id, version)]) or None when it is not our drag."""
    if not mime.hasFormat(CARDS_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(CARDS_MIME).data()).decode())
        return int(payload["from_stage"]), [(int(i), int(v)) for i, v in payload["deals"]]
    except (ValueError, KeyError, TypeError):
        return None


class CardListModel(QAbstractListModel):
    """The cards of one stage, newest first, loaded 50 at a time; knows the column's exact count."""

    cards_dropped = Signal(int, int, object)  # target stage id, source stage id, [(deal id, version)]
    read_failed = Signal(object)

    def __init__(self, services: Services, stage_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._kanban = services.kanban
        self.stage_id = stage_id
        self._filter = DealFilter()
        self._cards: list[Card] = []
        self._total = 0

    # -- loading ---------------------------------------------------------------------------------

    def load(self, deal_filter: DealFilter, total: int, at_least: int = CARDS_PER_PAGE) -> None:
        """Show the first cards for this filter; `total` is the column's count (from the aggregate).

        `at_least` keeps as many cards as were loaded before a reload (up to MAX_RELOADED), so a
        column scrolled down stays where it was.
        """
        limit = self.wanted(True, at_least)
        try:
            cards = (
                self._kanban.cards(self.stage_id, replace(deal_filter, stage_ids=()), limit=limit)
                if total
                else []
            )
        except Exception as exc:
            log.exception("Reading cards failed")
            cards = []
            self.read_failed.emit(exc)
        self.show_cards(deal_filter, total, cards)

    @staticmethod
    def wanted(keep_position: bool, loaded: int) -> int:
        """How many cards to read for a column that showed `loaded` (kept where it was scrolled)."""
        return max(CARDS_PER_PAGE, min(loaded, MAX_RELOADED)) if keep_position else CARDS_PER_PAGE

    def show_cards(self, deal_filter: DealFilter, total: int, cards: list[Card]) -> None:
        """Show cards read elsewhere (off the GUI thread) for this filter and column count."""
        self.beginResetModel()
        self._filter = replace(deal_filter, stage_ids=())
        self._total = total
        self._cards = cards
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._cards) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._cards:
            return
        try:
            more = self._kanban.cards(
                self.stage_id, self._filter, after=self._cards[-1], limit=CARDS_PER_PAGE
            )
        except Exception as exc:
            self.read_failed.emit(exc)
            return
        if not more:
            self._total = len(self._cards)  # fewer than counted: somebody moved some meanwhile
            return
        first = len(self._cards)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._cards.extend(more)
        self.endInsertRows()

    def update_cards(self, changed_ids: set[int], here: list[Card], total: int) -> None:
        """Deals `changed_ids` changed; `here` are those now in this column (the filter applied).

        Cards are updated where they stand, leave, or come in at their place — if that place is
        among the cards loaded so far; the exact count comes from the aggregate (`total`).
        """
        fully_loaded = len(self._cards) >= self._total
        boundary = self._cards[-1].column_key if self._cards and not fully_loaded else None
        arriving = {c.id: c for c in here if boundary is None or c.column_key > boundary}
        for row in reversed(range(len(self._cards))):
            card = self._cards[row]
            if card.id not in changed_ids:
                continue
            new = arriving.get(card.id)
            if new is not None and new.column_key == card.column_key:
                self._cards[row] = new
                del arriving[card.id]
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._cards[row]
            self.endRemoveRows()
        for card in sorted(arriving.values(), key=lambda c: c.column_key, reverse=True):
            row = next(
                (n for n, c in enumerate(self._cards) if c.column_key < card.column_key), len(self._cards)
            )
            self.beginInsertRows(QModelIndex(), row, row)
            self._cards.insert(row, card)
            self.endInsertRows()
        self._total = max(total, len(self._cards))

    def card(self, row: int) -> Card | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def row_of(self, deal_id: int) -> int | None:
        return next((n for n, c in enumerate(self._cards) if c.id == deal_id), None)

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        card = self.card(index.row()) if index.isValid() else None
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == CardRole:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.title
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- drag and drop: the move itself goes through the services, never by moving rows here -----

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CARDS_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        return cards_mime([self._cards[r] for r in rows if 0 <= r < len(self._cards)], self.stage_id)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any
    ) -> bool:
        dropped = read_cards_mime(data)
        return dropped is not None and dropped[0] != self.stage_id

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any
    ) -> bool:
        dropped = read_cards_mime(data)
        if dropped is None or dropped[0] == self.stage_id:
            return False
        self.cards_dropped.emit(self.stage_id, dropped[0], dropped[1])
        # False: Qt must not remove the dragged rows itself; the board re-reads both columns.
        return False
