"""The settings of the step (or branch) selected in the designer's tree: a page per kind. Changes are
written back to the tree item at once, so the tree's line and the saved definition always agree."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.action_settings import ActionSettings, field_name
from app.dialogs.fields.editors import MultiChoiceEditor
from app.dialogs.workflow_designer.step_tree import DataRole
from app.services.container import Services
from app.services.workflows.definition import record_fields

OPS = (("eq", "="), ("ne", "≠"), ("gt", ">"), ("ge", "≥"), ("lt", "<"), ("le", "≤"))


class StepEditor(QStackedWidget):
    edited = Signal(QTreeWidgetItem)

    def __init__(self, services: Services, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowStepEditor")
        self._item: QTreeWidgetItem | None = None
        self._loading = False
        self._entity = entity
        people = [(u.id, u.name) for u in services.users.list()]
        chosen = [
            ("responsible", self.tr("The record's responsible person")),
            ("manager", self.tr("Their manager (head of department)")),
            ("starter", self.tr("Who started the workflow")),
            *people,
        ]
        self.empty = QLabel(self.tr("Choose a step to see its settings, or drag one in from the left."))
        self.empty.setWordWrap(True)
        self.addWidget(self.empty)

        # every step: its title
        self.title = QLineEdit()
        self.title.setObjectName("stepTitle")
        self.title.setPlaceholderText(self.tr("What it is for (shown on the path)"))

        # action
        self.action_page = QWidget()
        self.action_settings = ActionSettings(services)
        action_form = QFormLayout(self.action_page)
        self._title_row(action_form)
        action_form.addRow(self.action_settings)

        # condition branch / any branch
        self.branch_page = QWidget()
        self.branch_label = QLineEdit()
        self.branch_label.setObjectName("branchLabel")
        self.conditions = QListWidget()
        self.conditions.setObjectName("branchConditions")
        self.conditions.setMaximumHeight(90)
        self.condition_field = QComboBox()
        self.condition_field.setObjectName("conditionField")
        self.condition_field.setEditable(True)
        for key in record_fields(entity):
            self.condition_field.addItem(field_name(key), key)
        self.condition_op = QComboBox()
        for op, label in OPS:
            self.condition_op.addItem(label, op)
        self.condition_value = QLineEdit()
        self.condition_value.setObjectName("conditionValue")
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addCondition")
        remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout()
        for widget in (self.condition_field, self.condition_op, self.condition_value, add, remove):
            row.addWidget(widget)
        hint = QLabel(
            self.tr(
                "A variable is var:name, an earlier step's outcome step:id. "
                "No condition: the branch taken otherwise."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6470;")
        branch_form = QFormLayout(self.branch_page)
        branch_form.addRow(self.tr("Label"), self.branch_label)
        branch_form.addRow(self.tr("Taken if"), self.conditions)
        branch_form.addRow("", row)
        branch_form.addRow(hint)
        add.clicked.connect(self._add_condition)
        remove.clicked.connect(self._remove_condition)

        # containers without settings of their own (condition, parallel)
        self.plain_page = QWidget()
        plain_form = QFormLayout(self.plain_page)
        self._title_row(plain_form)
        self.plain_note = QLabel()
        self.plain_note.setWordWrap(True)
        plain_form.addRow(self.plain_note)

        # wait
        self.wait_page = QWidget()
        self.wait_mode = QComboBox()
        self.wait_mode.setObjectName("waitMode")
        for mode, label in (
            ("delay", self.tr("For a time")),
            ("until_date", self.tr("Until a date of the record")),
            ("until_field", self.tr("Until a field changes")),
            ("task_done", self.tr("Until a task of an earlier step is done")),
        ):
            self.wait_mode.addItem(label, mode)
        self.wait_hours = QDoubleSpinBox()
        self.wait_hours.setObjectName("waitHours")
        self.wait_hours.setRange(0, 24 * 365)
        self.wait_hours.setSuffix(" " + self.tr("h"))
        self.wait_field = QComboBox()
        self.wait_field.setObjectName("waitField")
        self.wait_field.setEditable(True)
        for key in record_fields(entity):
            self.wait_field.addItem(field_name(key), key)
        self.wait_offset = QSpinBox()
        self.wait_offset.setRange(-365, 365)
        self.wait_offset.setSuffix(" " + self.tr("days"))
        self.wait_step = QLineEdit()
        self.wait_step.setPlaceholderText(self.tr("the id of the step that made the task"))
        self.wait_timeout = QDoubleSpinBox()
        self.wait_timeout.setRange(0, 24 * 365)
        self.wait_timeout.setSuffix(" " + self.tr("h"))
        self.wait_timeout.setSpecialValueText(self.tr("no limit"))
        wait_form = QFormLayout(self.wait_page)
        self._title_row(wait_form)
        wait_form.addRow(self.tr("Wait"), self.wait_mode)
        wait_form.addRow(self.tr("How long"), self.wait_hours)
        wait_form.addRow(self.tr("Field"), self.wait_field)
        wait_form.addRow(self.tr("Days from the date"), self.wait_offset)
        wait_form.addRow(self.tr("Task of step"), self.wait_step)
        wait_form.addRow(self.tr("At most"), self.wait_timeout)
        self._wait_form = wait_form
        self.wait_mode.currentIndexChanged.connect(self._wait_rows)

        # approval
        self.approval_page = QWidget()
        self.approvers = MultiChoiceEditor("people", chosen)
        self.approvers.setObjectName("approvers")
        self.approval_mode = QComboBox()
        self.approval_mode.setObjectName("approvalMode")
        self.approval_mode.addItem(self.tr("Any one of them"), "any")
        self.approval_mode.addItem(self.tr("All of them"), "all")
        self.approval_deadline = QSpinBox()
        self.approval_deadline.setRange(0, 24 * 90)
        self.approval_deadline.setSuffix(" " + self.tr("h"))
        self.approval_deadline.setSpecialValueText(self.tr("none"))
        self.escalate = MultiChoiceEditor("escalate_to", chosen)
        approval_form = QFormLayout(self.approval_page)
        approval_form.addRow(self.tr("Task title"), self.title_for("approval"))
        approval_form.addRow(self.tr("Approved by"), self.approvers)
        approval_form.addRow(self.tr("Needs"), self.approval_mode)
        approval_form.addRow(self.tr("Deadline"), self.approval_deadline)
        approval_form.addRow(self.tr("Then also ask"), self.escalate)

        # set variable
        self.variable_page = QWidget()
        self.variable_name = QLineEdit()
        self.variable_name.setObjectName("variableName")
        self.variable_value = QLineEdit()
        self.variable_value.setObjectName("variableValue")
        self.variable_value.setPlaceholderText("{{ record.title }}, 10, yes …")
        variable_form = QFormLayout(self.variable_page)
        self._title_row(variable_form)
        variable_form.addRow(self.tr("Variable"), self.variable_name)
        variable_form.addRow(self.tr("Value"), self.variable_value)

        # start another workflow
        self.start_page = QWidget()
        self.start_template = QComboBox()
        self.start_template.setObjectName("startTemplate")
        for template in services.workflows.templates(entity):
            self.start_template.addItem(template.name, template.id)
        start_form = QFormLayout(self.start_page)
        self._title_row(start_form)
        start_form.addRow(self.tr("Workflow"), self.start_template)

        for page in (
            self.action_page,
            self.branch_page,
            self.plain_page,
            self.wait_page,
            self.approval_page,
            self.variable_page,
            self.start_page,
        ):
            self.addWidget(page)
        for signal in (
            self.title.textEdited,
            self.branch_label.textEdited,
            self.wait_mode.currentIndexChanged,
            self.wait_hours.valueChanged,
            self.wait_field.currentTextChanged,
            self.wait_offset.valueChanged,
            self.wait_step.textEdited,
            self.wait_timeout.valueChanged,
            self.approvers.changed,
            self.approval_mode.currentIndexChanged,
            self.approval_deadline.valueChanged,
            self.escalate.changed,
            self.variable_name.textEdited,
            self.variable_value.textEdited,
            self.start_template.currentIndexChanged,
        ):
            signal.connect(self._write_back)
        for editors in self.action_settings.editors.values():
            for widget in editors.values():
                for name in (
                    "textEdited",
                    "textChanged",
                    "currentIndexChanged",
                    "valueChanged",
                    "changed",
                    "toggled",
                ):
                    found = getattr(widget, name, None)
                    if found is not None and hasattr(found, "connect"):
                        found.connect(self._write_back)

    def title_for(self, _kind: str) -> QLineEdit:
        self.approval_title = QLineEdit()
        self.approval_title.setObjectName("approvalTitle")
        self.approval_title.textEdited.connect(self._write_back)
        return self.approval_title

    def _title_row(self, form: QFormLayout) -> None:
        """The title editor is one widget shown on whichever page is current."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Title"), holder)
        self._title_holders = [*getattr(self, "_title_holders", []), holder]

    # -- showing ---------------------------------------------------------------------------------------

    def show_item(self, item: QTreeWidgetItem | None) -> None:
        self._item = item
        self._loading = True
        try:
            data = dict(item.data(0, DataRole) or {}) if item is not None else {}
            if item is None or not data:
                self.setCurrentWidget(self.empty)
                return
            if data.get("branch"):
                self.branch_label.setText(str(data.get("label", "")))
                self.conditions.clear()
                for condition in data.get("when", []):
                    self.conditions.addItem(_condition_text(condition))
                self._conditions = list(data.get("when", []))
                keyed = "key" in data  # an approval's outcome: fixed, no conditions
                self.conditions.setEnabled(not keyed and _parent_kind(item) == "condition")
                self.setCurrentWidget(self.branch_page)
                return
            kind = str(data.get("kind", ""))
            page = {
                "action": self.action_page,
                "condition": self.plain_page,
                "parallel": self.plain_page,
                "stop": self.plain_page,
                "wait": self.wait_page,
                "approval": self.approval_page,
                "set_variable": self.variable_page,
                "start_workflow": self.start_page,
            }[kind]
            self._place_title(page)
            self.title.setText(str(data.get("title", "")))
            if kind == "action":
                params = dict(data.get("params", {}))
                self.action_settings.show_params(data["action"], params)
                shown = self.action_settings.params(data["action"])
                if set(shown) - set(params):  # a new step: what the editors show is what it saves
                    item.setData(0, DataRole, {**data, "params": {**shown, **params}})
            elif kind in ("condition", "parallel", "stop"):
                self.plain_note.setText(
                    {
                        "condition": self.tr(
                            "The first branch whose conditions hold is taken (select a branch)."
                        ),
                        "parallel": self.tr(
                            "All branches run at once; the workflow goes on when all are done."
                        ),
                        "stop": self.tr("The workflow ends here, whatever else still runs."),
                    }[kind]
                )
            elif kind == "wait":
                self.wait_mode.setCurrentIndex(max(0, self.wait_mode.findData(data.get("mode", "delay"))))
                self.wait_hours.setValue(float(data.get("hours", 0) or 0))
                self.wait_field.setCurrentText(str(data.get("field", "")))
                self.wait_offset.setValue(int(data.get("offset_days", 0) or 0))
                self.wait_step.setText(str(data.get("step", "")))
                self.wait_timeout.setValue(float(data.get("timeout_hours", 0) or 0))
                self._wait_rows()
            elif kind == "approval":
                self.approval_title.setText(str(data.get("title", "")))
                self.approvers.set_value(list(data.get("people", [])))
                self.approval_mode.setCurrentIndex(
                    max(0, self.approval_mode.findData(data.get("mode", "any")))
                )
                self.approval_deadline.setValue(int(data.get("deadline_hours", 0) or 0))
                self.escalate.set_value(list(data.get("escalate_to", [])))
            elif kind == "set_variable":
                self.variable_name.setText(str(data.get("name", "")))
                self.variable_value.setText(str(data.get("value", "")))
            elif kind == "start_workflow":
                self.start_template.setCurrentIndex(
                    max(0, self.start_template.findData(data.get("template_id")))
                )
            self.setCurrentWidget(page)
        finally:
            self._loading = False

    def _place_title(self, page: QWidget) -> None:
        for holder in getattr(self, "_title_holders", []):
            if page.isAncestorOf(holder):
                holder.layout().addWidget(self.title)

    def _wait_rows(self) -> None:
        mode = self.wait_mode.currentData()
        self._wait_form.setRowVisible(self.wait_hours, mode == "delay")
        self._wait_form.setRowVisible(self.wait_field, mode in ("until_date", "until_field"))
        self._wait_form.setRowVisible(self.wait_offset, mode == "until_date")
        self._wait_form.setRowVisible(self.wait_step, mode == "task_done")
        self._wait_form.setRowVisible(self.wait_timeout, mode in ("until_field", "task_done"))

    # -- writing back ----------------------------------------------------------------------------------

    def _add_condition(self) -> None:
        field = self.condition_field.currentData()
        if field is None or self.condition_field.currentText() != self.condition_field.itemText(
            self.condition_field.currentIndex()
        ):
            field = self.condition_field.currentText().strip()  # var:x, step:id, uf:code typed in
        condition = {
            "field": field,
            "op": self.condition_op.currentData(),
            "value": self.condition_value.text(),
        }
        self._conditions = [*getattr(self, "_conditions", []), condition]
        self.conditions.addItem(_condition_text(condition))
        self.condition_value.clear()
        self._write_back()

    def _remove_condition(self) -> None:
        row = self.conditions.currentRow()
        if row >= 0:
            self.conditions.takeItem(row)
            del self._conditions[row]
            self._write_back()

    def _write_back(self, *_: Any) -> None:
        if self._loading or self._item is None:
            return
        item = self._item
        data = dict(item.data(0, DataRole) or {})
        if data.get("branch"):
            data["label"] = self.branch_label.text()
            if "key" not in data:
                data["when"] = list(getattr(self, "_conditions", []))
        else:
            kind = data.get("kind")
            data["title"] = self.approval_title.text() if kind == "approval" else self.title.text()
            if not data["title"]:
                data.pop("title")
            if kind == "action":
                data["params"] = self.action_settings.params(data["action"])
            elif kind == "wait":
                data["mode"] = self.wait_mode.currentData()
                for key in ("hours", "field", "offset_days", "step", "timeout_hours"):
                    data.pop(key, None)
                mode = data["mode"]
                if mode == "delay":
                    data["hours"] = self.wait_hours.value()
                if mode in ("until_date", "until_field"):
                    data["field"] = self.wait_field.currentData() or self.wait_field.currentText().strip()
                if mode == "until_date":
                    data["offset_days"] = self.wait_offset.value()
                if mode == "task_done":
                    data["step"] = self.wait_step.text().strip()
                if mode in ("until_field", "task_done") and self.wait_timeout.value() > 0:
                    data["timeout_hours"] = self.wait_timeout.value()
            elif kind == "approval":
                data["people"] = self.approvers.value()
                data["mode"] = self.approval_mode.currentData()
                data["deadline_hours"] = self.approval_deadline.value()
                data["escalate_to"] = self.escalate.value()
            elif kind == "set_variable":
                data["name"] = self.variable_name.text().strip()
                data["value"] = self.variable_value.text()
            elif kind == "start_workflow":
                data["template_id"] = self.start_template.currentData()
        item.setData(0, DataRole, data)
        self.edited.emit(item)


def _condition_text(condition: dict[str, Any]) -> str:
    op = dict(OPS).get(condition.get("op", ""), condition.get("op", ""))
    return f"{field_name(str(condition.get('field', '')))} {op} {condition.get('value', '')}".strip()


def _parent_kind(item: QTreeWidgetItem) -> str:
    parent = item.parent()
    return str((parent.data(0, DataRole) or {}).get("kind", "")) if parent is not None else ""
