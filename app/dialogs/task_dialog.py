"""A new task: what (to-do, call, meeting, e-mail), its title, when (a time, or a whole day), how long
for a meeting, a note; about a deal when opened from one."""

from __future__ import annotations

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

from app.services.container import Services
from app.services.core.errors import ValidationError
from app.ui.i18n import error_text


def kind_names() -> dict[str, str]:
    return {
        "todo": QCoreApplication.translate("TaskDialog", "To-do"),
        "call": QCoreApplication.translate("TaskDialog", "Call"),
        "meeting": QCoreApplication.translate("TaskDialog", "Meeting"),
        "email": QCoreApplication.translate("TaskDialog", "E-mail"),
    }


class TaskDialog(QDialog):
    def __init__(
        self, services: Services, *, deal_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.setWindowTitle(self.tr("New task"))
        self._services = services
        self._deal_id = deal_id
        self.result_task = None
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, name in kind_names().items():
            self.kind.addItem(name, key)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setMaxLength(255)
        start = QDateTime.currentDateTime().addSecs(3600)  # the next full hour, on this computer's clock
        start.setTime(QTime(start.time().hour(), 0))
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
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(80)
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
        self.resize(460, 0)

    def _kind_changed(self) -> None:
        self._form.setRowVisible(self.minutes, self.kind.currentData() == "meeting")

    def _all_day_toggled(self, all_day: bool) -> None:
        short = QLocale.FormatType.ShortFormat
        self.due.setDisplayFormat(QLocale().dateFormat(short) if all_day else QLocale().dateTimeFormat(short))

    def save(self) -> None:
        when = self.due.dateTime().toPython()
        due = when.date() if self.all_day.isChecked() else when
        try:
            self.result_task = self._services.tasks.create(
                self.title.text(),
                kind=self.kind.currentData(),
                due=due,
                duration_minutes=self.minutes.value() if self.kind.currentData() == "meeting" else None,
                deal_id=self._deal_id,
                description=self.description.toPlainText(),
            )
        except ValidationError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
