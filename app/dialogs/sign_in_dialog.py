"""Who signs in: asked when the database holds a second active person or a password has been set.
The login last used on this computer is offered; a wrong password (or too many) is said in the
dialog and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.access.passwords import SignedIn
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.i18n import error_text


class SignInDialog(QDialog):
    def __init__(
        self, services: Services, *, last_login: str = "", database: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to Dealdesk"))
        self._services = services
        self.signed_in: SignedIn | None = None
        intro = QLabel(self.tr("Several people work in this database. Who is signing in?"))
        intro.setWordWrap(True)
        where = QLabel(database)
        where.setObjectName("signInDatabase")
        where.setStyleSheet("color: palette(mid);")
        where.setVisible(bool(database))
        self.login = QComboBox()
        self.login.setObjectName("signInLogin")
        self.login.setEditable(True)  # a login can be typed as well as picked
        for person in services.users.list():
            self.login.addItem(f"{person.name} ({person.login})", person.login)
        found = self.login.findData(last_login)
        self.login.setCurrentIndex(found if found >= 0 else -1)
        if found < 0:
            self.login.setEditText(last_login)
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty if you have not set one yet"))
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Person"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        (self.password if self.login.currentText() else self.login).setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_login(self) -> str:
        """The login picked, or typed ("Anna Berg (anna)" picked gives "anna")."""
        index = self.login.currentIndex()
        if index >= 0 and self.login.itemText(index) == self.login.currentText():
            return str(self.login.itemData(index))
        return self.login.currentText().strip()

    def try_sign_in(self) -> None:
        login = self.chosen_login()
        if not login:
            self._say(self.tr("Choose who you are."))
            return
        try:
            self.signed_in = self._services.passwords.sign_in(login, self.password.text())
        except (ServiceError, DatabaseError) as exc:
            self._say(error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


__all__ = ["SignInDialog"]
