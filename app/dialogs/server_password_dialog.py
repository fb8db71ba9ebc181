"""The server asks for a password Dealdesk does not have: asked for here, kept in the computer's
password store if the person wants (never in Dealdesk's settings)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ServerPasswordDialog(QDialog):
    def __init__(self, server: str, login: str, refused: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPasswordDialog")
        self.setWindowTitle(self.tr("Database server"))
        if refused:
            text = self.tr("The server %1 did not accept the password of %2. Enter it again.")
        else:
            text = self.tr("The server %1 asks for the password of %2.")
        self.message = QLabel(text.replace("%1", server).replace("%2", login))
        self.message.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Keep it in this computer's password store"))
        self.remember.setObjectName("rememberPassword")
        self.remember.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
