"""Settings › Workflows: the templates (new, edit in the designer, delete, export to a file, import, the
three ready-made ones) and, for administrators, every run with filters, its path and a Stop button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.workflow_designer.designer_dialog import WorkflowDesigner, entity_name
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.workflows.service import InstanceInfo, TemplateInfo
from app.ui.i18n import error_text
from app.views.workflows.workflow_path import WorkflowPath, local_time, status_name

IdRole = Qt.ItemDataRole.UserRole + 1


class WorkflowsSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Workflows"))
        self.setObjectName("workflowsSettings")
        self._services = services
        self.may_design = services.workflows.may_design()
        note = QLabel(
            self.tr(
                "A workflow runs step by step on a deal, contact, company, lead or invoice: branches, "
                "waits, approvals. It starts by hand, when a record is created or when it changes."
            )
        )
        note.setWordWrap(True)
        self.templates = QTableWidget(0, 5)
        self.templates.setObjectName("workflowTemplates")
        self.templates.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Runs on"), self.tr("Version"), self.tr("Starts"), self.tr("Running")]
        )
        self.templates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.templates.verticalHeader().hide()
        self.templates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.templates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.templates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.templates.setMinimumHeight(170)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setObjectName("newWorkflow")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editWorkflow")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.ready_button = QPushButton(self.tr("Add the ready-made ones"))
        self.ready_button.setObjectName("readyMadeWorkflows")
        row = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.export_button,
            self.import_button,
            self.ready_button,
        ):
            button.setEnabled(self.may_design)
            row.addWidget(button)
        row.addStretch(1)

        self.status = QComboBox()
        self.status.setObjectName("runStatus")
        for key, label in (
            ("live", self.tr("Running or waiting")),
            (None, self.tr("All")),
            ("finished", status_name("finished")),
            ("failed", status_name("failed")),
            ("stopped", status_name("stopped")),
        ):
            self.status.addItem(label, key)
        self.runs = QTableWidget(0, 5)
        self.runs.setObjectName("workflowRuns")
        self.runs.setHorizontalHeaderLabels(
            [self.tr("Run"), self.tr("Workflow"), self.tr("Record"), self.tr("Status"), self.tr("Started")]
        )
        self.runs.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.runs.verticalHeader().hide()
        self.runs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.runs.setMinimumHeight(150)
        self.path = WorkflowPath()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopRun")
        self.stop_button.setEnabled(False)
        run_head = QHBoxLayout()
        run_head.addWidget(QLabel(self.tr("Runs:")))
        run_head.addWidget(self.status)
        self.template_filter = QComboBox()
        self.template_filter.setObjectName("runTemplate")
        run_head.addWidget(self.template_filter)
        run_head.addStretch(1)
        run_head.addWidget(self.stop_button)
        runs_box = QWidget()
        runs_layout = QVBoxLayout(runs_box)
        runs_layout.setContentsMargins(0, 8, 0, 0)
        runs_layout.addLayout(run_head)
        runs_layout.addWidget(self.runs)
        runs_layout.addWidget(self.path)
        runs_box.setVisible(self.may_design)

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.templates)
        layout.addLayout(row)
        layout.addWidget(runs_box)

        self.new_button.clicked.connect(lambda: self.design(None))
        self.edit_button.clicked.connect(lambda: self.design(self.current()))
        self.templates.doubleClicked.connect(
            lambda _index: self.design(self.current()) if self.may_design else None
        )
        self.delete_button.clicked.connect(self._delete)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)
        self.ready_button.clicked.connect(self._ready_made)
        self.status.currentIndexChanged.connect(self.refresh_runs)
        self.template_filter.currentIndexChanged.connect(self.refresh_runs)
        self.runs.itemSelectionChanged.connect(self._show_run)
        self.stop_button.clicked.connect(self._stop)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # runs move on while the page is away
        super().showEvent(event)
        self.refresh()

    # -- templates -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.current()
        self._templates = self._services.workflows.templates()
        self.templates.setRowCount(len(self._templates))
        for row, template in enumerate(self._templates):
            starts = [
                label
                for label, on in (
                    (self.tr("by hand"), template.start_manual),
                    (self.tr("when created"), template.start_on_create),
                    (self.tr("when changed"), template.start_on_change),
                )
                if on
            ]
            cells = (
                template.name if template.active else f"{template.name} ({self.tr('off')})",
                entity_name(template.entity),
                str(template.number),
                ", ".join(starts),
                str(template.running),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IdRole, template.id)
                self.templates.setItem(row, column, item)
            if chosen is not None and template.id == chosen.id:
                self.templates.selectRow(row)
        chosen_filter = self.template_filter.currentData()
        self.template_filter.blockSignals(True)
        self.template_filter.clear()
        self.template_filter.addItem(self.tr("Every workflow"), None)
        for template in self._templates:
            self.template_filter.addItem(template.name, template.id)
        self.template_filter.setCurrentIndex(max(0, self.template_filter.findData(chosen_filter)))
        self.template_filter.blockSignals(False)
        self.templates.resizeColumnsToContents()
        self.templates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.refresh_runs()

    def current(self) -> TemplateInfo | None:
        row = self.templates.currentRow()
        templates = getattr(self, "_templates", [])
        return templates[row] if 0 <= row < len(templates) else None

    def design(self, template: TemplateInfo | None) -> WorkflowDesigner | None:
        if not self.may_design:
            return None
        designer = WorkflowDesigner(self._services, template, parent=self)
        designer.finished.connect(lambda _r: self.refresh())
        designer.open()
        return designer

    def _delete(self) -> None:
        template = self.current()
        if template is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete workflow"),
            self.tr("Delete “%1” and the history of its runs? Running ones stop.").replace(
                "%1", template.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.workflows.delete(template.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Delete workflow"), error_text(exc))
        self.refresh()

    def _export(self) -> None:
        template = self.current()
        if template is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export workflow"), f"{template.name}.json", self.tr("Workflow files (*.json)")
        )
        if name:
            Path(name).write_text(self._services.workflows.export_template(template.id), encoding="utf-8")

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import workflow"), "", self.tr("Workflow files (*.json)")
        )
        if not name:
            return
        try:
            self._services.workflows.import_template(Path(name).read_text(encoding="utf-8"))
        except (ServiceError, OSError, UnicodeDecodeError) as exc:
            text = error_text(exc) if isinstance(exc, ServiceError) else str(exc)
            QMessageBox.warning(self, self.tr("Import workflow"), text)
        self.refresh()

    def _ready_made(self) -> None:
        from app.services.workflows.ready_made import install_ready_made

        try:
            install_ready_made(self._services)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Workflows"), error_text(exc))
        self.refresh()

    # -- runs ------------------------------------------------------------------------------------------

    def refresh_runs(self) -> None:
        if not self.may_design:
            return
        self._runs: list[InstanceInfo] = self._services.workflows.instances(
            status=self.status.currentData(), template_id=self.template_filter.currentData()
        )
        self.runs.setRowCount(len(self._runs))
        for row, run in enumerate(self._runs):
            cells = (
                str(run.id),
                f"{run.template_name} (v{run.version_number})",
                f"{record_name(run.entity)} #{run.record_id}",
                status_name(run.status),
                local_time(run.started_at.isoformat()),
            )
            for column, text in enumerate(cells):
                self.runs.setItem(row, column, QTableWidgetItem(text))
        self.runs.resizeColumnsToContents()
        self.runs.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._show_run()

    def _show_run(self) -> None:
        row = self.runs.currentRow()
        runs = getattr(self, "_runs", [])
        run = runs[row] if 0 <= row < len(runs) else None
        self.path.show_run(run)
        self.stop_button.setEnabled(run is not None and run.status in ("running", "waiting"))

    def _stop(self) -> None:
        row = self.runs.currentRow()
        if not 0 <= row < len(self._runs):
            return
        try:
            self._services.workflows.stop(self._runs[row].id)
        except ServiceError as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("WorkflowsSettings", "Stop"), error_text(exc)
            )
        self.refresh_runs()


def record_name(entity: str) -> str:
    return {
        "deal": QCoreApplication.translate("WorkflowsSettings", "Deal"),
        "contact": QCoreApplication.translate("WorkflowsSettings", "Contact"),
        "company": QCoreApplication.translate("WorkflowsSettings", "Company"),
        "lead": QCoreApplication.translate("WorkflowsSettings", "Lead"),
        "invoice": QCoreApplication.translate("WorkflowsSettings", "Invoice"),
    }.get(entity, entity)
