"""A record's workflows (the deal form's Workflows tab): its runs — running, waiting, finished, failed,
stopped — with the path each took; start one, stop a running one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.start_workflow_dialog import StartWorkflowDialog
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.core.events import DomainEvent
from app.services.workflows.service import InstanceInfo
from app.ui.i18n import error_text
from app.views.workflows.workflow_path import WorkflowPath, local_time, status_name

RunRole = Qt.ItemDataRole.UserRole + 1


class RecordWorkflows(QWidget):
    def __init__(
        self, services: Services, entity: str, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordWorkflows")
        self._services = services
        self._entity = entity
        self._record_id = record_id
        self.runs = QListWidget()
        self.runs.setObjectName("recordRuns")
        self.runs.setMaximumHeight(140)
        self.path = WorkflowPath()
        self.start_button = QPushButton(self.tr("Start workflow…"))
        self.start_button.setObjectName("startWorkflowButton")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopWorkflow")
        self.stop_button.setEnabled(False)
        self.empty = QLabel(self.tr("No workflow has run on this record yet."))
        self.empty.setStyleSheet("color: #5b6470;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.runs)
        layout.addWidget(QLabel(self.tr("Path taken:")))
        layout.addWidget(self.path, 1)
        self.start_button.clicked.connect(self.open_start)
        self.stop_button.clicked.connect(self._stop)
        self.runs.currentItemChanged.connect(lambda _c, _p: self._show())
        self.refresh()

    def refresh(self) -> None:
        chosen = self.current()
        try:
            found: list[InstanceInfo] = self._services.workflows.instances(
                entity=self._entity, record_id=self._record_id
            )
        except ServiceError:
            found = []
        self._found = found
        self.runs.clear()
        for run in found:
            parts = [f"{run.template_name} (v{run.version_number})", status_name(run.status)]
            parts.append(local_time(run.started_at.isoformat()))
            if run.started_by:
                parts.append(run.started_by)
            item = QListWidgetItem(" · ".join(parts))
            item.setData(RunRole, run.id)
            self.runs.addItem(item)
            if chosen is not None and run.id == chosen.id:
                self.runs.setCurrentItem(item)
        if self.runs.currentItem() is None and self.runs.count():
            self.runs.setCurrentRow(0)
        self.empty.setVisible(not found)
        self._show()

    def current(self) -> InstanceInfo | None:
        item = self.runs.currentItem()
        if item is None:
            return None
        return next((r for r in getattr(self, "_found", []) if r.id == item.data(RunRole)), None)

    def _show(self) -> None:
        run = self.current()
        self.path.show_run(run)
        self.stop_button.setEnabled(run is not None and run.status in ("running", "waiting"))

    def open_start(self) -> StartWorkflowDialog:
        dialog = StartWorkflowDialog(self._services, self._entity, [self._record_id], self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _stop(self) -> None:
        run = self.current()
        if run is None:
            return
        try:
            self._services.workflows.stop(run.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Stop"), error_text(exc))
        self.refresh()

    def on_changed(self, event: DomainEvent) -> None:
        if event.entity in ("workflow_instance", "*"):
            self.refresh()


def open_record_workflows(services: Services, entity: str, record_id: int, parent: QWidget) -> QDialog:
    """The record's workflows in a window of their own (a lead's form has no tabs)."""
    dialog = QDialog(parent)
    dialog.setObjectName("recordWorkflowsDialog")
    dialog.setWindowTitle(QCoreApplication.translate("RecordWorkflows", "Workflows"))
    panel = RecordWorkflows(services, entity, record_id, dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(panel, 1)
    layout.addWidget(buttons)
    dialog.resize(760, 520)
    dialog.open()
    return dialog
