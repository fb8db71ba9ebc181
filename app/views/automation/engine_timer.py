"""The automation engine inside the app: every quarter minute, off the GUI thread, whether anything
is due (one index probe each for jobs and mails); if so, the due jobs run and the outbox is sent.
Several PCs on one file each run it: the leases make each job run once."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.container import Services
from app.ui.operations import run_in_background

CHECK_MS = 15_000
FIRST_CHECK_MS = 3_000  # soon after start: jobs that fell due while Dealdesk was closed
log = logging.getLogger(__name__)


class EngineTimer(QObject):
    ran = Signal(object)  # the EngineRun of a round that did something
    failed = Signal(object)

    def __init__(
        self, services: Services, parent: QObject | None = None, *, interval_ms: int = CHECK_MS
    ) -> None:
        super().__init__(parent)
        self._engine = services.automation_engine()
        self._busy = False
        self._call: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        QTimer.singleShot(min(FIRST_CHECK_MS, interval_ms), self.tick)

    def stop(self) -> None:
        self._timer.stop()

    def tick(self) -> None:
        if self._busy or not self._timer.isActive():
            return  # the last round is still going (a slow mail server)
        self._busy = True
        engine = self._engine

        def work() -> Any:
            return None if engine.idle() else engine.run_due()

        self._call = run_in_background(work, self._done, self._failed)

    def _done(self, outcome: Any) -> None:
        self._busy = False
        if outcome is not None and outcome.anything:
            self.ran.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        log.warning("Automation round failed: %s", error)
        self.failed.emit(error)
