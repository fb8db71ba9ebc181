"""A Settings box of records (custom fields, products): a chooser, a table, New / Edit / Delete for
administrators, a double-click edits; a delete asks first and says why when it is refused."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.i18n import error_text

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordBox", text)


class RecordBox(QGroupBox):
    """Subclasses fill the table with `show_records`, answer `_on_new`, `_on_edit`, `_on_delete`
    and `refresh`; `selected()` is the record of the current row."""

    def __init__(
        self,
        services: Services,
        *,
        chooser: QComboBox,
        headers: Sequence[str],
        new_text: str,
        object_names: tuple[str, str, str, str],  # the table, New, Edit, Delete
        minimum_height: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._records: list[Any] = []
        self.may_change = services.roles.may_manage_settings()
        self.chooser = chooser
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(list(headers))
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(minimum_height)
        self.new = QPushButton(new_text)
        self.edit = QPushButton(_tr("Edit…"))
        self.delete = QPushButton(_tr("Delete…"))
        for widget, name in zip((self.table, self.new, self.edit, self.delete), object_names, strict=True):
            widget.setObjectName(name)
        buttons = QHBoxLayout()
        buttons.addWidget(chooser)
        buttons.addStretch(1)
        for button in (self.new, self.edit, self.delete):
            button.setEnabled(self.may_change)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.new.clicked.connect(self._on_new)
        self.edit.clicked.connect(self._on_edit)
        self.delete.clicked.connect(self._on_delete)
        if self.may_change:
            self.table.itemDoubleClicked.connect(lambda *_args: self._on_edit())

    def refresh(self) -> None:
        raise NotImplementedError

    def _on_new(self) -> None:
        raise NotImplementedError

    def _on_edit(self) -> None:
        raise NotImplementedError

    def _on_delete(self) -> None:
        raise NotImplementedError

    def show_records(
        self, records: Sequence[Any], cells: Callable[[Any], list[str]], right_aligned: Sequence[int] = ()
    ) -> None:
        self._records = list(records)
        self.table.clear()
        for number, record in enumerate(self._records):
            item = QTreeWidgetItem(cells(record))
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            for column in right_aligned:
                item.setTextAlignment(column, _RIGHT)
            self.table.addTopLevelItem(item)

    def selected(self) -> Any:
        item = self.table.currentItem()
        return self._records[item.data(0, Qt.ItemDataRole.UserRole)] if item is not None else None

    @staticmethod
    def yes_no(value: bool) -> str:
        return _tr("yes") if value else _tr("no")

    def delete_after_asking(
        self, title: str, question: str, failed_title: str, delete: Callable[[], Any]
    ) -> None:
        if QMessageBox.question(self, title, question) != QMessageBox.StandardButton.Yes:
            return
        try:
            delete()
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, failed_title, error_text(exc))
        self.refresh()
