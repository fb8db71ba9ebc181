"""One "what changed" signal for every view: this app's domain events and other PCs' commits."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.container import Services
from app.services.core.changes import EXTERNAL_CHANGE
from app.services.core.errors import DatabaseError
from app.services.core.events import DomainEvent
from app.ui.i18n import error_text


class ChangeHub(QObject):
    """Re-emits domain events on the GUI thread and polls the database for commits by others.

    `changed` carries a DomainEvent; EXTERNAL_CHANGE when another process wrote the file.
    """

    changed = Signal(object)
    trouble = Signal(str)  # the file can't be reached (a share gone): the words; "" once it is back
    _local = Signal(object)

    def __init__(self, services: Services, poll_ms: int = 1500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Events may be published from worker threads; a queued signal delivers them here.
        self._local.connect(self._on_local)
        self._unsubscribe = services.events.subscribe(self._local.emit)
        self._monitor = services.change_monitor()
        self._troubled = False
        self._timer = QTimer(self)
        self._timer.setInterval(self._monitor.interval_ms(poll_ms))
        self._timer.timeout.connect(self._on_poll)
        if self._monitor.supported and poll_ms > 0:
            self._monitor.poll()  # first reading
            self._timer.start()

    def _on_local(self, event: DomainEvent) -> None:
        if self._timer.isActive() and self._monitor.counts_own_commits:
            # Our own commit moved data_version too: take it as the new baseline, so the
            # poller reports only what others wrote. Views re-read after this, so nothing
            # committed before this reading is missed. (A server's announcements say whose they
            # are: nothing to skip there, and a colleague's waiting one must not be swallowed.)
            self._monitor.poll()
        self.changed.emit(event)

    def _on_poll(self) -> None:
        try:
            changed = self._monitor.poll()
        except DatabaseError as exc:
            if not self._troubled:
                self._troubled = True
                self.trouble.emit(error_text(exc))
            return
        if self._troubled:
            self._troubled = False
            self.trouble.emit("")
            self.changed.emit(EXTERNAL_CHANGE)  # whatever changed meanwhile
        if changed:
            self.changed.emit(EXTERNAL_CHANGE)  # views re-read as for the file (a server also said what)

    def stop(self) -> None:
        self._timer.stop()
        self._unsubscribe()
        self._monitor.close()
