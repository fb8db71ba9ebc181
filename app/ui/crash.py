"""An error nobody caught never goes unseen: on the GUI thread (a slot, an event handler) or on any
other thread, it is written to the log with its traceback and shown in a dialog that says in plain
words what happened, where the log is, and offers to copy the details for support. Dealdesk keeps
running (what failed was one action; the database's transactions roll back on their own); the person
may also quit. Errors that come while the dialog is open are logged and counted, not stacked."""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.logs import log_exception, log_path


class CrashDialog(QDialog):
    def __init__(self, summary: str, details: str, log: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.resize(620, 360)
        self.details = details
        self.more = 0
        self.message = QLabel()
        self.message.setObjectName("crashMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._summary = summary
        self._log = log
        self.text = QPlainTextEdit(details)
        self.text.setObjectName("crashDetails")
        self.text.setReadOnly(True)
        self.text.setVisible(False)
        buttons = QDialogButtonBox()
        self.keep = buttons.addButton(self.tr("Keep working"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep.setObjectName("keepWorking")
        self.quit_button = buttons.addButton(
            self.tr("Quit Dealdesk"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.quit_button.setObjectName("quitAfterCrash")
        self.copy = QPushButton(self.tr("Copy details"))
        self.copy.setObjectName("copyDetails")
        self.show_details = QPushButton(self.tr("Show details"))
        self.show_details.setCheckable(True)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_details, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.keep.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self._quit)
        self.copy.clicked.connect(self._copy)
        self.show_details.toggled.connect(self.text.setVisible)
        self._say()

    def add_one(self, details: str) -> None:
        """Another error while this one is open: counted, its details appended."""
        self.more += 1
        self.details += "\n\n" + details
        self.text.setPlainText(self.details)
        self._say()

    def _say(self) -> None:
        text = self.tr(
            "Dealdesk ran into an error it did not expect: %1\n\n"
            "What you were doing may not have finished; nothing half-done was saved. You can keep "
            "working, or quit and start again."
        ).replace("%1", self._summary)
        if self.more:
            text += "\n\n" + self.tr("%n more error(s) came after it.", "", self.more)
        if self._log is not None:
            text += "\n\n" + self.tr("The details are in the log: %1").replace("%1", str(self._log))
        self.message.setText(text)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy.setText(self.tr("Copied"))

    def _quit(self) -> None:
        self.accept()
        app = QApplication.instance()
        if app is not None:
            app.closeAllWindows()
            app.quit()


class CrashReporter(QObject):
    """Installs itself as the hook for uncaught errors (sys and threading); shows them on the GUI thread."""

    _arrived = Signal(str, str, str)  # summary, details, log path ("" when none): queued from any thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.shown = 0
        self._previous: tuple[Any, Any] | None = None
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_error
        threading.excepthook = self._on_thread_error

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _on_error(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        self.report(error.with_traceback(trace))

    def _on_thread_error(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value, getattr(args.thread, "name", ""))

    def report(self, error: BaseException, thread: str = "") -> None:
        """Log the error and ask the GUI thread to show it (safe from any thread)."""
        where = f" (thread {thread})" if thread else ""
        log = log_exception(error, f"Uncaught error{where}")
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        summary = f"{type(error).__name__}: {error}"[:300]
        self._arrived.emit(summary, details, str(log or ""))

    def _show(self, summary: str, details: str, log: str) -> None:
        self.shown += 1
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_one(details)
            return
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(summary, details, Path(log) if log else None, parent)
        self.dialog.open()


def log_folder() -> Path:
    return log_path().parent
