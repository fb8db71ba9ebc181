"""The GUI session after the first frame (see `launch`): the database opened, the person signed in,
the main window built and run until it is closed."""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QProcess, QThreadPool, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QWidget

from app.gui.first_run import Where
from app.gui.first_run import apply as apply_first_run
from app.gui.first_run import ask as ask_first_run
from app.gui.first_run import begin as begin_first_run
from app.gui.opening import open_interactively
from app.gui.start_frame import StartFrame
from app.services.container import Services, open_services, sqlite_file
from app.services.core.errors import MSG_WAIT_CANCELLED, DatabaseError, ServiceError, StorageProblem
from app.storage.backups import journal_is_hot
from app.ui.change_hub import ChangeHub
from app.ui.lock_wait import LockWait
from app.ui.operations import Operation
from app.ui.settings import CHANGE_POLL_MS, LAST_LOGIN, UserSettings
from app.views.main_window import MainWindow

GC_YOUNGEST = 20_000  # new objects between two quick collections (Python's default: 700)
ENV_PASSWORD = "DEALDESK_PASSWORD"  # the password of the person named by --user (scripts, kiosks)


def build_main_window(services: Services, settings: UserSettings) -> MainWindow:
    # Queries run on worker threads while the GUI thread paints; every call from Qt into Python
    # (a cell's data, a delegate's paint) needs the GIL, which a busy worker hands over only every
    # switch interval: 5 ms by default turned a repaint into a convoy of waits (first open of
    # Analytics 122 → 78 ms longest stall at 1M deals with 1 ms).
    sys.setswitchinterval(0.001)
    hub = ChangeHub(services, poll_ms=settings.get(CHANGE_POLL_MS))
    presence = services.presence()
    services.set_lock_waiter(LockWait(services.database.display_name, lambda: _holder_text(presence)))
    Operation.announce = presence.set_activity if presence is not None else None
    window = MainWindow(services, settings, hub, presence=presence)
    hub.setParent(window)
    window.restart_wanted.connect(lambda: restart(window))
    # What the imports and the window made lives as long as the window: out of the collector's
    # sight, a full collection no longer walks it (it froze the GUI for 60–80 ms at a time). The
    # start keeps the collector off until here (see `launch.run_gui`).
    gc.freeze()
    # A full collection holds the interpreter while it walks what is left (13–23 ms each at a
    # million deals, often on a worker thread, the window then frozen with it); it comes after so
    # many of the quick ones, which come after so many new objects: 20,000 instead of 700 makes all
    # of them rarer (a few hundred kB more garbage waits for the next).
    gc.set_threshold(GC_YOUNGEST, *gc.get_threshold()[1:])
    gc.enable()
    return window


def _holder_text(presence: Any) -> str | None:
    """Who most likely holds the write lock, in words ("Anna Berg on PC-12: Importing deals…")."""
    holder = presence.holder() if presence is not None else None
    if holder is None:
        return None
    return (
        QCoreApplication.translate("application", "%1 on %2: %3")
        .replace("%1", holder.name)
        .replace("%2", holder.computer)
        .replace("%3", holder.activity or "")
    )


def restart(window: MainWindow) -> bool:
    """Start Dealdesk again with the same arguments (e.g. in the language just chosen), then close
    this window; False when the new one could not be started (this one then stays)."""
    if getattr(sys, "frozen", False):
        program, arguments = sys.executable, sys.argv[1:]
    else:
        program, arguments = sys.executable, ["-m", "app", *sys.argv[1:]]
    started = QProcess.startDetached(program, arguments)
    started = started[0] if isinstance(started, tuple) else started
    if started:
        window.close()
    return bool(started)


def finish_background_work(window: MainWindow) -> None:
    """Let background queries stop (they would find their window gone) before the database closes."""
    window.deals.model.cursor.abandon()
    QThreadPool.globalInstance().waitForDone(5000)


OPEN_QUIETLY_S = 0.4  # opening that takes longer than this says what it is doing


def open_with_progress(
    app: QApplication,
    database: str,
    *,
    login: str | None,
    language: str,
    create: bool = True,
    over: QWidget | None = None,
) -> Services:
    """Open the database off the GUI thread; when that takes a while (a file from an older Dealdesk
    is backed up and upgraded first, which takes about half a minute at a million deals), a window
    says so instead of nothing happening."""
    opened: list[Services] = []
    failed: list[BaseException] = []

    def work() -> None:
        try:
            opened.append(open_services(database, login=login, language=language, create=create))
        except BaseException as exc:  # raised on the GUI thread below
            failed.append(exc)

    worker = threading.Thread(target=work, name="open-database", daemon=True)
    worker.start()
    worker.join(OPEN_QUIETLY_S)
    if worker.is_alive():
        waiting = QProgressDialog(over)  # over the first frame, if there is one
        label = QLabel(
            QCoreApplication.translate(
                "application",
                "Opening the database…\nA database from an older Dealdesk is backed up and upgraded first; "
                "a large one takes a minute. If another PC holds the file (a long import), this waits "
                "for it.",
            )
        )
        label.setWordWrap(True)
        waiting.setLabel(label)
        waiting.setRange(0, 0)  # no telling how far it is: a busy bar
        waiting.setFixedWidth(440)
        waiting.setWindowTitle("Dealdesk")
        # Cancel leaves the opening to itself and quits: an upgrade is one transaction, so one that is
        # cut off when Dealdesk ends is rolled back by SQLite, never left halfway.
        waiting.setCancelButtonText(QCoreApplication.translate("application", "Cancel"))
        waiting.setMinimumDuration(0)
        waiting.show()
        while worker.is_alive():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            worker.join(0.05)
            if waiting.wasCanceled():
                waiting.close()
                raise DatabaseError(MSG_WAIT_CANCELLED, StorageProblem.BUSY, name=database)
        waiting.close()
        waiting.deleteLater()
    if failed:
        raise failed[0]
    return opened[0]


def sign_in(services: Services, settings: UserSettings, login: str | None, database: str) -> Services | None:
    """The services acting as whoever signs in, when the database asks (two active people, or a
    password set); None if they cancel. `--user` (or $DEALDESK_USER) names the person: one without a
    password, or whose password is in $DEALDESK_PASSWORD, comes in without the dialog."""
    from app.dialogs.sign_in_dialog import SignInDialog

    if not services.passwords.sign_in_required():
        return services
    if login:
        try:
            signed = services.passwords.sign_in(login, os.environ.get(ENV_PASSWORD, ""))
        except ServiceError:
            pass  # asked in the dialog, which says what is wrong
        else:
            return services.as_user(signed.login)
    dialog = SignInDialog(services, last_login=login or settings.get(LAST_LOGIN), database=database)
    if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.signed_in is None:
        return None
    settings.set(LAST_LOGIN, dialog.signed_in.login)
    return services.as_user(dialog.signed_in.login)


def run_session(
    app: QApplication,
    database: str,
    settings: UserSettings,
    lang: str,
    translators: list[QTranslator],
    *,
    frame: StartFrame | None = None,
    login: str | None = None,
    exit_when_shown: bool = False,
    first_run: bool = False,
) -> int:
    """From the first frame to the window closed; the exit code. `first_run`: the assistant asks
    first (there is no frame then: the assistant is the first window)."""
    answers = None
    if first_run:
        answers, translators = ask_first_run(app, lang, translators)
        if answers is None:
            return 0
        database, lang = answers.database, answers.language
        if answers.where is Where.LOCAL:  # the user data folder, made on the first start
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    try:
        path = sqlite_file(database)
        crashed_mid_write = path is not None and journal_is_hot(path)  # before opening rolls it back
        services = open_interactively(
            database,
            settings,
            lambda chosen, create: open_with_progress(
                app, chosen, login=login, language=lang, create=create, over=frame
            ),
            create=answers is not None and path is not None and not path.exists(),
        )
        if services is None:
            return 1
        signed_in = sign_in(services, settings, login, database)
        if signed_in is None:  # the sign-in was cancelled: nothing opens
            services.close()
            return 0
        services = signed_in
        if answers is not None:
            for problem in apply_first_run(services, answers, settings):
                QMessageBox.warning(None, QCoreApplication.translate("firstRun", "First start"), problem)
        window = build_main_window(services, settings)
        if frame is not None:
            frame.hand_over(window)
            frame = None
        else:
            window.show()
    finally:
        if frame is not None:  # nothing opened: the frame goes with it
            frame.close()
            frame.deleteLater()
    starting = begin_first_run(window, services, answers) if answers is not None else None
    ended_badly = crashed_mid_write or bool(window.presence and window.presence.crashed_sessions())
    if ended_badly:
        window.check_after_crash()
    if exit_when_shown:
        # For the cold-start benchmark: report when the main window is up, then leave.
        def report() -> None:
            print(f"shown {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report)
    code = app.exec()
    del starting
    window.close()  # its timers stopped, also when the loop was left without closing it
    finish_background_work(window)
    services.close()
    del translators
    return code
