"""Waiting for another PC's write lock without freezing: a note saying for whom, and Cancel.

A shared SQLite file lets one writer at a time. When another PC holds the lock (a long import),
a change made here waits. On the GUI thread that wait happens in short tries with the event loop
running in between, so the window keeps answering; after a moment a note says who holds the file
("Anna Berg (PC-12) is busy: Importing deals…") and Cancel gives up, changing nothing. Work on
other threads (long operations with their own progress) waits there, up to the usual timeout.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.services.core.errors import MSG_STORAGE_BUSY, MSG_WAIT_CANCELLED, DatabaseError, StorageProblem

NOTE_AFTER_S = 0.3  # a lock released this quickly needs no note
THREAD_WAIT_S = 10.0  # off the GUI thread: as long as SQLite's own busy timeout
HOLDER_EVERY_S = 2.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("LockWait", text)


class LockWait:
    """The lock waiter handed to the services (`Services.set_lock_waiter`)."""

    def __init__(self, name: str, holder: Callable[[], str | None] | None = None) -> None:
        self._name = name
        self._holder = holder or (lambda: None)

    def __call__(self, attempt: Callable[[], bool]) -> None:
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            self._wait_here(attempt)
            return
        self._wait_with_note(attempt)

    def _wait_here(self, attempt: Callable[[], bool]) -> None:
        deadline = time.monotonic() + THREAD_WAIT_S
        while not attempt():
            if time.monotonic() > deadline:
                raise DatabaseError(MSG_STORAGE_BUSY, StorageProblem.BUSY, name=self._name)

    def _wait_with_note(self, attempt: Callable[[], bool]) -> None:
        started = time.monotonic()
        dialog: QProgressDialog | None = None
        asked_holder = 0.0
        try:
            while not attempt():
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
                now = time.monotonic()
                if dialog is None and now - started >= NOTE_AFTER_S:
                    dialog = self._note()
                if dialog is not None:
                    if dialog.wasCanceled():
                        raise DatabaseError(MSG_WAIT_CANCELLED, StorageProblem.BUSY, name=self._name)
                    if now - asked_holder >= HOLDER_EVERY_S:
                        asked_holder = now
                        dialog.setLabelText(self._text())
        finally:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()

    def _note(self) -> QProgressDialog:
        parent = QApplication.activeWindow()
        dialog = QProgressDialog(
            self._text(), _tr("Cancel"), 0, 0, parent if isinstance(parent, QWidget) else None
        )
        dialog.setObjectName("lockWait")
        dialog.setWindowTitle(_tr("Waiting for the database"))
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(460)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show()
        return dialog

    def _text(self) -> str:
        holder = self._holder()
        if holder:
            return _tr(
                "Another PC is writing to the database:\n%1\n"
                "Your change is saved as soon as the file is free; Cancel gives it up."
            ).replace("%1", holder)
        return _tr(
            "Somebody else is writing to the database (another PC's import or large change).\n"
            "Your change is saved as soon as the file is free; Cancel gives it up."
        )
