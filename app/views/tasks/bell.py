"""The bell in the main window: how many notifications are unread, and, clicked, the latest ones —
"Anna assigned you a deal", "a task is due", "your deal was moved by Ben" — each opening what it is
about; "Mark all read". Each person's own, stored in the database (on a shared file: on any PC)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.container import Services
from app.services.core.events import DomainEvent
from app.services.notifications.service import NotificationInfo
from app.ui.formatting import short_moment
from app.ui.i18n import error_text
from app.ui.icons import icon

NotificationRole = Qt.ItemDataRole.UserRole + 1
SHOWN = 50
UNREAD_BG = QColor("#eef4fd")


class NotificationBell(QToolButton):
    """The bell button with the unread count; clicking shows the popup."""

    open_deal_requested = Signal(int)
    open_task_requested = Signal(int)  # a task without a deal: the Tasks area shows it
    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bell")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(icon("bell"))
        self.setAutoRaise(True)
        self._services = services
        self.unread = 0
        self.popup = NotificationPopup(services, self)
        self.popup.opened.connect(self._open)
        self.popup.changed.connect(self.refresh)
        self.clicked.connect(self.show_popup)
        self.refresh()

    def on_changed(self, event: DomainEvent) -> None:
        if event.entity in ("notification", "*"):
            self.refresh()

    def refresh(self) -> None:
        try:
            self.unread = self._services.notifications.unread_count()
        except Exception as exc:  # the file is busy or gone: the bell keeps its count, said once
            self.message.emit(error_text(exc))
            return
        self.setText(QLocale().toString(self.unread) if self.unread else "")
        self.setStyleSheet("QToolButton#bell { color: #b3261e; }" if self.unread else "")
        self.setToolTip(self.tr("%Ln unread notification(s)", "", self.unread))
        font = self.font()
        font.setBold(self.unread > 0)
        self.setFont(font)
        if self.popup.isVisible():
            self.popup.reload()

    def show_popup(self) -> None:
        self.popup.reload()
        self.popup.adjustSize()
        below = self.mapToGlobal(QPoint(self.width() - self.popup.width(), self.height()))
        self.popup.move(below)
        self.popup.show()

    def _open(self, note: NotificationInfo) -> None:
        if note.entity_id is None:
            return
        if note.entity_type == "deal":
            self.open_deal_requested.emit(note.entity_id)
        elif note.entity_type == "task":
            try:
                task = self._services.tasks.get(note.entity_id)
            except Exception as exc:  # done and deleted meanwhile, or not mine to see any more
                self.message.emit(error_text(exc))
                return
            if task.deal_id is not None and task.kind != "approval":  # an approval is answered first
                self.open_deal_requested.emit(task.deal_id)
            else:
                self.open_task_requested.emit(task.id)


class NotificationPopup(QFrame):
    opened = Signal(object)  # the NotificationInfo clicked
    changed = Signal()  # some were marked read

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notificationPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._services = services
        title = QLabel(self.tr("Notifications"))
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        self.mark_all = QPushButton(self.tr("Mark all read"))
        self.mark_all.setObjectName("markAllRead")
        self.mark_all.setFlat(True)
        self.mark_all.clicked.connect(self.mark_all_read)
        self.list = QListWidget()
        self.list.setObjectName("notifications")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemActivated.connect(self._on_activated)
        self.list.itemClicked.connect(self._on_activated)
        self.empty = QLabel(self.tr("Nothing new."))
        self.empty.setObjectName("noNotifications")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.mark_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.setFixedWidth(400)
        self.setMinimumHeight(320)

    def reload(self) -> None:
        notes = self._services.notifications.recent(SHOWN)
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(f"{describe(note)}\n{_when(note.created_at)}")
            item.setData(NotificationRole, note)
            if not note.read:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(UNREAD_BG))
            self.list.addItem(item)
        self.list.setVisible(bool(notes))
        self.empty.setVisible(not notes)
        self.mark_all.setEnabled(any(not n.read for n in notes))

    def mark_all_read(self) -> None:
        self._services.notifications.mark_all_read()
        self.reload()
        self.changed.emit()

    def _on_activated(self, item: QListWidgetItem) -> None:
        note = item.data(NotificationRole)
        if note is None:
            return
        if not note.read:
            self._services.notifications.mark_read([note.id])
            self.changed.emit()
        self.hide()
        self.opened.emit(note)

    def texts(self) -> list[str]:
        return [self.list.item(n).text().split("\n")[0] for n in range(self.list.count())]


class NotificationText(QObject):
    """A notification in the user's words (the stored facts, translated when shown)."""

    def describe(self, note: NotificationInfo) -> str:
        who = note.actor_name or self.tr("Dealdesk")
        n = note.count
        if note.kind == "deal_assigned":
            if n > 1:
                text = self.tr("%1 assigned you %Ln deal(s)", "", n)
            else:
                text = self.tr("%1 assigned you the deal “%2”")
        elif note.kind == "deal_moved":
            if n > 1 and note.detail:
                text = self.tr("%1 moved %Ln of your deals to %3", "", n)
            elif n > 1:
                text = self.tr("%1 moved %Ln of your deals", "", n)
            elif note.detail:
                text = self.tr("%1 moved your deal “%2” to %3")
            else:
                text = self.tr("%1 moved your deal “%2”")
        elif note.kind == "task_assigned":
            text = self.tr("%1 gave you %Ln task(s)", "", n) if n > 1 else self.tr("%1 gave you a task: “%2”")
        elif note.kind == "task_due":
            text = self.tr("Task due: “%2” (%3)") if note.detail else self.tr("Task due: “%2”")
        else:  # a message: its own words
            return f"{who}: {note.detail or ''}"
        return text.replace("%1", who).replace("%2", note.title).replace("%3", note.detail or "")


def describe(note: NotificationInfo) -> str:
    return NotificationText().describe(note)


def _when(moment: datetime) -> str:
    return short_moment(moment)
