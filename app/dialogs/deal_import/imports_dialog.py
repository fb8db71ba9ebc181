"""File › Imports…: every import made so far — its file, when, by whom, how many deals — and "Undo
import", which removes what it created and nobody has changed since, off the GUI thread, then says
what went and which deals stayed because somebody changed them."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.ui.i18n import error_text
from app.ui.operations import Operation, Progress

COL_FILE, COL_KIND, COL_AT, COL_BY, COL_DEALS, COL_STATE = range(6)


class ImportsDialog(QDialog):
    undone = Signal(object)  # UndoneImport

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importsDialog")
        self.setWindowTitle(self.tr("Imports"))
        self._services = services
        self._operation: Operation | None = None
        self._imports: list[Any] = []
        intro = QLabel(
            self.tr(
                "Undoing an import removes the deals it made that nobody has changed since, and the "
                "companies, contacts and products it made that nothing uses any more."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("imports")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Of"),
                self.tr("Imported"),
                self.tr("By"),
                self.tr("Records"),
                self.tr("State"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_KIND, COL_AT, COL_BY, COL_DEALS, COL_STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = QPushButton(self.tr("Undo import…"))
        self.undo_button.setObjectName("undoImport")
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        self._imports = self._services.deal_import.imports()
        locale = QLocale()
        self.table.setRowCount(len(self._imports))
        for row, item in enumerate(self._imports):
            kinds = {
                "deal": self.tr("Deals"),
                "company": self.tr("Companies"),
                "contact": self.tr("Contacts"),
                "lead": self.tr("Leads"),
                "product": self.tr("Products"),
                "user": self.tr("People"),
            }
            cells = [
                item.file,
                kinds.get(item.kind, item.kind),
                locale.toString(item.at.replace(tzinfo=UTC).astimezone(), QLocale.FormatType.ShortFormat),
                item.user_name or "—",
                locale.toString(item.deals),
                self.tr("undone") if item.undone_at else "",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == COL_DEALS:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        if not self._imports:
            self.status.setText(self.tr("Nothing has been imported yet."))
        if self._imports and not self.table.selectedItems():
            self.table.selectRow(0)
        self._enable()

    def _selected(self) -> Any:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self._imports[rows.pop()] if len(rows) == 1 else None

    def _enable(self) -> None:
        chosen = self._selected()
        self.undo_button.setEnabled(
            self._operation is None and chosen is not None and chosen.undone_at is None
        )

    def undo_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        asked = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr("Remove what the import of %1 made? Deals changed since it stay.").replace(
                "%1", chosen.file
            ),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        service, ident = self._services.deal_import, chosen.operation_id

        def work(progress: Progress) -> Any:
            return service.undo(ident, progress)

        self._operation = Operation(self, self.tr("Undoing the import…"), work, self._done, self._failed)
        self._operation.finished.connect(self._finished)
        self._enable()
        self._operation.start()

    def _finished(self) -> None:
        self._operation = None
        self._enable()

    def _done(self, undone: Any) -> None:
        if undone.deals_removed or not undone.records_removed:
            text = self.tr("Removed %Ln deal(s).", "", undone.deals_removed)
        else:
            text = self.tr("Removed %Ln record(s).", "", undone.records_removed)
        if undone.changed:
            titles = ", ".join(title for _ident, title in undone.changed[:5])
            text += " " + self.tr(
                "%Ln deal(s) changed since the import stay: %1", "", len(undone.changed)
            ).replace("%1", titles)
        if undone.people_kept:
            text += " " + self.tr(
                "The %Ln person/people it created stay (deactivate them in Settings).", "", undone.people_kept
            )
        self.status.setText(text)
        self.reload()
        self.undone.emit(undone)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
