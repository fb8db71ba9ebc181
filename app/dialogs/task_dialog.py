"""A new task: what (to-do, call, meeting, e-mail), its title, when (a time, or a whole day), how long
for a meeting, a reminder, who is responsible, who takes part and who follows it, a note; about a deal
when opened from one, or the same task on each of several deals (the list's bulk bar)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.dialogs.fields.editors import MultiChoiceEditor
from app.services.container import Services
from app.services.core.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from app.services.tasks.service import TaskInfo
from app.ui.i18n import error_text

EACH_DEALS_OWN = "each"  # the bulk bar's "responsible": each deal's own responsible person


def kind_names() -> dict[str, str]:
    return {
        "todo": QCoreApplication.translate("TaskDialog", "To-do"),
        "call": QCoreApplication.translate("TaskDialog", "Call"),
        "meeting": QCoreApplication.translate("TaskDialog", "Meeting"),
        "email": QCoreApplication.translate("TaskDialog", "E-mail"),
    }


def reminder_choices() -> list[tuple[int | None, str]]:
    return [
        (None, QCoreApplication.translate("TaskDialog", "No reminder")),
        (0, QCoreApplication.translate("TaskDialog", "At the due time")),
        (5, QCoreApplication.translate("TaskDialog", "5 minutes before")),
        (15, QCoreApplication.translate("TaskDialog", "15 minutes before")),
        (30, QCoreApplication.translate("TaskDialog", "30 minutes before")),
        (60, QCoreApplication.translate("TaskDialog", "1 hour before")),
        (24 * 60, QCoreApplication.translate("TaskDialog", "1 day before")),
    ]


class TaskDialog(QDialog):
    def __init__(
        self,
        services: Services,
        *,
        deal_id: int | None = None,
        deal_ids: Sequence[int] = (),
        kind: str = "todo",
        due: datetime | None = None,
        task: TaskInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self._services = services
        self._deal_id = deal_id
        self._deal_ids = list(deal_ids)
        many = len(self._deal_ids) > 0
        self.setWindowTitle(
            self.tr("A task on %Ln deal(s)", "", len(self._deal_ids)) if many else self.tr("New task")
        )
        self.result_task = None
        self.created = 0
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, name in kind_names().items():
            self.kind.addItem(name, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setMaxLength(255)
        if due is None:
            start = QDateTime.currentDateTime().addSecs(3600)  # the next full hour, on this computer's clock
            start.setTime(QTime(start.time().hour(), 0))
        else:
            start = QDateTime(due)
        self.due = QDateTimeEdit(start)
        self.due.setObjectName("due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.all_day = QCheckBox(self.tr("All day"))
        self.all_day.setObjectName("allDay")
        self.all_day.toggled.connect(self._all_day_toggled)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(" " + self.tr("min"))
        self.reminder = QComboBox()
        self.reminder.setObjectName("reminder")
        for minutes, label in reminder_choices():
            self.reminder.addItem(label, minutes)
        self.reminder.setCurrentIndex(self.reminder.findData(15))
        people = [(u.id, u.name) for u in services.users.list()]
        self.responsible = QComboBox()
        self.responsible.setObjectName("responsible")
        if many:
            self.responsible.addItem(self.tr("Each deal's responsible person"), EACH_DEALS_OWN)
        for person_id, name in people:
            self.responsible.addItem(name, person_id)
        if not many and services.actor is not None:
            self.responsible.setCurrentIndex(max(0, self.responsible.findData(services.actor.id)))
        self.participants = MultiChoiceEditor("participant_ids", people)
        self.observers = MultiChoiceEditor("observer_ids", people)
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(70)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Due"), self.due)
        form.addRow("", self.all_day)
        form.addRow(self.tr("Length"), self.minutes)
        form.addRow(self.tr("Reminder"), self.reminder)
        form.addRow(self.tr("Responsible"), self.responsible)
        if not many:  # people on one task; a task on many deals is each deal's person's
            form.addRow(self.tr("Participants"), self.participants)
            form.addRow(self.tr("Observers"), self.observers)
        form.addRow(self.tr("Note"), self.description)
        if deal_id is not None:
            deal = services.deals.get(deal_id)
            form.addRow(self.tr("Deal"), QLabel(deal.title))
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._form = form
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._task = task
        if task is not None:
            self._show_task(task)
        self.resize(480, 0)

    def _show_task(self, task: TaskInfo) -> None:
        """Editing: the task's own values (its due time on this computer's clock)."""
        self.setWindowTitle(self.tr("Edit task"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(task.kind)))
        self.title.setText(task.title)
        if task.due_at is not None:
            local = task.due_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
            self.due.setDateTime(QDateTime(local))
        self.all_day.setChecked(task.all_day)
        if task.duration_minutes:
            self.minutes.setValue(task.duration_minutes)
        self.reminder.setCurrentIndex(max(0, self.reminder.findData(task.remind_minutes)))
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(task.responsible_id)))
        self.participants.set_value(list(task.participant_ids))
        self.observers.set_value(list(task.observer_ids))
        self.description.setPlainText(task.description or "")

    def _kind_changed(self) -> None:
        meeting = self.kind.currentData() == "meeting"
        self._form.setRowVisible(self.minutes, meeting)
        if not self._deal_ids:
            self._form.setRowVisible(self.participants, meeting)  # who else comes

    def _all_day_toggled(self, all_day: bool) -> None:
        short = QLocale.FormatType.ShortFormat
        self.due.setDisplayFormat(QLocale().dateFormat(short) if all_day else QLocale().dateTimeFormat(short))

    def save(self) -> None:
        when = self.due.dateTime().toPython()
        due = when.date() if self.all_day.isChecked() else when
        kind = self.kind.currentData()
        responsible = self.responsible.currentData()
        common = {
            "kind": kind,
            "due": due,
            "duration_minutes": self.minutes.value() if kind == "meeting" else None,
            "description": self.description.toPlainText(),
            "remind_minutes": self.reminder.currentData(),
        }
        try:
            if self._task is not None:
                self.result_task = self._services.tasks.update(
                    self._task.id,
                    self._task.version,
                    self.title.text(),
                    responsible_id=responsible,
                    participant_ids=self.participants.value() if kind == "meeting" else [],
                    observer_ids=self.observers.value(),
                    **common,
                )
            elif self._deal_ids:
                self.created = self._services.tasks.create_for_deals(
                    self._deal_ids,
                    self.title.text(),
                    each_responsible=responsible == EACH_DEALS_OWN,
                    responsible_id=None if responsible == EACH_DEALS_OWN else responsible,
                    **common,
                )
            else:
                self.result_task = self._services.tasks.create(
                    self.title.text(),
                    deal_id=self._deal_id,
                    responsible_id=responsible,
                    participant_ids=self.participants.value() if kind == "meeting" else [],
                    observer_ids=self.observers.value(),
                    **common,
                )
                self.created = 1
        except (ValidationError, PermissionDeniedError, ConflictError, NotFoundError) as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
