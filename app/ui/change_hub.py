"""One "what changed" signal for every view: this app's domain events and other PCs' commits."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.container import Services
from app.services.core.changes import EXTERNAL_CHANGE
from app.services.core.events import DomainEvent


class ChangeHub(QObject):
    """Re-emits domain events on the GUI thread and polls the database for commits by others.

    `changed` carries a DomainEvent; EXTERNAL_CHANGE when another process wrote the file.
    """

    changed = Signal(object)
    _local = Signal(object)

    def __init__(self, services: Services, poll_ms: int = 1500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Events may be published from worker threads; a queued signal delivers them here.
        self._local.connect(self._on_local)
        self._unsubscribe = services.events.subscribe(self._local.emit)
        self._monitor = services.change_monitor()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._on_poll)
        if self._monitor.supported and poll_ms > 0:
            self._monitor.poll()  # first reading
            self._timer.start()

    def _on_local(self, event: DomainEvent) -> None:
        if self._timer.isActive():
            # Our own commit moved data_version too: take it as the new baseline, so the
            # poller reports only what others wrote. Views re-read after this, so nothing
            # committed before this reading is missed.
            self._monitor.poll()
        self.changed.emit(event)

    def _on_poll(self) -> None:
        if self._monitor.poll():
            self.changed.emit(EXTERNAL_CHANGE)

    def stop(self) -> None:
        self._timer.stop()
        self._unsubscribe()
        self._monitor.close()
