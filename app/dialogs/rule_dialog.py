"""A rule of a stage: its name, what it does (each action with its own settings), when (at once, after
a delay, days before or after one of the deal's dates, at a time of day; working days only), on which
conditions, and in which order; "Try on a deal…" says what would happen, without doing it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.action_settings import ActionSettings, field_name
from app.services.automation.actions import ACTIONS
from app.services.automation.conditions import FIELDS, OPS, Condition
from app.services.automation.rules import RuleInfo
from app.services.automation.timing import Timing, When
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.ui.i18n import error_text, translate_message

ConditionRole = Qt.ItemDataRole.UserRole + 1


def action_names() -> dict[str, str]:
    return {key: QCoreApplication.translate("automation", spec.label) for key, spec in ACTIONS.items()}


class RuleDialog(QDialog):
    def __init__(
        self, services: Services, stage_id: int, rule: RuleInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ruleDialog")
        self.setWindowTitle(self.tr("Edit rule") if rule else self.tr("New rule"))
        self._services = services
        self._stage_id = stage_id
        self._rule = rule
        self.saved: RuleInfo | None = None

        self.name = QLineEdit()
        self.name.setObjectName("ruleName")
        self.name.setMaxLength(200)
        self.action = QComboBox()
        self.action.setObjectName("ruleAction")
        for key, label in action_names().items():
            self.action.addItem(label, key)
        self.pages = ActionSettings(services)
        self._editors = self.pages.editors  # each action's editors by setting name

        # When
        self.when = QComboBox()
        self.when.setObjectName("ruleWhen")
        for value, label in (
            (When.NOW, self.tr("At once")),
            (When.DELAY, self.tr("After a delay")),
            (When.BEFORE, self.tr("Days before a date of the deal")),
            (When.AFTER, self.tr("Days after a date of the deal")),
            (When.AT, self.tr("At a time of day")),
        ):
            self.when.addItem(label, value.value)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("ruleMinutes")
        self.minutes.setRange(1, 365 * 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSuffix(" " + self.tr("min"))
        self.days = QSpinBox()
        self.days.setObjectName("ruleDays")
        self.days.setRange(0, 365)
        self.days.setValue(3)
        self.date_field = QComboBox()
        self.date_field.setObjectName("ruleDateField")
        for key in ("close_date", "begin_date"):
            self.date_field.addItem(field_name(key), key)
        for custom in services.custom_fields.list():
            if custom.field_type.value == "date":
                self.date_field.addItem(custom.label, f"uf:{custom.code}")
        self.at = QTimeEdit(QTime(9, 0))
        self.at.setObjectName("ruleAt")
        self.working_days = QCheckBox(self.tr("Only on working days and hours (Settings › Automation)"))
        self.working_days.setObjectName("ruleWorkingDays")
        self.after_previous = QCheckBox(self.tr("After the previous rule (its delay counts from there)"))
        self.after_previous.setObjectName("ruleAfterPrevious")
        self.run_anyway = QCheckBox(self.tr("Run even if the deal has moved on by then"))
        self.run_anyway.setObjectName("ruleRunAnyway")

        # Conditions
        self.conditions = QListWidget()
        self.conditions.setObjectName("ruleConditions")
        self.conditions.setMaximumHeight(80)
        self.condition_field = QComboBox()
        for key in FIELDS:
            self.condition_field.addItem(field_name(key), key)
        for custom in services.custom_fields.list():
            self.condition_field.addItem(custom.label, f"uf:{custom.code}")
        self.condition_op = QComboBox()
        for op, label in (
            ("eq", "="),
            ("ne", "≠"),
            ("gt", ">"),
            ("ge", "≥"),
            ("lt", "<"),
            ("le", "≤"),
            ("contains", self.tr("contains")),
            ("empty", self.tr("is empty")),
            ("not_empty", self.tr("is not empty")),
        ):
            self.condition_op.addItem(label, op)
        assert {self.condition_op.itemData(i) for i in range(self.condition_op.count())} == set(OPS)
        self.condition_value = QLineEdit()
        self.condition_value.setObjectName("conditionValue")
        add_condition = QPushButton(self.tr("Add"))
        add_condition.setObjectName("addCondition")
        remove_condition = QPushButton(self.tr("Remove"))
        add_condition.clicked.connect(self._add_condition)
        remove_condition.clicked.connect(lambda: self.conditions.takeItem(self.conditions.currentRow()))
        condition_row = QHBoxLayout()
        for widget in (
            self.condition_field,
            self.condition_op,
            self.condition_value,
            add_condition,
            remove_condition,
        ):
            condition_row.addWidget(widget)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        author = services.actor.name if services.actor else self.tr("the system")
        rights = QLabel(
            self.tr("The rule acts with the rights of the person who saves it: %1.").replace("%1", author)
        )
        rights.setObjectName("ruleRights")
        rights.setWordWrap(True)
        rights.setStyleSheet("color: #5b6470;")
        self.try_button = QPushButton(self.tr("Try on a deal…"))
        self.try_button.setObjectName("tryRule")
        self.try_button.clicked.connect(self.try_on_deal)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.try_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Does"), self.action)
        form.addRow(self.pages)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Delay"), self.minutes)
        form.addRow(self.tr("Days"), self.days)
        form.addRow(self.tr("Date"), self.date_field)
        form.addRow(self.tr("At"), self.at)
        form.addRow("", self.working_days)
        form.addRow(self.tr("Only if"), self.conditions)
        form.addRow("", condition_row)
        form.addRow("", self.after_previous)
        form.addRow("", self.run_anyway)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rights)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.action.currentIndexChanged.connect(lambda i: self.pages.setCurrentIndex(i))
        self.when.currentIndexChanged.connect(self._when_changed)
        if rule is not None:
            self._show(rule)
        self._when_changed()
        self.resize(620, 0)

    # -- showing --------------------------------------------------------------------------------------

    def _when_changed(self) -> None:
        when = When(self.when.currentData())
        self._form.setRowVisible(self.minutes, when is When.DELAY)
        self._form.setRowVisible(self.days, when in (When.BEFORE, When.AFTER))
        self._form.setRowVisible(self.date_field, when in (When.BEFORE, When.AFTER))
        self._form.setRowVisible(self.at, when in (When.BEFORE, When.AFTER, When.AT))

    def _show(self, rule: RuleInfo) -> None:
        self.name.setText(rule.name)
        self.action.setCurrentIndex(max(0, self.action.findData(rule.action)))
        self.pages.setCurrentIndex(self.action.currentIndex())
        self.pages.show_params(rule.action, rule.params)
        timing = rule.timing
        self.when.setCurrentIndex(max(0, self.when.findData(timing.when.value)))
        if timing.minutes:
            self.minutes.setValue(timing.minutes)
        self.days.setValue(timing.days)
        if timing.field:
            self.date_field.setCurrentIndex(max(0, self.date_field.findData(timing.field)))
        if timing.at:
            self.at.setTime(QTime.fromString(timing.at, "HH:mm"))
        self.working_days.setChecked(timing.working_days)
        for condition in rule.conditions:
            self._list_condition(condition)
        self.after_previous.setChecked(rule.after_previous)
        self.run_anyway.setChecked(rule.run_anyway)

    def _add_condition(self) -> None:
        op = self.condition_op.currentData()
        value = None if op in ("empty", "not_empty") else self.condition_value.text().strip()
        self._list_condition(Condition(self.condition_field.currentData(), op, value))
        self.condition_value.clear()

    def _list_condition(self, condition: Condition) -> None:
        op_label = self.condition_op.itemText(max(0, self.condition_op.findData(condition.op)))
        value = "" if condition.value is None else f" {condition.value}"
        field = condition.field[3:] if condition.field.startswith("uf:") else field_name(condition.field)
        item = QListWidgetItem(f"{field} {op_label}{value}")
        item.setData(ConditionRole, condition)
        self.conditions.addItem(item)

    # -- reading --------------------------------------------------------------------------------------

    def params(self) -> dict[str, Any]:
        return self.pages.params(self.action.currentData())

    def timing(self) -> Timing:
        when = When(self.when.currentData())
        return Timing(
            when,
            self.minutes.value() if when is When.DELAY else 0,
            self.days.value() if when in (When.BEFORE, When.AFTER) else 0,
            self.date_field.currentData() if when in (When.BEFORE, When.AFTER) else None,
            self.at.time().toString("HH:mm") if when in (When.BEFORE, When.AFTER, When.AT) else None,
            self.working_days.isChecked(),
        )

    def condition_list(self) -> list[Condition]:
        return [self.conditions.item(n).data(ConditionRole) for n in range(self.conditions.count())]

    def save(self) -> None:
        arguments = {
            "timing": self.timing(),
            "conditions": self.condition_list(),
            "after_previous": self.after_previous.isChecked(),
            "run_anyway": self.run_anyway.isChecked(),
        }
        try:
            if self._rule is None:
                self.saved = self._services.automation.add_rule(
                    self._stage_id, self.name.text(), self.action.currentData(), self.params(), **arguments
                )
            else:
                self.saved = self._services.automation.update_rule(
                    self._rule.id,
                    self._rule.version,
                    self.name.text(),
                    self.action.currentData(),
                    self.params(),
                    active=self._rule.active,
                    **arguments,
                )
        except ServiceError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()

    def try_on_deal(self, deal_id: int | None = None) -> str:
        """The dry run of the stage's rules (as saved) for a deal: what would happen, and when."""
        if deal_id is None:
            deal_id, ok = QInputDialog.getInt(self, self.tr("Try on a deal"), self.tr("Deal ID"), 1, 1)
            if not ok:
                return ""
        try:
            planned = self._services.automation.dry_run(deal_id, self._stage_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Try on a deal"), error_text(exc))
            return ""
        lines = []
        for run in planned:
            when = (
                run.due_at.strftime("%Y-%m-%d %H:%M") + " UTC"
                if run.due_at is not None
                else self.tr("never (the deal lacks the date)")
            )
            state = "" if run.would_run else " — " + self.tr("its conditions do not hold now")
            lines.append(f"• {run.rule.name}: {translate_message(run.description)} ({when}){state}")
        text = "\n".join(lines) or self.tr("No rule of this stage would run.")
        QMessageBox.information(self, self.tr("What would happen"), text)
        return text
