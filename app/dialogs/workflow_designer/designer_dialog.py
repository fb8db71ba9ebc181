"""The workflow designer (Settings › Workflows › New / Edit): what the workflow runs on and when it
starts, its parameters, and its steps — dragged in from the palette on the left into the tree in the
middle, set up on the right. Saving checks it (unreachable steps, unknown fields, missing settings),
says every problem, and saves nothing until there is none; a changed definition is a new version."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.fields.editors import MultiChoiceEditor
from app.dialogs.workflow_designer.step_editor import StepEditor
from app.dialogs.workflow_designer.step_tree import StepPalette, StepTree
from app.services.container import Services
from app.services.core.errors import ServiceError, ValidationError
from app.services.workflows.definition import ENTITIES, PARAMETER_TYPES, RECORD_ACTIONS
from app.services.workflows.service import TemplateInfo
from app.ui.i18n import error_text, translate_message


class WorkflowDesigner(QDialog):
    def __init__(
        self,
        services: Services,
        template: TemplateInfo | None = None,
        entity: str = "deal",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workflowDesigner")
        self.setWindowTitle(self.tr("Edit workflow") if template else self.tr("New workflow"))
        self._services = services
        self._template = template
        self.saved: TemplateInfo | None = None
        entity = template.entity if template else entity

        self.name = QLineEdit(template.name if template else "")
        self.name.setObjectName("workflowName")
        self.name.setMaxLength(200)
        self.entity = QComboBox()
        self.entity.setObjectName("workflowEntity")
        for key in ENTITIES:
            self.entity.addItem(entity_name(key), key)
        self.entity.setCurrentIndex(max(0, self.entity.findData(entity)))
        self.entity.setEnabled(template is None)  # its steps are about this kind of record
        self.description = QLineEdit(template.description if template else "")
        self.description.setObjectName("workflowDescription")
        self.start_manual = QCheckBox(self.tr("By hand (the record's menu, the list)"))
        self.start_manual.setObjectName("startManual")
        self.start_manual.setChecked(template.start_manual if template else True)
        self.start_on_create = QCheckBox(self.tr("When a record is created"))
        self.start_on_create.setObjectName("startOnCreate")
        self.start_on_create.setChecked(bool(template and template.start_on_create))
        self.start_on_change = QCheckBox(self.tr("When it changes, only these fields (empty: any):"))
        self.start_on_change.setObjectName("startOnChange")
        self.start_on_change.setChecked(bool(template and template.start_on_change))
        self.change_fields = QLineEdit(", ".join(template.change_fields) if template else "")
        self.change_fields.setObjectName("changeFields")
        self.change_fields.setPlaceholderText("amount, stage_id")
        starts = QVBoxLayout()
        starts.addWidget(self.start_manual)
        starts.addWidget(self.start_on_create)
        change = QHBoxLayout()
        change.addWidget(self.start_on_change)
        change.addWidget(self.change_fields, 1)
        starts.addLayout(change)

        self.parameters = QTableWidget(0, 4)
        self.parameters.setObjectName("workflowParameters")
        self.parameters.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Asked as"), self.tr("Type"), self.tr("Needed")]
        )
        self.parameters.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.parameters.verticalHeader().hide()
        self.parameters.setMaximumHeight(96)
        self.parameters.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add_parameter = QPushButton(self.tr("Add parameter"))
        add_parameter.setObjectName("addParameter")
        remove_parameter = QPushButton(self.tr("Remove"))
        add_parameter.clicked.connect(lambda: self._add_parameter({}))
        remove_parameter.clicked.connect(lambda: self.parameters.removeRow(self.parameters.currentRow()))
        parameter_buttons = QVBoxLayout()
        parameter_buttons.addWidget(add_parameter)
        parameter_buttons.addWidget(remove_parameter)
        parameter_buttons.addStretch(1)
        parameter_row = QHBoxLayout()
        parameter_row.addWidget(self.parameters, 1)
        parameter_row.addLayout(parameter_buttons)

        self.starters = MultiChoiceEditor("starters", [(u.id, u.name) for u in services.users.list()])
        self.starters.setObjectName("workflowStarters")
        self.starters.setToolTip(self.tr("Nobody ticked: everyone who may change the record"))
        self.starters.list.setMaximumHeight(72)
        if template is not None:
            self.starters.set_value(template.starters)
        head = QFormLayout()
        head.addRow(self.tr("Name"), self.name)
        head.addRow(self.tr("Runs on"), self.entity)
        head.addRow(self.tr("Description"), self.description)
        head.addRow(self.tr("Starts"), starts)
        head.addRow(self.tr("Asked at the start"), parameter_row)
        head.addRow(self.tr("Started by hand only by"), self.starters)

        self.step_palette = StepPalette(_actions(entity))
        self.steps = StepTree()
        self.editor = StepEditor(services, entity)
        palette_box = QWidget()
        palette_layout = QVBoxLayout(palette_box)
        palette_layout.setContentsMargins(0, 0, 0, 0)
        palette_label = QLabel(self.tr("Drag a step into the workflow:"))
        palette_label.setWordWrap(True)
        palette_layout.addWidget(palette_label)
        palette_layout.addWidget(self.step_palette, 1)
        steps_box = QWidget()
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.addWidget(QLabel(self.tr("Steps (a branch holds the steps it runs):")))
        steps_layout.addWidget(self.steps, 1)
        tree_buttons = QHBoxLayout()
        self.add_branch = QPushButton(self.tr("Add branch"))
        self.add_branch.setObjectName("addBranch")
        self.remove_step = QPushButton(self.tr("Remove step"))
        self.remove_step.setObjectName("removeStep")
        tree_buttons.addWidget(self.add_branch)
        tree_buttons.addWidget(self.remove_step)
        tree_buttons.addStretch(1)
        steps_layout.addLayout(tree_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(palette_box)
        splitter.addWidget(steps_box)
        splitter.addWidget(self.editor)
        splitter.setSizes([210, 420, 380])

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Its steps act with the rights of the person who saves it. Saving a changed workflow "
                "makes a new version; running ones keep theirs."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5b6470;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        self.step_palette.itemDoubleClicked.connect(
            lambda item: self.steps.add_step(*item.data(Qt.ItemDataRole.UserRole + 1))
        )
        self.steps.currentItemChanged.connect(lambda current, _old: self.editor.show_item(current))
        self.editor.edited.connect(self.steps.describe)
        self.add_branch.clicked.connect(self.steps.add_branch)
        self.remove_step.clicked.connect(self.steps.remove_current)
        if template is not None:
            self.steps.set_steps(template.definition.get("steps", []))
            for parameter in template.definition.get("parameters", []):
                self._add_parameter(parameter)
            self._variables = dict(template.definition.get("variables", {}))
        else:
            self._variables = {}
        self.resize(1080, 720)

    def _add_parameter(self, parameter: dict[str, Any]) -> None:
        row = self.parameters.rowCount()
        self.parameters.insertRow(row)
        self.parameters.setItem(row, 0, QTableWidgetItem(str(parameter.get("name", ""))))
        self.parameters.setItem(row, 1, QTableWidgetItem(str(parameter.get("label", ""))))
        kinds = QComboBox()
        for kind in PARAMETER_TYPES:
            kinds.addItem(_type_name(kind), kind)
        kinds.setCurrentIndex(max(0, kinds.findData(parameter.get("type", "text"))))
        self.parameters.setCellWidget(row, 2, kinds)
        needed = QTableWidgetItem()
        needed.setFlags(needed.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        needed.setCheckState(Qt.CheckState.Checked if parameter.get("required") else Qt.CheckState.Unchecked)
        self.parameters.setItem(row, 3, needed)

    def definition(self) -> dict[str, Any]:
        parameters = []
        for row in range(self.parameters.rowCount()):
            name = (self.parameters.item(row, 0) or QTableWidgetItem()).text().strip()
            label = (self.parameters.item(row, 1) or QTableWidgetItem()).text().strip()
            kinds = self.parameters.cellWidget(row, 2)
            needed = self.parameters.item(row, 3)
            parameters.append(
                {
                    "name": name,
                    "label": label or name,
                    "type": kinds.currentData() if isinstance(kinds, QComboBox) else "text",
                    "required": needed is not None and needed.checkState() == Qt.CheckState.Checked,
                }
            )
        return {"parameters": parameters, "variables": self._variables, "steps": self.steps.steps()}

    def settings(self) -> dict[str, Any]:
        fields = [f.strip() for f in self.change_fields.text().split(",") if f.strip()]
        return {
            "description": self.description.text().strip(),
            "start_manual": self.start_manual.isChecked(),
            "start_on_create": self.start_on_create.isChecked(),
            "start_on_change": self.start_on_change.isChecked(),
            "change_fields": fields,
            "starters": self.starters.value(),
        }

    def save(self) -> None:
        flows = self._services.workflows
        self.problem.clear()
        try:
            if self._template is None:
                self.saved = flows.create(
                    self.name.text(), self.entity.currentData(), self.definition(), **self.settings()
                )
            else:
                self.saved = flows.save(
                    self._template.id,
                    self._template.version,
                    self.definition(),
                    name=self.name.text(),
                    **self.settings(),
                )
        except ValidationError as exc:
            self.problem.setText("\n".join(translate_message(m) for m in exc.messages))
            return
        except ServiceError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()


def _actions(entity: str) -> list[str]:
    from app.services.automation.actions import ACTIONS

    keys = [k for k in ACTIONS if k != "wait"]  # a workflow has its own wait
    if entity == "deal":
        return keys
    return [k for k in keys if k in RECORD_ACTIONS and (entity, k) != ("invoice", "email")]


def entity_name(key: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "deal": QCoreApplication.translate("WorkflowDesigner", "Deals"),
        "contact": QCoreApplication.translate("WorkflowDesigner", "Contacts"),
        "company": QCoreApplication.translate("WorkflowDesigner", "Companies"),
        "lead": QCoreApplication.translate("WorkflowDesigner", "Leads"),
        "invoice": QCoreApplication.translate("WorkflowDesigner", "Invoices"),
    }[key]


def _type_name(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "text": QCoreApplication.translate("WorkflowDesigner", "Text"),
        "number": QCoreApplication.translate("WorkflowDesigner", "Number"),
        "date": QCoreApplication.translate("WorkflowDesigner", "Date"),
        "person": QCoreApplication.translate("WorkflowDesigner", "Person"),
        "bool": QCoreApplication.translate("WorkflowDesigner", "Yes / no"),
    }[kind]
