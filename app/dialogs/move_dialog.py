"""File › Move to a server…: this file's data copied onto an empty PostgreSQL database, checked.

The copy runs off the GUI thread with a progress bar and Cancel; a failure or a cancel leaves the
server as empty as it was and the file as it is. Once moved, the file is marked: whoever opens it
is sent to the server (and this window starts again on it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.ui.i18n import error_text
from app.ui.operations import Operation, Progress

PLACEHOLDER = "postgresql+psycopg://anna@server/dealdesk"


class MoveDialog(QDialog):
    moved = Signal(str)  # the server's address: the window starts again there

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle(self.tr("Move to a server"))
        self._services = services
        self._operation: Operation | None = None
        intro = QLabel(
            self.tr(
                "Everything in this file is copied into an empty PostgreSQL database on your server, "
                "then checked table by table. The file itself stays as it is and is marked as moved: "
                "whoever opens it afterwards is sent to the server.\n\n"
                "Before you start: create an empty database on the server (see the guide, “Moving to a "
                "server”) and ask everyone to close Dealdesk."
            )
        )
        intro.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("serverAddress")
        self.url.setPlaceholderText(PLACEHOLDER)
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("if the server asks for one"))
        form = QFormLayout()
        form.addRow(self.tr("Server database"), self.url)
        form.addRow(self.tr("Password"), self.password)
        hint = QLabel(self.tr("The password is used for the copy only; Dealdesk does not keep it."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6470;")
        self.error = QLabel()
        self.error.setObjectName("moveError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.move_button = self.buttons.addButton(self.tr("Move"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.move_button.setObjectName("moveButton")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def start(self) -> None:
        url = self.url.text().strip()
        if not url:
            self._show_error(
                self.tr("Enter the server database's address, e.g. %1").replace("%1", PLACEHOLDER)
            )
            return
        self.error.hide()
        moving, password = self._services.moving, self.password.text() or None

        def work(progress: Progress) -> Any:
            return moving.to_server(
                url,
                progress=lambda _table, done, total: progress(done, total),
                cancelled=lambda: progress.cancelled,
                password=password,
            )

        self.move_button.setEnabled(False)
        self._operation = Operation(
            self,
            self.tr("Copying the database to the server…"),
            work,
            self._done,
            self._failed,
            on_cancel=self._cancelled,
        )
        self._operation.start()

    def _done(self, result: Any) -> None:
        self._operation = None
        locale = QLocale()
        QMessageBox.information(
            self,
            self.tr("Moved to the server"),
            self.tr(
                "%1 records in %2 tables were copied to %3 and checked: every table and the analytics "
                "totals equal this file's.\n\nDealdesk now starts again on the server."
            )
            .replace("%1", locale.toString(result.rows))
            .replace("%2", locale.toString(result.tables))
            .replace("%3", result.target),
        )
        self.moved.emit(result.target)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._operation = None
        self.move_button.setEnabled(True)
        self._show_error(error_text(error))

    def _cancelled(self) -> None:
        self._operation = None
        self.move_button.setEnabled(True)
        self._show_error(self.tr("Cancelled: nothing was copied, the server is as it was."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
