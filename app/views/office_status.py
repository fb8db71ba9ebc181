"""The status bar's word on the shared file: who is in it ("3 people in this file")."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QLocale, QTimer
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
