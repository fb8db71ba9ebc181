"""The first start: when Dealdesk has never run on this computer (no database at the default place,
none opened before, the assistant never finished) the assistant asks, and its answers are applied
once the database is open — the office's details, the base currency, the administrator's password,
demo data or the import wizard. It never comes again unless asked (`dealdesk --first-run`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import default_database
from app.dialogs.first_run.assistant import Answers, FirstRunAssistant, Start, Where
from app.services.container import Services
from app.services.core.errors import DatabaseError, ServiceError
from app.ui.actions import ActionId
from app.ui.i18n import error_text, install_translations
from app.ui.operations import Operation
from app.ui.settings import FIRST_RUN_DONE, LANGUAGE, UserSettings


def check_server(url: str) -> str | None:
    """None when the server answers; else what went wrong, in words."""
    from sqlalchemy import text
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from app.storage.database import create_database_engine, parse_url

    if not url.startswith(("postgresql://", "postgresql+psycopg://")):
        return QCoreApplication.translate(
            "firstRun", "A PostgreSQL address begins with postgresql+psycopg://user@server/database"
        )
    try:
        engine = create_database_engine(parse_url(url))
    except (ArgumentError, ValueError, ImportError) as exc:
        return str(exc)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except SQLAlchemyError as exc:
        return str(getattr(exc, "orig", exc)).strip().splitlines()[0][:300]
    except (ServiceError, DatabaseError) as exc:  # the server's own words, put in the user's terms
        return error_text(exc)
    finally:
        engine.dispose()


def ask(app: QApplication, language: str, translators: list[Any]) -> tuple[Answers | None, list[Any]]:
    """Show the assistant; (its answers or None when cancelled, the translators now installed)."""
    held = {"translators": translators}

    def switch(code: str) -> None:
        for translator in held["translators"]:
            app.removeTranslator(translator)
        held["translators"] = install_translations(app, code)

    assistant = FirstRunAssistant(default_database(), language or "en", switch, check_server)
    accepted = assistant.exec()
    return (assistant.answers if accepted else None), held["translators"]


def apply(services: Services, answers: Answers, settings: UserSettings) -> list[str]:
    """Apply what was answered to the new database; what could not be applied, in words."""
    problems: list[str] = []
    settings.set(LANGUAGE, answers.language)
    settings.set(FIRST_RUN_DONE, 1)
    if any(answers.company.values()) or answers.logo:
        try:
            services.document_settings.set_my_company(answers.company, answers.logo)
        except ServiceError as exc:
            problems.append(error_text(exc))
    try:
        services.currencies.set_base(answers.currency)
    except ServiceError as exc:
        problems.append(error_text(exc))
    if answers.password and services.context.actor_id is not None:
        try:
            services.passwords.set_password(services.context.actor_id, answers.password)
        except ServiceError as exc:
            problems.append(error_text(exc))
    return problems


DEMO_DEALS = 2_000


def begin(window: Any, services: Services, answers: Answers) -> Operation | None:
    """Demo data (off the GUI thread, with progress and a cancel button) or the import wizard, once
    the window is there."""
    if answers.start is Start.IMPORT:
        window.actions[ActionId.IMPORT_DEALS].trigger()
        return None
    if answers.start is not Start.DEMO:
        return None
    from app.demo import DemoCancelled, generate_demo

    def work(progress: Any) -> Any:
        return generate_demo(
            services.database,
            DEMO_DEALS,
            seed=1,
            language=answers.language,
            progress=lambda _label, done, total: progress(done, total),
            cancelled=lambda: progress.cancelled,
        )

    def failed(error: BaseException) -> None:
        if not isinstance(error, DemoCancelled):
            title = QCoreApplication.translate("firstRun", "Demo data")
            QMessageBox.warning(window, title, error_text(error))

    making = Operation(
        window,
        QCoreApplication.translate("firstRun", "Making demo data…"),
        work,
        lambda _stats: window.deals.refresh(),
        failed,
    )
    making.start()
    return making


__all__ = ["Answers", "Where", "apply", "ask", "begin", "check_server"]
