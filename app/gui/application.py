"""Starts the GUI: application object, translations, services, the main window."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services import DatabaseError, ServiceError, Services, open_services
from app.ui.change_hub import ChangeHub
from app.ui.i18n import effective_language, error_text, install_translations
from app.ui.icons import icon
from app.ui.settings import CHANGE_POLL_MS, LANGUAGE, ORGANIZATION, UserSettings
from app.views.main_window import MainWindow


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


def build_main_window(services: Services, settings: UserSettings) -> MainWindow:
    hub = ChangeHub(services, poll_ms=settings.get(CHANGE_POLL_MS))
    window = MainWindow(services, settings, hub)
    hub.setParent(window)
    return window


def finish_background_work(window: MainWindow) -> None:
    """Let background queries stop (they would find their window gone) before the database closes."""
    window.deals.model.cursor.abandon()
    QThreadPool.globalInstance().waitForDone(5000)


def run_gui(
    database: str, *, login: str | None = None, language: str | None = None, exit_when_shown: bool = False
) -> int:
    app = create_application()
    settings = UserSettings()
    lang = effective_language(language, settings.get(LANGUAGE))
    translators = install_translations(app, lang)
    try:
        services = open_services(database, login=login, language=lang)
    except (DatabaseError, ServiceError) as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("application", "Dealdesk can't open the database"),
            error_text(exc),
        )
        return 1
    window = build_main_window(services, settings)
    window.show()
    if exit_when_shown:
        # For the cold-start benchmark: report when the first frame is up, then leave.
        def report() -> None:
            print(f"shown {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report)
    code = app.exec()
    finish_background_work(window)
    services.close()
    del translators
    return code
