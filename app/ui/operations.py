"""Runs slow work off the GUI thread with a progress dialog, a cancel button, and result callbacks."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.core.errors import CancelledError


class Progress:
    """Handed to the work function: report progress; raises CancelledError once the user cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise CancelledError
        self._signals.progress.emit(done, total)


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._progress = progress

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # reported on the GUI thread
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Operation(QObject):
    """One background job with a modal progress dialog. Keep a reference until it finishes."""

    finished = Signal()

    # Tests set this to run jobs synchronously on the calling thread.
    run_synchronously = False
    # Told what a long job is doing (its label) and None when it ends: the main window sets it so
    # that others waiting for the file read "Anna Berg (PC-12): Importing deals…".
    announce: Callable[[str | None], None] | None = None

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        *,
        on_cancel: Callable[[], None] | None = None,
        show_progress: bool = True,
    ) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._progress = Progress(self._signals)
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancel = on_cancel
        self._dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Small jobs finish before a dialog could be read: none is shown for them.
        self._dialog.setMinimumDuration(300 if show_progress else 2**31 - 1)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._dialog.canceled.connect(self._progress.cancel)
        self._signals.progress.connect(self._on_progress)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._job = _Job(work, self._signals, self._progress)
        self._job.setAutoDelete(False)  # Python owns it (self._job): no second delete by Qt
        self._label = label

    def start(self) -> None:
        if Operation.announce is not None:
            Operation.announce(self._label)
        if Operation.run_synchronously:
            self._job.run()
        else:
            worker_pool().start(self._job)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))

    def _on_succeeded(self, result: Any) -> None:
        self._close()
        self._on_success(result)

    def _on_failed(self, error: BaseException) -> None:
        self._close()
        if isinstance(error, CancelledError):
            if self._on_cancel is not None:
                self._on_cancel()
            return
        self._on_failure(error)

    def _close(self) -> None:
        self._dialog.reset()
        self._dialog.close()
        if Operation.announce is not None:
            Operation.announce(None)
        self.finished.emit()
        self.deleteLater()


class _CallSignals(QObject):
    done = Signal(object)
    failed = Signal(object)
    part = Signal(object)  # a first part of the result, handed out before the rest


class _Call(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _CallSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # handed to the GUI thread
            self._emit(self._signals.failed, exc)
        else:
            self._emit(self._signals.done, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # closing down: nobody waits for this result any more
            signal.emit(value)


def run_in_background(
    work: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    *,
    on_part: Callable[[Any], None] | None = None,
    owner: QObject | None = None,
) -> _CallSignals:
    """Run a quick query off the GUI thread, without a dialog; the callbacks run on the GUI thread.
    With `on_part`, `work` is handed a function that sends a part of the result ahead to `on_part`.

    Keep the returned object while the result matters: the callbacks hang on its signals.
    """
    signals = _CallSignals()
    if on_done is not None:
        signals.done.connect(_while_alive(owner, on_done))
    if on_failed is not None:
        signals.failed.connect(_while_alive(owner, on_failed))
    job = work
    if on_part is not None:
        signals.part.connect(_while_alive(owner, on_part))

        def with_parts() -> Any:
            return work(lambda part: _Call._emit(signals.part, part))

        job = with_parts
    call = _Call(job, signals)
    # Both must outlive the caller's references: a runnable or a signal object collected while
    # the worker thread still uses it would crash. They are let go when the call has finished.
    _running.add((call, signals))

    def finished(_result: object) -> None:
        _running.discard((call, signals))

    signals.done.connect(finished)
    signals.failed.connect(finished)
    call.setAutoDelete(False)
    if Operation.run_synchronously:
        call.run()
    else:
        worker_pool().start(call)
    return signals


def _while_alive(owner: QObject | None, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """The callback, skipped once `owner` (the view or model the result is for) has been deleted: a
    result may arrive after its window closed."""
    if owner is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


MIN_WORKER_THREADS = 8


def worker_pool() -> QThreadPool:
    """Qt's shared pool, with room for reads next to long jobs: one thread per core (2 here) let a
    daily backup or a list's summary of ten million deals hold every thread while a new sort or a
    calendar waited its turn. The threads mostly wait on SQLite, which lets go of the GIL."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_WORKER_THREADS:
        pool.setMaxThreadCount(MIN_WORKER_THREADS)
    return pool


_running: set[tuple[_Call, _CallSignals]] = set()
