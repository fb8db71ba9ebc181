"""Settings › Automation: for a pipeline, one column per stage (as on the board) with the triggers
that move deals into it and the rules that run when a deal enters it; rules added, edited, switched
off, removed; the run log; the office's working days and hours. Managing it is a right of its own
("manage automation")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.rule_dialog import RuleDialog
from app.dialogs.run_log_dialog import RunLogDialog
from app.dialogs.trigger_dialog import TriggerDialog, trigger_names
from app.services.automation.rules import RuleInfo, StageAutomation, TriggerInfo
from app.services.automation.timing import OfficeHours
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.ui.i18n import error_text, translate_message

ItemRole = Qt.ItemDataRole.UserRole + 1
TRIGGER = QColor("#6b4fbb")
OFF = QColor("#8a939e")
RULE_BG = QColor("#f1f4f8")
TRIGGER_BG = QColor("#f3effb")
COLUMN_WIDTH = 230


class AutomationSettings(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Automation rules and triggers"))
        self.setObjectName("automationSettings")
        self._services = services
        self.may_change = services.roles.may_manage_automation()
        self.pipeline = QComboBox()
        self.pipeline.setObjectName("automationPipeline")
        for pipeline in services.pipelines.list():
            self.pipeline.addItem(pipeline.name, pipeline.id)
        self.log_button = QPushButton(self.tr("Run log…"))
        self.log_button.setObjectName("runLog")
        note = QLabel(
            self.tr("A rule runs when a deal enters its stage; a trigger moves a deal into its stage.")
            if self.may_change
            else self.tr("Changing automation needs the right to manage automation.")
        )
        note.setObjectName("automationNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #5b6470;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Pipeline")))
        bar.addWidget(self.pipeline)
        bar.addStretch(1)
        bar.addWidget(self.log_button)
        self.columns_host = QWidget()
        self.columns = QHBoxLayout(self.columns_host)
        self.columns.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns_host)
        scroll.setMinimumHeight(320)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.hours = OfficeHoursBox(services, self.may_change)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.hours)
        self.pipeline.currentIndexChanged.connect(self.reload)
        self.log_button.clicked.connect(self.show_log)
        self.stage_lists: dict[int, QListWidget] = {}
        self.reload()

    def reload(self) -> None:
        while self.columns.count():
            item = self.columns.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.stage_lists = {}
        pipeline_id = self.pipeline.currentData()
        if pipeline_id is None:
            return
        for stage in self._services.automation.board(pipeline_id):
            self.columns.addWidget(self._column(stage))
        self.columns.addStretch(1)

    def _column(self, stage: StageAutomation) -> QWidget:
        column = QFrame()
        column.setObjectName(f"stage_{stage.stage_id}")
        column.setFixedWidth(COLUMN_WIDTH)
        column.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(stage.stage_name)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        items = QListWidget()
        items.setObjectName(f"rules_{stage.stage_id}")
        items.setWordWrap(True)
        items.setSpacing(3)
        items.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        kinds = trigger_names()
        for trigger in stage.triggers:
            item = QListWidgetItem(f"⚡ {trigger.name}\n{kinds.get(trigger.kind, trigger.kind)}")
            item.setData(ItemRole, trigger)
            item.setForeground(QBrush(TRIGGER if trigger.active else OFF))
            item.setBackground(QBrush(TRIGGER_BG))
            items.addItem(item)
        for rule in stage.rules:
            when = _when_text(self, rule)
            item = QListWidgetItem(f"{rule.name}\n{translate_message(rule.description)} · {when}")
            item.setData(ItemRole, rule)
            item.setBackground(QBrush(RULE_BG))
            if not rule.active:
                item.setForeground(QBrush(OFF))
            items.addItem(item)
        items.itemDoubleClicked.connect(lambda item, s=stage.stage_id: self._edit(s, item.data(ItemRole)))
        items.customContextMenuRequested.connect(lambda pos, w=items, s=stage.stage_id: self._menu(w, s, pos))
        add_rule = QPushButton(self.tr("+ Rule"))
        add_rule.setObjectName(f"addRule_{stage.stage_id}")
        add_trigger = QPushButton(self.tr("+ Trigger"))
        add_trigger.setObjectName(f"addTrigger_{stage.stage_id}")
        for button in (add_rule, add_trigger):
            button.setEnabled(self.may_change)
        add_rule.clicked.connect(lambda _c=False, s=stage.stage_id: self.add_rule(s))
        add_trigger.clicked.connect(lambda _c=False, s=stage.stage_id: self.add_trigger(s))
        buttons = QHBoxLayout()
        buttons.addWidget(add_rule)
        buttons.addWidget(add_trigger)
        layout = QVBoxLayout(column)
        layout.addWidget(title)
        layout.addWidget(items, 1)
        layout.addLayout(buttons)
        self.stage_lists[stage.stage_id] = items
        return column

    # -- acting ----------------------------------------------------------------------------------------

    def add_rule(self, stage_id: int) -> bool:
        dialog = RuleDialog(self._services, stage_id, parent=self)
        if dialog.exec():
            self.reload()
            return True
        return False

    def add_trigger(self, stage_id: int) -> bool:
        dialog = TriggerDialog(self._services, stage_id, parent=self)
        if dialog.exec():
            self.reload()
            return True
        return False

    def _edit(self, stage_id: int, thing: object) -> None:
        if isinstance(thing, RuleInfo) and self.may_change:
            dialog = RuleDialog(self._services, stage_id, thing, parent=self)
            if dialog.exec():
                self.reload()

    def _menu(self, items: QListWidget, stage_id: int, position: object) -> None:
        item = items.itemAt(position)  # type: ignore[arg-type]
        thing = item.data(ItemRole) if item is not None else None
        if thing is None or not self.may_change:
            return
        menu = QMenu(self)
        if isinstance(thing, RuleInfo):
            menu.addAction(self.tr("Edit…"), lambda: self._edit(stage_id, thing))
            menu.addAction(
                self.tr("Switch off") if thing.active else self.tr("Switch on"), lambda: self.switch(thing)
            )
        menu.addAction(self.tr("Remove…"), lambda: self.remove(thing))
        menu.exec(items.viewport().mapToGlobal(position))  # type: ignore[arg-type]

    def switch(self, rule: RuleInfo) -> None:
        try:
            self._services.automation.update_rule(
                rule.id,
                rule.version,
                rule.name,
                rule.action,
                rule.params,
                timing=rule.timing,
                conditions=rule.conditions,
                after_previous=rule.after_previous,
                run_anyway=rule.run_anyway,
                active=not rule.active,
            )
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Automation"), error_text(exc))
        self.reload()

    def remove(self, thing: RuleInfo | TriggerInfo) -> None:
        asked = QMessageBox.question(
            self, self.tr("Remove"), self.tr("Remove “%1”?").replace("%1", thing.name)
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            if isinstance(thing, RuleInfo):
                self._services.automation.delete_rule(thing.id, thing.version)
            else:
                self._services.automation.delete_trigger(thing.id, thing.version)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Automation"), error_text(exc))
        self.reload()

    def show_log(self) -> None:
        RunLogDialog(self._services, self).exec()


def _when_text(widget: QWidget, rule: RuleInfo) -> str:
    from app.services.automation.timing import When

    t = rule.timing
    if t.when is When.DELAY and t.minutes % 1440 == 0:
        text = QCoreApplication.translate("AutomationSettings", "after %1 d").replace(
            "%1", str(t.minutes // 1440)
        )
    elif t.when is When.DELAY and t.minutes % 60 == 0:
        text = QCoreApplication.translate("AutomationSettings", "after %1 h").replace(
            "%1", str(t.minutes // 60)
        )
    elif t.when is When.DELAY:
        text = QCoreApplication.translate("AutomationSettings", "after %1 min").replace("%1", str(t.minutes))
    elif t.when is When.BEFORE:
        text = QCoreApplication.translate("AutomationSettings", "%1 days before").replace("%1", str(t.days))
    elif t.when is When.AFTER:
        text = QCoreApplication.translate("AutomationSettings", "%1 days after").replace("%1", str(t.days))
    elif t.when is When.AT:
        text = QCoreApplication.translate("AutomationSettings", "at %1").replace("%1", t.at or "")
    else:
        text = QCoreApplication.translate("AutomationSettings", "at once")
    if t.working_days:
        text += " · " + QCoreApplication.translate("AutomationSettings", "working days")
    if rule.conditions:
        text += " · " + QCoreApplication.translate("AutomationSettings", "if …")
    if rule.after_previous:
        text = QCoreApplication.translate("AutomationSettings", "then ") + text
    return text


class OfficeHoursBox(QGroupBox):
    """The office's working week, for rules that run on working days and hours only."""

    def __init__(self, services: Services, may_change: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Working days and hours"))
        self.setObjectName("officeHours")
        self._services = services
        hours = services.automation.office_hours()
        self.days = []
        row = QHBoxLayout(self)
        for day in range(7):
            box = QCheckBox(QLocale().dayName(day + 1, QLocale.FormatType.ShortFormat))
            box.setObjectName(f"weekday_{day}")
            box.setChecked(day in hours.weekdays)
            box.setEnabled(may_change)
            self.days.append(box)
            row.addWidget(box)
        self.start = QTimeEdit(QTime(hours.start.hour, hours.start.minute))
        self.end = QTimeEdit(QTime(hours.end.hour, hours.end.minute))
        for edit in (self.start, self.end):
            edit.setEnabled(may_change)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveOfficeHours")
        self.save_button.setEnabled(may_change)
        row.addWidget(QLabel(self.tr("from")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addStretch(1)
        row.addWidget(self.save_button)
        self.save_button.clicked.connect(self.save)

    def save(self) -> None:
        hours = OfficeHours(
            tuple(d for d, box in enumerate(self.days) if box.isChecked()),
            self.start.time().toPython(),  # type: ignore[arg-type]
            self.end.time().toPython(),  # type: ignore[arg-type]
        )
        try:
            self._services.automation.set_office_hours(hours)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Working days and hours"), error_text(exc))
