"""A trigger of a stage: when something happens to a deal of the pipeline (a task done, a field
changed, a document made, an e-mail sent), the deal moves into this stage — forward only, unless
it may also move it back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.dialogs.rule_dialog import field_name
from app.services.automation.actions import CHANGEABLE
from app.services.automation.triggers import TRIGGERS
from app.services.container import Services
from app.services.core.errors import ServiceError
from app.ui.i18n import error_text


def trigger_names() -> dict[str, str]:
    return {key: QCoreApplication.translate("automation", kind.label) for key, kind in TRIGGERS.items()}


class TriggerDialog(QDialog):
    def __init__(self, services: Services, stage_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triggerDialog")
        self.setWindowTitle(self.tr("New trigger"))
        self._services = services
        self._stage_id = stage_id
        self.saved = None
        self.name = QLineEdit()
        self.name.setObjectName("triggerName")
        self.kind = QComboBox()
        self.kind.setObjectName("triggerKind")
        for key, label in trigger_names().items():
            self.kind.addItem(label, key)
        self.field = QComboBox()
        self.field.setObjectName("triggerField")
        for key in ("stage_id", "responsible_id", *CHANGEABLE):  # close_date and begin_date among them
            self.field.addItem(field_name(key), key)
        self.value = QLineEdit()
        self.value.setObjectName("triggerValue")
        self.value.setPlaceholderText(self.tr("any new value"))
        self.backwards = QCheckBox(self.tr("Also move deals back (from a later stage)"))
        self.backwards.setObjectName("triggerBackwards")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("When"), self.kind)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("Changed to"), self.value)
        form.addRow("", self.backwards)
        form.addRow(self.problem)
        form.addRow(buttons)
        self._form = form
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(460, 0)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        on_field = kind == "field_changed"
        self._form.setRowVisible(self.field, kind in ("field_changed", "date_reached"))
        self._form.setRowVisible(self.value, on_field)
        wanted = ("close_date", "begin_date") if kind == "date_reached" else None
        for row in range(self.field.count()):  # a date trigger offers the deal's dates only
            view = self.field.view()
            view.setRowHidden(row, wanted is not None and self.field.itemData(row) not in wanted)  # type: ignore[attr-defined]
        if wanted is not None and self.field.currentData() not in wanted:
            self.field.setCurrentIndex(self.field.findData("close_date"))
        if not self.name.text() or self.name.text() in trigger_names().values():
            self.name.setText(self.kind.currentText())

    def save(self) -> None:
        params = {}
        if self.kind.currentData() == "field_changed":
            params = {"field": self.field.currentData(), "value": self.value.text().strip() or None}
        elif self.kind.currentData() == "date_reached":
            params = {"field": self.field.currentData()}
        try:
            self.saved = self._services.automation.add_trigger(
                self._stage_id,
                self.name.text(),
                self.kind.currentData(),
                params,
                backwards=self.backwards.isChecked(),
            )
        except ServiceError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
