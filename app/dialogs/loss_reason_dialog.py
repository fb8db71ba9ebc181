"""Asks why a deal was lost: a reason from the office's list, and details in the user's words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class LossReasonDialog(QDialog):
    def __init__(self, reasons: list[str], count: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossReasonDialog")
        self.setWindowTitle(self.tr("Deal lost"))
        self.setMinimumWidth(380)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.addItems(reasons)
        self.reason.addItem(self.tr("Other"))
        self.details = QLineEdit()
        self.details.setObjectName("details")
        self.details.setPlaceholderText(self.tr("Details (optional)"))
        form = QFormLayout()
        form.addRow(
            self.tr("Why was it lost?") if count == 1 else self.tr("Why were they lost?"), self.reason
        )
        form.addRow(self.tr("Details"), self.details)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def text(self) -> str:
        """ "Price too high: they took the cheaper offer" — the reason, and the details if any."""
        details = self.details.text().strip()
        reason = self.reason.currentText().strip()
        return f"{reason}: {details}" if details else reason
