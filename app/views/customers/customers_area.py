"""The Contacts (or Companies) area: a searchable, sortable list; the form on Enter or double-click;
bulk actions on a selection (responsible, delete, export, merge two); duplicates found on demand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.customer_form.customer_form_dialog import CustomerFormDialog
from app.dialogs.duplicates_dialog import DuplicatesDialog
from app.dialogs.merge_dialog import MergeDialog
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.services.core.events import DomainEvent
from app.services.customers.queries import CustomerKind
from app.ui.i18n import error_text
from app.ui.layout import keep_space_when_hidden
from app.ui.operations import Operation, Progress
from app.views.customers.customer_table_model import CustomerRowRole, CustomerTableModel

SEARCH_DELAY_MS = 250


class CustomerTable(QTableView):
    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            row = self.model().index(self.currentIndex().row(), 0).data(CustomerRowRole)
            if row is not None:
                self.open_requested.emit(row.id)
                return
        super().keyPressEvent(event)


class CustomersArea(QWidget):
    open_deal_requested = Signal(int)
    message = Signal(str)  # for the status bar

    def __init__(self, services: Services, kind: CustomerKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.kind = kind
        contact = kind is CustomerKind.CONTACT
        self.setObjectName("contactsArea" if contact else "companiesArea")
        self._operation: Operation | None = None
        self.model = CustomerTableModel(services, kind, self)

        title = QLabel(self.tr("Contacts") if contact else self.tr("Companies"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name, e-mail or phone"))
        self.new_button = QPushButton(self.tr("+ Contact") if contact else self.tr("+ Company"))
        self.new_button.setObjectName("newCustomer")
        self.duplicates_button = QPushButton(self.tr("Find duplicates…"))
        self.duplicates_button.setObjectName("findDuplicates")
        self.responsible = QComboBox()
        self.responsible.setObjectName("customerResponsibleFilter")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.responsible)
        top.addWidget(self.search, 1)
        top.addWidget(self.duplicates_button)
        top.addWidget(self.new_button)

        self.table = CustomerTable()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((220, 160, 140, 220, 220, 150, 70)):
            self.table.setColumnWidth(column, width)

        self.bulk = QFrame()
        self.bulk.setObjectName("customerBulkBar")
        self.selected_label = QLabel()
        self.selected_label.setObjectName("customerSelected")
        self.responsible_button = QToolButton()
        self.responsible_button.setObjectName("customerResponsible")
        self.responsible_button.setText(self.tr("Responsible"))
        self.responsible_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.responsible_button.setMenu(QMenu(self.responsible_button))
        self.export_button = QToolButton()
        self.export_button.setObjectName("customerExport")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        for name, text in (("csv", self.tr("CSV file")), ("xlsx", self.tr("Excel workbook"))):
            action = export_menu.addAction(text)
            action.setObjectName(f"export_{name}")
            action.triggered.connect(lambda _c=False, n=name: self.export(n == "xlsx"))
        self.export_button.setMenu(export_menu)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setObjectName("mergeSelected")
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteCustomers")
        bulk_layout = QHBoxLayout(self.bulk)
        bulk_layout.setContentsMargins(8, 4, 8, 4)
        for widget in (
            self.selected_label,
            self.responsible_button,
            self.export_button,
            self.merge_button,
            self.delete_button,
        ):
            bulk_layout.addWidget(widget)
        bulk_layout.addStretch(1)
        keep_space_when_hidden(self.bulk)
        self.bulk.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.bulk)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.model.set_search(self.search.text().strip()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.responsible.currentIndexChanged.connect(self._on_responsible_filter)
        self.new_button.clicked.connect(lambda: self.open_form(None))
        self.duplicates_button.clicked.connect(self.find_duplicates)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.open_requested.connect(self.open_form)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection())
        self.model.modelReset.connect(self._on_selection)
        self.merge_button.clicked.connect(self._merge_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model.read_failed.connect(lambda exc: self.message.emit(error_text(exc)))
        self._shown_once = False

    def showEvent(self, event: Any) -> None:
        if not self._shown_once:  # nothing read before the area is first opened: a quick start
            self._shown_once = True
            self._fill_people()
            self.model.reload()
        super().showEvent(event)

    # -- selection --------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r.id for row in rows if (r := self.model.row_at(row)) is not None]

    def _on_selection(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.bulk.setVisible(count > 0)
        self.selected_label.setText(self.tr("%Ln selected", "", count))
        self.merge_button.setEnabled(count == 2)

    def _on_responsible_filter(self, _index: int) -> None:
        self.model.responsible_id = self.responsible.currentData() or None
        if self._shown_once:
            self.model.reload()

    def _fill_people(self) -> None:
        chosen = self.responsible.currentData()
        self.responsible.blockSignals(True)
        self.responsible.clear()
        self.responsible.addItem(self.tr("Everyone's"), 0)
        people = self._services.users.list()
        for user in people:
            self.responsible.addItem(user.name, user.id)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(chosen)))
        self.responsible.blockSignals(False)
        menu = self.responsible_button.menu()
        assert menu is not None
        menu.clear()
        for user in people:
            action: QAction = menu.addAction(user.name)
            action.triggered.connect(lambda _c=False, uid=user.id: self.set_responsible(uid))

    # -- actions ----------------------------------------------------------------------------------

    def _on_double_click(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_form(row.id)

    def open_form(self, record_id: int | None) -> None:
        dialog = CustomerFormDialog(self._services, self.kind, record_id, self)
        dialog.open_deal_requested.connect(self.open_deal_requested)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.reload()
            if dialog.saved is not None:
                record = dialog.saved.record
                name = getattr(record, "full_name", None) or getattr(record, "title", "")
                self.message.emit(self.tr("Saved “%1”.").replace("%1", name))

    def set_responsible(self, user_id: int) -> None:
        ids = self.selected_ids()
        try:
            changed = self._services.customer_queries.set_responsible(self.kind, ids, user_id)
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Not changed"), error_text(exc))
            return
        self.model.reload()
        self.message.emit(self.tr("Changed %Ln record(s).", "", changed))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr(
                "Delete %Ln record(s)? Their deals stay, without them. This can't be undone.", "", len(ids)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        queries, kind = self._services.customer_queries, self.kind

        def work(progress: Progress) -> int:
            return queries.delete(kind, ids, progress)

        self._run(self.tr("Deleting…"), work, lambda n: self.tr("Deleted %Ln record(s).", "", n))

    def export(self, xlsx: bool) -> None:
        ids = self.selected_ids()
        suffix = "xlsx" if xlsx else "csv"
        default = Path(QDir.homePath()) / (f"{self.kind.value}s.{suffix}")
        target, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            str(default),
            self.tr("Excel workbook (*.xlsx)") if xlsx else self.tr("CSV file (*.csv)"),
        )
        if not target:
            return
        path = Path(target) if target.lower().endswith(f".{suffix}") else Path(f"{target}.{suffix}")
        queries, kind, header = self._services.customer_queries, self.kind, self.model.headers()
        german = QLocale().decimalPoint() == ","

        def work(progress: Progress) -> int:
            return queries.export(
                kind, ids, path, header, xlsx=xlsx, delimiter=";" if german else ",", progress=progress
            )

        self._run(
            self.tr("Exporting…"),
            work,
            lambda n: self.tr("Exported %Ln record(s) to %1.", "", n).replace("%1", str(path)),
            changes=False,
        )

    def _run(self, label: str, work: Any, done: Any, *, changes: bool = True) -> None:
        def succeeded(result: Any) -> None:
            if changes:  # (an export changes nothing: the selection stays)
                self.model.reload()
            self.message.emit(done(result))

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Not done"), error_text(error))

        self._operation = Operation(
            self,
            label,
            work,
            succeeded,
            failed,
            on_cancel=lambda: self.message.emit(self.tr("Cancelled; nothing was changed.")),
        )
        self._operation.start()

    def _merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            self.merge(min(ids), max(ids))

    def merge(self, keep_id: int, other_id: int) -> bool:
        dialog = MergeDialog(self._services, self.kind, keep_id, other_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.model.reload()
        self.message.emit(self.tr("Merged into “%1”.").replace("%1", _name(dialog.keep.record)))
        return True

    def find_duplicates(self) -> None:
        """Compare every record with every other (a second or two for 100,000), then show the groups."""
        duplicates, kind = self._services.duplicates, self.kind

        def show(groups: list[Any]) -> None:
            dialog = DuplicatesDialog(groups, self)
            dialog.merge_requested.connect(
                lambda keep, other: self.merge(keep, other) and dialog.remove_pair(keep, other)
            )
            dialog.exec()

        self._operation = Operation(
            self,
            self.tr("Looking for duplicates…"),
            lambda _progress: duplicates.scan(kind),
            show,
            lambda error: QMessageBox.warning(self, self.tr("Not done"), error_text(error)),
        )
        self._operation.start()

    def on_changed(self, event: DomainEvent) -> None:
        if event.entity == "user" and self._shown_once:  # else filled when first opened
            self._fill_people()
        if self._shown_once and event.entity in (self.kind.value, "*", "user", "deal"):
            self.model.reload()


def _name(record: Any) -> str:
    return str(getattr(record, "full_name", None) or getattr(record, "title", ""))
