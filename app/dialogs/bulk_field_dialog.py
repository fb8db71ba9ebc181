"""Asks which field to set on the selected deals, and to what."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.core.vocabulary import DEAL_SOURCES
from app.ui.formatting import date_format
from app.ui.i18n import translate_message


class BulkFieldDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkFieldDialog")
        self.setWindowTitle(self.tr("Set a field"))
        self.field = QComboBox()
        self.field.setObjectName("field")
        self.source = QComboBox()
        self.source.setObjectName("sourceValue")
        self.source.addItem(self.tr("none"), None)
        for code, label in DEAL_SOURCES.items():
            self.source.addItem(translate_message(label), code)
        self.close_date = QDateEdit(QDate.currentDate())
        self.close_date.setObjectName("closeDateValue")
        self.close_date.setCalendarPopup(True)
        self.close_date.setDisplayFormat(date_format())
        self.probability = QSpinBox()
        self.probability.setObjectName("probabilityValue")
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self._editors = QStackedWidget()
        for key, label, editor in (
            ("source", self.tr("Source"), self.source),
            ("close_date", self.tr("Close date"), self.close_date),
            ("probability", self.tr("Probability"), self.probability),
        ):
            self.field.addItem(label, key)
            self._editors.addWidget(editor)
        form = QFormLayout()
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("New value"), self._editors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.field.currentIndexChanged.connect(self._editors.setCurrentIndex)

    def choice(self) -> tuple[str, Any]:
        key = self.field.currentData()
        if key == "source":
            return key, self.source.currentData()
        if key == "close_date":
            chosen = self.close_date.date()
            return key, date(chosen.year(), chosen.month(), chosen.day())
        return key, self.probability.value()
