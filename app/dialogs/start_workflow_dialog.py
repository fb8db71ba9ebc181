"""Start a workflow on one record or many (the record's Workflows tab, the list's bulk bar): the
workflows that start by hand for this kind of record, and what the chosen one asks for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import ServiceError
from app.services.workflows.service import TemplateInfo
from app.ui.i18n import error_text


class StartWorkflowDialog(QDialog):
    def __init__(
        self, services: Services, entity: str, record_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startWorkflowDialog")
        self.setWindowTitle(self.tr("Start a workflow"))
        self._services = services
        self._ids = list(record_ids)
        self.started: list[int] = []
        self._templates: list[TemplateInfo] = [
            t for t in services.workflows.templates(entity) if t.active and t.start_manual
        ]
        self.template = QComboBox()
        self.template.setObjectName("workflowTemplate")
        for template in self._templates:
            self.template.addItem(template.name, template.id)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #5b6470;")
        self.parameters = QWidget()
        self._form = QFormLayout(self.parameters)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._editors: dict[str, tuple[str, QWidget]] = {}
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        count = QLabel(self.tr("On %n record(s).", "", len(self._ids)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start"))
        self.start_button.setObjectName("startWorkflow")
        self.start_button.setEnabled(bool(self._templates))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        head = QFormLayout()
        head.addRow(self.tr("Workflow"), self.template)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.about)
        layout.addWidget(self.parameters)
        layout.addWidget(count)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if not self._templates:
            self.about.setText(
                self.tr("No workflow starts by hand for these records (Settings › Workflows).")
            )
        self.template.currentIndexChanged.connect(self._show_template)
        self._show_template()
        self.resize(460, 0)

    def _show_template(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._editors.clear()
        index = self.template.currentIndex()
        if not 0 <= index < len(self._templates):
            return
        template = self._templates[index]
        self.about.setText(template.description)
        people = [(u.id, u.name) for u in self._services.users.list()]
        for parameter in template.definition.get("parameters", []):
            kind = parameter.get("type", "text")
            editor: QWidget
            if kind == "bool":
                editor = QCheckBox()
            elif kind == "date":
                editor = QDateEdit(QDate.currentDate())
                editor.setCalendarPopup(True)
            elif kind == "person":
                editor = QComboBox()
                for person_id, name in people:
                    editor.addItem(name, person_id)
            else:
                editor = QLineEdit()
            editor.setObjectName(f"parameter_{parameter['name']}")
            label = parameter.get("label") or parameter["name"]
            self._form.addRow(label + (" *" if parameter.get("required") else ""), editor)
            self._editors[parameter["name"]] = (kind, editor)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name, (_kind, editor) in self._editors.items():
            if isinstance(editor, QCheckBox):
                found[name] = editor.isChecked()
            elif isinstance(editor, QDateEdit):
                found[name] = editor.date().toString("yyyy-MM-dd")
            elif isinstance(editor, QComboBox):
                found[name] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                found[name] = editor.text().strip()
        return found

    def start(self) -> None:
        index = self.template.currentIndex()
        if not 0 <= index < len(self._templates):
            return
        try:
            self.started = self._services.workflows.start(self._templates[index].id, self._ids, self.values())
        except ServiceError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
