"""Starts the GUI in two steps: a first frame painted from Qt alone, then everything else.

Python, Qt and a window take ~80 ms; SQLAlchemy, the models, the services and the views took
~600 ms more before anything was on screen. Now the frame (`StartFrame`) is painted first, and
those imports run on a helper thread while the frame stays alive (it can be moved, its busy bar
runs); the database opens, the person signs in and the main window takes the frame's place. A
first start (the assistant) has no frame: the assistant is the first window.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from importlib import import_module
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.config import default_database
from app.ui.crash import CrashReporter
from app.ui.i18n import effective_language, install_translations
from app.ui.icons import icon
from app.ui.settings import FIRST_RUN_DONE, LANGUAGE, ORGANIZATION, UserSettings, recent_files

SESSION_MODULE = "app.gui.application"  # the ORM, the services and every view load with it
LOOK_MS = 15  # how often the frame looks whether they are loaded


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName("Dealdesk")
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(icon("dealdesk"))
    return app


def first_run_needed(database: str, settings: UserSettings) -> bool:
    if settings.get(FIRST_RUN_DONE) or recent_files(settings):
        return False
    return database == default_database() and not Path(database).exists()


def run_gui(
    database: str,
    *,
    login: str | None = None,
    language: str | None = None,
    exit_when_shown: bool = False,
    first_run: bool = False,
) -> int:
    """The window on the database until it is closed; the exit code."""
    app = create_application()
    crashes = CrashReporter(app)  # an uncaught error anywhere: logged and shown
    crashes.install()
    # Loading makes hundreds of thousands of objects that live as long as the process: the collector
    # walking them again and again took ~100 ms of the start. Off until the main window is built
    # (`build_main_window` then moves them out of its sight and turns it back on).
    gc.disable()
    try:
        settings = UserSettings()
        lang = effective_language(language, settings.get(LANGUAGE))
        translators = install_translations(app, lang)
        frame = None
        if not first_run and not first_run_needed(database, settings):
            from app.gui.start_frame import StartFrame

            frame = StartFrame(database)
            frame.show()
            frame.repaint()  # painted now, not when the loop next runs
            if exit_when_shown:  # for the cold-start benchmark
                print(f"frame {time.time():.6f}", flush=True)
        session = load_in_background(SESSION_MODULE)
        return session.run_session(  # type: ignore[no-any-return]
            app,
            database,
            settings,
            lang,
            translators,
            frame=frame,
            login=login,
            exit_when_shown=exit_when_shown,
            first_run=frame is None,
        )
    finally:
        gc.enable()
        crashes.uninstall()


def load_in_background(name: str) -> ModuleType:
    """Import a module on a helper thread while Qt keeps handling the frame's events; the module.
    (Imports only define things: no widget is made off the GUI thread.)"""
    if name in sys.modules:
        return sys.modules[name]
    # While the helper imports, the GUI thread gets the interpreter every millisecond, not every 5.
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    loaded: list[ModuleType] = []
    failed: list[BaseException] = []

    def work() -> None:
        try:
            loaded.append(import_module(name))
        except BaseException as exc:  # raised on the GUI thread below
            failed.append(exc)

    helper = threading.Thread(target=work, name="load-views", daemon=True)
    # Qt's own loop waits for the frame's events with the interpreter released (the helper runs
    # meanwhile); a timer looks in on the helper.
    waiting = QEventLoop()
    look = QTimer()
    look.setInterval(LOOK_MS)
    look.timeout.connect(lambda: None if helper.is_alive() else waiting.quit())
    helper.start()
    look.start()
    waiting.exec()
    look.stop()
    helper.join()
    sys.setswitchinterval(switch)
    if failed:
        raise failed[0]
    return loaded[0]
