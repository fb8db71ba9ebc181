"""Reminders while Dealdesk runs: every half minute (and once at start, for the ones missed while it
was closed) the person's due reminders are taken — each once, on whichever PC takes it first — and
shown: a desktop notification where the system has a tray, an in-app note otherwise. Missed ones come
together in one note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.tasks.reminders import Reminder

CHECK_MS = 30_000
SHOWN_MS = 15_000


class ReminderClock(QObject):
    """Takes the due reminders on a timer; `clock` (UTC, naive) is the time it asks for (tests)."""

    reminded = Signal(list)  # the Reminders just taken
    failed = Signal(object)

    def __init__(
        self,
        services: Services,
        window: QWidget,
        *,
        clock: Callable[[], datetime] | None = None,
        interval_ms: int = CHECK_MS,
        use_tray: bool = True,
    ) -> None:
        super().__init__(window)
        self._services = services
        self._clock = clock
        self.toast = ReminderToast(window)
        self.tray: QSystemTrayIcon | None = None
        if use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon() or QIcon(), self)
            self.tray.show()
        self.shown: list[str] = []  # what was said, newest last (tests, and the log of this session)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        QTimer.singleShot(0, self.check)  # the ones missed while Dealdesk was closed: at once

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> list[Reminder]:
        try:
            taken = self._services.reminders.take_due(self._clock() if self._clock else None)
        except Exception as exc:  # the file is busy or gone: next time
            self.failed.emit(exc)
            return []
        if taken:
            self._show(taken)
            self.reminded.emit(taken)
        return taken

    def _show(self, taken: list[Reminder]) -> None:
        missed = [r for r in taken if r.missed]
        on_time = [r for r in taken if not r.missed]
        notes: list[tuple[str, str, int | None]] = []  # title, text, deal to open
        for reminder in on_time:
            task = reminder.task
            text = task.title + (f" — {task.deal_title}" if task.deal_title else "")
            notes.append((self.tr("Reminder"), text, task.deal_id))
        if len(missed) == 1:
            task = missed[0].task
            notes.append((self.tr("Missed reminder"), task.title, task.deal_id))
        elif missed:
            titles = ", ".join(r.task.title for r in missed[:3]) + ("…" if len(missed) > 3 else "")
            text = self.tr("%Ln reminder(s) came while Dealdesk was closed: %1", "", len(missed))
            notes.append((self.tr("Missed reminders"), text.replace("%1", titles), None))
        for title, text, deal_id in notes:
            self.shown.append(f"{title}: {text}")
            if self.tray is not None:
                self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, SHOWN_MS)
            self.toast.show_note(title, text, deal_id)


class ReminderToast(QFrame):
    """The in-app note: a reminder at the top right of the window, with "Open" for its deal."""

    open_deal_requested = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("reminderToast")
        self.setStyleSheet(
            "#reminderToast { background: #fff8e1; border: 1px solid #f2c94c; border-radius: 6px; }"
        )
        self.title = QLabel()
        self.title.setObjectName("reminderTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel()
        self.text.setObjectName("reminderText")
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(360)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("reminderOpen")
        self.close_button = QPushButton("✕")
        self.close_button.setObjectName("reminderClose")
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.setToolTip(self.tr("Close"))
        inner = QHBoxLayout(self)
        inner.setContentsMargins(12, 8, 6, 8)
        words = QFrame()
        stack = QVBoxLayout(words)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.title)
        stack.addWidget(self.text)
        inner.addWidget(words, 1)
        inner.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        inner.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._deal_id: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.open_button.clicked.connect(self._on_open)
        self.close_button.clicked.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def show_note(self, title: str, text: str, deal_id: int | None) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self._deal_id = deal_id
        self.open_button.setVisible(deal_id is not None)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _on_open(self) -> None:
        self.hide()
        if self._deal_id is not None:
            self.open_deal_requested.emit(self._deal_id)

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - 16, 56)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
