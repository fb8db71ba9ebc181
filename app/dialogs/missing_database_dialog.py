"""The question when the database is not there: never a silent new, empty database.

"The file is not there — is the network drive connected?" with what can be done: try again (the
drive is connected now), open another file (the last ones opened are listed), create a new
database deliberately, or quit.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Choice(enum.Enum):
    RETRY = "retry"
    OPEN = "open"
    CREATE = "create"
    QUIT = "quit"


class MissingDatabaseDialog(QDialog):
    def __init__(
        self,
        database: str,
        recent: list[str],
        *,
        empty: bool = False,
        first_run: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("missingDatabase")
        self.setWindowTitle(self.tr("Dealdesk: database not found"))
        self.choice = Choice.QUIT
        self.chosen_path = database
        if first_run:
            text = self.tr(
                "<b>There is no Dealdesk database yet.</b><br>Create a new one at %1, or open the file your "
                "office uses (for example on the network drive)."
            )
        elif empty:
            text = self.tr(
                "<b>The file %1 is empty (0 bytes): it holds no database.</b><br>Is it the right file? "
                "If the office database lives on a network drive, is the drive connected?"
            )
        else:
            text = self.tr(
                "<b>The file %1 is not there.</b><br>Is the network drive connected? Connect it and try "
                "again, or open another file. Dealdesk never starts an empty database on its own: "
                "work done in it would be missing from the office's."
            )
        self.message = QLabel(text.replace("%1", _html(database)))
        self.message.setObjectName("missingMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)

        self.recent = QListWidget()
        self.recent.setObjectName("recentFiles")
        for path in recent:
            if path == database:
                continue
            there = Path(path).is_file()
            label = path if there else self.tr("%1 (not there)").replace("%1", path)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, path)
            if not there:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(item)
        self.recent.itemDoubleClicked.connect(self._open_item)
        recent_label = QLabel(self.tr("Recently opened:"))
        recent_label.setVisible(self.recent.count() > 0)
        self.recent.setVisible(self.recent.count() > 0)
        self.recent.setMaximumHeight(120)

        buttons = QDialogButtonBox()
        self.retry_button = self._button(buttons, self.tr("Try again"), Choice.RETRY)
        self.open_button = QPushButton(self.tr("Open another file…"))
        self.open_button.setObjectName("openAnother")
        self.open_button.clicked.connect(self._browse)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button = self._button(buttons, self.tr("Create a new database here"), Choice.CREATE)
        self.quit_button = self._button(buttons, self.tr("Quit"), Choice.QUIT)
        self.retry_button.setVisible(not first_run)
        (self.create_button if first_run else self.retry_button).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def _button(self, box: QDialogButtonBox, text: str, choice: Choice) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{choice.value}Button")
        button.clicked.connect(lambda: self._choose(choice))
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def _choose(self, choice: Choice, path: str | None = None) -> None:
        self.choice = choice
        if path is not None:
            self.chosen_path = path
        self.accept() if choice is not Choice.QUIT else self.reject()

    def _open_item(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path and Path(path).is_file():
            self._choose(Choice.OPEN, path)

    def _browse(self) -> None:
        selected = self.recent.currentItem()
        if selected is not None and selected.flags() & Qt.ItemFlag.ItemIsEnabled:
            self._open_item(selected)
            return
        start = str(Path(self.chosen_path).parent) if Path(self.chosen_path).parent.is_dir() else ""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a Dealdesk database"),
            start,
            self.tr("Dealdesk database (*.sqlite);;All files (*)"),
        )
        if path:
            self._choose(Choice.OPEN, path)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
