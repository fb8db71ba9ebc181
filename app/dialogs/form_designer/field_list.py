"""A section's fields in the designer: a list people drag fields into, out of and within.

Drops are handled here whole (never by Qt removing rows from the source list): the dropped
field keys are inserted where they fell, and the designer takes them out of every other list,
so a field is always in exactly one place — with a real mouse drag or a synthesized one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

FIELDS_MIME = "application/x-dealdesk-fields"
KeyRole = Qt.ItemDataRole.UserRole


def fields_mime(keys: Sequence[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(FIELDS_MIME, QByteArray(json.dumps(list(keys)).encode()))
    return mime


def read_fields_mime(mime: QMimeData) -> list[str] | None:
    if not mime.hasFormat(FIELDS_MIME):
        return None
    try:
        return [str(k) for k in json.loads(bytes(mime.data(FIELDS_MIME).data()).decode())]
    except (ValueError, TypeError):
        return None


class FieldList(QListWidget):
    fields_dropped = Signal(object, list, int)  # this list, the keys, the row they were put at

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setMinimumHeight(60)

    def add_field(self, key: str, label: str, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(KeyRole, key)
        item.setToolTip(key)
        if row is None:
            self.addItem(item)
        else:
            self.insertItem(row, item)
        return item

    def field_keys(self) -> list[str]:
        return [self.item(n).data(KeyRole) for n in range(self.count())]

    def remove_keys(self, keys: set[str]) -> None:
        for row in reversed(range(self.count())):
            if self.item(row).data(KeyRole) in keys:
                self.takeItem(row)

    def fit_height(self) -> None:
        rows = max(2, self.count() + 1)
        self.setFixedHeight(min(12, rows) * (self.sizeHintForRow(0) if self.count() else 22) + 8)

    # -- drag and drop -------------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [FIELDS_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        return fields_mime([item.data(KeyRole) for item in items])

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_fields(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_fields(event)
        if event.isAccepted():
            super().dragMoveEvent(event)  # draws the drop indicator
            event.accept()

    def _accept_fields(self, event: QDragMoveEvent) -> None:
        if read_fields_mime(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        keys = read_fields_mime(event.mimeData())
        if keys is None:
            event.ignore()
            return
        target = self.indexAt(event.position().toPoint())
        row = target.row() if target.isValid() else self.count()
        if target.isValid() and event.position().y() > self.visualRect(target).center().y():
            row += 1
        # A copy, as far as Qt knows: the source list must not remove rows itself.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.fields_dropped.emit(self, keys, row)
