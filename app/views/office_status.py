"""The status bar's word on the shared file: who is in it ("3 people in this file"), and how recent
its last backup is (a missing or failed backup warns)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QDate, QLocale, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

REFRESH_MS = 5000


class _Entry(Protocol):
    name: str
    computer: str
    started_at: Any
    activity: str | None
    session: str


class PresenceSource(Protocol):
    session: str

    def everybody(self) -> list[Any]: ...


class PeopleLabel(QLabel):
    """ "3 people in this file", each named with their computer in the tooltip; hidden for a server."""

    def __init__(self, presence: PresenceSource | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleInFile")
        self._presence = presence
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        if presence is None:
            self.hide()
            return
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        if self._presence is None:
            return
        people = self._presence.everybody()
        me = self._presence.session
        count = max(1, len(people))
        if count == 1:
            self.setText(self.tr("Only you in this file"))
        else:
            self.setText(self.tr("%Ln people in this file", "", count))
        lines = []
        for entry in sorted(people, key=lambda e: (e.session != me, e.name.casefold())):
            since = QLocale().toString(entry.started_at.astimezone().time(), QLocale.FormatType.ShortFormat)
            line = self.tr("%1 on %2, since %3").replace("%1", entry.name).replace("%2", entry.computer)
            line = line.replace("%3", since)
            if entry.session == me:
                line += " " + self.tr("(you)")
            if entry.activity:
                line += " — " + entry.activity
            lines.append(line)
        self.setToolTip("\n".join(lines))


WARN_AFTER = timedelta(days=2)  # the daily backup missed twice: say so


class BackupLabel(QLabel):
    """ "Backed up today at 09:12", or a warning: no backup for days, or the last one failed."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupState")
        self.warning = False
        self.hide()

    def show_newest(self, newest: datetime | None, now: datetime | None = None) -> None:
        now = now or datetime.now()  # noqa: DTZ005 - the user's clock
        locale = QLocale()
        if newest is None:
            self._set(self.tr("No backup yet"), warning=True)
        elif newest.date() == now.date():
            self._set(
                self.tr("Backed up today at %1").replace(
                    "%1", locale.toString(newest.time(), QLocale.FormatType.ShortFormat)
                ),
                warning=False,
            )
        else:
            day = locale.toString(
                QDate(newest.year, newest.month, newest.day), QLocale.FormatType.ShortFormat
            )
            stale = now - newest > WARN_AFTER
            text = self.tr("No backup since %1") if stale else self.tr("Last backup %1")
            self._set(text.replace("%1", day), warning=stale)

    def show_failed(self, reason: str) -> None:
        self._set(self.tr("Backup failed"), warning=True, tip=reason)

    def _set(self, text: str, *, warning: bool, tip: str | None = None) -> None:
        self.warning = warning
        self.setText(("⚠ " if warning else "") + text)
        self.setStyleSheet("color: #b3261e;" if warning else "")
        self.setToolTip(tip or self.tr("File › Restore from a backup… lists the backups"))
        self.show()

    def mousePressEvent(self, event: Any) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
