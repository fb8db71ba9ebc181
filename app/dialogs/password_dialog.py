"""One's own password: the current one (if there is one), the new one twice. Refusals are said in the
dialog and change nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.i18n import error_text


class PasswordDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self._services = services
        me = services.actor
        assert me is not None
        self._has_password = services.passwords.has_password(me.id)
        self.current = self._field("currentPassword")
        self.new = self._field("newPassword")
        self.again = self._field("newPasswordAgain")
        self.error = QLabel()
        self.error.setObjectName("passwordError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        form = QFormLayout()
        if self._has_password:
            form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("The same again"), self.again)
        hint = QLabel(
            self.tr("At least 8 characters. Once you have one, Dealdesk asks for it when you sign in.")
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)

    @staticmethod
    def _field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _on_save(self) -> None:
        if self.new.text() != self.again.text():
            self._say(self.tr("The two new passwords differ."))
            return
        me = self._services.actor
        assert me is not None
        try:
            self._services.passwords.set_password(
                me.id, self.new.text(), current=self.current.text() if self._has_password else None
            )
        except (ServiceError, DatabaseError) as exc:
            self._say(error_text(exc))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


__all__ = ["PasswordDialog"]
